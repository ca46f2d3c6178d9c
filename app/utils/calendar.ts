/*
 * Calendar arithmetic on the app's three kinds of calendar values (decision 0004):
 * dates 'YYYY-MM-DD', months 'YYYY-MM' and quarters 'YYYY-Qn'. They are text that compares in
 * order and never shifts with a time zone, so nothing here reads a clock or a time zone: what
 * "today" is comes from clock.ts (`today()`, the date in Calais, Europe/Paris). Computations go
 * through UTC midnights only to count days.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function daysIn(year: number, month: number) {
	return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function parseMonth(month: string) {
	const m = MONTH.exec(month)
	const year = Number(m?.[1])
	const mon = Number(m?.[2])
	if (!m || mon < 1 || mon > 12) throw new Error(`Not a month (YYYY-MM): ${month}`)
	return { year, month: mon }
}

function parseDate(date: string) {
	const m = DATE.exec(date)
	const year = Number(m?.[1])
	const month = Number(m?.[2])
	const day = Number(m?.[3])
	if (!m || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
		throw new Error(`Not a date (YYYY-MM-DD): ${date}`)
	}
	return { year, month, day }
}

function parseQuarter(quarter: string) {
	if (!QUARTER_PATTERN.test(quarter)) throw new Error(`Not a quarter (YYYY-Qn): ${quarter}`)
	return { year: Number(quarter.slice(0, 4)), q: Number(quarter.slice(6)) }
}

/** Days since 1970-01-01: dates become numbers that can be subtracted. */
function dayNumber(date: string) {
	const d = parseDate(date)
	return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000
}

function fromDayNumber(n: number) {
	return new Date(n * 86_400_000).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------- checks

/** A real calendar date 'YYYY-MM-DD' (no 30 February). */
export function isDate(value: string) {
	const m = DATE.exec(value)
	if (!m) return false
	const month = Number(m[2])
	const day = Number(m[3])
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(Number(m[1]), month)
}

export function isMonth(value: string) {
	const m = MONTH.exec(value)
	return Boolean(m) && Number(m![2]) >= 1 && Number(m![2]) <= 12
}

// ---------------------------------------------------------------- days

/** The date n days after (or before, n < 0) a date. */
export function addDays(date: string, n: number) {
	return fromDayNumber(dayNumber(date) + n)
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string) {
	return dayNumber(to) - dayNumber(from)
}

// ---------------------------------------------------------------- months

/** 'YYYY-MM' of a date 'YYYY-MM-DD'. */
export function monthOf(date: string) {
	parseDate(date)
	return date.slice(0, 7)
}

export function yearOf(date: string) {
	return Number(date.slice(0, 4))
}

export function daysInMonth(month: string) {
	const m = parseMonth(month)
	return daysIn(m.year, m.month)
}

export function firstDayOf(month: string) {
	parseMonth(month)
	return `${month}-01`
}

export function lastDayOf(month: string) {
	return `${month}-${pad(daysInMonth(month))}`
}

/** The month n months after (or before, n < 0) a month. */
export function addMonths(month: string, n: number) {
	const m = parseMonth(month)
	const index = m.year * 12 + (m.month - 1) + n
	return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`
}

/** Whole months from month `from` to month `to` (negative when `to` comes first). */
export function monthDiff(from: string, to: string) {
	const a = parseMonth(from)
	const b = parseMonth(to)
	return (b.year - a.year) * 12 + (b.month - a.month)
}

/** The same day n months later (or earlier), kept within the month: 31 Jan + 1 month = 28/29 Feb. */
export function addMonthsToDate(date: string, n: number) {
	const month = addMonths(monthOf(date), n)
	const day = Math.min(parseDate(date).day, daysInMonth(month))
	return `${month}-${pad(day)}`
}

/**
 * The n-th anniversary of a date, as text. An entry on 29 February has its anniversary in a common
 * year on "02-29", which sorts between the 28th and 1 March: compared as text, it acts as 1 March.
 */
export function anniversary(date: string, years: number) {
	return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`
}

/** Every month from `from` to `to`, both included; empty when `to` comes first. */
export function monthRange(from: string, to: string) {
	const months: string[] = []
	for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m)
	return months
}

// ---------------------------------------------------------------- quarters

/** The quarter of a date or a month: 2026-05-10 → 2026-Q2. */
export function quarterOf(dateOrMonth: string) {
	return `${dateOrMonth.slice(0, 4)}-Q${Math.floor((Number(dateOrMonth.slice(5, 7)) - 1) / 3) + 1}`
}

export function quarterStart(quarter: string) {
	const { year, q } = parseQuarter(quarter)
	return `${pad(year, 4)}-${pad((q - 1) * 3 + 1)}-01`
}

export function quarterEnd(quarter: string) {
	const { year, q } = parseQuarter(quarter)
	return lastDayOf(`${pad(year, 4)}-${pad(q * 3)}`)
}

/** The quarter n quarters after (or before, n < 0) a quarter. */
export function addQuarters(quarter: string, n: number) {
	const { year, q } = parseQuarter(quarter)
	const index = year * 4 + (q - 1) + n
	return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`
}

/** The latest quarter that has ended on `date`: the one a KPI report is due for. */
export function lastFinishedQuarter(date: string) {
	return addQuarters(quarterOf(date), -1)
}

/** Every quarter from `from` to `to`, both included; empty when `to` comes first. */
export function quarterRange(from: string, to: string) {
	const quarters: string[] = []
	for (let q = from; q <= to; q = addQuarters(q, 1)) quarters.push(q)
	return quarters
}
