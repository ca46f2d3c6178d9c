import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Viewer } from '~/models/viewer'
import type { ImportKind } from './fields'
import { analyseImport, saveMapping, writeImport } from './pipeline.server'
import type { AnalysisResult, ImportSettings, WriteOutcome } from './types'
import type { WorkerMessage, WorkerTask } from './worker'

/*
 * An import in progress: the uploaded bytes, the user's choices, the last analysis and, once
 * started, the write's progress. Kept in the server's memory under a random token bound to the
 * user (a restart forgets it: the user uploads again — see docs/decisions/0022). Small files
 * are read on the request; larger ones in a worker thread, with progress for the page to poll.
 */

/** Files up to this size are checked and written on the request itself; larger ones in a worker. */
export const INLINE_BYTES = 200_000
const INLINE_ROWS = 1_000
const TTL_MS = 60 * 60 * 1000

export type ImportSession = {
	token: string
	userId: number
	kind: ImportKind
	fileName: string
	bytes: Uint8Array
	settings: ImportSettings
	status: 'analysing' | 'ready' | 'writing' | 'done' | 'failed'
	progress: { done: number; total: number }
	result: AnalysisResult | null
	problem: { key: string; values?: Record<string, string | number> } | null
	outcome: WriteOutcome | null
	createdAt: number
	viewer: Viewer
}

declare global {
	var __importSessions: Map<string, ImportSession> | undefined
}

function sessions() {
	globalThis.__importSessions ??= new Map()
	const map = globalThis.__importSessions
	const now = performance.now()
	for (const [token, s] of map)
		if (now - s.createdAt > TTL_MS && s.status !== 'writing') map.delete(token)
	return map
}

export function getImportSession(token: string, userId: number, kind?: ImportKind) {
	const found = sessions().get(token)
	return found && found.userId === userId && (!kind || found.kind === kind) ? found : null
}

export function discardImportSession(token: string, userId: number) {
	const found = getImportSession(token, userId)
	if (found && found.status !== 'writing') sessions().delete(token)
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
		const worker = new Worker(bootstrap, { eval: true, workerData: task })
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
		session.problem = {
			key: `import:errors.${result.problem}`,
			values: result.count ? { rows: result.count } : undefined,
		}
	} else {
		session.status = 'ready'
		session.result = result
		session.problem = null
	}
}

/** Reads and checks the file with the session's settings: inline when small, else in a worker. */
export async function analyseSession(session: ImportSession, { wait = false } = {}) {
	session.status = 'analysing'
	session.progress = { done: 0, total: 0 }
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
		})
	if (wait) await running
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
		if (s.userId === input.userId && s.kind === input.kind && s.status !== 'writing')
			map.delete(token)
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
		result: null,
		problem: null,
		outcome: null,
		createdAt: performance.now(),
	}
	map.set(session.token, session)
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
	if (result.plan.length === 0) return { ok: false, error: 'nothingToImport' }
	saveMapping({
		kind: session.kind,
		header: result.header,
		mapping: result.analysis.mapping,
		constants: result.analysis.constants,
		dateOrder: result.analysis.dateOrderDetected === 'ambiguous' ? result.analysis.dateOrder : null,
		userId: session.userId,
	})
	session.status = 'writing'
	session.progress = { done: 0, total: result.plan.length }
	const task = { kind: session.kind, plan: result.plan, viewer: session.viewer }
	const finish = (outcome: WriteOutcome) => {
		session.outcome = outcome
		session.status = 'done'
		session.progress = { done: result.plan.length, total: result.plan.length }
	}
	if (!isLarge(session.bytes) && result.plan.length <= INLINE_ROWS) {
		finish(writeImport(task))
		return { ok: true }
	}
	const running = runInWorker<WriteOutcome>({ task: 'write', ...task }, (done, total) => {
		session.progress = { done, total }
	})
		.then(finish)
		.catch((error: Error) => {
			console.error(`Import ${session.token} failed while writing: ${error.message}`)
			session.status = 'failed'
			session.problem = { key: 'import:errors.writeFailed' }
		})
	if (wait) await running
	return { ok: true }
}
