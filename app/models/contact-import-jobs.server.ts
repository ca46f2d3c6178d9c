import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { getDatabasePath } from '~/utils/env.server'
import type { ImportableContact, ImportMode, ImportOutcome } from './contact-import-write.server'
import type { ImportIssue } from './contact-import.server'
import type { WorkerInput, WorkerMessage } from './contact-import.worker'

/*
 * Between "check the file" and "import it", the checked rows wait here, in the server's
 * memory, under a random token bound to the manager who uploaded them; a running import
 * reports its progress here too, for the page to poll. One server process holds them: a
 * restart forgets a pending check (the manager uploads again) — see docs/decisions.
 */

export type CheckedImport = {
	token: string
	userId: number
	fileName: string
	createdAt: number
	total: number
	rows: ImportableContact[]
	problems: { line: number; issues: ImportIssue[] }[]
	fileErrors: ImportIssue[]
}

export type ImportJob = {
	id: string
	userId: number
	status: 'running' | 'done' | 'failed'
	total: number
	processed: number
	inserted: number
	skippedLines: number[]
	conflictLines: number[]
	organisationsCreated: number
	startedAt: number
	finishedAt: number | null
}

const TTL_MS = 60 * 60 * 1000

declare global {
	var __contactImports:
		{ checked: Map<string, CheckedImport>; jobs: Map<string, ImportJob> } | undefined
}

function registry() {
	globalThis.__contactImports ??= { checked: new Map(), jobs: new Map() }
	const { checked, jobs } = globalThis.__contactImports
	const now = performance.now()
	for (const [token, c] of checked) if (now - c.createdAt > TTL_MS) checked.delete(token)
	for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > TTL_MS) jobs.delete(id)
	return globalThis.__contactImports
}

/** Keeps a checked file for its uploader; an older pending check of theirs is dropped. */
export function saveCheckedImport(input: Omit<CheckedImport, 'token' | 'createdAt'>) {
	const { checked } = registry()
	for (const [token, c] of checked) if (c.userId === input.userId) checked.delete(token)
	const token = crypto.randomBytes(18).toString('base64url')
	checked.set(token, { ...input, token, createdAt: performance.now() })
	return token
}

export function getCheckedImport(token: string, userId: number) {
	const found = registry().checked.get(token)
	return found && found.userId === userId ? found : null
}

export function discardCheckedImport(token: string, userId: number) {
	const found = getCheckedImport(token, userId)
	if (found) registry().checked.delete(token)
	return Boolean(found)
}

export function getImportJob(id: string, userId: number) {
	const job = registry().jobs.get(id)
	return job && job.userId === userId ? job : null
}

/** The worker's file: beside this module in the sources, or found from the server build. */
function workerFile() {
	const here = import.meta.url
	const candidates = [
		fileURLToPath(new URL('./contact-import.worker.ts', here)),
		// the built server is <root>/<BUILD_DIR>/index.js
		fileURLToPath(new URL('../app/models/contact-import.worker.ts', here)),
		path.resolve('app/models/contact-import.worker.ts'),
	]
	const found = candidates.find((file) => fs.existsSync(file))
	if (!found)
		throw new Error(`The contact import worker is missing (looked in ${candidates.join(', ')})`)
	return found
}

/**
 * Starts the worker. A worker thread does not inherit tsx's loader, so a two-line bootstrap
 * registers it before importing the TypeScript file — under tsx, Vitest or plain node alike.
 */
export function startImportWorker(
	input: WorkerInput,
	onMessage: (message: WorkerMessage) => void,
): Worker {
	const require = createRequire(import.meta.url)
	const tsxApi = pathToFileURL(
		path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
	).href
	const workerUrl = pathToFileURL(workerFile()).href
	const bootstrap = `import(${JSON.stringify(tsxApi)})
		.then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}) })`
	const worker = new Worker(bootstrap, { eval: true, workerData: input })
	let settled = false
	worker.on('message', (message: WorkerMessage) => {
		if (message.type !== 'progress') settled = true
		onMessage(message)
	})
	worker.on('error', (error) => {
		settled = true
		onMessage({ type: 'failed', error: error.message })
	})
	worker.on('exit', (code) => {
		if (!settled) onMessage({ type: 'failed', error: `the import worker stopped (code ${code})` })
	})
	return worker
}

/** Runs an import in a worker and resolves with its outcome. */
export function runImportInWorker(
	input: WorkerInput,
	onProgress?: (processed: number) => void,
): Promise<ImportOutcome> {
	return new Promise((resolve, reject) => {
		startImportWorker(input, (message) => {
			if (message.type === 'progress') onProgress?.(message.processed)
			else if (message.type === 'done') resolve(message.outcome)
			else reject(new Error(message.error))
		})
	})
}

export type StartImportResult =
	{ ok: true; jobId: string } | { ok: false; error: 'expired' | 'hasProblems' | 'nothingToImport' }

/**
 * Starts importing a checked file. 'all' is only for a file without problems; 'valid' writes
 * the valid rows and skips the others. The checked rows are used once.
 */
export function startImport({
	token,
	userId,
	mode,
}: {
	token: string
	userId: number
	mode: ImportMode
}): StartImportResult {
	const checked = getCheckedImport(token, userId)
	if (!checked) return { ok: false, error: 'expired' }
	if (mode === 'all' && (checked.problems.length || checked.fileErrors.length)) {
		return { ok: false, error: 'hasProblems' }
	}
	if (checked.rows.length === 0 || checked.fileErrors.length) {
		return { ok: false, error: 'nothingToImport' }
	}
	const { checked: pending, jobs } = registry()
	pending.delete(token)
	const job: ImportJob = {
		id: crypto.randomBytes(12).toString('base64url'),
		userId,
		status: 'running',
		total: checked.rows.length,
		processed: 0,
		inserted: 0,
		skippedLines: [],
		conflictLines: [],
		organisationsCreated: 0,
		startedAt: performance.now(),
		finishedAt: null,
	}
	jobs.set(job.id, job)
	startImportWorker(
		{ databasePath: getDatabasePath(), rows: checked.rows, mode, actorId: userId },
		(message) => {
			if (message.type === 'progress') {
				job.processed = message.processed
				return
			}
			job.finishedAt = performance.now()
			if (message.type === 'failed') {
				console.error(`Contact import ${job.id} failed: ${message.error}`)
				job.status = 'failed'
				return
			}
			job.status = 'done'
			if (message.outcome.ok) {
				job.processed = job.total
				job.inserted = message.outcome.inserted
				job.skippedLines = message.outcome.skippedLines
				job.organisationsCreated = message.outcome.organisationsCreated
			} else {
				job.conflictLines = message.outcome.conflictLines
			}
		},
	)
	return { ok: true, jobId: job.id }
}
