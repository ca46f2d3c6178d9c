/*
 * The import's worker thread: reading, checking and writing a large file happen here, with the
 * worker's own database connection (same file, WAL), so the server keeps answering others.
 * Started by runInWorker (jobs.server.ts) through tsx's loader.
 *
 * The plan of a large file (50,000 rows) is handed over as JSON bytes, moved (transferred), not
 * copied: cloning it as objects cost the server's thread half a second on each side.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Viewer } from '../viewer'
import type { ImportKind } from './fields'
import { analyseImport, type WriteTimings, writeImport } from './pipeline.server'
import type { WriteGate } from '~/utils/write-gate.server'
import { lowerThreadPriority } from '~/utils/thread-priority.server'
import type { ImportSettings, PackedPlan, PlannedRow } from './types'

export type WorkerTask =
	| {
			task: 'analyse'
			kind: ImportKind
			bytes: Uint8Array
			fileName: string
			settings: ImportSettings
			viewer: Viewer
	  }
	| {
			task: 'write'
			kind: ImportKind
			plan: PlannedRow[] | PackedPlan
			viewer: Viewer
			/** the server's write gate (shared memory), decision 0043 */
			gate?: WriteGate
	  }

export type WorkerMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; result: unknown }
	| { type: 'failed'; error: string }

const input = workerData as WorkerTask
// reading, checking and writing a file is background work: the server's thread, which answers
// everyone's requests, gets the processor first when both want it (decision 0045)
lowerThreadPriority()
const post = (message: WorkerMessage) => parentPort?.postMessage(message)
const progress = (done: number, total: number) => post({ type: 'progress', done, total })

try {
	if (input.task === 'analyse') {
		const result = analyseImport(input, progress)
		if ('problem' in result) post({ type: 'done', result })
		else {
			const { plan, ...rest } = result
			const packedPlan = {
				bytes: new TextEncoder().encode(JSON.stringify(plan)),
				count: plan.length,
			}
			parentPort?.postMessage(
				{ type: 'done', result: { ...rest, plan: [], packedPlan } } satisfies WorkerMessage,
				[packedPlan.bytes.buffer as ArrayBuffer],
			)
		}
	} else {
		const plan = Array.isArray(input.plan)
			? input.plan
			: (JSON.parse(new TextDecoder().decode(input.plan.bytes)) as PlannedRow[])
		const timings: WriteTimings = { transactions: 0, longestMs: 0 }
		// transactions of about 20 ms, a 30 ms breath between them (decision 0036)
		const outcome = writeImport(
			{ kind: input.kind, plan, viewer: input.viewer },
			progress,
			timings,
			{
				targetMs: 20,
				pauseMs: 30,
				gate: input.gate,
			},
		)
		post({ type: 'done', result: { outcome, timings } })
	}
} catch (error) {
	post({
		type: 'failed',
		error: error instanceof Error ? (error.stack ?? error.message) : String(error),
	})
} finally {
	globalThis.__tektosDb?.db.$client.close()
}
