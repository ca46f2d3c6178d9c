import { triggerProblem } from '~/models/funding.server'
import { startedOn, type StepDates } from '~/schemas/funding'
import { can } from '~/utils/permissions'
import { IMPORT_FIELDS } from '../fields'
import { choiceOf, normaliseName } from '../interpret'
import type { PlannedRow } from '../types'
import { type DateOrder, parseDate } from '../values'
import type { CheckedRow } from './funding.server'
import type { ImportContext } from './types'

/*
 * "Triggered by" in a funding file: the event that triggered a row's event (the leverage
 * chain), named the way people write it — its funder ("Initiative Calaisis"), with its date or
 * its type when the funder alone is not enough ("Initiative Calaisis, 15/03/2024", "Prêt
 * d'honneur – Initiative Calaisis"), or its number from the funding export ("#42"). A name is
 * looked for among the startup's events of the file, then among its stored events, then (for a
 * manager) among every innovation-fund grant; in the first of these where something matches,
 * exactly one must: several is an error on the row, never a guess. The preview shows which
 * event was found. The rules of the funding form apply (decision 0024).
 */

const STEP_FIELDS = ['plannedOn', 'appliedOn', 'securedOn', 'receivedOn', 'declinedOn'] as const

/** An event a row may name: a row of the file (line) and/or a stored event (id). */
export type Candidate = {
	id: number | null
	line: number | null
	startupId: number
	kind: string
	source: string
	status: string
	stepDates: StepDates
	/** A row of the file that has errors: it will not be written. */
	failed: boolean
}

type Reference = { id: number } | { name: string; dates: string[]; kinds: string[] }

const KIND_FIELD = IMPORT_FIELDS.funding.find((f) => f.key === 'kind')!
const DATE_LIKE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/g
const SEPARATORS = /[|,;()[\]–—·]|\s-\s/

/** "#42" → the event 42; "Prêt d'honneur – Initiative Calaisis, 15/03/2024" → kind, funder, date. */
export function parseReference(text: string, dateOrder: DateOrder): Reference | null {
	const number = /^(?:#|n°|no\.?|nr\.?)?\s*(\d{1,9})$/i.exec(text.trim())
	if (number) return { id: Number(number[1]) }
	const dates: string[] = []
	const rest = text.replace(DATE_LIKE, (match) => {
		const date = parseDate(match, dateOrder)
		if (!date) return match
		dates.push(date)
		return '|'
	})
	const kinds: string[] = []
	const names: string[] = []
	for (const part of rest.split(SEPARATORS)) {
		const words = part.trim()
		if (!words) continue
		const kind = choiceOf(KIND_FIELD, words)
		if (kind) kinds.push(kind)
		else names.push(words)
	}
	const name = normaliseName(names.join(' '))
	return name || dates.length || kinds.length ? { name, dates, kinds } : null
}

function find(pool: Candidate[], ref: Exclude<Reference, { id: number }>) {
	const qualified = pool.filter((c) => {
		if (ref.kinds.some((k) => k !== c.kind)) return false
		const steps = STEP_FIELDS.map((f) => c.stepDates[f])
		return ref.dates.every((d) => steps.includes(d))
	})
	if (!ref.name) return qualified
	const exact = qualified.filter((c) => normaliseName(c.source) === ref.name)
	if (exact.length) return exact
	// "Initiative Calaisis Boulogne" for "Initiative Calaisis", or the other way round
	return qualified.filter((c) => {
		const source = normaliseName(c.source)
		return (
			source.length >= 3 &&
			ref.name.length >= 3 &&
			(source.includes(ref.name) || ref.name.includes(source))
		)
	})
}

/**
 * Finds each row's trigger and checks the link; a row whose trigger cannot be linked becomes
 * an error on its "Triggered by" cell. Sets `triggeredById` (a stored event) or
 * `triggeredByLine` (a row of the file, written first) on the records.
 */
export function linkTriggers(rows: CheckedRow[], stored: Candidate[], ctx: ImportContext) {
	const inFile: Candidate[] = rows
		.filter((r) => r.startupId !== null && r.record.kind)
		.map((r) => ({
			id: r.existingId,
			line: r.line,
			startupId: r.startupId!,
			kind: String(r.record.kind),
			source: String(r.record.source ?? ''),
			status: String(r.record.status ?? ''),
			stepDates: r.stepDates,
			failed: r.action === 'error',
		}))
	const rewritten = new Set<number | null>(inFile.map((c) => c.id).filter((id) => id !== null))
	const all = [...inFile, ...stored.filter((c) => !rewritten.has(c.id))]
	const byLine = new Map(rows.map((r) => [r.line, r]))
	const grantsToo = can(ctx.viewer, 'update:funding:any')
	const links = new Map<number, Candidate>()

	const fail = (row: CheckedRow, key: string, values: Record<string, string | number> = {}) => {
		row.errors.push({
			key,
			field: 'triggeredBy',
			values: { value: row.triggerText ?? '', ...values },
		})
		row.action = 'error'
		links.delete(row.line)
	}

	for (const row of rows) {
		if (!row.triggerText || row.action === 'error' || row.startupId === null) continue
		const ref = parseReference(row.triggerText, ctx.dateOrder)
		if (!ref) {
			fail(row, 'import:errors.triggerUnknown')
			continue
		}
		const isSelf = (c: Candidate) =>
			(c.line !== null && c.line === row.line) || (c.id !== null && c.id === row.existingId)
		const own = all.filter((c) => c.startupId === row.startupId && !isSelf(c))
		const grants = grantsToo
			? all.filter((c) => c.startupId !== row.startupId && c.kind === 'innovation_fund_grant')
			: []
		let found: Candidate[] = []
		if ('id' in ref) {
			if (ref.id === row.existingId) {
				fail(row, 'funding:errors.triggerSelf')
				continue
			}
			found = [...own, ...grants].filter((c) => c.id === ref.id)
			if (!found.length) {
				fail(row, 'funding:errors.unknownTrigger')
				continue
			}
		} else {
			// the file first (a history names its own events), then what is stored, then the
			// fund's grants: the first place where the name matches is where it is looked for
			const pools = [own.filter((c) => c.line !== null), own.filter((c) => c.line === null), grants]
			for (const pool of pools) {
				found = find(pool, ref)
				if (found.length) break
			}
		}
		if (found.length !== 1) {
			if (found.length) fail(row, 'import:errors.triggerAmbiguous', { count: found.length })
			else fail(row, 'import:errors.triggerUnknown')
			continue
		}
		const trigger = found[0]!
		if (trigger.status === 'declined') {
			fail(row, 'funding:errors.triggerDeclined')
			continue
		}
		const triggerStart = startedOn(trigger.stepDates)
		const start = startedOn(row.stepDates)
		if (triggerStart && start && triggerStart > start) {
			fail(row, 'funding:errors.triggerLater')
			continue
		}
		if (trigger.id !== null) {
			// the form's own rules, stored chain included (no loop through stored events)
			const problem = triggerProblem({
				viewer: ctx.viewer,
				startupId: row.startupId,
				eventId: row.existingId,
				triggeredById: trigger.id,
				dates: row.stepDates,
				currentTriggerId: row.known?.triggeredById ?? null,
			})
			if (problem) {
				fail(row, problem)
				continue
			}
		}
		links.set(row.line, trigger)
	}

	// a loop within the file: two rows of the same day naming each other
	for (const row of rows) {
		const seen = new Set<number>()
		let next = links.get(row.line)
		while (next && next.line !== null && !seen.has(next.line)) {
			seen.add(next.line)
			next = links.get(next.line)
		}
		if (seen.has(row.line)) fail(row, 'funding:errors.triggerCycle')
	}
	// a row whose trigger will not be written is not written either
	for (let changed = true; changed;) {
		changed = false
		for (const [line, trigger] of links) {
			const triggerRow = trigger.line === null ? null : byLine.get(trigger.line)
			if (triggerRow?.action === 'error') {
				fail(byLine.get(line)!, 'import:errors.triggerFailed', { line: trigger.line! })
				changed = true
			}
		}
	}

	for (const [line, trigger] of links) {
		const row = byLine.get(line)!
		Object.assign(row.record, {
			triggeredById: trigger.id,
			triggeredByLine: trigger.id === null ? trigger.line : null,
			// what the preview shows: "Prêt d'honneur · Initiative Calaisis · 15 mars 2024 (line 2)"
			triggeredBy: trigger.source,
			triggerKind: trigger.kind,
			triggerDate: startedOn(trigger.stepDates),
			triggerLine: trigger.line,
		})
		if (row.action === 'unchanged' && row.known?.triggeredById !== trigger.id) row.action = 'update'
	}
}

/** Every row after the row of the file that triggered it (its id is known once written). */
export function orderByTrigger(plan: PlannedRow[]) {
	const byLine = new Map(plan.map((p) => [p.line, p]))
	const ordered: PlannedRow[] = []
	const placed = new Set<number>()
	const place = (row: PlannedRow) => {
		if (placed.has(row.line)) return
		placed.add(row.line)
		const before = row.record.triggeredByLine
		if (typeof before === 'number' && byLine.has(before)) place(byLine.get(before)!)
		ordered.push(row)
	}
	for (const row of plan) place(row)
	return ordered
}
