/**
 * npm run bench:reports [-- --scale N]: seeds a network-sized database (N × the demo, 10 by
 * default) in a temporary folder and prints the server time of each report section on it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const scaleArg = process.argv.indexOf('--scale')
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 10
if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale must be a positive integer')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-bench-'))
process.env.DATABASE_PATH = path.join(dir, 'tektos.db')
process.env.NODE_ENV = 'development'

const { migrateDatabase } = await import('#db/migrate')
const { seedDemo } = await import('#db/seed')
const { getDb } = await import('~/utils/db.server')
const { today } = await import('~/utils/clock')
const { parseReportPeriod } = await import('~/models/reports/period')
const { REPORT_BUILDERS } = await import('~/models/reports/index.server')

migrateDatabase(getDb())
let start = performance.now()
const summary = seedDemo({ scale })
console.log(`Seeded scale ${scale} in ${Math.round(performance.now() - start)} ms:`, summary.counts)

const periods = [
	['since opening', ''],
	['last year', `year=${Number(today().slice(0, 4)) - 1}`],
	['a quarter', `quarter=${Number(today().slice(0, 4)) - 1}-Q2`],
] as const

for (const [label, query] of periods) {
	const period = parseReportPeriod(new URLSearchParams(query), today())
	console.log(`\n${label} (${period.from} → ${period.to})`)
	let total = 0
	for (const [section, build] of Object.entries(REPORT_BUILDERS)) {
		// first run warms SQLite's page cache; the second is what a user waits for
		build(period)
		start = performance.now()
		build(period)
		const ms = performance.now() - start
		total += ms
		console.log(`  ${section.padEnd(16)} ${ms.toFixed(1).padStart(8)} ms`)
	}
	console.log(`  ${'whole report'.padEnd(16)} ${total.toFixed(1).padStart(8)} ms`)
}

getDb().$client.close()
fs.rmSync(dir, { recursive: true, force: true })
