import { z } from 'zod'

/** TEKTOS opened in June 2013: "since the start" begins there. */
export const OPENING_DATE = '2013-06-01'

export type ReportPeriod = {
	kind: 'all' | 'year' | 'quarter' | 'range'
	from: string
	to: string
	/** the query string that reproduces this period */
	search: string
	cohortId: number | null
}

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v)

function lastDayOfMonth(year: number, month: number) {
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

/**
 * The period of a report, from the URL: ?year=2025, ?quarter=2025-Q3, ?from=…&to=…, or nothing
 * (since the opening). Anything malformed falls back to "since the opening"; a period never ends
 * after today, so that "this year" is the year so far.
 */
export function parseReportPeriod(input: URLSearchParams, today: string): ReportPeriod {
	// the period form sends every field plus `period`, the kind chosen: keep only that kind's fields
	const searchParams = new URLSearchParams(input)
	const chosen = input.get('period')
	if (chosen) {
		const keep: Record<string, string[]> = {
			all: [],
			year: ['year'],
			quarter: ['quarter'],
			range: ['from', 'to'],
		}
		for (const key of ['year', 'quarter', 'from', 'to']) {
			if (!(keep[chosen] ?? []).includes(key)) searchParams.delete(key)
		}
	}
	const cohort = z.coerce.number().int().positive().safeParse(searchParams.get('cohort'))
	const cohortId = searchParams.get('cohort') && cohort.success ? cohort.data : null
	const cap = (to: string) => (to > today ? today : to)
	const withCohort = (search: URLSearchParams) => {
		if (cohortId) search.set('cohort', String(cohortId))
		return search.toString()
	}

	const year = z.coerce.number().int().min(2013).max(2100).safeParse(searchParams.get('year'))
	if (searchParams.get('year') && year.success) {
		return {
			kind: 'year',
			from: `${year.data}-01-01`,
			to: cap(`${year.data}-12-31`),
			search: withCohort(new URLSearchParams({ year: String(year.data) })),
			cohortId,
		}
	}
	const quarter = /^(\d{4})-Q([1-4])$/.exec(searchParams.get('quarter') ?? '')
	if (quarter) {
		const y = Number(quarter[1])
		const q = Number(quarter[2])
		if (y >= 2013 && y <= 2100) {
			return {
				kind: 'quarter',
				from: `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`,
				to: cap(lastDayOfMonth(y, q * 3)),
				search: withCohort(new URLSearchParams({ quarter: `${y}-Q${q}` })),
				cohortId,
			}
		}
	}
	const from = isoDate.safeParse(searchParams.get('from'))
	const to = isoDate.safeParse(searchParams.get('to'))
	if (from.success && to.success && from.data <= to.data) {
		return {
			kind: 'range',
			from: from.data,
			to: cap(to.data),
			search: withCohort(new URLSearchParams({ from: from.data, to: to.data })),
			cohortId,
		}
	}
	return {
		kind: 'all',
		from: OPENING_DATE,
		to: today,
		search: withCohort(new URLSearchParams()),
		cohortId,
	}
}

/** The calendar years a period touches, in order. */
export function yearsOf(period: Pick<ReportPeriod, 'from' | 'to'>) {
	const years: number[] = []
	for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++)
		years.push(y)
	return years
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(period: Pick<ReportPeriod, 'from' | 'to'>) {
	const months: string[] = []
	let y = Number(period.from.slice(0, 4))
	let m = Number(period.from.slice(5, 7))
	const end = period.to.slice(0, 7)
	for (;;) {
		const key = `${y}-${String(m).padStart(2, '0')}`
		if (key > end) break
		months.push(key)
		m++
		if (m > 12) {
			m = 1
			y++
		}
	}
	return months
}

/** The quarters (YYYY-Qn) a period touches, in order. */
export function quartersOf(period: Pick<ReportPeriod, 'from' | 'to'>) {
	return [
		...new Set(
			monthsOf(period).map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`),
		),
	]
}

export function quarterEnd(quarter: string) {
	const y = Number(quarter.slice(0, 4))
	const q = Number(quarter.slice(6))
	return lastDayOfMonth(y, q * 3)
}

export function quarterStart(quarter: string) {
	const q = Number(quarter.slice(6))
	return `${quarter.slice(0, 4)}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
}
