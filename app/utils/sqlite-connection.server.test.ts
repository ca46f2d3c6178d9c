import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { cacheStatements, STATEMENT_CACHE_SIZE } from './sqlite-connection.server'

/*
 * Issue 14: drizzle prepares a query's SQL at every call; the connection keeps the compiled
 * statements (decision 0042). A statement handed out again must behave as a new one.
 */
function connection() {
	const sqlite = new Database(':memory:')
	cacheStatements(sqlite)
	sqlite.exec(`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);
		INSERT INTO people (name) VALUES ('Claire'), ('Sam'), ('Nadia');`)
	return sqlite
}

test('the same SQL is compiled once and comes back in its plain mode', () => {
	const sqlite = connection()
	const first = sqlite.prepare('SELECT id, name FROM people ORDER BY id')
	// drizzle reads a select's rows as arrays; the next caller of the same SQL wants objects
	expect(first.raw().all()).toEqual([
		[1, 'Claire'],
		[2, 'Sam'],
		[3, 'Nadia'],
	])
	const again = sqlite.prepare('SELECT id, name FROM people ORDER BY id')
	expect(again).toBe(first)
	expect(again.get()).toEqual({ id: 1, name: 'Claire' })
	expect(sqlite.prepare('SELECT id, name FROM people ORDER BY id').pluck().get()).toBe(1)
	expect(sqlite.prepare('SELECT id, name FROM people ORDER BY id').get()).toEqual({
		id: 1,
		name: 'Claire',
	})
})

test('drizzle reads the same rows through cached statements, as objects or as values', () => {
	const sqlite = connection()
	const db = drizzle(sqlite)
	const query = sql`SELECT name FROM people WHERE id > ${1} ORDER BY id`
	expect(db.values(query)).toEqual([['Sam'], ['Nadia']])
	expect(db.all(query)).toEqual([{ name: 'Sam' }, { name: 'Nadia' }])
	expect(db.get(sql`SELECT name FROM people WHERE id = ${3}`)).toEqual({ name: 'Nadia' })
	db.run(sql`UPDATE people SET name = ${'Sam Probe'} WHERE id = ${2}`)
	expect(db.all(query)).toEqual([{ name: 'Sam Probe' }, { name: 'Nadia' }])
})

test('a statement still being read is not handed out twice', () => {
	const sqlite = connection()
	const names: string[] = []
	for (const row of sqlite.prepare('SELECT name FROM people ORDER BY id').iterate()) {
		// the same SQL inside the loop: a new statement, not the busy one
		const count = sqlite.prepare('SELECT name FROM people ORDER BY id').all().length
		names.push(`${(row as { name: string }).name}/${count}`)
	}
	expect(names).toEqual(['Claire/3', 'Sam/3', 'Nadia/3'])
})

test('the cache keeps the most recently used statements and no more', () => {
	const sqlite = connection()
	const kept = sqlite.prepare('SELECT 0 AS n')
	const first = sqlite.prepare('SELECT 1 AS n')
	for (let i = 1; i <= STATEMENT_CACHE_SIZE; i++) {
		sqlite.prepare(`SELECT ${i} AS n`)
		// used again and again, so it stays
		if (i % 100 === 0) expect(sqlite.prepare('SELECT 0 AS n')).toBe(kept)
	}
	const oldest = sqlite.prepare('SELECT 1 AS n')
	// "SELECT 1" had fallen out: a new statement, which still answers
	expect(oldest).not.toBe(first)
	expect(oldest.get()).toEqual({ n: 1 })
	expect(sqlite.prepare('SELECT 0 AS n')).toBe(kept)
})
