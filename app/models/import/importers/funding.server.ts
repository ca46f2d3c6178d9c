import { and, eq } from 'drizzle-orm'
import { fundingEvents } from '#db/schema/index'
import { diffFields, recordAudit } from '~/models/audit.server'
import { editableStartup } from '~/models/funding.server'
import { FundingEventSchema, STEP_DATE_FIELD, startedOn } from '~/schemas/funding'
import { getDb } from '~/utils/db.server'
import { IMPORT_FIELDS } from '../fields'
import { normaliseName, readRow, schemaIssues } from '../interpret'
import type { Issue, Stored } from '../types'
import type { Importer } from './types'
import { loadStartupRefs } from './startup-ref.server'

/*
 * A startup's funding history. A row is an event of a startup (the founder's own, the one the
 * import was opened from, or the one the row names); it is the same event as a known one of
 * that startup with the same kind, funder and start date — then it is updated or unchanged.
 * A single "Date" column is the date of the row's status (and, for money received, of its
 * securing too). Without a status the event is taken as secured.
 */

const PUBLIC_KINDS = new Set(['grant', 'innovation_fund_grant', 'regional_fund', 'honour_loan'])
const STEP_FIELDS = ['plannedOn', 'appliedOn', 'securedOn', 'receivedOn', 'declinedOn'] as const

type Known = Record<string, Stored> & { id: number; startupId: number }

type State = {
	refs: ReturnType<typeof loadStartupRefs>
	events: Map<string, Known>
	seen: Map<string, number>
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
	note: fundingEvents.note,
}
const COMPARED = ['isPublic', 'amountCents', 'currency', 'status', ...STEP_FIELDS, 'note'] as const

export const fundingImporter: Importer<State> = {
	kind: 'funding',
	permission: 'funding',
	fields: (ctx) => IMPORT_FIELDS.funding.filter((f) => !(f.key === 'startup' && ctx.startupId)),

	load(ctx) {
		const refs = loadStartupRefs(ctx.viewer)
		const events = new Map<string, Known>()
		for (const e of getDb().select(STORED).from(fundingEvents).all()) {
			if (!refs.has(e.startupId)) continue
			events.set(eventKey(e.startupId, e.kind, e.source, startedOn(e)), e as Known)
		}
		return { refs, events, seen: new Map() }
	},

	checkRow(cells, state, ctx, line) {
		const fields = fundingImporter.fields(ctx)
		const { values, errors } = readRow(fields, cells, ctx.dateOrder)
		const flags: Issue[] = []
		const flagged = new Set(errors.map((e) => e.field))
		let startupId = ctx.startupId
		let startupName: string | null = null
		if (!startupId && values.startup) {
			const found = state.refs.find(String(values.startup))
			if (found) {
				startupId = found.id
				startupName = found.name
			} else {
				errors.push({
					key: 'import:errors.unknownStartup',
					field: 'startup',
					values: { value: String(values.startup) },
				})
			}
		}
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
		const origin =
			(values.origin as string | null) ?? (PUBLIC_KINDS.has(kind) ? 'public' : 'private')
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
				if (
					path === 'origin' ||
					path === 'currency' ||
					path === 'kind' ||
					path === 'source' ||
					path === 'note' ||
					path === 'status'
				)
					return path
				if (path === 'amount') return 'amount'
				if (cells[path] !== undefined) return path
				return cells.date !== undefined ? 'date' : path
			}
			errors.push(...schemaIssues(parsed.error.issues, fieldOf, cells, flagged))
		}
		if (!startupId && !errors.some((e) => e.field === 'startup')) {
			errors.push({ key: 'errors.required', field: 'startup', values: { value: '' } })
		}
		const display = {
			...values,
			...dates,
			status,
			origin,
			currency: (values.currency as string | null) ?? 'EUR',
			startup: startupName ?? values.startup ?? null,
		}
		if (errors.length || !parsed.success || !startupId) {
			return { action: 'error', existingId: null, record: display, errors, flags }
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
		const key = eventKey(startupId, input.kind, input.source, startedOn(input))
		const first = state.seen.get(key)
		if (first !== undefined) {
			errors.push({
				key: 'import:errors.sameEvent',
				field: 'source',
				values: { value: input.source, line: first },
			})
			return { action: 'error', existingId: null, record, errors, flags }
		}
		state.seen.set(key, line)
		const known = state.events.get(key)
		if (!known) return { action: 'create', existingId: null, record, errors, flags }
		const changed = COMPARED.some((f) => (known[f] ?? null) !== (record[f] ?? null))
		return { action: changed ? 'update' : 'unchanged', existingId: known.id, record, errors, flags }
	},

	writeRows(tx, rows, { actorId, viewer }) {
		let created = 0
		let updated = 0
		let conflicts = 0
		for (const row of rows) {
			const r = row.record
			const startupId = Number(r.startupId)
			if (!editableStartup(viewer, startupId)) {
				conflicts++
				continue
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
			}
			const summary = `${values.kind} from ${values.source}, ${(values.amountCents / 100).toFixed(2)} ${values.currency}, ${values.status}`
			if (row.action === 'create') {
				const event = tx
					.insert(fundingEvents)
					.values({ ...values, startupId })
					.returning({ id: fundingEvents.id })
					.get()
				recordAudit(tx, {
					userId: actorId,
					action: 'create',
					entity: 'funding_event',
					entityId: event.id,
					startupId,
					summary: `recorded funding from an import: ${summary}`,
				})
				created++
			} else if (row.existingId) {
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
					summary: `updated funding from an import: ${Object.keys(changes).join(', ')}`,
					changes: JSON.stringify(changes),
				})
				updated++
			}
		}
		return { created, updated, conflicts }
	},
}
