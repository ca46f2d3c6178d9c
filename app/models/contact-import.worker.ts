/*
 * The CSV import's worker thread: its own better-sqlite3 connection on the same file, so that
 * a 50,000-row import does not hold the server's event loop. Loaded at run time (not bundled)
 * through tsx's loader — see startImportWorker in contact-import-jobs.server.ts — hence only
 * relative imports here.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { configureConnection } from '../utils/sqlite-connection.server'
import {
	type ImportableContact,
	type ImportMode,
	writeContactRows,
} from './contact-import-write.server'

export type WorkerInput = {
	databasePath: string
	rows: ImportableContact[]
	mode: ImportMode
	actorId: number
}

export type WorkerMessage =
	| { type: 'progress'; processed: number }
	| { type: 'done'; outcome: ReturnType<typeof writeContactRows> }
	| { type: 'failed'; error: string }

const input = workerData as WorkerInput
const port = parentPort
const post = (message: WorkerMessage) => port?.postMessage(message)

let sqlite: Database.Database | undefined
try {
	sqlite = new Database(input.databasePath, { fileMustExist: true })
	configureConnection(sqlite)
	const outcome = writeContactRows(sqlite, {
		rows: input.rows,
		mode: input.mode,
		actorId: input.actorId,
		onProgress: (processed) => post({ type: 'progress', processed }),
	})
	post({ type: 'done', outcome })
} catch (error) {
	post({ type: 'failed', error: error instanceof Error ? error.message : String(error) })
} finally {
	sqlite?.close()
}
