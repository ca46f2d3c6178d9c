/*
 * `npm run db:reset [-- --scale N]`: delete the database file (and its WAL and shared-memory
 * files), migrate a new one and seed the demo. Never in production: there it would delete the
 * incubator's real records.
 */
import fs from 'node:fs'
import { migrateDatabase } from '#db/migrate'
import { formatDemoLogins, parseScaleArg, seedDemo } from '#db/seed'
import { getDb } from '~/utils/db.server'
import { getDatabasePath, isProduction } from '~/utils/env.server'

if (isProduction()) {
	console.error('Refusing to reset the database with NODE_ENV=production.')
	process.exit(1)
}

let scale: number
try {
	scale = parseScaleArg(process.argv.slice(2))
} catch (error) {
	console.error((error as Error).message)
	process.exit(1)
}

const file = getDatabasePath()
for (const suffix of ['', '-wal', '-shm']) {
	fs.rmSync(`${file}${suffix}`, { force: true })
}
console.log(`Deleted ${file}`)

const started = performance.now()
migrateDatabase(getDb())
const summary = seedDemo({ scale })
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`Migrated and seeded ${file} (scale ${scale}) in ${seconds} s:`, summary.counts)
console.log(formatDemoLogins())
getDb().$client.close()
