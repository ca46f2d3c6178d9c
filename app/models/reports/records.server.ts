import { and, eq, sql } from 'drizzle-orm'
import { fundingEvents, startups } from '#db/schema/index'
import { isMonth, lastDayOf, QUARTER_PATTERN, quarterEnd, quarterStart } from '~/utils/calendar'
import { getDb } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { amountInEurCents, conversionDate, isSecured } from '../funding-sql.server'
import { isPublicMoney } from '../leverage'
import type { Viewer } from '../viewer'
import { type ReportPeriod } from './period'
import { listHostedStartups } from './portfolio.server'

export type RecordRow = {
	startupId: number
	startup: string
	date: string | null
	/** a count, minutes or cents: the unit is in `valueKind` */
	value: number | null
	/** what the record is; for managers only: a person's name never reaches a partner */
	detail: string | null
}

export type RecordList = {
	valueKind: 'none' | 'employees' | 'minutes' | 'cents'
	rows: RecordRow[]
}

const inYear = (date: string | null, key: string, period: ReportPeriod) =>
	date !== null && date.startsWith(key) && date >= period.from && date <= period.to

/**
 * The records behind one figure of the report, so that every number can be traced.
 * Partners get the startup names and amounts only (no detail column).
 */
export function listReportRecords({
	period,
	metric,
	key,
	viewer,
}: {
	period: ReportPeriod
	metric: string
	key: string
	viewer: Viewer
}): RecordList | null {
	const db = getDb()
	const personal = can(viewer, 'read:report-detail:any')
	const cohort = period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
	const result = (valueKind: RecordList['valueKind'], rows: RecordRow[]): RecordList => ({
		valueKind,
		rows: personal ? rows : rows.map((r) => ({ ...r, detail: null })),
	})

	switch (metric) {
		case 'portfolio.hosted':
		case 'portfolio.status':
		case 'portfolio.cohort': {
			const hosted = listHostedStartups(period).filter((s) =>
				metric === 'portfolio.status'
					? s.status === key
					: metric === 'portfolio.cohort'
						? (s.cohortName ?? '—') === key
						: true,
			)
			return result(
				'none',
				hosted.map((s) => ({
					startupId: s.id,
					startup: s.name,
					date: s.enteredOn,
					value: null,
					detail: s.cohortName,
				})),
			)
		}
		case 'portfolio.entries':
		case 'portfolio.graduated':
		case 'portfolio.left': {
			const rows = db.all<{
				id: number
				name: string
				status: string
				enteredOn: string
				leftOn: string | null
				cohortName: string | null
			}>(sql`
				SELECT s.id, s.name, s.status, s.entered_on AS enteredOn, s.left_on AS leftOn, c.name AS cohortName
				FROM startups s LEFT JOIN cohorts c ON c.id = s.cohort_id
				WHERE s.entered_on IS NOT NULL ${cohort} ORDER BY s.sort_key`)
			const picked =
				metric === 'portfolio.entries'
					? rows.filter((s) => inYear(s.enteredOn, key, period))
					: rows.filter((s) => s.status === metric.split('.')[1] && inYear(s.leftOn, key, period))
			return result(
				'none',
				picked.map((s) => ({
					startupId: s.id,
					startup: s.name,
					date: metric === 'portfolio.entries' ? s.enteredOn : s.leftOn,
					value: null,
					detail: s.cohortName,
				})),
			)
		}
		case 'jobs.quarter': {
			if (!QUARTER_PATTERN.test(key)) return null
			const rows = db.all<{ id: number; name: string; quarter: string; employees: number }>(sql`
				SELECT s.id, s.name, k.quarter, k.employees
				FROM startups s
				JOIN kpi_reports k ON k.startup_id = s.id
					AND k.quarter = (SELECT max(k2.quarter) FROM kpi_reports k2 WHERE k2.startup_id = s.id AND k2.quarter <= ${key})
				WHERE s.entered_on IS NOT NULL AND s.entered_on <= ${quarterEnd(key)}
					AND (s.left_on IS NULL OR s.left_on >= ${quarterStart(key)}) ${cohort}
				ORDER BY k.employees DESC, s.sort_key`)
			return result(
				'employees',
				rows.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: r.quarter,
					value: r.employees,
					detail: null,
				})),
			)
		}
		case 'mentoring.month':
		case 'mentoring.organisation': {
			const where =
				metric === 'mentoring.month'
					? sql`AND substr(ms.date, 1, 7) = ${key}`
					: sql`AND m.organisation = ${key}`
			const rows = db.all<{
				id: number
				name: string
				date: string
				minutes: number
				mentor: string
				topic: string
			}>(sql`
				SELECT s.id, s.name, ms.date, ms.minutes, m.name AS mentor, ms.topic
				FROM mentoring_sessions ms
				JOIN mentor_assignments a ON a.id = ms.assignment_id
				JOIN mentors m ON m.id = a.mentor_id
				JOIN startups s ON s.id = a.startup_id
				WHERE ms.date BETWEEN ${period.from} AND ${period.to} ${where} ${cohort}
				ORDER BY ms.date, s.sort_key`)
			return result(
				'minutes',
				rows.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: r.date,
					value: r.minutes,
					detail: `${r.mentor} — ${r.topic}`,
				})),
			)
		}
		case 'fb.introductions':
		case 'fb.deals':
		case 'fb.funnel': {
			// introductions count by the day they were made, deals by the day they were concluded
			const rows = db.all<{
				id: number
				name: string
				introducedOn: string
				statusOn: string
				status: string
				organisation: string | null
				uk: number
			}>(sql`
				SELECT s.id, s.name, i.introduced_on AS introducedOn, i.status_on AS statusOn, i.status,
					o.name AS organisation, (coalesce(o.country, c.country) = 'GB') AS uk
				FROM introductions i
				JOIN contacts c ON c.id = i.contact_id
				LEFT JOIN organisations o ON o.id = c.organisation_id
				JOIN startups s ON s.id = i.startup_id
				WHERE (i.introduced_on BETWEEN ${period.from} AND ${period.to}
					OR (i.status = 'deal' AND i.status_on BETWEEN ${period.from} AND ${period.to})) ${cohort}
				ORDER BY i.introduced_on, s.sort_key`)
			const stages = ['proposed', 'made', 'meeting_held', 'deal']
			const reached = (status: string) => (status === 'no_fit' ? 1 : stages.indexOf(status))
			const made = (r: (typeof rows)[number]) =>
				r.introducedOn >= period.from && r.introducedOn <= period.to
			const picked =
				metric === 'fb.funnel'
					? rows.filter(
							(r) => made(r) && reached(r.status) >= stages.indexOf(key) && stages.includes(key),
						)
					: metric === 'fb.deals'
						? rows.filter((r) => r.uk && r.status === 'deal' && inYear(r.statusOn, key, period))
						: rows.filter((r) => r.uk && made(r) && r.introducedOn.startsWith(key))
			return result(
				'none',
				picked.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: metric === 'fb.deals' ? r.statusOn : r.introducedOn,
					value: null,
					detail: `${r.organisation ?? '—'} · ${r.status}`,
				})),
			)
		}
		case 'fb.ukEntries': {
			const rows = db.all<{ id: number; name: string; doneOn: string; title: string }>(sql`
				SELECT s.id, s.name, m.done_on AS doneOn, m.title FROM milestones m JOIN startups s ON s.id = m.startup_id
				WHERE m.kind = 'uk_market_entry' AND m.status = 'done'
					AND m.done_on BETWEEN ${period.from} AND ${period.to} AND substr(m.done_on, 1, 4) = ${key} ${cohort}
				ORDER BY m.done_on`)
			return result(
				'none',
				rows.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: r.doneOn,
					value: null,
					detail: r.title,
				})),
			)
		}
		case 'funding.public':
		case 'funding.private':
		case 'funding.kind':
		case 'fund.grants': {
			// euros and dates as the report computes them (funding-sql), the period filtered in SQL
			const inPeriod = db
				.select({
					id: startups.id,
					name: startups.name,
					kind: fundingEvents.kind,
					isPublic: fundingEvents.isPublic,
					date: conversionDate,
					cents: amountInEurCents,
					source: fundingEvents.source,
				})
				.from(fundingEvents)
				.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
				.where(
					and(
						isSecured,
						sql`${conversionDate} BETWEEN ${period.from} AND ${period.to}`,
						period.cohortId ? eq(startups.cohortId, period.cohortId) : undefined,
					),
				)
				.orderBy(conversionDate, startups.name)
				.all()
			const picked = inPeriod.filter((r) =>
				metric === 'funding.kind'
					? r.kind === key
					: metric === 'fund.grants'
						? r.kind === 'innovation_fund_grant' && (!key || r.date!.startsWith(key))
						: r.date!.startsWith(key) && (metric === 'funding.public') === isPublicMoney(r),
			)
			return result(
				'cents',
				picked.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: r.date,
					value: r.cents,
					detail: `${r.kind} · ${r.source}`,
				})),
			)
		}
		case 'rent.subsidy': {
			const rows = db.all<{ id: number; name: string; month: string; cents: number }>(sql`
				SELECT s.id, s.name, rs.month,
					CASE rs.kind WHEN 'credit_note' THEN -rs.subsidy_cents ELSE rs.subsidy_cents END AS cents
				FROM rent_statements rs JOIN leases l ON l.id = rs.lease_id JOIN startups s ON s.id = l.startup_id
				WHERE substr(rs.month, 1, 4) = ${key} AND rs.month BETWEEN ${period.from.slice(0, 7)} AND ${period.to.slice(0, 7)} ${cohort}
				ORDER BY rs.month, s.sort_key`)
			return result(
				'cents',
				rows.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: r.month,
					value: r.cents,
					detail: null,
				})),
			)
		}
		case 'rent.occupancy': {
			if (!isMonth(key)) return null
			const last = lastDayOf(key)
			const rows = db.all<{ id: number; name: string; unit: string; startDate: string }>(sql`
				SELECT s.id, s.name, u.code AS unit, l.start_date AS startDate
				FROM leases l JOIN startups s ON s.id = l.startup_id JOIN units u ON u.id = l.unit_id
				WHERE l.start_date <= ${last} AND (l.end_date IS NULL OR l.end_date >= ${`${key}-01`}) ${cohort}
				ORDER BY u.code`)
			return result(
				'none',
				rows.map((r) => ({
					startupId: r.id,
					startup: r.name,
					date: r.startDate,
					value: null,
					detail: r.unit,
				})),
			)
		}
		default:
			return null
	}
}
