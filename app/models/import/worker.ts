/*
 * The import's worker thread: reading, checking and writing a large file happen here, with the
 * worker's own database connection (same file, WAL), so the server keeps answering others.
 * Started by runInWorker (jobs.server.ts) through tsx's loader.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Viewer } from '../viewer'
import type { ImportKind } from './fields'
import { analyseImport, writeImport } from './pipeline.server'
import type { ImportSettings, PlannedRow } from './types'

export type WorkerTask =
	| {
			task: 'analyse'
			kind: ImportKind
			bytes: Uint8Array
			fileName: string
			settings: ImportSettings
			viewer: Viewer
	  }
	| { task: 'write'; kind: ImportKind; plan: PlannedRow[]; viewer: Viewer }

export type WorkerMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; result: unknown }
	| { type: 'failed'; error: string }

const input = workerData as WorkerTask
const post = (message: WorkerMessage) => parentPort?.postMessage(message)
const progress = (done: number, total: number) => post({ type: 'progress', done, total })

try {
	const result =
		input.task === 'analyse'
			? analyseImport(input, progress)
			: writeImport({ kind: input.kind, plan: input.plan, viewer: input.viewer }, progress)
	post({ type: 'done', result })
} catch (error) {
	post({
		type: 'failed',
		error: error instanceof Error ? (error.stack ?? error.message) : String(error),
	})
} finally {
	globalThis.__tektosDb?.db.$client.close()
}
