import { and, eq } from 'drizzle-orm'
import { kpiReports } from '#db/schema/index'
import { diffFields, recordAudit } from '~/models/audit.server'
import { kpiReportSchema } from '~/schemas/funding'
import { getDb } from '~/utils/db.server'
import { IMPORT_FIELDS } from '../fields'
import { readRow, schemaIssues } from '../interpret'
import type { Issue, Stored } from '../types'
import type { Importer } from './types'
import { loadStartupRefs, rowStartup, writableStartup } from './startup-ref.server'

/*
 * A startup's quarterly figures. A row is the report of a startup for a quarter: a quarter
 * already reported is updated (or unchanged), another one created. Quarters to come are refused
 * as on the form.
 */

type State = {
	refs: ReturnType<typeof loadStartupRefs>
	reports: Map<string, Record<string, Stored> & { id: number }>
	seen: Map<string, number>
	schema: ReturnType<typeof kpiReportSchema>
}

const STORED = {
	id: kpiReports.id,
	startupId: kpiReports.startupId,
	quarter: kpiReports.quarter,
	employees: kpiReports.employees,
	revenueCents: kpiReports.revenueCents,
	ukCustomers: kpiReports.ukCustomers,
	comment: kpiReports.comment,
}

export const kpiImporter: Importer<State> = {
	kind: 'kpis',
	permission: 'kpis',
	fields: (ctx) => IMPORT_FIELDS.kpis.filter((f) => !(f.key === 'startup' && ctx.startupId)),

	load(ctx) {
		const refs = loadStartupRefs(ctx.viewer, 'update:kpi')
		const reports = new Map<string, Record<string, Stored> & { id: number }>()
		for (const r of getDb().select(STORED).from(kpiReports).all()) {
			if (refs.has(r.startupId)) reports.set(`${r.startupId}|${r.quarter}`, r)
		}
		return { refs, reports, seen: new Map(), schema: kpiReportSchema(ctx.today) }
	},

	checkRow(cells, state, ctx, line) {
		const fields = kpiImporter.fields(ctx)
		const { values, errors } = readRow(fields, cells, ctx.dateOrder)
		const flags: Issue[] = []
		const flagged = new Set(errors.map((e) => e.field))
		const { startupId, startupName } = rowStartup(values, state.refs, ctx.startupId, errors)
		const revenue = values.revenue as number | null
		const parsed = state.schema.safeParse({
			quarter: (values.quarter as string | null) ?? '',
			employees:
				values.employees === null || values.employees === undefined ? '' : String(values.employees),
			revenue: revenue === null || revenue === undefined ? '' : (revenue / 100).toFixed(2),
			ukCustomers:
				values.ukCustomers === null || values.ukCustomers === undefined
					? '0'
					: String(values.ukCustomers),
			comment: (values.comment as string | null) ?? '',
		})
		if (!parsed.success) {
			errors.push(...schemaIssues(parsed.error.issues, (p) => p, cells, flagged))
		}
		if (!startupId && !errors.some((e) => e.field === 'startup')) {
			errors.push({ key: 'errors.required', field: 'startup', values: { value: '' } })
		}
		const display = { ...values, startup: startupName ?? values.startup ?? null }
		if (errors.length || !parsed.success || !startupId) {
			return { action: 'error', existingId: null, record: display, errors, flags }
		}
		const v = parsed.data
		const record: Record<string, Stored> = {
			startupId,
			startup: startupName ?? (values.startup as string | null),
			quarter: v.quarter,
			employees: v.employees,
			revenue: v.revenue,
			revenueCents: v.revenue,
			ukCustomers: v.ukCustomers,
			comment: v.comment ?? null,
		}
		const key = `${startupId}|${v.quarter}`
		const first = state.seen.get(key)
		if (first !== undefined) {
			errors.push({
				key: 'import:errors.sameQuarter',
				field: 'quarter',
				values: { value: v.quarter, line: first },
			})
			return { action: 'error', existingId: null, record, errors, flags }
		}
		state.seen.set(key, line)
		const known = state.reports.get(key)
		if (!known) return { action: 'create', existingId: null, record, errors, flags }
		const changed = (['employees', 'revenueCents', 'ukCustomers', 'comment'] as const).some(
			(f) => (known[f] ?? null) !== (record[f] ?? null),
		)
		return { action: changed ? 'update' : 'unchanged', existingId: known.id, record, errors, flags }
	},

	writeRows(tx, rows, { actorId, viewer, today }) {
		let created = 0
		let updated = 0
		let conflicts = 0
		for (const row of rows) {
			const r = row.record
			const startupId = Number(r.startupId)
			if (!writableStartup(viewer, 'update:kpi', startupId)) {
				conflicts++
				continue
			}
			const values = {
				employees: Number(r.employees),
				revenueCents: Number(r.revenueCents),
				ukCustomers: Number(r.ukCustomers),
				comment: r.comment as string | null,
			}
			const existing = tx
				.select(STORED)
				.from(kpiReports)
				.where(and(eq(kpiReports.startupId, startupId), eq(kpiReports.quarter, String(r.quarter))))
				.get()
			if (!existing) {
				const report = tx
					.insert(kpiReports)
					.values({ ...values, startupId, quarter: String(r.quarter), submittedOn: today })
					.returning({ id: kpiReports.id })
					.get()
				recordAudit(tx, {
					userId: actorId,
					action: 'create',
					entity: 'kpi_report',
					entityId: report.id,
					startupId,
					verb: 'import',
					subject: { quarter: r.quarter, ...values },
				})
				created++
			} else {
				const changes = diffFields(existing as Record<string, unknown>, values)
				if (!Object.keys(changes).length) continue
				tx.update(kpiReports)
					.set({ ...values, submittedOn: today })
					.where(eq(kpiReports.id, existing.id))
					.run()
				recordAudit(tx, {
					userId: actorId,
					action: 'update',
					entity: 'kpi_report',
					entityId: existing.id,
					startupId,
					verb: 'importUpdate',
					subject: { quarter: r.quarter },
					changes,
				})
				updated++
			}
		}
		return { created, updated, conflicts }
	},
}
