import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'

test('the migrated database enforces its rules', () => {
	const db = getDb()
	expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
	expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
	expect(db.all(sql`PRAGMA foreign_key_check`)).toEqual([])
	// the audit log is append-only
	db.run(sql`INSERT INTO audit_log (action, entity, summary) VALUES ('create', 'test', 'x')`)
	expect(() => db.$client.exec('DELETE FROM audit_log')).toThrow(/append-only/)
	expect(() => db.$client.exec("UPDATE audit_log SET summary = 'y'")).toThrow(/append-only/)
})
