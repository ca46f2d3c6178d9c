import type { SubmissionResult } from '@conform-to/react'
import { type AnyColumn, and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { cohorts, fundingEvents, mentors, organisations, startups, units } from '#db/schema/index'
import { startupRows } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { likePattern } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import { PICKED_BY_NAME, PICKER_LIMIT, type PickChoice, type PickKind } from '~/utils/picker'
import { sortKeyOf } from '~/utils/sort-key'
import { listTriggerOptions } from './funding.server'
import { conversionDate } from './funding-sql.server'
import type { Viewer } from './viewer'

/*
 * "One record among many" (decision 0044). Each kind says which records a viewer may pick —
 * the same rows the form's select offered before — and every function here stays inside them:
 * the select's choices (at most PICKER_LIMIT, else null), the suggestions as one types (at most
 * 20), and the record a typed name resolves to. A name is compared folded (accents, case,
 * punctuation: sortKeyOf, the `sort_key` columns). A suggestion is the record's name when no
 * other pickable record has it, else "Name · detail · #id", which resolves to that one.
 */

/** Where a pick happens: the funding event form's triggers depend on the startup and the event. */
export type PickContext = { startupId?: number; eventId?: number; currentId?: number | null }

type Row = { id: number; name: string; key: string | null; detail: string | null }

const SUGGESTIONS = 20

/** The records of `kind` the viewer may pick, as SQL parts: null when they may pick none. */
function source(kind: PickKind, viewer: Viewer) {
	switch (kind) {
		case 'startups':
			return {
				columns: {
					id: startups.id,
					name: startups.name,
					key: startups.sortKey,
					detail: sql<
						string | null
					>`(SELECT c.name FROM cohorts c WHERE c.id = ${startups.cohortId})`,
				},
				table: startups,
				scope: startupRows(viewer, 'read:startup'),
				key: startups.sortKey,
				// the startups in the programme first, as the select had them
				order: [sql`${startups.status} NOT IN ('incubated', 'applicant')`, asc(startups.sortKey)],
			}
		case 'organisations':
			if (!can(viewer, 'read:contact:any')) return null
			return {
				columns: {
					id: organisations.id,
					name: organisations.name,
					key: organisations.sortKey,
					detail: sql<
						string | null
					>`trim(coalesce(${organisations.countryCode}, ${organisations.country}) || ' ' || coalesce(${organisations.sector}, ''))`,
				},
				table: organisations,
				scope: undefined,
				key: organisations.sortKey,
				order: [asc(organisations.sortKey)],
			}
		case 'cohorts':
			// the report's readers filter by cohort too (the names only)
			if (!can(viewer, 'read:cohort:any') && !can(viewer, 'read:report:any')) return null
			return {
				columns: {
					id: cohorts.id,
					name: cohorts.name,
					key: cohorts.sortKey,
					detail: sql<string | null>`${cohorts.startDate}`,
				},
				table: cohorts,
				scope: undefined,
				key: cohorts.sortKey,
				order: [desc(cohorts.startDate), asc(cohorts.sortKey)],
			}
		case 'mentors':
			// people: the staff's business, never a partner's
			if (!can(viewer, 'read:mentor:any')) return null
			return {
				columns: {
					id: mentors.id,
					name: mentors.name,
					key: mentors.sortKey,
					detail: sql<string | null>`${mentors.organisation}`,
				},
				table: mentors,
				scope: undefined,
				key: mentors.sortKey,
				order: [asc(mentors.sortKey)],
			}
		case 'units':
			// a unit is named by its code ("P1-04"), unique: no fold but the case
			if (!can(viewer, 'update:lease:any')) return null
			return {
				columns: {
					id: units.id,
					name: units.code,
					key: sql<string | null>`upper(${units.code})`,
					detail: sql<string | null>`NULL`,
				},
				table: units,
				scope: undefined,
				key: sql`upper(${units.code})`,
				order: [asc(units.floor), asc(units.code)],
			}
		case 'triggers':
			return null
	}
}

/** How a typed name is compared with the records' names of a kind. */
function foldFor(kind: PickKind) {
	return kind === 'units' ? (text: string) => text.trim().toUpperCase() || null : sortKeyOf
}

// ---------------------------------------------------------------- triggers of a funding event

/**
 * The events a funding event may say it was triggered by, as listTriggerOptions
 * (funding.server.ts) offers them: this startup's own and, for a manager, every innovation-fund
 * grant; never a declined one, the event itself or what it triggered.
 */
function triggerScope(viewer: Viewer, context: PickContext): SQL | null {
	const startupId = context.startupId
	if (!startupId) return null
	const mayUpdate = getDb()
		.select({ id: startups.id })
		.from(startups)
		.where(and(eq(startups.id, startupId), startupRows(viewer, 'update:funding')))
		.get()
	if (!mayUpdate) return null
	const scope = can(viewer, 'read:funding:any')
		? or(eq(fundingEvents.startupId, startupId), eq(fundingEvents.kind, 'innovation_fund_grant'))
		: eq(fundingEvents.startupId, startupId)
	const below = context.eventId
		? sql`${fundingEvents.id} NOT IN (WITH RECURSIVE below(id) AS (
				SELECT ${context.eventId}
				UNION
				SELECT child.id FROM funding_events child JOIN below ON child.triggered_by_id = below.id
			) SELECT id FROM below)`
		: undefined
	return and(scope, sql`${fundingEvents.status} <> 'declined'`, below)!
}

const triggerColumns = (startupId: number) => ({
	id: fundingEvents.id,
	name: fundingEvents.source,
	key: sql<string | null>`NULL`,
	detail: sql<
		string | null
	>`trim(coalesce(${conversionDate}, '') || CASE WHEN ${fundingEvents.startupId} <> ${startupId} THEN ' · ' || ${startups.name} ELSE '' END)`,
})

/** An event has no name of its own: its funder, its date (and another startup's name), its number. */
function triggerLabel(row: Row) {
	return [row.name, row.detail, `#${row.id}`].filter(Boolean).join(' · ')
}

function triggerRows(viewer: Viewer, context: PickContext, where: SQL | undefined, limit: number) {
	const scope = triggerScope(viewer, context)
	if (!scope) return []
	return getDb()
		.select(triggerColumns(context.startupId!))
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.where(and(scope, where))
		.orderBy(sql`${fundingEvents.startupId} <> ${context.startupId}`, desc(conversionDate))
		.limit(limit)
		.all()
}

// ---------------------------------------------------------------- the three questions

/**
 * What a select offers when the viewer may pick among at most PICKER_LIMIT records; null when
 * there are more, and the form shows a text field with suggestions instead.
 */
export function pickChoices({
	kind,
	viewer,
}: {
	kind: Exclude<PickKind, 'triggers'>
	viewer: Viewer
}): PickChoice[] | null {
	const from = source(kind, viewer)
	if (!from) return []
	// more than a select holds? Counting the first PICKER_LIMIT + 1 rows, unsorted, says so
	// without sorting a network's thousands of records for nothing
	const few = getDb()
		.select({ id: from.columns.id })
		.from(from.table)
		.where(from.scope)
		.limit(PICKER_LIMIT + 1)
		.all()
	if (few.length > PICKER_LIMIT) return null
	const rows = getDb()
		.select({ id: from.columns.id, name: from.columns.name })
		.from(from.table)
		.where(from.scope)
		.orderBy(...from.order)
		.limit(PICKER_LIMIT + 1)
		.all()
	if (rows.length > PICKER_LIMIT) return null
	return rows.map((r) => ({ id: r.id, label: r.name }))
}

/**
 * A form's picker of one record: the select's choices while there are few, else null and the
 * words that show `currentId` in the text field.
 */
export function pickerOf({
	kind,
	viewer,
	currentId,
}: {
	kind: Exclude<PickKind, 'triggers'>
	viewer: Viewer
	currentId?: number | null
}) {
	const choices = pickChoices({ kind, viewer })
	return {
		choices: choices && choices.map((c) => ({ id: c.id, name: c.label })),
		label: choices ? undefined : pickLabel({ kind, id: currentId, viewer }),
	}
}

/** Are there more triggers to offer than a select should hold? */
export function hasManyTriggers({ viewer, context }: { viewer: Viewer; context: PickContext }) {
	return triggerRows(viewer, context, undefined, PICKER_LIMIT + 1).length > PICKER_LIMIT
}

/**
 * The funding event form's "triggered by": every offered event (listTriggerOptions) while there
 * are few; beyond, none, and the words that show the current trigger in its field — a bare
 * "#42" for another startup's grant a founder may not read.
 */
export function triggerPicker({
	viewer,
	startupId,
	eventId,
	currentId = null,
}: {
	viewer: Viewer
	startupId: number
	eventId?: number
	currentId?: number | null
}) {
	const context = { startupId, eventId, currentId }
	if (!hasManyTriggers({ viewer, context })) {
		return { triggers: listTriggerOptions({ viewer, startupId, eventId }), triggerLabel: undefined }
	}
	return {
		triggers: null,
		triggerLabel: currentId
			? (pickLabel({ kind: 'triggers', id: currentId, viewer, context }) ?? `#${currentId}`)
			: undefined,
	}
}

function rowsOfKind(
	kind: PickKind,
	viewer: Viewer,
	context: PickContext,
	where: (key: SQL | AnyColumn, name: SQL | AnyColumn) => SQL,
	limit: number,
): Row[] {
	if (kind === 'triggers') {
		return triggerRows(viewer, context, where(sql`NULL`, fundingEvents.source), limit)
	}
	const from = source(kind, viewer)
	if (!from) return []
	return getDb()
		.select(from.columns)
		.from(from.table)
		.where(and(from.scope, where(from.key, from.columns.name)))
		.orderBy(...from.order)
		.limit(limit)
		.all()
}

/** The records sharing one of these folded names, among those the viewer may pick. */
function namesHeld(kind: Exclude<PickKind, 'triggers'>, viewer: Viewer, keys: string[]) {
	const from = source(kind, viewer)
	if (!from || !keys.length) return new Map<string, number>()
	const key = sql<string | null>`${from.key}`
	const rows = getDb()
		.select({ key, n: sql<number>`count(*)` })
		.from(from.table)
		.where(and(from.scope, inArray(key, keys)))
		.groupBy(key)
		.all()
	return new Map(rows.map((r) => [r.key ?? '', r.n]))
}

function labelsOf(kind: PickKind, viewer: Viewer, rows: Row[]) {
	if (kind === 'triggers') return rows.map(triggerLabel)
	const counts = namesHeld(
		kind,
		viewer,
		rows.map((r) => r.key ?? ''),
	)
	return rows.map((r) =>
		(counts.get(r.key ?? '') ?? 1) > 1
			? [r.name, r.detail || null, `#${r.id}`].filter(Boolean).join(' · ')
			: r.name,
	)
}

/** Up to 20 suggestions for what was typed, each naming one record the viewer may pick. */
export function suggestPicks({
	kind,
	q,
	viewer,
	context = {},
}: {
	kind: PickKind
	q: string
	viewer: Viewer
	context?: PickContext
}) {
	const typed = q.trim().replace(/\s*·\s*#\d+$/, '')
	const folded = foldFor(kind)(typed)
	const rows = rowsOfKind(
		kind,
		viewer,
		context,
		(key, name) =>
			kind === 'triggers' || !folded
				? sql`${name} LIKE ${likePattern(typed)} ESCAPE '\\'`
				: sql`${key} LIKE ${likePattern(folded)} ESCAPE '\\'`,
		SUGGESTIONS,
	)
	return labelsOf(kind, viewer, rows)
}

/** What a typed field shows for a record already picked (an edit form): its suggestion's words. */
export function pickLabel({
	kind,
	id,
	viewer,
	context = {},
}: {
	kind: PickKind
	id: number | null | undefined
	viewer: Viewer
	context?: PickContext
}) {
	if (!id) return undefined
	const rows = rowsOfKind(kind, viewer, context, () => sql`${idColumn(kind)} = ${id}`, 1)
	return rows.length ? labelsOf(kind, viewer, rows)[0] : undefined
}

/** A record's own name (a page's title), among those the viewer may pick. */
export function pickName({
	kind,
	id,
	viewer,
}: {
	kind: Exclude<PickKind, 'triggers'>
	id: number | null | undefined
	viewer: Viewer
}) {
	if (!id) return undefined
	return rowsOfKind(kind, viewer, {}, () => sql`${idColumn(kind)} = ${id}`, 1)[0]?.name
}

function idColumn(kind: PickKind) {
	return {
		startups: startups.id,
		organisations: organisations.id,
		cohorts: cohorts.id,
		mentors: mentors.id,
		units: units.id,
		triggers: fundingEvents.id,
	}[kind]
}

export type Resolution = { id: number } | { problem: 'none' | 'several' }

/**
 * The record a typed name names, among those the viewer may pick: "#42" or a suggestion ending
 * in "· #42" names that one (if the viewer may pick it), else the name folded must be one
 * record's name — none or several is said, never guessed. A trigger is named by its funder.
 */
export function resolvePick({
	kind,
	text,
	viewer,
	context = {},
}: {
	kind: PickKind
	text: string
	viewer: Viewer
	context?: PickContext
}): Resolution {
	const number = /(?:^|·)\s*#(\d{1,9})\s*$/.exec(text.trim())
	if (number) {
		const id = Number(number[1])
		// an edit form's current trigger stays, even one no longer offered (declined since)
		if (kind === 'triggers' && id === context.currentId) return { id }
		const rows = rowsOfKind(kind, viewer, context, () => sql`${idColumn(kind)} = ${id}`, 1)
		return rows.length ? { id } : { problem: 'none' }
	}
	const folded = foldFor(kind)(text)
	if (!folded) return { problem: 'none' }
	const rows =
		kind === 'triggers'
			? // funders have no folded column: the offered events (one startup's, the grants) folded here
				rowsOfKind(kind, viewer, context, () => sql`1`, 10_000).filter(
					(r) => sortKeyOf(r.name) === folded,
				)
			: rowsOfKind(kind, viewer, context, (key) => sql`${key} = ${folded}`, 2)
	if (rows.length === 1) return { id: rows[0]!.id }
	return { problem: rows.length ? 'several' : 'none' }
}

// ---------------------------------------------------------------- a form's typed fields

export type PickSpec = { kind: PickKind; context?: PickContext; into?: string }

/**
 * The form data with every typed name of these fields replaced by the id it resolves to, ready
 * for the form's own schema; the fields that named nothing (or several) carry their message.
 * `into` sends a resolved id to another field (the interaction's "another startup" joins its
 * checked startups). `reply` puts the typed words back into a reply, so that a form refused for
 * another reason still shows the name the user typed, not an id.
 */
export function resolvePicks(formData: FormData, viewer: Viewer, specs: Record<string, PickSpec>) {
	const typedFields = new Set(formData.getAll(PICKED_BY_NAME).map(String))
	const resolved = new FormData()
	const typed: Record<string, string> = {}
	const errors: Record<string, string[]> = {}
	const added: Record<string, string> = {}
	for (const [key, value] of formData) {
		const spec = specs[key]
		const text = typeof value === 'string' ? value.trim() : ''
		// a name in a field this form does not read now (the user form's other role): not an id
		if (!spec && typedFields.has(key) && text && !/^\d+$/.test(text)) continue
		if (!spec || !text || (!spec.into && !typedFields.has(key))) {
			resolved.append(key, value)
			continue
		}
		typed[key] = text.slice(0, 200)
		const found = resolvePick({ kind: spec.kind, text: typed[key], viewer, context: spec.context })
		if ('problem' in found) {
			errors[key] = [`pick.${found.problem}.${spec.kind}`]
			if (!spec.into) resolved.append(key, value)
		} else if (spec.into) {
			added[spec.into] = String(found.id)
		} else {
			resolved.append(key, String(found.id))
		}
	}
	for (const [field, id] of Object.entries(added)) resolved.append(field, id)
	return {
		formData: resolved,
		/** Typed names that named nothing, or several records: on their fields. */
		errors: Object.keys(errors).length ? errors : null,
		/** A reply showing what the user typed and every message, the picks' ones included. */
		reply(result: SubmissionResult<string[]>): SubmissionResult<string[]> {
			const initialValue = { ...(result.initialValue ?? {}) } as Record<string, unknown>
			for (const [field, text] of Object.entries(typed)) initialValue[field] = text
			for (const [field, id] of Object.entries(added)) {
				const value = initialValue[field]
				const list = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== id)
				initialValue[field] = list.length ? list : undefined
			}
			return {
				...result,
				status: Object.keys(errors).length ? 'error' : result.status,
				initialValue: initialValue as SubmissionResult<string[]>['initialValue'],
				error: { ...(result.error ?? {}), ...errors },
			}
		},
	}
}
