import crypto from 'node:crypto'
import path from 'node:path'
import { migrateDatabase } from '#db/migrate'
import { getDb } from '~/utils/db.server'

// Each test file gets its own freshly migrated SQLite file: no test sees another's rows.
process.env.DATABASE_PATH = path.resolve(
	'tests/.tmp',
	`test-${process.env.VITEST_POOL_ID ?? '0'}-${crypto.randomUUID()}.db`,
)
process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret'

migrateDatabase(getDb())
