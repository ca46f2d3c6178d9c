/*
 * The monthly rent split between Cap Calaisis and the startup (pépinière rule).
 *
 * Rules, all in integer cents, rounding half up (0.5 cent → 1 cent), no floats:
 * - A month is the calendar month 'YYYY-MM'. The calendar month that contains the lease's
 *   start date is lease month 1, the next one month 2, and so on.
 * - Rent is prorated by the days the lease covers in the month (start and end days included):
 *   rentCents = roundHalfUp(monthlyRentCents × daysOccupied / daysInMonth).
 *   A lease that does not cover any day of the month has no statement (null).
 * - The subsidy step is the one whose months fromMonth..toMonth (toMonth null = open-ended)
 *   contain the lease month index; no matching step means no subsidy.
 * - A percent step: subsidyCents = roundHalfUp(rentCents × basisPoints / 10000) (5000 = 50 %).
 * - A fixed step: subsidyCents = min(roundHalfUp(amountCents × daysOccupied / daysInMonth),
 *   rentCents), so a fixed amount is prorated like the rent and never exceeds it.
 * - startupShareCents = rentCents − subsidyCents: the two shares always add up to the rent
 *   exactly, which the database checks on every statement too.
 */

export type SubsidyStep = {
	fromMonth: number
	toMonth: number | null
	kind: 'percent' | 'fixed'
	percentBasisPoints: number | null
	amountCents: number | null
}

export type RentStatementAmounts = {
	rentCents: number
	subsidyCents: number
	startupShareCents: number
	daysOccupied: number
	daysInMonth: number
}

/** The usual schedules: a startup reaches market rent before it leaves the nursery. */
export const DEFAULT_SCHEDULES = {
	incubation: [
		{ fromMonth: 1, toMonth: 12, kind: 'percent', percentBasisPoints: 5000, amountCents: null },
		{ fromMonth: 13, toMonth: 24, kind: 'percent', percentBasisPoints: 3000, amountCents: null },
		{ fromMonth: 25, toMonth: null, kind: 'percent', percentBasisPoints: 0, amountCents: null },
	],
	acceleration: [
		{ fromMonth: 1, toMonth: 12, kind: 'percent', percentBasisPoints: 3000, amountCents: null },
		{ fromMonth: 13, toMonth: null, kind: 'percent', percentBasisPoints: 0, amountCents: null },
	],
} as const satisfies Record<string, readonly SubsidyStep[]>

export type ScheduleName = keyof typeof DEFAULT_SCHEDULES

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_RE = /^(\d{4})-(\d{2})$/

function parseMonth(month: string) {
	const m = MONTH_RE.exec(month)
	const year = Number(m?.[1])
	const mon = Number(m?.[2])
	if (!m || mon < 1 || mon > 12) throw new Error(`Not a month (YYYY-MM): ${month}`)
	return { year, month: mon }
}

function parseDate(date: string) {
	const m = DATE_RE.exec(date)
	const year = Number(m?.[1])
	const month = Number(m?.[2])
	const day = Number(m?.[3])
	if (!m || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
		throw new Error(`Not a date (YYYY-MM-DD): ${date}`)
	}
	return { year, month, day }
}

function daysIn(year: number, month: number) {
	return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Days since the epoch, so that two dates can be compared and counted without time zones. */
function dayNumber(year: number, month: number, day: number) {
	return Date.UTC(year, month - 1, day) / 86_400_000
}

/** round(numerator / denominator), halves rounded up, for non-negative integers. */
export function roundHalfUpDiv(numerator: number, denominator: number) {
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
		throw new Error('roundHalfUpDiv needs safe integers')
	}
	if (numerator < 0 || denominator <= 0) throw new Error('roundHalfUpDiv needs n >= 0, d > 0')
	return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

/** The 1-based month of the lease: the calendar month containing the start date is month 1. */
export function leaseMonthIndex(leaseStartDate: string, month: string) {
	const start = parseDate(leaseStartDate)
	const m = parseMonth(month)
	return (m.year - start.year) * 12 + (m.month - start.month) + 1
}

export function findSubsidyStep<S extends SubsidyStep>(steps: readonly S[], monthIndex: number) {
	return [...steps]
		.sort((a, b) => a.fromMonth - b.fromMonth)
		.find((s) => s.fromMonth <= monthIndex && (s.toMonth === null || monthIndex <= s.toMonth))
}

export function computeStatement({
	monthlyRentCents,
	leaseStartDate,
	leaseEndDate,
	month,
	steps,
}: {
	monthlyRentCents: number
	leaseStartDate: string
	leaseEndDate: string | null
	month: string
	steps: readonly SubsidyStep[]
}): RentStatementAmounts | null {
	if (!Number.isSafeInteger(monthlyRentCents) || monthlyRentCents < 0) {
		throw new Error(`Monthly rent must be a non-negative integer of cents: ${monthlyRentCents}`)
	}
	const m = parseMonth(month)
	const start = parseDate(leaseStartDate)
	const daysInMonth = daysIn(m.year, m.month)
	const monthFirst = dayNumber(m.year, m.month, 1)
	const monthLast = dayNumber(m.year, m.month, daysInMonth)
	const leaseFirst = dayNumber(start.year, start.month, start.day)
	let leaseLast = Number.POSITIVE_INFINITY
	if (leaseEndDate !== null) {
		const end = parseDate(leaseEndDate)
		leaseLast = dayNumber(end.year, end.month, end.day)
	}
	const from = Math.max(monthFirst, leaseFirst)
	const to = Math.min(monthLast, leaseLast)
	if (to < from) return null
	const daysOccupied = to - from + 1

	const rentCents = roundHalfUpDiv(monthlyRentCents * daysOccupied, daysInMonth)
	const step = findSubsidyStep(steps, leaseMonthIndex(leaseStartDate, month))
	let subsidyCents = 0
	if (step?.kind === 'percent') {
		const bp = step.percentBasisPoints ?? 0
		if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new Error(`Bad percent: ${bp} bp`)
		subsidyCents = roundHalfUpDiv(rentCents * bp, 10_000)
	} else if (step?.kind === 'fixed') {
		const amount = step.amountCents ?? 0
		if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`Bad fixed amount: ${amount}`)
		subsidyCents = Math.min(roundHalfUpDiv(amount * daysOccupied, daysInMonth), rentCents)
	}
	return {
		rentCents,
		subsidyCents,
		startupShareCents: rentCents - subsidyCents,
		daysOccupied,
		daysInMonth,
	}
}
