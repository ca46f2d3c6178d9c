import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '#db/schema/index'
import { getDatabasePath } from './env.server'
import { configureConnection } from './sqlite-connection.server'
import { isRefusal } from './write-result'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export function openDatabase(file: string): Db {
	fs.mkdirSync(path.dirname(file), { recursive: true })
	const sqlite = new Database(file)
	configureConnection(sqlite)
	return drizzle(sqlite, { schema })
}

declare global {
	var __tektosDb: { file: string; db: Db } | undefined
}

/** One connection per process (and per database file, for tests), kept across dev rebuilds. */
export function getDb(): Db {
	const file = getDatabasePath()
	if (globalThis.__tektosDb?.file !== file) {
		globalThis.__tektosDb?.db.$client.close()
		globalThis.__tektosDb = { file, db: openDatabase(file) }
	}
	return globalThis.__tektosDb.db
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

const ROLLBACK = Symbol('refused write')

/**
 * Every write goes through here: IMMEDIATE takes the write lock at BEGIN, so two
 * writers queue on busy_timeout instead of failing half-way with SQLITE_BUSY. A write that
 * returns a refusal (`{ ok: false, fieldErrors }`, app/utils/write-result.ts) is rolled back:
 * whatever it wrote before finding the rule broken is undone.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
	let refusal: T | undefined
	try {
		return getDb().transaction(
			(tx) => {
				const result = fn(tx)
				if (isRefusal(result)) {
					refusal = result
					throw ROLLBACK
				}
				return result
			},
			{ behavior: 'immediate' },
		)
	} catch (error) {
		if (error === ROLLBACK) return refusal as T
		throw error
	}
}

// ------------------------------------------------------------------ opening it for real

/** Why the database cannot be used, in one line that names the path and the cause. */
export class DatabaseUnavailableError extends Error {
	override name = 'DatabaseUnavailableError'
}

const INIT_HINT = 'start once with --init (or DB_INIT=1) to create a new, empty database there'

function errno(error: unknown) {
	return (error as NodeJS.ErrnoException).code ?? 'unknown'
}

function canAccess(file: string, mode: number) {
	try {
		fs.accessSync(file, mode)
		return null
	} catch (error) {
		return errno(error)
	}
}

/** The first folder on the way to `file` that exists (or is a file where a folder should be). */
function nearestExisting(file: string) {
	let dir = path.dirname(file)
	for (;;) {
		try {
			return { path: dir, stat: fs.statSync(dir) }
		} catch (error) {
			const code = errno(error)
			if (code === 'ENOTDIR') {
				dir = path.dirname(dir)
				continue
			}
			if (code !== 'ENOENT' || path.dirname(dir) === dir) return { path: dir, error: code }
			dir = path.dirname(dir)
		}
	}
}

function whoAmI() {
	return typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : ''
}

/**
 * Checks the path before SQLite opens it, because SQLite's own answers are either silent (a
 * missing file becomes a new empty database) or vague ("unable to open database file").
 * Returns whether the file will be created.
 */
export function checkDatabasePath(file: string, { allowCreate }: { allowCreate: boolean }) {
	const dir = path.dirname(file)
	let stat: fs.Stats
	try {
		stat = fs.statSync(file)
	} catch (error) {
		const code = errno(error)
		if (code === 'EACCES') {
			throw new DatabaseUnavailableError(
				`Cannot reach the database ${file}: permission denied on one of its folders for this user${whoAmI()}`,
			)
		}
		if (code !== 'ENOENT' && code !== 'ENOTDIR') {
			throw new DatabaseUnavailableError(`Cannot open the database ${file}: ${code}`)
		}
		const existing = nearestExisting(file)
		if (existing.stat && !existing.stat.isDirectory()) {
			throw new DatabaseUnavailableError(
				`Cannot use the database ${file}: ${existing.path} is a file, not a folder`,
			)
		}
		if (existing.error === 'EACCES') {
			throw new DatabaseUnavailableError(
				`Cannot reach the database ${file}: permission denied on ${existing.path} for this user${whoAmI()}`,
			)
		}
		if (!allowCreate) {
			throw new DatabaseUnavailableError(
				`No database at ${file}: check DATABASE_PATH, restore a backup there (npm run db:restore), or ${INIT_HINT}`,
			)
		}
		const blocked = canAccess(existing.path, fs.constants.W_OK | fs.constants.X_OK)
		if (blocked) {
			throw new DatabaseUnavailableError(
				`Cannot create the database ${file}: the folder ${existing.path} is not writable for this user${whoAmI()} (${blocked})`,
			)
		}
		return { created: true }
	}

	if (stat.isDirectory()) {
		throw new DatabaseUnavailableError(
			`Cannot use the database ${file}: it is a folder; DATABASE_PATH must name a file, such as ${path.join(file, 'tektos.db')}`,
		)
	}
	if (!stat.isFile()) {
		throw new DatabaseUnavailableError(`Cannot use the database ${file}: it is not a regular file`)
	}
	const unreadable = canAccess(file, fs.constants.R_OK)
	if (unreadable) {
		throw new DatabaseUnavailableError(
			`Cannot read the database ${file}: permission denied for this user${whoAmI()}`,
		)
	}
	const readOnly = canAccess(file, fs.constants.W_OK)
	if (readOnly) {
		throw new DatabaseUnavailableError(
			readOnly === 'EROFS'
				? `The database ${file} is on a read-only file system: nothing could be saved`
				: `The database ${file} is read-only for this user${whoAmI()}: nothing could be saved (not even a sign-in); give this user write access to it`,
		)
	}
	const folderBlocked = canAccess(dir, fs.constants.W_OK | fs.constants.X_OK)
	if (folderBlocked) {
		throw new DatabaseUnavailableError(
			`The folder ${dir} of the database is not writable for this user${whoAmI()}: SQLite keeps its -wal and -shm files beside the database`,
		)
	}
	for (const suffix of ['-wal', '-shm']) {
		const blocked = fs.existsSync(`${file}${suffix}`)
			? canAccess(`${file}${suffix}`, fs.constants.R_OK | fs.constants.W_OK)
			: null
		if (blocked) {
			throw new DatabaseUnavailableError(
				`${file}${suffix} is not writable for this user${whoAmI()}: was a command run as another user (root) while the server was stopped? Give the file to the server's user`,
			)
		}
	}
	if (stat.size > 0) {
		const header = Buffer.alloc(16)
		const fd = fs.openSync(file, 'r')
		try {
			fs.readSync(fd, header, 0, 16, 0)
		} finally {
			fs.closeSync(fd)
		}
		if (header.toString('latin1') !== 'SQLite format 3\0') {
			throw new DatabaseUnavailableError(`${file} is not a SQLite database (DATABASE_PATH)`)
		}
	}
	return { created: false }
}

/**
 * Takes the write lock and writes the header back unchanged, then rolls back: proves that
 * this connection can write, without changing a byte. Returns the reason when it cannot.
 */
export function writeProblem(sqlite: Database.Database, { wait = true } = {}): string | null {
	const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number
	if (!wait) sqlite.pragma('busy_timeout = 0')
	try {
		sqlite.exec('BEGIN IMMEDIATE')
		try {
			const version = sqlite.pragma('user_version', { simple: true }) as number
			sqlite.pragma(`user_version = ${version}`)
		} finally {
			sqlite.exec('ROLLBACK')
		}
		return null
	} catch (error) {
		const code = (error as { code?: string }).code
		// another connection is writing: writes work
		if (code === 'SQLITE_BUSY') return null
		return (error as Error).message
	} finally {
		if (!wait) sqlite.pragma(`busy_timeout = ${busyTimeout}`)
	}
}

/**
 * How the server and the maintenance scripts open DATABASE_PATH: the path is checked first,
 * a missing database is created only when allowed (never silently in production), and a
 * database this process cannot write to is refused at once rather than at the first sign-in.
 * The connection becomes getDb()'s. Throws DatabaseUnavailableError.
 */
export function openCheckedDatabase({
	file = getDatabasePath(),
	allowCreate,
}: {
	file?: string
	allowCreate: boolean
}): Db {
	const { created } = checkDatabasePath(file, { allowCreate })
	if (created) fs.mkdirSync(path.dirname(file), { recursive: true })
	let sqlite: Database.Database
	try {
		sqlite = new Database(file)
		configureConnection(sqlite)
	} catch (error) {
		throw new DatabaseUnavailableError(
			`Cannot open the database ${file}: ${(error as Error).message}`,
		)
	}
	const empty = !sqlite.prepare(`SELECT 1 FROM sqlite_schema LIMIT 1`).get()
	if (empty && !created && !allowCreate) {
		sqlite.close()
		throw new DatabaseUnavailableError(
			`The database ${file} holds no tables: check DATABASE_PATH, or ${INIT_HINT}`,
		)
	}
	const problem = writeProblem(sqlite)
	if (problem) {
		sqlite.close()
		throw new DatabaseUnavailableError(`Cannot write to the database ${file}: ${problem}`)
	}
	globalThis.__tektosDb?.db.$client.close()
	const db = drizzle(sqlite, { schema })
	globalThis.__tektosDb = { file, db }
	return db
}
