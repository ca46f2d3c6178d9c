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
	const db = getDb()
	const cohort = period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
	const quarters = quartersOf(period)
	const last = quarters.at(-1)
	const first = quarters[0]
	// the startups hosted at some point of the period, then their reports up to its last quarter
	const hosted = first
		? db.all<{ id: number; name: string; enteredOn: string; leftOn: string | null }>(sql`
			SELECT s.id, s.name, s.entered_on AS enteredOn, s.left_on AS leftOn FROM startups s
			WHERE s.entered_on IS NOT NULL AND s.entered_on <= ${quarterEnd(last!)}
				AND (s.left_on IS NULL OR s.left_on >= ${quarterStart(first)}) ${cohort}`)
		: []
	const reports = first
		? db.all<{ startupId: number; quarter: string; employees: number }>(sql`
			SELECT k.startup_id AS startupId, k.quarter, k.employees
			FROM kpi_reports k JOIN startups s ON s.id = k.startup_id
			WHERE k.quarter <= ${last} AND s.entered_on IS NOT NULL
				AND s.entered_on <= ${quarterEnd(last!)}
				AND (s.left_on IS NULL OR s.left_on >= ${quarterStart(first)}) ${cohort}
			ORDER BY k.startup_id, k.quarter`)
		: []
	const byStartup = new Map<number, typeof reports>()
	for (const r of reports) {
		const list = byStartup.get(r.startupId)
		if (list) list.push(r)
		else byStartup.set(r.startupId, [r])
	}

	// Each startup's reports walked once, quarter after quarter: the latest report up to a
	// quarter counts while the startup is hosted (entered by the quarter's end, not gone before
	// it began); a startup that skipped a quarter keeps its last figure.
	const series = quarters.map((quarter) => ({ quarter, employees: 0, startups: 0 }))
	const bounds = quarters.map((quarter) => ({
		start: quarterStart(quarter),
		end: quarterEnd(quarter),
	}))
	const current: Report[] = []
	for (const startup of hosted) {
		const list = byStartup.get(startup.id) ?? []
		let next = 0
		let latest: (typeof reports)[number] | undefined
		quarters.forEach((quarter, i) => {
			while (next < list.length && list[next]!.quarter <= quarter) latest = list[next++]
			if (!latest) return
			const { start, end } = bounds[i]!
			if (startup.enteredOn > end || (startup.leftOn && startup.leftOn < start)) return
			series[i]!.employees += latest.employees
			series[i]!.startups += 1
			if (quarter === last) {
				current.push({
					startupId: startup.id,
					name: startup.name,
					quarter: latest.quarter,
					employees: latest.employees,
				})
			}
		})
	}
	current.sort((a, b) => b.employees - a.employees || a.startupId - b.startupId)
	return {
		series,
		current,
		total: current.reduce((sum, r) => sum + r.employees, 0),
		change: series.length > 1 ? series.at(-1)!.employees - series[0]!.employees : 0,
	}
}
