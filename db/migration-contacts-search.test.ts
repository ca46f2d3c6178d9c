import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { migrateDatabase, migrationsFolder } from '#db/migrate'
import { seedDemo } from '#db/seed'
import { type Db, getDb, openDatabase } from '~/utils/db.server'

/*
 * The contacts_search migration (0002) on a copy of a database seeded before it existed:
 * nothing lost, no broken reference, every live contact indexed.
 */
test('the search migration keeps every row and indexes the existing contacts', () => {
	let opened: Db | null = null
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-contacts-migration-'))
	try {
		// the migrations as they were before this one
		const before = path.join(dir, 'migrations')
		fs.mkdirSync(path.join(before, 'meta'), { recursive: true })
		const journal = JSON.parse(
			fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
		) as { entries: { tag: string }[] }
		const index = journal.entries.findIndex((e) => e.tag === '0002_contacts_search')
		expect(index).toBeGreaterThan(0)
		for (const entry of journal.entries.slice(0, index)) {
			fs.copyFileSync(
				path.join(migrationsFolder, `${entry.tag}.sql`),
				path.join(before, `${entry.tag}.sql`),
			)
		}
		fs.writeFileSync(
			path.join(before, 'meta/_journal.json'),
			JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }),
		)

		// the demo as it would have been entered then: seeded with today's schema, then copied
		// into a database at the old one, column by column (later columns have no say)
		seedDemo({ today: new Date('2026-03-15T12:00:00Z') })
		const demo = getDb().$client.name
		getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
		const db = openDatabase(path.join(dir, 'seeded.db'))
		opened = db
		migrate(db, { migrationsFolder: before })
		const sqlite = db.$client
		sqlite.pragma('foreign_keys = OFF')
		sqlite.prepare('ATTACH DATABASE ? AS demo').run(demo)
		const oldTables = (
			sqlite
				.prepare(
					`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
					AND name <> '__drizzle_migrations'`,
				)
				.all() as { name: string }[]
		).map((t) => t.name)
		for (const table of oldTables) {
			const columns = (sqlite.pragma(`main.table_info("${table}")`) as { name: string }[])
				.map((c) => `"${c.name}"`)
				.join(', ')
			sqlite.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM demo."${table}"`)
		}
		sqlite.exec('DETACH DATABASE demo')
		sqlite.pragma('foreign_keys = ON')
		// an erased contact must not be indexed by the backfill
		db.run(sql`UPDATE contacts SET first_name = NULL, last_name = NULL, email = NULL,
			erased_at = 1 WHERE id = (SELECT max(id) FROM contacts)`)

		const tables = db
			.all<{ name: string }>(
				sql`SELECT name FROM sqlite_master WHERE type = 'table'
					AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'`,
			)
			.map((t) => t.name)
		const counts = () =>
			Object.fromEntries(
				tables.map((t) => [
					t,
					db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${t}"`))!.n,
				]),
			)
		const rowsBefore = counts()
		expect(rowsBefore.contacts).toBeGreaterThan(10)

		migrateDatabase(db)

		expect(counts()).toEqual(rowsBefore)
		expect(db.all(sql`PRAGMA foreign_key_check`)).toEqual([])
		db.run(sql`INSERT INTO contacts_search(contacts_search) VALUES ('integrity-check')`)
		const live = db.get<{ n: number }>(
			sql`SELECT count(*) AS n FROM contacts WHERE erased_at IS NULL`,
		)!.n
		const indexed = db.get<{ n: number }>(
			sql`SELECT count(*) AS n FROM contacts_search WHERE rowid IN (SELECT id FROM contacts)`,
		)!.n
		expect(indexed).toBe(live)
		// the seed's Port of Dover contact is found by her organisation, Hervé without his accent
		const dover = db.all<{ last_name: string }>(
			sql`SELECT last_name FROM contacts WHERE id IN
				(SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'organisation:dover')`,
		)
		expect(dover.map((r) => r.last_name)).toContain('Collins')
		const herve = db.all<{ first_name: string }>(
			sql`SELECT first_name FROM contacts WHERE id IN
				(SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'herve')`,
		)
		expect(herve.map((r) => r.first_name)).toEqual(['Hervé'])
	} finally {
		opened?.$client.close()
		fs.rmSync(dir, { recursive: true, force: true })
	}
})
