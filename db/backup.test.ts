import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '~/utils/db.server'
import { backupDatabase, BackupError, inspectDatabaseFile, rotateBackups } from './backup'
import { migrateDatabase } from './migrate'
import { restoreDatabase } from './restore'

/*
 * Issue 11 §2: backups that prove themselves, restores that keep what they replace.
 * The scripts themselves run as the operator runs them (npm run db:backup / db:restore).
 */
let dir: string
const tsx = path.resolve('node_modules/.bin/tsx')

function script(file: string, args: string[], env: Record<string, string>) {
	return spawnSync(tsx, [file, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' })
}

/** A TEKTOS database at `file` with a few rows, closed. */
function populated(file: string, startups = 3) {
	const db = openDatabase(file)
	migrateDatabase(db, { backupDir: false })
	const cohort = db.$client
		.prepare(
			`INSERT INTO cohorts (name, programme, start_date, end_date) VALUES (?, 'incubation', '2026-01-01', '2026-12-31') RETURNING id`,
		)
		.get(`Cohort ${startups}`) as { id: number }
	for (let i = 0; i < startups; i++) {
		db.$client
			.prepare(
				`INSERT INTO startups (name, sector, stage, status, cohort_id) VALUES (?, 'tech', 'idea', 'incubated', ?)`,
			)
			.run(`Startup ${i}`, cohort.id)
	}
	db.$client.close()
	return file
}

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-backup-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('npm run db:backup', () => {
	test('a missing DATABASE_PATH is refused, and no stray database or copy appears', () => {
		const missing = path.join(dir, 'typo', 'tektos.db')
		const run = script('db/backup.ts', [], {
			DATABASE_PATH: missing,
			BACKUP_DIR: path.join(dir, 'backups'),
		})
		expect(run.status).toBe(1)
		expect(run.stderr.trim()).toBe(`Backup failed: ${missing} does not exist`)
		expect(fs.readdirSync(dir)).toEqual([])
	})

	test('a database without tables (a stray empty file) is refused', () => {
		const empty = path.join(dir, 'tektos.db')
		new Database(empty).exec('PRAGMA user_version = 1')
		const run = script('db/backup.ts', [], {
			DATABASE_PATH: empty,
			BACKUP_DIR: path.join(dir, 'backups'),
		})
		expect(run.status).toBe(1)
		expect(run.stderr.trim()).toBe(
			`Backup failed: ${empty} has no tables: it is not a TEKTOS database`,
		)
		expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
	})

	test('a copy is checked and its rows counted; --keep N keeps the N newest dated copies', () => {
		const file = populated(path.join(dir, 'tektos.db'))
		const backups = path.join(dir, 'backups')
		const env = { DATABASE_PATH: file, BACKUP_DIR: backups }
		const first = script('db/backup.ts', [], env)
		expect(first.stderr).toBe('')
		expect(first.status).toBe(0)
		const [copied, rows] = first.stdout.trim().split('\n')
		expect(copied).toMatch(
			new RegExp(
				`^Backed up ${file} to ${backups}/tektos-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z(-\\d+)?\\.db \\(\\d+ KB\\), integrity ok$`,
			),
		)
		expect(rows).toContain('startups 3, ')
		expect(rows).toContain('cohorts 1, ')

		// a copy taken before an upgrade is never rotated away
		fs.copyFileSync(
			path.join(backups, fs.readdirSync(backups)[0]!),
			path.join(backups, 'tektos-before-0004_x-2026-01-01T000000Z.db'),
		)
		for (let i = 0; i < 2; i++) expect(script('db/backup.ts', [], env).status).toBe(0)
		const rotated = script('db/backup.ts', ['--keep', '2'], env)
		expect(rotated.status).toBe(0)
		expect(rotated.stdout.match(/^Removed old backup /gm)).toHaveLength(2)
		const left = fs.readdirSync(backups).sort()
		expect(left).toHaveLength(3)
		expect(left).toContain('tektos-before-0004_x-2026-01-01T000000Z.db')
		for (const name of left)
			expect(inspectDatabaseFile(path.join(backups, name)).tables.startups).toBe(3)
	})

	test('--keep wants a number, and a copy never overwrites a file', () => {
		const file = populated(path.join(dir, 'tektos.db'))
		const run = script('db/backup.ts', ['--keep', 'all'], { DATABASE_PATH: file })
		expect(run.status).toBe(1)
		expect(run.stderr).toMatch(/--keep expects a whole number/)
		fs.writeFileSync(path.join(dir, 'taken.db'), 'precious')
		expect(() => backupDatabase({ source: file, target: path.join(dir, 'taken.db') })).toThrow(
			/already exists/,
		)
		expect(fs.readFileSync(path.join(dir, 'taken.db'), 'utf8')).toBe('precious')
	})

	test('the rotation sorts copies of one second by their number', () => {
		for (const name of [
			'tektos-2026-11-29T100000Z.db',
			'tektos-2026-11-29T100000Z-2.db',
			'tektos-2026-11-29T100000Z-3.db',
			'tektos-2026-11-28T235959Z.db',
			'other-2020-01-01T000000Z.db',
			'notes.txt',
		]) {
			fs.writeFileSync(path.join(dir, name), '')
		}
		const removed = rotateBackups({ dir, base: 'tektos', keep: 2 }).map((f) => path.basename(f))
		expect(removed).toEqual(['tektos-2026-11-28T235959Z.db', 'tektos-2026-11-29T100000Z.db'])
		expect(fs.readdirSync(dir).sort()).toEqual([
			'notes.txt',
			'other-2020-01-01T000000Z.db',
			'tektos-2026-11-29T100000Z-2.db',
			'tektos-2026-11-29T100000Z-3.db',
		])
	})
})

describe('npm run db:restore', () => {
	test('restores a backup, keeping the database it replaces', () => {
		const backup = populated(path.join(dir, 'backup.db'), 5)
		const target = populated(path.join(dir, 'data', 'tektos.db'), 2)
		fs.writeFileSync(`${target}-wal`, 'stale log of the old database')
		const backups = path.join(dir, 'backups')

		const { restored, safetyCopy } = restoreDatabase({
			from: backup,
			to: target,
			backupDir: backups,
		})

		expect(fs.existsSync(`${target}-wal`)).toBe(false)
		expect(restored.tables.startups).toBe(5)
		expect(inspectDatabaseFile(target).tables.startups).toBe(5)
		expect(safetyCopy).toMatch(/backups\/tektos-before-restore-.*\.db$/)
		expect(inspectDatabaseFile(safetyCopy!).tables.startups).toBe(2)
		expect(fs.existsSync(`${target}.restoring`)).toBe(false)
	})

	test('refused while the server holds the database', async () => {
		const backup = populated(path.join(dir, 'backup.db'), 5)
		const target = populated(path.join(dir, 'tektos.db'), 2)
		const server = spawn('sleep', ['30'])
		try {
			fs.writeFileSync(`${target}.pid`, `${server.pid}\n`)
			expect(() => restoreDatabase({ from: backup, to: target, backupDir: dir })).toThrow(
				`The server (pid ${server.pid}) has ${target} open: stop it first`,
			)
			expect(inspectDatabaseFile(target).tables.startups).toBe(2)
		} finally {
			server.kill()
			await new Promise((resolve) => server.once('exit', resolve))
		}
		// a pid file left by a server that was killed does not block a restore
		expect(
			restoreDatabase({ from: backup, to: target, backupDir: dir }).restored.tables.startups,
		).toBe(5)
	})

	test('refuses what is not a TEKTOS backup, or comes from a newer version', () => {
		const target = populated(path.join(dir, 'tektos.db'), 2)
		const text = path.join(dir, 'notes.db')
		fs.writeFileSync(text, 'not a database at all, not at all')
		expect(() => restoreDatabase({ from: text, to: target })).toThrow(BackupError)
		expect(() => restoreDatabase({ from: path.join(dir, 'nope.db'), to: target })).toThrow(
			/does not exist/,
		)
		const other = path.join(dir, 'other.db')
		new Database(other).exec('CREATE TABLE things (x)')
		expect(() => restoreDatabase({ from: other, to: target })).toThrow(/not a TEKTOS database/)
		const newer = populated(path.join(dir, 'newer.db'), 1)
		new Database(newer).exec(
			`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('x', 99999999999999)`,
		)
		expect(() => restoreDatabase({ from: newer, to: target })).toThrow(
			/newer version of TEKTOS CRM/,
		)
		expect(inspectDatabaseFile(target).tables.startups).toBe(2)
	})

	test('the script says what it did, or why not, in a line', () => {
		const backup = populated(path.join(dir, 'backup.db'), 4)
		const target = path.join(dir, 'data', 'tektos.db')
		const env = { DATABASE_PATH: target, BACKUP_DIR: path.join(dir, 'backups') }
		const none = script('db/restore.ts', [], env)
		expect(none.status).toBe(1)
		expect(none.stderr.trim()).toBe(
			'Restore refused: Give the backup to restore: npm run db:restore -- /path/to/backup.db',
		)
		const run = script('db/restore.ts', [backup], env)
		expect(run.stderr).toBe('')
		expect(run.stdout).toContain(`Restored ${backup} to ${target}`)
		expect(run.stdout).toContain('startups 4')
	})
})
