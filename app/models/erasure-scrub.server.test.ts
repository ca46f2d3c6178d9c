import { is, sql } from 'drizzle-orm'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { FREE_TEXT, IDENTITIES, STRUCTURED } from './erasure-scrub.server'

test('every text column of every table is either scrubbed, checked as a name, or structured', () => {
	const listed = new Map<string, string[]>()
	const note = (table: string, columns: string[], list: string) => {
		for (const column of columns) {
			listed.set(`${table}.${column}`, [...(listed.get(`${table}.${column}`) ?? []), list])
		}
	}
	for (const [table, { columns }] of Object.entries(FREE_TEXT)) note(table, columns, 'free text')
	for (const [table, { columns }] of Object.entries(IDENTITIES)) note(table, columns, 'identity')
	for (const [table, columns] of Object.entries(STRUCTURED)) note(table, columns, 'structured')

	const inSchema: string[] = []
	for (const value of Object.values(schema)) {
		if (!is(value, SQLiteTable)) continue
		const { name, columns } = getTableConfig(value)
		for (const column of columns) {
			// an enum holds one of the app's own words, never a person's
			if (column.columnType !== 'SQLiteText' || column.enumValues?.length) continue
			inSchema.push(`${name}.${column.name}`)
		}
	}
	// a new text column needs a decision in erasure-scrub.server.ts: could a person be written there?
	for (const column of inSchema) expect(listed.get(column), column).toHaveLength(1)
	// and the lists name nothing that does not exist
	expect([...listed.keys()].filter((c) => !inSchema.includes(c))).toEqual([])
})

test('the only full-text index is the contacts one, which the contacts triggers keep in step', () => {
	// a new index would need erasure to rebuild its rows too (see contact-gdpr.server.ts)
	const virtual = getDb().all<{ name: string }>(
		sql`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`,
	)
	expect(virtual.map((t) => t.name)).toEqual(['contacts_search'])
	// what it indexes from other contacts is scrubbed: their notes and tags
	expect(FREE_TEXT.contacts!.columns).toEqual(expect.arrayContaining(['notes', 'tags']))
})
