import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { migrateDatabase } from '#db/migrate'
import { getDb } from '~/utils/db.server'

// Each test file gets its own freshly migrated SQLite file: no test sees another's rows.
const file = path.resolve(
	'tests/.tmp',
	`test-${process.env.VITEST_POOL_ID ?? '0'}-${crypto.randomUUID()}.db`,
)
process.env.DATABASE_PATH = file
// uploaded files (applications' PDFs) of this test file only, removed with its database
process.env.UPLOADS_DIR = `${file}-uploads`
process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret'

migrateDatabase(getDb())

afterAll(() => {
	if (globalThis.__tektosDb?.file === file) {
		globalThis.__tektosDb.db.$client.close()
		globalThis.__tektosDb = undefined
	}
	// the database, its journal, the calls' uploads and the imports waiting beside it
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
	for (const folder of ['-uploads', '-imports'])
		fs.rmSync(`${file}${folder}`, { recursive: true, force: true })
})
