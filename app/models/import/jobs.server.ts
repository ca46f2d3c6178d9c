import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Viewer } from '~/models/viewer'
import { now } from '~/utils/clock'
import { writeGate } from '~/utils/write-gate.server'
import type { ImportKind } from './fields'
import {
	analyseImport,
	saveMapping,
	WRITE_CHUNK,
	writeImport,
	type WriteTimings,
} from './pipeline.server'
import {
	deleteStored,
	loadStored,
	PENDING_TTL_MS,
	saveMeta,
	saveUpload,
	startSweeping,
} from './store.server'
import type { Analysis, AnalysisResult, FailedRow, ImportSettings, WriteOutcome } from './types'
import type { WorkerMessage, WorkerTask } from './worker'

/*
 * An import in progress: the uploaded bytes, the user's choices, the last analysis and, once
 * started, the write's progress, under a random token bound to the user. Kept in memory and in
 * a folder next to the database (store.server.ts), so that an import waiting for its
 * confirmation survives a restart of the server (docs/decisions/0023). Small files are read on
 * the request; larger ones in a worker thread, with progress for the page to poll.
 */

/**
 * Files up to this size (a few hundred rows) are checked on the request itself, and written
 * there when their plan fits in one write transaction; anything larger is read, checked and
 * written in a worker thread, so that the server's event loop is never held for long (issue 14).
 */
export const INLINE_BYTES = 32_000
const INLINE_ROWS = WRITE_CHUNK

type Status = 'analysing' | 'ready' | 'writing' | 'done' | 'failed'
type Problem = { key: string; values?: Record<string, string | number> }

export type ImportSession = {
	token: string
	userId: number
	kind: ImportKind
	fileName: string
	bytes: Uint8Array
	settings: ImportSettings
	status: Status
	progress: { done: number; total: number }
	/** What the page shows; kept on disk. */
	analysis: Analysis | null
	/** The whole check (plan, failed rows): in memory only, made again from the upload. */
	result: AnalysisResult | null
	problem: Problem | null
	outcome: WriteOutcome | null
	/** Epoch milliseconds of the app's clock: the import expires PENDING_TTL_MS after it. */
	updatedAt: number
	viewer: Viewer
}

/** What is kept on disk of a session: everything but the upload (its own file) and the plan. */
type StoredSession = Omit<ImportSession, 'bytes' | 'result' | 'progress' | 'updatedAt'> & {
	expiresAt: number
}

declare global {
	var __importSessions: Map<string, ImportSession> | undefined
}

const clock = () => now().getTime()

function sessions() {
	if (!globalThis.__importSessions) {
		globalThis.__importSessions = new Map()
		startSweeping(clock)
	}
	const map = globalThis.__importSessions
	const at = clock()
	for (const [token, s] of map)
		if (at - s.updatedAt > PENDING_TTL_MS && s.status !== 'writing') {
			map.delete(token)
			deleteStored(token)
		}
	return map
}

/** Writes down what the page needs to show this import after a restart. */
function persist(session: ImportSession) {
	session.updatedAt = clock()
	const { bytes: _bytes, result: _result, progress: _progress, updatedAt, ...rest } = session
	saveMeta<StoredSession>({ ...rest, expiresAt: updatedAt + PENDING_TTL_MS })
}

/** An import the server knew before it restarted, as it was left. */
function restore(token: string): ImportSession | null {
	const stored = loadStored<StoredSession>(token, clock())
	if (!stored) return null
	const { expiresAt: _expiresAt, ...meta } = stored.meta
	const session: ImportSession = {
		...meta,
		bytes: stored.bytes,
		result: null,
		progress: { done: 0, total: 0 },
		updatedAt: clock(),
	}
	sessions().set(token, session)
	if (session.status === 'writing') {
		// the restart cut the write short: the chunks already committed stay written
		session.status = 'failed'
		session.problem = { key: 'import:errors.interrupted' }
		persist(session)
	} else if (session.status === 'analysing') {
		void analyseSession(session)
	}
	return session
}

/**
 * The import of this token, if it is the user's (and of this kind). The viewer is the one of
 * this request: a role or startup that changed since the upload counts from now on.
 */
export function getImportSession(token: string, viewer: Viewer, kind?: ImportKind) {
	const found = sessions().get(token) ?? restore(token)
	if (!found || found.userId !== viewer.id || (kind && found.kind !== kind)) return null
	if (found.status !== 'writing') found.viewer = viewer
	return found
}

export function discardImportSession(token: string, viewer: Viewer) {
	const found = getImportSession(token, viewer)
	if (found && found.status !== 'writing') {
		sessions().delete(token)
		deleteStored(token)
	}
}

// ---------------------------------------------------------------- worker

function workerFile() {
	const candidates = [
		fileURLToPath(new URL('./worker.ts', import.meta.url)),
		// the built server is <root>/<BUILD_DIR>/index.js
		fileURLToPath(new URL('../app/models/import/worker.ts', import.meta.url)),
		path.resolve('app/models/import/worker.ts'),
	]
	const found = candidates.find((file) => fs.existsSync(file))
	if (!found) throw new Error(`The import worker is missing (looked in ${candidates.join(', ')})`)
	return found
}

/**
 * Runs a task in a worker thread. A worker does not inherit tsx's loader, so a two-line
 * bootstrap registers it (with the tsconfig paths) before importing the TypeScript file.
 */
export function runInWorker<T>(
	task: WorkerTask,
	onProgress?: (done: number, total: number) => void,
) {
	const require = createRequire(import.meta.url)
	const tsxApi = pathToFileURL(
		path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
	).href
	const workerUrl = pathToFileURL(workerFile()).href
	const bootstrap = `import(${JSON.stringify(tsxApi)})
		.then(({ register }) => { register({ tsconfig: ${JSON.stringify(path.resolve('tsconfig.json'))} }); return import(${JSON.stringify(workerUrl)}) })`
	return new Promise<T>((resolve, reject) => {
		// a packed plan's bytes are copied once (memcpy) and that copy moved to the worker
		const packed = task.task === 'write' && !Array.isArray(task.plan) ? task.plan : null
		const workerData = packed
			? { ...task, plan: { bytes: packed.bytes.slice(), count: packed.count } }
			: task
		const worker = new Worker(bootstrap, {
			eval: true,
			workerData,
			transferList:
				workerData.task === 'write' && !Array.isArray(workerData.plan)
					? [workerData.plan.bytes.buffer as ArrayBuffer]
					: [],
		})
		let settled = false
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'progress') return onProgress?.(message.done, message.total)
			settled = true
			if (message.type === 'done') resolve(message.result as T)
			else reject(new Error(message.error))
		})
		worker.on('error', (error) => {
			settled = true
			reject(error)
		})
		worker.on('exit', (code) => {
			if (!settled) reject(new Error(`the import worker stopped (code ${code})`))
		})
	})
}

const isLarge = (bytes: Uint8Array) => bytes.length > INLINE_BYTES

// ---------------------------------------------------------------- steps

function applyAnalysis(session: ImportSession, result: ReturnType<typeof analyseImport>) {
	if ('problem' in result) {
		session.status = 'failed'
		session.result = null
		session.analysis = null
		session.problem = {
			key: `import:errors.${result.problem}`,
			values: result.count ? { rows: result.count } : undefined,
		}
	} else {
		session.status = 'ready'
		session.result = result
		session.analysis = result.analysis
		session.problem = null
	}
	persist(session)
}

/** Reads and checks the file with the session's settings: inline when small, else in a worker. */
export async function analyseSession(session: ImportSession, { wait = false } = {}) {
	session.status = 'analysing'
	session.progress = { done: 0, total: 0 }
	persist(session)
	const input = {
		kind: session.kind,
		bytes: session.bytes,
		fileName: session.fileName,
		settings: session.settings,
		viewer: session.viewer,
	}
	if (!isLarge(session.bytes)) {
		applyAnalysis(session, analyseImport(input))
		return
	}
	const running = runInWorker<ReturnType<typeof analyseImport>>(
		{ task: 'analyse', ...input },
		(done, total) => (session.progress = { done, total }),
	)
		.then((result) => applyAnalysis(session, result))
		.catch((error: Error) => {
			console.error(`Import ${session.token} could not be checked: ${error.message}`)
			session.status = 'failed'
			session.problem = { key: 'import:errors.unreadable' }
			persist(session)
		})
	if (wait) await running
}

/**
 * The rows that failed, as they were in the file, for the error file. After a restart the
 * check is made again from the upload (the page's preview is left as it was shown).
 */
export async function failedRowsOf(
	session: ImportSession,
): Promise<{ header: string[]; failed: FailedRow[] } | null> {
	if (session.result) return session.result
	const input = {
		kind: session.kind,
		bytes: session.bytes,
		fileName: session.fileName,
		settings: session.settings,
		viewer: session.viewer,
	}
	const result = isLarge(session.bytes)
		? await runInWorker<ReturnType<typeof analyseImport>>({ task: 'analyse', ...input })
		: analyseImport(input)
	return 'problem' in result ? null : result
}

export async function startImportSession(input: {
	userId: number
	viewer: Viewer
	kind: ImportKind
	fileName: string
	bytes: Uint8Array
	settings: ImportSettings
	wait?: boolean
}) {
	const map = sessions()
	// one import at a time per person and kind: a new upload replaces a pending one
	for (const [token, s] of map) {
		if (s.userId === input.userId && s.kind === input.kind && s.status !== 'writing') {
			map.delete(token)
			deleteStored(token)
		}
	}
	const session: ImportSession = {
		token: crypto.randomBytes(18).toString('base64url'),
		userId: input.userId,
		viewer: input.viewer,
		kind: input.kind,
		fileName: input.fileName,
		bytes: input.bytes,
		settings: input.settings,
		status: 'analysing',
		progress: { done: 0, total: 0 },
		analysis: null,
		result: null,
		problem: null,
		outcome: null,
		updatedAt: clock(),
	}
	map.set(session.token, session)
	// the description first: a sweep removes an upload found without one
	persist(session)
	saveUpload(session.token, session.bytes)
	await analyseSession(session, { wait: input.wait })
	return session
}

export async function reconfigureSession(
	session: ImportSession,
	settings: ImportSettings,
	{ wait = false } = {},
) {
	session.settings = settings
	await analyseSession(session, { wait })
}

export type WriteStart =
	{ ok: true } | { ok: false; error: 'notReady' | 'nothingToImport' | 'missingFields' }

/** Writes the checked plan; remembers the column matching for the next file of this shape. */
export async function writeSession(
	session: ImportSession,
	{ wait = false } = {},
): Promise<WriteStart> {
	const result = session.result
	if (session.status !== 'ready' || !result) return { ok: false, error: 'notReady' }
	if (result.analysis.missingRequired.length) return { ok: false, error: 'missingFields' }
	const rows = result.packedPlan?.count ?? result.plan.length
	if (rows === 0) return { ok: false, error: 'nothingToImport' }
	saveMapping({
		kind: session.kind,
		header: result.header,
		mapping: result.analysis.mapping,
		constants: result.analysis.constants,
		dateOrder: result.analysis.dateOrderDetected === 'ambiguous' ? result.analysis.dateOrder : null,
		userId: session.userId,
	})
	session.status = 'writing'
	session.progress = { done: 0, total: rows }
	persist(session)
	const task = {
		kind: session.kind,
		plan: result.packedPlan ?? result.plan,
		viewer: session.viewer,
	}
	const finish = (outcome: WriteOutcome) => {
		session.outcome = outcome
		session.status = 'done'
		session.progress = { done: rows, total: rows }
		persist(session)
	}
	if (!result.packedPlan && !isLarge(session.bytes) && rows <= INLINE_ROWS) {
		finish(writeImport({ ...task, plan: result.plan }))
		return { ok: true }
	}
	const started = performance.now()
	const running = runInWorker<{ outcome: WriteOutcome; timings: WriteTimings }>(
		{ task: 'write', ...task, gate: writeGate() },
		(done, total) => {
			session.progress = { done, total }
		},
	)
		.then(({ outcome, timings }) => {
			// for the operator: how long the import held the write lock at a time
			console.log(
				`${now().toISOString()} import ${session.kind} written: ${rows} rows in ${Math.round(performance.now() - started)} ms, ${timings.transactions} transactions, the longest ${timings.longestMs.toFixed(1)} ms`,
			)
			finish(outcome)
		})
		.catch((error: Error) => {
			console.error(`Import ${session.token} failed while writing: ${error.message}`)
			session.status = 'failed'
			session.problem = { key: 'import:errors.writeFailed' }
			persist(session)
		})
	if (wait) await running
	return { ok: true }
}
