import { and, desc, eq, sql } from 'drizzle-orm'
import { kpiReports, startups } from '#db/schema/index'
import type { KpiReportInput } from '~/schemas/funding'
import {
	addQuarters,
	lastFinishedQuarter,
	quarterEnd,
	quarterOf,
	quarterRange,
} from '~/utils/calendar'
import { today } from '~/utils/clock'
import { startupRows } from '~/utils/access.server'
import { getDb, writeTransaction } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { type WriteResult, written } from '~/utils/write-result'
import { diffFields, recordAudit } from './audit.server'
import type { Viewer } from './viewer'

const reportColumns = {
	id: kpiReports.id,
	quarter: kpiReports.quarter,
	employees: kpiReports.employees,
	revenueCents: kpiReports.revenueCents,
	ukCustomers: kpiReports.ukCustomers,
	comment: kpiReports.comment,
	submittedOn: kpiReports.submittedOn,
}

type StartupForKpi = { status: string; enteredOn: string | null; leftOn: string | null }

/**
 * The quarters a startup owes a report for and has not sent, newest first: every quarter it
 * spent in the programme, from the one it entered, up to the last finished one. Only a startup
 * being incubated reports (the rule of the cohort view); one with no entry date owes the last
 * quarter only.
 */
export function missingQuarters(startup: StartupForKpi, reported: Set<string>, asOf: string) {
	if (startup.status !== 'incubated') return []
	const last = lastFinishedQuarter(asOf)
	if (startup.enteredOn && startup.enteredOn > quarterEnd(last)) return []
	const first = startup.enteredOn ? quarterOf(startup.enteredOn) : last
	return quarterRange(first, last)
		.reverse()
		.filter((q) => !reported.has(q))
}

/** A startup's reports and what is missing, for the startup's editors only. */
export function getKpiOverview({
	viewer,
	startupId,
	asOf = today(),
}: {
	viewer: Viewer
	startupId: number
	asOf?: string
}) {
	const db = getDb()
	const startup = db
		.select({
			id: startups.id,
			name: startups.name,
			status: startups.status,
			enteredOn: startups.enteredOn,
			leftOn: startups.leftOn,
		})
		.from(startups)
		.where(and(eq(startups.id, startupId), startupRows(viewer, 'update:kpi')))
		.get()
	if (!startup) return null
	const reports = db
		.select(reportColumns)
		.from(kpiReports)
		.where(eq(kpiReports.startupId, startupId))
		.orderBy(desc(kpiReports.quarter))
		.all()
	const current = quarterOf(asOf)
	const missing = missingQuarters(startup, new Set(reports.map((r) => r.quarter)), asOf)
	const earliest = [
		startup.enteredOn ? quarterOf(startup.enteredOn) : null,
		reports.at(-1)?.quarter ?? null,
	]
		.filter((q): q is string => q !== null)
		.sort()[0]
	// the quarters the form offers: from the earliest one that matters (or two years back) to now
	const from = earliest && earliest < current ? earliest : addQuarters(current, -8)
	return {
		startup,
		reports,
		missing,
		lastQuarter: lastFinishedQuarter(asOf),
		currentQuarter: current,
		quarters: quarterRange(from, current).reverse(),
	}
}

function rowValues(input: KpiReportInput) {
	return {
		employees: input.employees,
		revenueCents: input.revenue,
		ukCustomers: input.ukCustomers,
		comment: input.comment ?? null,
	}
}

export type KpiSave = WriteResult<
	| { status: 'created' | 'updated' | 'unchanged'; id: number }
	| {
			/** nothing written: the quarter has figures, the user must see them and confirm */
			status: 'confirm'
			existing: {
				employees: number
				revenueCents: number
				ukCustomers: number
				comment: string | null
			}
	  }
>

/**
 * One report per startup and quarter. A report for a quarter that already has one replaces it
 * only when `input.replace` names that quarter — the user saw the old figures and confirmed;
 * otherwise nothing is written and the existing figures come back. Null when not allowed.
 */
export function saveKpiReport({
	viewer,
	startupId,
	input,
	asOf = today(),
}: {
	viewer: Viewer
	startupId: number
	input: KpiReportInput
	asOf?: string
}): KpiSave | null {
	return writeTransaction((tx) => {
		const startup = tx
			.select({ id: startups.id })
			.from(startups)
			.where(and(eq(startups.id, startupId), startupRows(viewer, 'update:kpi')))
			.get()
		if (!startup) return null
		const values = rowValues(input)
		const existing = tx
			.select(reportColumns)
			.from(kpiReports)
			.where(and(eq(kpiReports.startupId, startupId), eq(kpiReports.quarter, input.quarter)))
			.get()
		if (!existing) {
			const report = tx
				.insert(kpiReports)
				.values({ ...values, startupId, quarter: input.quarter, submittedOn: asOf })
				.returning({ id: kpiReports.id })
				.get()
			recordAudit(tx, {
				userId: viewer.id,
				action: 'create',
				entity: 'kpi_report',
				entityId: report.id,
				startupId,
				subject: {
					quarter: input.quarter,
					employees: values.employees,
					revenueCents: values.revenueCents,
					ukCustomers: values.ukCustomers,
				},
			})
			return written({ status: 'created', id: report.id })
		}
		if (input.replace !== input.quarter) {
			const { employees, revenueCents, ukCustomers, comment } = existing
			return written({
				status: 'confirm',
				existing: { employees, revenueCents, ukCustomers, comment },
			})
		}
		const changes = diffFields(existing, values)
		if (Object.keys(changes).length === 0) return written({ status: 'unchanged', id: existing.id })
		tx.update(kpiReports)
			.set({ ...values, submittedOn: asOf })
			.where(eq(kpiReports.id, existing.id))
			.run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'kpi_report',
			entityId: existing.id,
			startupId,
			subject: { quarter: input.quarter },
			changes,
		})
		return written({ status: 'updated', id: existing.id })
	})
}

/**
 * Startups in the programme with no report for the last finished quarter (the cohort view's
 * rule), with the last quarter they did report. A manager's list.
 */
export function listMissingKpiReports({
	viewer,
	asOf = today(),
}: {
	viewer: Viewer
	asOf?: string
}) {
	if (!can(viewer, 'read:funding:any')) return null
	const last = lastFinishedQuarter(asOf)
	const rows = getDb().all<{ id: number; name: string; latestQuarter: string | null }>(sql`
		SELECT s.id AS id, s.name AS name,
			(SELECT max(k.quarter) FROM kpi_reports k WHERE k.startup_id = s.id) AS latestQuarter
		FROM startups s
		WHERE s.status = 'incubated'
			AND (s.entered_on IS NULL OR s.entered_on <= ${quarterEnd(last)})
			AND NOT EXISTS (SELECT 1 FROM kpi_reports k WHERE k.startup_id = s.id AND k.quarter = ${last})
		ORDER BY s.sort_key, s.id`)
	return { quarter: last, startups: rows }
}
