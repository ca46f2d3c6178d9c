import { z } from 'zod'
import {
	isDate,
	monthOf,
	monthRange,
	quarterEnd,
	quarterOf,
	quarterRange,
	quarterStart,
	yearOf,
} from '~/utils/calendar'

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

const isoDate = z.string().refine(isDate)

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
				from: quarterStart(`${y}-Q${q}`),
				to: cap(quarterEnd(`${y}-Q${q}`)),
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
	for (let y = yearOf(period.from); y <= yearOf(period.to); y++) years.push(y)
	return years
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(period: Pick<ReportPeriod, 'from' | 'to'>) {
	return monthRange(monthOf(period.from), monthOf(period.to))
}

/** The quarters (YYYY-Qn) a period touches, in order. */
export function quartersOf(period: Pick<ReportPeriod, 'from' | 'to'>) {
	return quarterRange(quarterOf(period.from), quarterOf(period.to))
}
