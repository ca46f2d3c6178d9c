import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Db } from '~/utils/db.server'

export const migrationsFolder = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'migrations',
)

/** The one place migrations run: the server calls it before it listens, tests per worker. */
export function migrateDatabase(db: Db) {
	migrate(db, { migrationsFolder })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const { getDb } = await import('~/utils/db.server')
	const { getDatabasePath } = await import('~/utils/env.server')
	migrateDatabase(getDb())
	console.log(`Migrated ${getDatabasePath()}`)
}
