import { and, eq } from 'drizzle-orm'
import { importMappings } from '#db/schema/index'
import type { Viewer } from '~/models/viewer'
import { linkedStartup } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { holdForWorker, type WriteGate } from '~/utils/write-gate.server'
import { type FieldDef, type FieldType, IMPORT_FIELDS, type ImportKind } from './fields'
import { contactImporter } from './importers/contacts.server'
import { fundingImporter } from './importers/funding.server'
import { kpiImporter } from './importers/kpis.server'
import { IMPORT_GRANTS } from './importers/startup-ref.server'
import { startupImporter } from './importers/startups.server'
import type { ImportContext, Importer } from './importers/types'
import {
	applySavedMapping,
	autoMatch,
	knownHeaders,
	type Mapping,
	mappingToSaved,
	shapeOf,
} from './matching'
import { IMPORT_MAX_ROWS, readFile, type ReadProblem } from './read.server'
import { detectHeaderRow, splitBody } from './table'
import type {
	Analysis,
	AnalysisResult,
	FailedRow,
	ImportSettings,
	PlannedRow,
	RowAction,
	RowReport,
	WriteOutcome,
} from './types'
import { type DateOrder, inferDateOrder } from './values'

/*
 * The one import pipeline: file → table → header and footers → columns matched to fields →
 * every row read, checked and matched to what is stored (create, update, unchanged) → a plan
 * that is written in short transactions. Every importer (contacts, startups, funding, KPI
 * reports) plugs its fields, its lookups and its writes into it.
 */

export const IMPORTERS: Record<ImportKind, Importer<unknown>> = {
	contacts: contactImporter as unknown as Importer<unknown>,
	startups: startupImporter as unknown as Importer<unknown>,
	funding: fundingImporter as unknown as Importer<unknown>,
	kpis: kpiImporter as unknown as Importer<unknown>,
}

export const PREVIEW_ROWS = 20
/** Rows with a problem listed on the page; the error file has them all. */
export const PROBLEMS_SHOWN = 200
/** Rows per write transaction: short enough that other people's saves never wait long. */
export const WRITE_CHUNK = 250

export type Progress = (done: number, total: number) => void

function context(
	kind: ImportKind,
	viewer: Viewer,
	settings: ImportSettings,
	dateOrder: DateOrder,
): ImportContext {
	// a founder's own startup; a manager's from the page the import was opened on
	const fixed =
		kind === 'funding' || kind === 'kpis'
			? (linkedStartup(viewer, IMPORT_GRANTS[kind]) ?? settings.startupId ?? null)
			: null
	return { viewer, settings, today: today(), dateOrder, startupId: fixed }
}

export function importFields(
	kind: ImportKind,
	viewer: Viewer,
	settings: ImportSettings = {},
): FieldDef[] {
	return IMPORTERS[kind].fields(context(kind, viewer, settings, 'dmy'))
}

// ---------------------------------------------------------------- remembered mappings

type SavedSettings = {
	columns: Record<string, string | null>
	constants?: Record<string, string>
	dateOrder?: DateOrder | null
}

export function findSavedMapping(kind: ImportKind, shape: string): SavedSettings | null {
	const row = getDb()
		.select({ settings: importMappings.settings })
		.from(importMappings)
		.where(and(eq(importMappings.kind, kind), eq(importMappings.shape, shape)))
		.get()
	if (!row) return null
	try {
		return JSON.parse(row.settings) as SavedSettings
	} catch {
		return null
	}
}

const REMEMBERED_TYPES = new Set<FieldType>(['country', 'choice', 'boolean', 'date', 'quarter'])

export function saveMapping({
	kind,
	header,
	mapping,
	constants,
	dateOrder,
	userId,
}: {
	kind: ImportKind
	header: string[]
	mapping: Mapping
	constants: Record<string, string>
	dateOrder: DateOrder | null
	userId: number
}) {
	// a remembered value is a code (a country, a kind, a date), never free text: the mapping is
	// shared by the team and kept, and a typed "source" or "notes" could name a person
	const typeOf = new Map(IMPORT_FIELDS[kind].map((f) => [f.key, f.type]))
	const kept = Object.fromEntries(
		Object.entries(constants).filter(([field]) =>
			REMEMBERED_TYPES.has(typeOf.get(field) ?? 'text'),
		),
	)
	const settings = JSON.stringify({
		columns: mappingToSaved(header, mapping),
		constants: kept,
		dateOrder,
	})
	const shape = shapeOf(header)
	writeTransaction((tx) => {
		tx.insert(importMappings)
			.values({ kind, shape, settings, userId })
			.onConflictDoUpdate({
				target: [importMappings.kind, importMappings.shape],
				set: { settings, userId },
			})
			.run()
	})
}

// ---------------------------------------------------------------- analysis

export type AnalyseInput = {
	kind: ImportKind
	bytes: Uint8Array
	fileName: string
	settings: ImportSettings
	viewer: Viewer
}

export function analyseImport(
	{ kind, bytes, fileName, settings, viewer }: AnalyseInput,
	onProgress?: Progress,
): AnalysisResult | { problem: ReadProblem | 'noRows' | 'tooManyRows'; count?: number } {
	const file = readFile(bytes, { fileName, encoding: settings.encoding ?? null })
	if ('problem' in file) return file
	const importer = IMPORTERS[kind]
	const fieldsForKnown = importer.fields(context(kind, viewer, settings, 'dmy'))
	const detected = detectHeaderRow(file.rows, knownHeaders(fieldsForKnown))
	const headerRow =
		settings.headerRow !== null &&
		settings.headerRow !== undefined &&
		settings.headerRow >= 0 &&
		settings.headerRow < file.rows.length
			? settings.headerRow
			: detected
	if (headerRow < 0) return { problem: 'empty' }
	const { header, body, footers } = splitBody(file.rows, headerRow)
	if (body.length === 0) return { problem: 'noRows' }
	if (body.length > IMPORT_MAX_ROWS) return { problem: 'tooManyRows', count: body.length }

	const shape = shapeOf(header)
	const saved = settings.mapping ? null : findSavedMapping(kind, shape)
	const fieldKeys = new Set(fieldsForKnown.map((f) => f.key))
	let mapping: Mapping =
		settings.mapping && settings.mapping.length === header.length
			? settings.mapping
			: saved
				? applySavedMapping(header, saved.columns)
				: autoMatch(header, fieldsForKnown)
	// a field a column no longer offers (a founder's startup column), or one taken twice
	const used = new Set<string>()
	mapping = mapping.map((f) => {
		if (!f || !fieldKeys.has(f) || used.has(f)) return null
		used.add(f)
		return f
	})
	const constants = Object.fromEntries(
		Object.entries(settings.constants ?? saved?.constants ?? {}).filter(
			([k, v]) => fieldKeys.has(k) && v.trim() !== '',
		),
	)

	const dateColumns = mapping
		.map((f, i) => (f && fieldsForKnown.find((d) => d.key === f)?.type === 'date' ? i : -1))
		.filter((i) => i >= 0)
	const dateOrderDetected = inferDateOrder(
		body.flatMap((r) => dateColumns.map((i) => r.cells[i] ?? '')),
	)
	const dateOrder: DateOrder =
		settings.dateOrder ??
		(dateOrderDetected === 'dmy' || dateOrderDetected === 'mdy'
			? dateOrderDetected
			: (saved?.dateOrder ?? 'dmy'))

	const ctx = context(kind, viewer, settings, dateOrder)
	const fields = importer.fields(ctx)
	const missingRequired = fields
		.filter((f) => f.required && !mapping.includes(f.key) && !constants[f.key])
		.map((f) => f.key)
	const fileIssues = []
	if (file.mixedEncoding) fileIssues.push({ key: 'import:fileInfo.mixedEncoding' })

	const counts = { total: body.length, create: 0, update: 0, unchanged: 0, skip: 0, error: 0 }
	const preview: RowReport[] = []
	const problems: RowReport[] = []
	const plan: PlannedRow[] = []
	const failed: FailedRow[] = []
	const mode = settings.mode ?? 'create_update'

	if (missingRequired.length === 0) {
		const state = importer.load(ctx)
		const rows = body.map(({ cells, line }) => {
			const row: Record<string, string> = {}
			mapping.forEach((field, i) => {
				if (field) row[field] = unguard(cells[i] ?? '')
			})
			for (const [field, value] of Object.entries(constants)) {
				if (!row[field]?.trim()) row[field] = value
			}
			return { line, cells: row }
		})
		importer.prepare?.(rows, state, ctx)
		body.forEach(({ cells, line }, index) => {
			const check = importer.checkRow(rows[index]!.cells, state, ctx, line)
			let action: RowAction = check.action
			if (action === 'update' && mode === 'create_only') action = 'skip'
			counts[action]++
			const report: RowReport = {
				line,
				action,
				values: check.record,
				errors: check.errors,
				flags: check.flags,
			}
			if (preview.length < PREVIEW_ROWS) preview.push(report)
			if ((check.errors.length || check.flags.length) && problems.length < PROBLEMS_SHOWN)
				problems.push(report)
			if (action === 'error') failed.push({ line, cells, issues: check.errors })
			if (action === 'create' || action === 'update') {
				plan.push({ line, action, existingId: check.existingId, record: check.record })
			}
			if ((index + 1) % 1000 === 0) onProgress?.(index + 1, body.length)
		})
	}
	const analysis: Analysis = {
		kind,
		fileName,
		file: {
			format: file.format,
			encoding: file.encoding,
			detectedEncoding: file.detectedEncoding,
			mixedEncoding: file.mixedEncoding,
			delimiter: file.delimiter,
			sheet: file.sheet,
		},
		topRows: file.rows.slice(0, 12).map((r) => r.slice(0, 8).map((c) => c.slice(0, 40))),
		headerRow,
		columns: header.map((h, index) => ({
			index,
			header: h,
			field: mapping[index] ?? null,
			samples: body
				.slice(0, 3)
				.map((r) => (r.cells[index] ?? '').slice(0, 60))
				.filter(Boolean),
		})),
		mapping,
		savedMappingUsed: Boolean(saved),
		constants,
		footers,
		dateOrder,
		dateOrderDetected,
		missingRequired,
		fileIssues,
		counts,
		preview,
		problems,
		moreProblems: Math.max(0, counts.error - problems.filter((p) => p.action === 'error').length),
		mode,
		startupId: ctx.startupId,
	}
	onProgress?.(body.length, body.length)
	return { analysis, plan: importer.orderPlan?.(plan) ?? plan, failed, header, shape }
}

/** Undoes the formula guard of spreadsheet exports (ours included): "'+44 1304…" is "+44 1304…". */
function unguard(cell: string) {
	return /^'[=+\-@\t\r\0]/.test(cell) ? cell.slice(1) : cell
}

// ---------------------------------------------------------------- writing

/** How the write went, for the server's log: how many transactions, the longest in ms. */
export type WriteTimings = { transactions: number; longestMs: number }

/**
 * How a worker paces its writes (the request's own small writes need none):
 * - `targetMs`: the next chunk has as many rows as fit in this many milliseconds at the pace of
 *   the last one (between 10 and WRITE_CHUNK rows), so that a busy machine gets shorter
 *   transactions rather than longer ones;
 * - `pauseMs`: a breath between two transactions. SQLite hands the write lock to whoever asks
 *   first once it is free, and a writer of the server's thread that waits for it polls now and
 *   then; without a pause the worker would take the lock back at once, again and again. (While
 *   it waits, better-sqlite3 holds the server's thread: the transactions must stay short.)
 */
export type WritePacing = {
	targetMs: number
	pauseMs: number
	clock?: () => number
	/** the server's write gate: each transaction waits until no submission is being handled */
	gate?: WriteGate
}

const MIN_CHUNK = 10

/**
 * Writes the plan in transactions of at most WRITE_CHUNK rows: a large import never holds the
 * write lock for long, and what was written stays written if a later chunk fails. Every lookup
 * a chunk makes goes through an index, so a chunk costs the same at 100 or 100,000 contacts.
 */
export function writeImport(
	{ kind, plan, viewer }: { kind: ImportKind; plan: PlannedRow[]; viewer: Viewer },
	onProgress?: Progress,
	timings?: WriteTimings,
	pacing?: WritePacing,
): WriteOutcome {
	const importer = IMPORTERS[kind]
	const outcome: WriteOutcome = { created: 0, updated: 0, conflicts: 0, organisationsCreated: 0 }
	const date = today()
	const lineIds = new Map<number, number>()
	const clock = pacing?.clock ?? (() => performance.now())
	let size = pacing ? Math.min(WRITE_CHUNK, 50) : WRITE_CHUNK
	for (let start = 0; start < plan.length;) {
		const chunk = plan.slice(start, start + size)
		// the transaction's own time: waiting at the gate says nothing of the pace of the rows
		let took = 0
		const write = () => {
			const began = clock()
			const written = writeTransaction((tx) =>
				importer.writeRows(tx, chunk, { actorId: viewer.id, viewer, today: date, lineIds }),
			)
			took = clock() - began
			return written
		}
		const result = pacing?.gate ? holdForWorker(pacing.gate, write) : write()
		if (timings) {
			timings.transactions++
			timings.longestMs = Math.max(timings.longestMs, took)
		}
		outcome.created += result.created ?? 0
		outcome.updated += result.updated ?? 0
		outcome.conflicts += result.conflicts ?? 0
		outcome.organisationsCreated += result.organisationsCreated ?? 0
		start += chunk.length
		onProgress?.(start, plan.length)
		if (pacing && start < plan.length) {
			const perRow = Math.max(took, 0.001) / chunk.length
			size = Math.max(MIN_CHUNK, Math.min(WRITE_CHUNK, Math.floor(pacing.targetMs / perRow)))
			if (pacing.pauseMs > 0) sleep(pacing.pauseMs)
		}
	}
	return outcome
}

/** A worker's synchronous pause (it has no event loop to return to between chunks). */
function sleep(ms: number) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
