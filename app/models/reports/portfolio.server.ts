import { sql } from 'drizzle-orm'
import { anniversary } from '~/utils/calendar'
import { getDb } from '~/utils/db.server'
import { type ReportPeriod, yearsOf } from './period'

type HostedRow = {
	id: number
	name: string
	status: 'applicant' | 'incubated' | 'graduated' | 'left'
	cohortName: string | null
	enteredOn: string
	leftOn: string | null
}

function cohortFilter(period: ReportPeriod) {
	return period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
}

/** Startups in the nursery at some point of the period: entered by its end, not gone before its start. */
export function listHostedStartups(period: ReportPeriod) {
	return getDb().all<HostedRow>(sql`
		SELECT s.id, s.name, s.status, c.name AS cohortName, s.entered_on AS enteredOn, s.left_on AS leftOn
		FROM startups s LEFT JOIN cohorts c ON c.id = s.cohort_id
		WHERE s.entered_on IS NOT NULL AND s.entered_on <= ${period.to}
			AND (s.left_on IS NULL OR s.left_on >= ${period.from})
			${cohortFilter(period)}
		ORDER BY s.sort_key`)
}

/**
 * The portfolio section. Survival after N years is measured over every startup (of the cohort)
 * whose N-th anniversary of entry falls on or before the end of the period, whenever it entered:
 * the share still hosted or graduated on that anniversary. A startup hosted on the anniversary
 * day itself survived (left_on is its last day, as for "hosted"); a graduate is a surviving
 * company; only "left" before the anniversary is a failure.
 */
export function getPortfolioReport(period: ReportPeriod) {
	const hosted = listHostedStartups(period)
	const entered = getDb().all<{
		id: number
		enteredOn: string
		status: string
		leftOn: string | null
	}>(sql`
		SELECT s.id, s.entered_on AS enteredOn, s.status, s.left_on AS leftOn FROM startups s
		WHERE s.entered_on IS NOT NULL ${cohortFilter(period)}`)

	const count = <T>(rows: T[], key: (row: T) => string) => {
		const counts = new Map<string, number>()
		for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
		return [...counts].map(([label, n]) => ({ label, n }))
	}

	const byYear = yearsOf(period).map((year) => {
		const inYear = (date: string | null) =>
			date !== null && date.startsWith(String(year)) && date >= period.from && date <= period.to
		return {
			year,
			entries: entered.filter((s) => inYear(s.enteredOn)).length,
			graduated: entered.filter((s) => s.status === 'graduated' && inYear(s.leftOn)).length,
			left: entered.filter((s) => s.status === 'left' && inYear(s.leftOn)).length,
		}
	})

	const survival = [1, 2, 3].map((years) => {
		const eligible = entered.filter((s) => anniversary(s.enteredOn, years) <= period.to)
		const survived = eligible.filter(
			(s) =>
				!(s.status === 'left' && s.leftOn !== null && s.leftOn < anniversary(s.enteredOn, years)),
		)
		return { years, eligible: eligible.length, survived: survived.length }
	})

	return {
		hosted: hosted.length,
		byStatus: count(hosted, (s) => s.status),
		byCohort: count(hosted, (s) => s.cohortName ?? '—'),
		byYear,
		totals: {
			entries: byYear.reduce((sum, y) => sum + y.entries, 0),
			graduated: byYear.reduce((sum, y) => sum + y.graduated, 0),
			left: byYear.reduce((sum, y) => sum + y.left, 0),
		},
		survival,
	}
}
