import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrateDatabase } from '#db/migrate'
import {
	DatabaseUnavailableError,
	openCheckedDatabase,
	openDatabase,
	writeProblem,
} from './db.server'
import { JOURNAL_SIZE_LIMIT } from './sqlite-connection.server'

/*
 * Issue 11 §2: start-up never creates a database silently in production, and says in one line
 * what is wrong with the path. The server (server/start.ts) and the scripts open it this way.
 */
let dir: string
const testDatabase = globalThis.__tektosDb

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-open-'))
	fs.chmodSync(dir, 0o777)
})

afterEach(() => {
	if (globalThis.__tektosDb !== testDatabase) {
		globalThis.__tektosDb?.db.$client.close()
		globalThis.__tektosDb = testDatabase
	}
	fs.rmSync(dir, { recursive: true, force: true })
})

function refusal(file: string, allowCreate = false) {
	try {
		openCheckedDatabase({ file, allowCreate })
		return 'opened'
	} catch (error) {
		expect(error).toBeInstanceOf(DatabaseUnavailableError)
		return (error as Error).message
	}
}

test('a mistyped path is refused, naming it, and nothing is created there', () => {
	const file = path.join(dir, 'dtaa', 'tektos.db')
	expect(refusal(file)).toBe(
		`No database at ${file}: check DATABASE_PATH, restore a backup there (npm run db:restore), or start once with --init (or DB_INIT=1) to create a new, empty database there`,
	)
	expect(fs.existsSync(path.join(dir, 'dtaa'))).toBe(false)
})

test('with --init, the database is created, folder and all', () => {
	const file = path.join(dir, 'new', 'tektos.db')
	const db = openCheckedDatabase({ file, allowCreate: true })
	migrateDatabase(db)
	expect(db.$client.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 })
	expect(fs.existsSync(file)).toBe(true)
})

test('a folder where the file should be, or a file where a folder should be', () => {
	fs.mkdirSync(path.join(dir, 'tektos.db'))
	expect(refusal(path.join(dir, 'tektos.db'), true)).toBe(
		`Cannot use the database ${path.join(dir, 'tektos.db')}: it is a folder; DATABASE_PATH must name a file, such as ${path.join(dir, 'tektos.db', 'tektos.db')}`,
	)
	fs.writeFileSync(path.join(dir, 'data'), 'not a folder')
	const under = path.join(dir, 'data', 'db', 'tektos.db')
	expect(refusal(under, true)).toBe(
		`Cannot use the database ${under}: ${path.join(dir, 'data')} is a file, not a folder`,
	)
})

test('a file that is not a SQLite database, or one without tables', () => {
	const text = path.join(dir, 'notes.db')
	fs.writeFileSync(text, 'Harriet Collins, Port of Dover\n'.repeat(20))
	expect(refusal(text, true)).toBe(`${text} is not a SQLite database (DATABASE_PATH)`)
	const empty = path.join(dir, 'empty.db')
	new Database(empty).close()
	expect(refusal(empty)).toMatch(
		/^The database .*empty\.db holds no tables: check DATABASE_PATH, or start once with --init/,
	)
})

test('a database this connection cannot write is caught before the first sign-in', () => {
	const file = path.join(dir, 'tektos.db')
	migrateDatabase(openDatabase(file), { backupDir: false })
	const readOnly = new Database(file, { readonly: true })
	expect(writeProblem(readOnly)).toBe('attempt to write a readonly database')
	readOnly.close()
	const writable = new Database(file)
	expect(writeProblem(writable)).toBeNull()
	// and the probe changed nothing
	expect(writable.pragma('user_version', { simple: true })).toBe(0)
	writable.close()
})

test('the WAL is cut back after a big write instead of keeping its size', () => {
	const file = path.join(dir, 'tektos.db')
	const db = openDatabase(file)
	db.$client.exec('CREATE TABLE t (x TEXT)')
	const insert = db.$client.prepare('INSERT INTO t VALUES (?)')
	db.$client.transaction(() => {
		for (let i = 0; i < 6000; i++) insert.run('x'.repeat(2000))
	})()
	expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(2 * JOURNAL_SIZE_LIMIT)
	db.$client.pragma('wal_checkpoint(PASSIVE)')
	insert.run('one more')
	expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(JOURNAL_SIZE_LIMIT)
	db.$client.close()
})

/*
 * File permissions, for real: as root every file is writable, so the check runs the opening as
 * `nobody` (setpriv) when the suite runs as root, and as the current user otherwise.
 */
describe('permissions', () => {
	const root = process.getuid?.() === 0
	const tsx = path.resolve('node_modules/.bin/tsx')

	function openAsAnotherUser(file: string) {
		const command = root
			? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', tsx]
			: [tsx]
		const run = spawnSync(command[0]!, [...command.slice(1), 'tests/fixtures/open-database.ts'], {
			env: { ...process.env, DATABASE_PATH: file, HOME: os.tmpdir() },
			encoding: 'utf8',
		})
		expect(run.stderr).toBe('')
		return run.stdout.trim()
	}

	/** a migrated database, closed (its -wal and -shm gone, as after a clean stop) */
	function database(file: string) {
		const db = openDatabase(file)
		migrateDatabase(db, { backupDir: false })
		db.$client.close()
	}

	test('a read-only database file', () => {
		const file = path.join(dir, 'tektos.db')
		database(file)
		fs.chmodSync(file, 0o444)
		expect(openAsAnotherUser(file)).toMatch(
			new RegExp(
				`^The database ${file} is read-only for this user \\(uid \\d+\\): nothing could be saved`,
			),
		)
	})

	test('a folder the server may not enter, or may not write in', () => {
		const locked = path.join(dir, 'locked')
		fs.mkdirSync(locked)
		database(path.join(locked, 'tektos.db'))
		fs.chmodSync(path.join(locked, 'tektos.db'), 0o666)
		fs.chmodSync(locked, 0o700)
		if (!root) fs.chmodSync(locked, 0o000)
		expect(openAsAnotherUser(path.join(locked, 'tektos.db'))).toMatch(
			/^Cannot reach the database .*locked\/tektos\.db: permission denied on one of its folders/,
		)
		fs.chmodSync(locked, 0o755)
		expect(openAsAnotherUser(path.join(locked, 'tektos.db'))).toMatch(
			/^The folder .*locked of the database is not writable for this user .*SQLite keeps its -wal and -shm files beside the database$/,
		)
		fs.chmodSync(locked, 0o777)
		expect(openAsAnotherUser(path.join(locked, 'tektos.db'))).toBe('ok')
	})

	test('a -wal or -shm file left behind by another user', () => {
		const file = path.join(dir, 'tektos.db')
		database(file)
		fs.chmodSync(file, 0o666)
		fs.writeFileSync(`${file}-shm`, '')
		fs.chmodSync(`${file}-shm`, 0o444)
		expect(openAsAnotherUser(file)).toMatch(
			new RegExp(
				`^${file}-shm is not writable for this user .*: was a command run as another user`,
			),
		)
	})
})
