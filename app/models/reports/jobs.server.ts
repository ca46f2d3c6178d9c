import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { quarterEnd, quarterStart } from '~/utils/calendar'
import { type ReportPeriod, quartersOf } from './period'

type Report = { startupId: number; name: string; quarter: string; employees: number }

/**
 * Jobs: for each quarter of the period, the employees of every startup hosted then, from its
 * latest KPI report up to that quarter (a startup that skipped a quarter keeps its last figure).
 */
export function getJobsReport(period: ReportPeriod) {
	const cohort = period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
	const reports = getDb().all<Report & { enteredOn: string | null; leftOn: string | null }>(sql`
		SELECT k.startup_id AS startupId, s.name, k.quarter, k.employees,
			s.entered_on AS enteredOn, s.left_on AS leftOn
		FROM kpi_reports k JOIN startups s ON s.id = k.startup_id
		WHERE k.quarter <= ${quartersOf(period).at(-1) ?? ''} ${cohort}
		ORDER BY k.startup_id, k.quarter`)

	const byStartup = new Map<number, typeof reports>()
	for (const r of reports) byStartup.set(r.startupId, [...(byStartup.get(r.startupId) ?? []), r])

	const latestAsOf = (quarter: string) => {
		const start = quarterStart(quarter)
		const end = quarterEnd(quarter)
		const rows: Report[] = []
		for (const list of byStartup.values()) {
			const { enteredOn, leftOn } = list[0]!
			// only while the startup is hosted: entered by the quarter's end, not gone before it began
			if (!enteredOn || enteredOn > end || (leftOn && leftOn < start)) continue
			const latest = list.filter((r) => r.quarter <= quarter).at(-1)
			if (latest)
				rows.push({
					startupId: latest.startupId,
					name: latest.name,
					quarter: latest.quarter,
					employees: latest.employees,
				})
		}
		return rows
	}

	const series = quartersOf(period).map((quarter) => {
		const rows = latestAsOf(quarter)
		return {
			quarter,
			employees: rows.reduce((sum, r) => sum + r.employees, 0),
			startups: rows.length,
		}
	})
	const last = quartersOf(period).at(-1)
	const current = last ? latestAsOf(last).sort((a, b) => b.employees - a.employees) : []
	return {
		series,
		current,
		total: current.reduce((sum, r) => sum + r.employees, 0),
		change: series.length > 1 ? series.at(-1)!.employees - series[0]!.employees : 0,
	}
}
