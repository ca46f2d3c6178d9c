import { and, eq } from 'drizzle-orm'
import { fundingEvents } from '#db/schema/index'
import { diffFields, money, recordAudit } from '~/models/audit.server'
import { triggerProblem } from '~/models/funding.server'
import { FundingEventSchema, STEP_DATE_FIELD, startedOn, type StepDates } from '~/schemas/funding'
import { getDb } from '~/utils/db.server'
import { IMPORT_FIELDS } from '../fields'
import { normaliseName, readRow, schemaIssues } from '../interpret'
import type { Issue, PlannedRow, Stored } from '../types'
import { type Candidate, linkTriggers, orderByTrigger } from './funding-triggers.server'
import type { Importer, ImportContext, RowCheck } from './types'
import { loadStartupRefs, rowStartup, writableStartup } from './startup-ref.server'

/*
 * A startup's funding history. A row is an event of a startup (the founder's own, the one the
 * import was opened from, or the one the row names); it is the same event as a known one of
 * that startup with the same kind, funder and start date — then it is updated or unchanged.
 * A single "Date" column is the date of the row's status (and, for money received, of its
 * securing too). Without a status the event is taken as secured. A "Triggered by" column links
 * the event to the one that triggered it, in the file or already stored
 * (funding-triggers.server.ts, docs/decisions/0024).
 */

const PUBLIC_KINDS = new Set(['grant', 'innovation_fund_grant', 'regional_fund', 'honour_loan'])
const STEP_FIELDS = ['plannedOn', 'appliedOn', 'securedOn', 'receivedOn', 'declinedOn'] as const

type Known = Record<string, Stored> & {
	id: number
	startupId: number
	kind: string
	source: string
	status: string
	triggeredById: number | null
} & StepDates

/** A row as checked, with what another row needs to name it as its trigger. */
export type CheckedRow = RowCheck & {
	line: number
	startupId: number | null
	stepDates: StepDates
	triggerText: string | null
	/** The known event this row is (update or unchanged). */
	known: Known | null
}

type State = {
	refs: ReturnType<typeof loadStartupRefs>
	events: Map<string, Known>
	seen: Map<string, number>
	checked: Map<number, CheckedRow>
}

const eventKey = (startupId: number, kind: string, source: string, started: string | null) =>
	`${startupId}|${kind}|${normaliseName(source)}|${started ?? ''}`

const STORED = {
	id: fundingEvents.id,
	startupId: fundingEvents.startupId,
	kind: fundingEvents.kind,
	source: fundingEvents.source,
	isPublic: fundingEvents.isPublic,
	amountCents: fundingEvents.amountCents,
	currency: fundingEvents.currency,
	status: fundingEvents.status,
	plannedOn: fundingEvents.plannedOn,
	appliedOn: fundingEvents.appliedOn,
	securedOn: fundingEvents.securedOn,
	receivedOn: fundingEvents.receivedOn,
	declinedOn: fundingEvents.declinedOn,
	triggeredById: fundingEvents.triggeredById,
	note: fundingEvents.note,
}
const COMPARED = ['isPublic', 'amountCents', 'currency', 'status', ...STEP_FIELDS, 'note'] as const

function storedCandidates(state: State): Candidate[] {
	return [...state.events.values()].map((e) => ({
		id: e.id,
		line: null,
		startupId: e.startupId,
		kind: e.kind,
		source: e.source,
		status: e.status,
		stepDates: e,
		failed: false,
	}))
}

/** Everything about a row but its trigger, which may be another row of the file. */
function checkEvent(
	cells: Record<string, string>,
	state: State,
	ctx: ImportContext,
	line: number,
): CheckedRow {
	const fields = fundingImporter.fields(ctx)
	const { values, errors } = readRow(fields, cells, ctx.dateOrder)
	const flags: Issue[] = []
	const flagged = new Set(errors.map((e) => e.field))
	const { startupId, startupName } = rowStartup(values, state.refs, ctx.startupId, errors)
	const kind = (values.kind as string | null) ?? ''
	let status = values.status as string | null
	const dates: Record<string, string | null> = {}
	for (const f of STEP_FIELDS) dates[f] = (values[f] as string | null) ?? null
	if (!status) {
		status = dates.declinedOn
			? 'declined'
			: dates.receivedOn
				? 'received'
				: dates.securedOn || values.date
					? 'secured'
					: dates.appliedOn
						? 'applied'
						: 'planned'
	}
	const date = values.date as string | null
	if (date) {
		const field = STEP_DATE_FIELD[status as keyof typeof STEP_DATE_FIELD]
		if (field && !dates[field]) dates[field] = date
		if (status === 'received' && !dates.securedOn) dates.securedOn = date
	}
	const origin = (values.origin as string | null) ?? (PUBLIC_KINDS.has(kind) ? 'public' : 'private')
	const amount = values.amount as number | null
	const parsed = FundingEventSchema.safeParse({
		kind,
		source: (values.source as string | null) ?? '',
		origin,
		// already read by the import's one amount reader: handed over in plain digits
		amount: amount === null ? '' : (amount / 100).toFixed(2),
		currency: (values.currency as string | null) ?? 'EUR',
		status,
		...Object.fromEntries(STEP_FIELDS.map((f) => [f, dates[f] ?? ''])),
		note: (values.note as string | null) ?? '',
	})
	if (!parsed.success) {
		const fieldOf = (path: string) => {
			if (['origin', 'currency', 'kind', 'source', 'note', 'status', 'amount'].includes(path))
				return path
			if (cells[path] !== undefined) return path
			return cells.date !== undefined ? 'date' : path
		}
		errors.push(...schemaIssues(parsed.error.issues, fieldOf, cells, flagged))
	}
	if (!startupId && !errors.some((e) => e.field === 'startup')) {
		errors.push({ key: 'errors.required', field: 'startup', values: { value: '' } })
	}
	const triggerText = (values.triggeredBy as string | null) ?? null
	const base = { line, startupId, triggerText, known: null, flags, existingId: null }
	const stepDates = Object.fromEntries(STEP_FIELDS.map((f) => [f, dates[f] ?? null])) as StepDates
	if (errors.length || !parsed.success || !startupId) {
		const display = {
			...values,
			...dates,
			status,
			origin,
			currency: (values.currency as string | null) ?? 'EUR',
			startup: startupName ?? values.startup ?? null,
		}
		return { ...base, action: 'error', record: display, errors, stepDates }
	}
	const input = parsed.data
	const record: Record<string, Stored> = {
		startupId,
		startup: startupName ?? (values.startup as string | null),
		kind: input.kind,
		source: input.source,
		isPublic: input.origin === 'public',
		origin: input.origin,
		amountCents: input.amount,
		amount: input.amount,
		currency: input.currency,
		status: input.status,
		plannedOn: input.plannedOn ?? null,
		appliedOn: input.appliedOn ?? null,
		securedOn: input.securedOn ?? null,
		receivedOn: input.receivedOn ?? null,
		declinedOn: input.declinedOn ?? null,
		note: input.note ?? null,
		date: (values.date as string | null) ?? null,
	}
	const inputDates = Object.fromEntries(STEP_FIELDS.map((f) => [f, input[f] ?? null])) as StepDates
	const key = eventKey(startupId, input.kind, input.source, startedOn(input))
	const first = state.seen.get(key)
	if (first !== undefined) {
		errors.push({
			key: 'import:errors.sameEvent',
			field: 'source',
			values: { value: input.source, line: first },
		})
		return { ...base, action: 'error', record, errors, stepDates: inputDates }
	}
	state.seen.set(key, line)
	const known = state.events.get(key) ?? null
	if (!known) return { ...base, action: 'create', record, errors, stepDates: inputDates }
	const changed = COMPARED.some((f) => (known[f] ?? null) !== (record[f] ?? null))
	return {
		...base,
		action: changed ? 'update' : 'unchanged',
		existingId: known.id,
		known,
		record,
		errors,
		stepDates: inputDates,
	}
}

export const fundingImporter: Importer<State> = {
	kind: 'funding',
	permission: 'funding',
	fields: (ctx) => IMPORT_FIELDS.funding.filter((f) => !(f.key === 'startup' && ctx.startupId)),

	load(ctx) {
		const refs = loadStartupRefs(ctx.viewer, 'update:funding')
		const events = new Map<string, Known>()
		for (const e of getDb().select(STORED).from(fundingEvents).all()) {
			if (!refs.has(e.startupId)) continue
			events.set(eventKey(e.startupId, e.kind, e.source, startedOn(e)), e as Known)
		}
		return { refs, events, seen: new Map(), checked: new Map() }
	},

	// every row is checked first, so that a row may name as its trigger one further down
	prepare(rows, state, ctx) {
		const checked = rows.map(({ line, cells }) => checkEvent(cells, state, ctx, line))
		linkTriggers(checked, storedCandidates(state), ctx)
		for (const row of checked) state.checked.set(row.line, row)
	},

	checkRow(cells, state, ctx, line) {
		const prepared = state.checked.get(line)
		if (prepared) return prepared
		const row = checkEvent(cells, state, ctx, line)
		linkTriggers([row], storedCandidates(state), ctx)
		return row
	},

	orderPlan: (plan: PlannedRow[]) => orderByTrigger(plan),

	writeRows(tx, rows, { actorId, viewer, lineIds }) {
		let created = 0
		let updated = 0
		let conflicts = 0
		for (const row of rows) {
			const r = row.record
			const startupId = Number(r.startupId)
			if (!writableStartup(viewer, 'update:funding', startupId)) {
				conflicts++
				continue
			}
			// a trigger further up the file got its id when it was written
			let triggeredById = r.triggeredById as number | null | undefined
			if (typeof r.triggeredByLine === 'number') {
				triggeredById = lineIds.get(r.triggeredByLine)
				if (triggeredById === undefined) {
					conflicts++
					continue
				}
			} else if (typeof triggeredById === 'number') {
				// as the form does, the link is checked again inside the write (declined since?)
				const problem = triggerProblem({
					viewer,
					startupId,
					eventId: row.existingId,
					triggeredById,
					dates: r as unknown as StepDates,
					currentTriggerId:
						row.existingId === null
							? null
							: (tx
									.select({ id: fundingEvents.triggeredById })
									.from(fundingEvents)
									.where(eq(fundingEvents.id, row.existingId))
									.get()?.id ?? null),
				})
				if (problem) {
					conflicts++
					continue
				}
			}
			const values = {
				kind: r.kind as 'grant',
				source: String(r.source),
				isPublic: Boolean(r.isPublic),
				amountCents: Number(r.amountCents),
				currency: r.currency as 'EUR',
				status: r.status as 'secured',
				plannedOn: r.plannedOn as string | null,
				appliedOn: r.appliedOn as string | null,
				securedOn: r.securedOn as string | null,
				receivedOn: r.receivedOn as string | null,
				declinedOn: r.declinedOn as string | null,
				note: r.note as string | null,
				// a row that names no trigger leaves a known event's link as it is
				...(triggeredById === undefined ? {} : { triggeredById }),
			}
			const subject = {
				kind: values.kind,
				amountCents: money(values.amountCents, values.currency),
				status: values.status,
			}
			if (row.action === 'create') {
				const event = tx
					.insert(fundingEvents)
					.values({ ...values, startupId })
					.returning({ id: fundingEvents.id })
					.get()
				lineIds.set(row.line, event.id)
				recordAudit(tx, {
					userId: actorId,
					action: 'create',
					entity: 'funding_event',
					entityId: event.id,
					startupId,
					verb: 'import',
					subject,
				})
				created++
			} else if (row.existingId) {
				lineIds.set(row.line, row.existingId)
				const before = tx
					.select(STORED)
					.from(fundingEvents)
					.where(and(eq(fundingEvents.id, row.existingId), eq(fundingEvents.startupId, startupId)))
					.get()
				if (!before) {
					conflicts++
					continue
				}
				const changes = diffFields(before as Record<string, unknown>, values)
				if (!Object.keys(changes).length) continue
				tx.update(fundingEvents).set(values).where(eq(fundingEvents.id, row.existingId)).run()
				recordAudit(tx, {
					userId: actorId,
					action: 'update',
					entity: 'funding_event',
					entityId: row.existingId,
					startupId,
					verb: 'importUpdate',
					subject,
					changes,
				})
				updated++
			}
		}
		return { created, updated, conflicts }
	},
}
