import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator'
import { inspectDatabaseFile } from '#db/backup'
import {
	MigrationError,
	migrateDatabase,
	migrationsFolder,
	pendingMigrations,
	readMigrations,
	tableCounts,
} from '#db/migrate'
import { seedDemo } from '#db/seed'
import { type Db, getDb, openDatabase } from '~/utils/db.server'

test('the migrated database enforces its rules', () => {
	const db = getDb()
	expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
	expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
	expect(db.all(sql`PRAGMA foreign_key_check`)).toEqual([])
	expect(pendingMigrations(db)).toEqual([])
	// the audit log is append-only
	db.run(sql`INSERT INTO audit_log (action, entity, summary) VALUES ('create', 'test', 'x')`)
	expect(() => db.$client.exec('DELETE FROM audit_log')).toThrow(/append-only/)
	expect(() => db.$client.exec("UPDATE audit_log SET summary = 'y'")).toThrow(/append-only/)
})

/*
 * Issue 11 §1: a schema upgrade never deletes data. Every test below works on the demo story
 * (seeded once into this file's database) copied into databases of older or newer schemas.
 */
describe('upgrading a database that holds the demo', () => {
	let dir: string
	let demo: string
	const opened: Db[] = []
	const real = readMigrations()
	const fixtures = path.resolve('tests/fixtures/migrations')

	beforeAll(() => {
		seedDemo({})
		demo = getDb().$client.name
		getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-migrate-'))
	})

	afterAll(() => {
		for (const db of opened) if (db.$client.open) db.$client.close()
		fs.rmSync(dir, { recursive: true, force: true })
	})

	let folders = 0
	/** The first `upTo` real migrations, then the hand-written ones given. */
	function migrationsFolderWith({
		upTo = real.length,
		extra = [],
	}: {
		upTo?: number
		extra?: { tag: string; sql: string }[]
	}) {
		const folder = path.join(dir, `migrations-${++folders}`)
		fs.mkdirSync(path.join(folder, 'meta'), { recursive: true })
		const journal = JSON.parse(
			fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
		) as { entries: { idx: number; tag: string; when: number }[] }
		const entries = journal.entries.slice(0, upTo)
		for (const e of entries) {
			fs.copyFileSync(
				path.join(migrationsFolder, `${e.tag}.sql`),
				path.join(folder, `${e.tag}.sql`),
			)
		}
		const last = entries.at(-1)!
		extra.forEach((m, i) => {
			fs.writeFileSync(path.join(folder, `${m.tag}.sql`), m.sql)
			entries.push({ ...last, idx: last.idx + i + 1, tag: m.tag, when: last.when + i + 1 })
		})
		fs.writeFileSync(
			path.join(folder, 'meta/_journal.json'),
			JSON.stringify({ ...journal, entries }),
		)
		return folder
	}

	const fixture = (name: string) => ({
		tag: `9999_${name}`,
		sql: fs.readFileSync(path.join(fixtures, `${name}.sql`), 'utf8'),
	})

	let databases = 0
	/**
	 * A database migrated with `folder`, holding every demo row its tables can take (the
	 * columns it has), as if the demo had been entered at that version.
	 */
	function demoDatabaseAt(folder: string) {
		const db = openDatabase(path.join(dir, `db-${++databases}.db`))
		opened.push(db)
		migrateDatabase(db, { migrationsFolder: folder, backupDir: false })
		const sqlite = db.$client
		sqlite.pragma('foreign_keys = OFF')
		sqlite.prepare('ATTACH DATABASE ? AS demo').run(demo)
		// organisations first: the search triggers read a contact's organisation as it is inserted
		const tables = Object.keys(tableCounts(sqlite)).sort(
			(a, b) => Number(b === 'organisations') - Number(a === 'organisations'),
		)
		for (const table of tables) {
			const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[])
				.map((c) => `"${c.name}"`)
				.join(', ')
			sqlite.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM demo."${table}"`)
		}
		sqlite.exec('DETACH DATABASE demo')
		sqlite.pragma('foreign_keys = ON')
		expect(sqlite.pragma('foreign_key_check')).toEqual([])
		return db
	}

	function expectSound(db: Db) {
		expect(db.$client.pragma('foreign_key_check')).toEqual([])
		expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
	}

	function indexedContacts(db: Db) {
		return db.$client
			.prepare(`SELECT count(*) AS n FROM contacts_search WHERE rowid IN (SELECT id FROM contacts)`)
			.get() as { n: number }
	}

	test.each(real.slice(1).map((m, i) => [m.tag, i + 1] as const))(
		'from just before %s to the latest schema, every table keeps every row',
		(_tag, upTo) => {
			const db = demoDatabaseAt(migrationsFolderWith({ upTo }))
			const before = tableCounts(db.$client)
			expect(before.startups).toBeGreaterThan(10)
			expect(before.mentoring_sessions).toBeGreaterThan(50)

			const backups = path.join(dir, `backups-${upTo}`)
			const { applied, backup } = migrateDatabase(db, { backupDir: backups })

			expect(applied).toEqual(real.slice(upTo).map((m) => m.tag))
			const after = tableCounts(db.$client)
			for (const [table, rows] of Object.entries(before))
				expect([table, after[table]]).toEqual([table, rows])
			expectSound(db)
			// the contacts found by search are the live ones, whichever version indexed them
			const live = db.$client
				.prepare('SELECT count(*) AS n FROM contacts WHERE erased_at IS NULL')
				.get() as { n: number }
			expect(indexedContacts(db)).toEqual(live)
			// every name has its sort key, whichever version wrote the row (0006_sort_keys)
			for (const table of [
				'startups',
				'cohorts',
				'team_members',
				'mentors',
				'users',
				'organisations',
			]) {
				const unsorted = db.$client
					.prepare(`SELECT count(*) AS n FROM "${table}" WHERE sort_key IS NULL`)
					.get() as { n: number }
				expect([table, unsorted.n]).toEqual([table, 0])
			}
			// the copy taken before migrating holds the database as it was
			expect(backup).toMatch(new RegExp(`before-${real[upTo]!.tag}`))
			const copy = inspectDatabaseFile(backup!)
			for (const [table, rows] of Object.entries(before)) expect(copy.tables[table]).toBe(rows)
		},
	)

	test('a database without rows is migrated without a backup', () => {
		const db = openDatabase(path.join(dir, 'empty.db'))
		opened.push(db)
		const backups = path.join(dir, 'backups-empty')
		expect(migrateDatabase(db, { backupDir: backups })).toMatchObject({ backup: null })
		expect(fs.existsSync(backups)).toBe(false)
	})

	test.each([
		['mentor_assignments', 'mentoring_sessions'],
		['interactions', 'interaction_startups'],
	])('rebuilding %s as drizzle-kit writes it keeps every %s', (parent, child) => {
		const extra = [fixture(`rebuild_${parent}`)]
		const db = demoDatabaseAt(migrationsFolderWith({}))
		const before = tableCounts(db.$client)
		expect(before[child]).toBeGreaterThan(10)

		migrateDatabase(db, { migrationsFolder: migrationsFolderWith({ extra }), backupDir: false })

		expect(tableCounts(db.$client)).toEqual(before)
		expectSound(db)
		// the rebuilt table carries the new default and still cascades as it should
		const ids = db.$client.prepare(`SELECT id FROM "${parent}" LIMIT 1`).get() as { id: number }
		expect(ids.id).toBeGreaterThan(0)

		// drizzle's own migrator, on the same data, is what emptied the children
		const other = demoDatabaseAt(migrationsFolderWith({}))
		drizzleMigrate(other, { migrationsFolder: migrationsFolderWith({ extra }) })
		expect(tableCounts(other.$client)[child]).toBeLessThan(before[child]!)
	})

	test('rebuilding organisations as drizzle-kit writes it stops on the search triggers and changes nothing', () => {
		const db = demoDatabaseAt(migrationsFolderWith({}))
		const before = tableCounts(db.$client)
		const schema = db.$client.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()
		const folder = migrationsFolderWith({ extra: [fixture('rebuild_organisations')] })

		expect(() => migrateDatabase(db, { migrationsFolder: folder, backupDir: false })).toThrow(
			/9999_rebuild_organisations failed .* trigger contacts_search_after_\w+ mentions organisations: .*drop such triggers first.*Rolled back/,
		)
		expect(tableCounts(db.$client)).toEqual(before)
		expect(db.$client.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema)
		expect(pendingMigrations(db, folder).map((m) => m.tag)).toEqual(['9999_rebuild_organisations'])
		expectSound(db)
	})

	test('rebuilding organisations with its triggers dropped and created again keeps contacts, their organisation and search', () => {
		const db = demoDatabaseAt(migrationsFolderWith({}))
		const before = tableCounts(db.$client)
		const linked = db.$client
			.prepare('SELECT count(*) AS n FROM contacts WHERE organisation_id IS NOT NULL')
			.get() as { n: number }
		expect(linked.n).toBeGreaterThan(10)

		migrateDatabase(db, {
			migrationsFolder: migrationsFolderWith({
				extra: [fixture('rebuild_organisations_with_triggers')],
			}),
			backupDir: false,
		})

		expect(tableCounts(db.$client)).toEqual(before)
		expect(
			db.$client
				.prepare('SELECT count(*) AS n FROM contacts WHERE organisation_id IS NOT NULL')
				.get(),
		).toEqual(linked)
		expectSound(db)
		// the triggers work again: a renamed organisation is found under its new name
		const find = (term: string) =>
			db.$client
				.prepare(
					`SELECT last_name FROM contacts WHERE id IN
					(SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?)`,
				)
				.all(term)
		expect(find('organisation:dover')).toContainEqual({ last_name: 'Collins' })
		db.$client.exec(
			`UPDATE organisations SET name = 'Harbour of Zanzibar' WHERE name LIKE '%Dover%'`,
		)
		expect(find('organisation:zanzibar')).toContainEqual({ last_name: 'Collins' })
	})

	test('a migration that loses a table’s triggers is rolled back', () => {
		const db = demoDatabaseAt(migrationsFolderWith({}))
		const before = tableCounts(db.$client)
		const rebuildAuditLog = db.$client
			.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'`)
			.pluck()
			.get() as string
		const migration = [
			'PRAGMA foreign_keys=OFF;',
			// SQLite writes the name back quoted its own way after a rename (0006 rebuilt the table)
			rebuildAuditLog.replace(/CREATE TABLE [`"]audit_log[`"]/, 'CREATE TABLE `__new_audit_log`') +
				';',
			'INSERT INTO `__new_audit_log` SELECT * FROM `audit_log`;',
			'DROP TABLE `audit_log`;',
			'ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;',
			'PRAGMA foreign_keys=ON;',
		].join('--> statement-breakpoint\n')

		expect(() =>
			migrateDatabase(db, {
				migrationsFolder: migrationsFolderWith({
					extra: [{ tag: '9999_rebuild_audit_log', sql: migration }],
				}),
				backupDir: false,
			}),
		).toThrow(
			/9999_rebuild_audit_log lost trigger audit_log_no_(update|delete) \(on audit_log\).*Rolled back/,
		)
		expect(tableCounts(db.$client)).toEqual(before)
		expect(() => db.$client.exec('DELETE FROM audit_log')).toThrow(/append-only/)
	})

	test('a migration that leaves rows pointing at nothing is rolled back, with the rows named', () => {
		const db = demoDatabaseAt(migrationsFolderWith({}))
		const before = tableCounts(db.$client)
		const migration =
			'DELETE FROM `mentor_assignments` WHERE id = (SELECT assignment_id FROM mentoring_sessions LIMIT 1);'

		expect(() =>
			migrateDatabase(db, {
				migrationsFolder: migrationsFolderWith({
					extra: [{ tag: '9999_orphans', sql: migration }],
				}),
				backupDir: false,
			}),
		).toThrow(
			/9999_orphans leaves \d+ row\(s\) pointing at nothing \(mentoring_sessions row \d+ → mentor_assignments.*Rolled back/,
		)
		expect(tableCounts(db.$client)).toEqual(before)
		expectSound(db)
	})

	test('a migration cannot run inside a transaction, where foreign keys cannot be switched off', () => {
		const db = demoDatabaseAt(migrationsFolderWith({ upTo: real.length - 1 }))
		db.$client.exec('BEGIN')
		try {
			expect(() => migrateDatabase(db, { backupDir: false })).toThrow(MigrationError)
		} finally {
			db.$client.exec('ROLLBACK')
		}
	})
})
