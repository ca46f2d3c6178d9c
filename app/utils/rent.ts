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

import {
	addDays,
	daysBetween,
	daysInMonth,
	firstDayOf,
	isDate,
	lastDayOf,
	monthDiff,
	monthOf,
	monthRange,
} from './calendar'

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
	return monthDiff(monthOf(leaseStartDate), month) + 1
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
	// the start date and the month are checked here, the end date just below
	const monthIndex = leaseMonthIndex(leaseStartDate, month)
	if (leaseEndDate !== null && !isDate(leaseEndDate)) {
		throw new Error(`Not a date (YYYY-MM-DD): ${leaseEndDate}`)
	}
	const daysInThisMonth = daysInMonth(month)
	const monthFirst = firstDayOf(month)
	const monthLast = lastDayOf(month)
	const from = leaseStartDate > monthFirst ? leaseStartDate : monthFirst
	const to = leaseEndDate !== null && leaseEndDate < monthLast ? leaseEndDate : monthLast
	const daysOccupied = daysBetween(from, to) + 1
	if (daysOccupied <= 0) return null

	const rentCents = roundHalfUpDiv(monthlyRentCents * daysOccupied, daysInThisMonth)
	const step = findSubsidyStep(steps, monthIndex)
	let subsidyCents = 0
	if (step?.kind === 'percent') {
		const bp = step.percentBasisPoints ?? 0
		if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new Error(`Bad percent: ${bp} bp`)
		subsidyCents = roundHalfUpDiv(rentCents * bp, 10_000)
	} else if (step?.kind === 'fixed') {
		const amount = step.amountCents ?? 0
		if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`Bad fixed amount: ${amount}`)
		subsidyCents = Math.min(roundHalfUpDiv(amount * daysOccupied, daysInThisMonth), rentCents)
	}
	return {
		rentCents,
		subsidyCents,
		startupShareCents: rentCents - subsidyCents,
		daysOccupied,
		daysInMonth: daysInThisMonth,
	}
}

// ---------------------------------------------------------------- statements: due date, ageing

/**
 * Rent is paid in advance: a month's statement falls due ten days after the 1st (the 11th),
 * or on the day it is issued when it is issued later than that (a month caught up late is due
 * at once).
 */
export function dueDateFor(month: string, issuedOn: string) {
	const due = addDays(firstDayOf(month), 10)
	return due > issuedOn ? due : issuedOn
}

export const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const
export type AgeingBucket = (typeof AGEING_BUCKETS)[number]

/** Days past the due date → bucket; the due date itself is day 0. */
export function ageingBucket(daysPastDue: number): AgeingBucket {
	if (daysPastDue <= 30) return '0-30'
	if (daysPastDue <= 60) return '31-60'
	if (daysPastDue <= 90) return '61-90'
	return '90+'
}

/**
 * The language a statement is printed in: English for a UK company (a Companies House number
 * and no SIREN), French otherwise — the nursery is in France, French is the default.
 */
export function statementLanguage(startup: {
	siren: string | null
	companiesHouseNumber: string | null
}): 'fr' | 'en' {
	return startup.companiesHouseNumber && !startup.siren ? 'en' : 'fr'
}

// ---------------------------------------------------------------- schedules

export type ScheduleIssue = {
	/** index of the step in the list as given */
	index: number
	field: 'fromMonth' | 'toMonth'
	code: 'mustStartAtOne' | 'endBeforeStart' | 'overlap'
}

/**
 * A schedule is valid when its steps, taken in order of fromMonth, start at month 1, each ends
 * on or after its start, and none overlaps the next (an open-ended step can only be the last).
 * A gap between steps is allowed: its months carry no subsidy. An empty schedule means no
 * subsidy at all.
 */
export function validateSchedule(steps: readonly SubsidyStep[]): ScheduleIssue[] {
	const issues: ScheduleIssue[] = []
	const order = steps.map((step, index) => ({ step, index }))
	order.sort((a, b) => a.step.fromMonth - b.step.fromMonth || a.index - b.index)
	order.forEach(({ step, index }, i) => {
		if (i === 0 && step.fromMonth !== 1) {
			issues.push({ index, field: 'fromMonth', code: 'mustStartAtOne' })
		}
		if (step.toMonth !== null && step.toMonth < step.fromMonth) {
			issues.push({ index, field: 'toMonth', code: 'endBeforeStart' })
		}
		const previous = order[i - 1]?.step
		if (previous && (previous.toMonth === null || previous.toMonth >= step.fromMonth)) {
			issues.push({ index, field: 'fromMonth', code: 'overlap' })
		}
	})
	return issues
}

/**
 * The schedule of a renewal that continues where the old lease stands: month 1 of the new
 * lease is month `monthsElapsed + 1` of the old one. Steps wholly in the past are dropped, a
 * gap at the start becomes an explicit 0 % step so that the result still starts at month 1.
 */
export function shiftSchedule(steps: readonly SubsidyStep[], monthsElapsed: number): SubsidyStep[] {
	const shifted = [...steps]
		.sort((a, b) => a.fromMonth - b.fromMonth)
		.flatMap((s) => {
			const toMonth = s.toMonth === null ? null : s.toMonth - monthsElapsed
			if (toMonth !== null && toMonth < 1) return []
			return [{ ...s, fromMonth: Math.max(1, s.fromMonth - monthsElapsed), toMonth }]
		})
	const first = shifted[0]
	if (first && first.fromMonth > 1) {
		shifted.unshift({
			fromMonth: 1,
			toMonth: first.fromMonth - 1,
			kind: 'percent',
			percentBasisPoints: 0,
			amountCents: null,
		})
	}
	return shifted
}

/**
 * What the running schedule of a lease will still cost Cap Calaisis in a year: the subsidy of
 * every month of the year that the lease covers and that has no statement yet
 * (`issuedMonths`), computed exactly as the statement would be.
 */
export function unissuedSubsidyForYear({
	lease,
	steps,
	year,
	issuedMonths,
}: {
	lease: { monthlyRentCents: number; startDate: string; endDate: string | null }
	steps: readonly SubsidyStep[]
	year: number
	issuedMonths: ReadonlySet<string>
}) {
	let cents = 0
	for (const month of monthRange(`${year}-01`, `${year}-12`)) {
		if (issuedMonths.has(month)) continue
		const s = computeStatement({
			monthlyRentCents: lease.monthlyRentCents,
			leaseStartDate: lease.startDate,
			leaseEndDate: lease.endDate,
			month,
			steps,
		})
		cents += s?.subsidyCents ?? 0
	}
	return cents
}

// ---------------------------------------------------------------- percentages typed by people (amounts: money.ts)

/** "50", "12,5", "33.33 %" → basis points (5000 = 50 %), 0 to 100 %; null otherwise. */
export function parsePercentBasisPoints(text: string): number | null {
	const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '')
	const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(compact)
	if (!m) return null
	const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
	return bp <= 10_000 ? bp : null
}

/** Basis points as the form shows them back: 5000 → "50", 1250 → "12,5". */
export function basisPointsToInput(bp: number, locale = 'fr') {
	const text = String(bp / 100)
	return locale === 'en' ? text : text.replace('.', ',')
}

/** The split of a full month's rent under one step (or none): what a schedule table shows. */
export function fullMonthSplit(monthlyRentCents: number, step: SubsidyStep | null | undefined) {
	let subsidyCents = 0
	if (step?.kind === 'percent') {
		subsidyCents = roundHalfUpDiv(monthlyRentCents * (step.percentBasisPoints ?? 0), 10_000)
	} else if (step?.kind === 'fixed') {
		subsidyCents = Math.min(step.amountCents ?? 0, monthlyRentCents)
	}
	return { subsidyCents, startupShareCents: monthlyRentCents - subsidyCents }
}

/**
 * A valid schedule as consecutive segments from month 1 onwards: each step, and the months no
 * step covers (a gap, or after a last step that ends) as segments with step null.
 */
export function scheduleSegments<S extends SubsidyStep>(steps: readonly S[]) {
	const segments: { fromMonth: number; toMonth: number | null; step: S | null }[] = []
	let next = 1
	for (const step of [...steps].sort((a, b) => a.fromMonth - b.fromMonth)) {
		if (step.fromMonth > next) {
			segments.push({ fromMonth: next, toMonth: step.fromMonth - 1, step: null })
		}
		segments.push({ fromMonth: step.fromMonth, toMonth: step.toMonth, step })
		if (step.toMonth === null) return segments
		next = step.toMonth + 1
	}
	segments.push({ fromMonth: next, toMonth: null, step: null })
	return segments
}
