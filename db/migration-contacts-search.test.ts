import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { migrateDatabase, migrationsFolder } from '#db/migrate'
import { seedDemo } from '#db/seed'
import { getDb } from '~/utils/db.server'

/*
 * The contacts_search migration (0002) on a copy of a database seeded before it existed:
 * nothing lost, no broken reference, every live contact indexed.
 */
test('the search migration keeps every row and indexes the existing contacts', () => {
	const original = process.env.DATABASE_PATH
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

		process.env.DATABASE_PATH = path.join(dir, 'seeded.db')
		const db = getDb()
		migrate(db, { migrationsFolder: before })
		// the seed speaks today's schema: a column added by a later migration (0005 country_code)
		// is there while it runs, then taken away again before the migrations are applied
		const later = ['contacts', 'organisations']
		for (const t of later) db.run(sql.raw(`ALTER TABLE ${t} ADD country_code text`))
		seedDemo({ today: new Date('2026-03-15T12:00:00Z') })
		for (const t of later) db.run(sql.raw(`ALTER TABLE ${t} DROP COLUMN country_code`))
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
		process.env.DATABASE_PATH = original
		getDb()
		fs.rmSync(dir, { recursive: true, force: true })
	}
})
