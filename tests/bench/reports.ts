/**
 * npm run bench:reports [-- --scale N]: the server time of each report section, at scale N
 * (10 by default), for the whole history, a year and a quarter, with and without a cohort. The
 * seeded database comes from npm run bench's cache (BENCH_DIR), seeded once if absent.
 * Each figure is the median of 7 cold runs (the page keeps a section until the next write: not
 * here) after a first one that fills SQLite's page cache: the
 * wall-clock time, and the CPU time the process spent (what the section costs, whatever else
 * runs on the machine — on a shared machine the wall clock also counts the waits for a core).
 */
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { seededDatabase } from './servers'

const scaleArg = process.argv.indexOf('--scale')
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 10
if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale must be a positive integer')

const { today } = await import('~/utils/clock')
const cacheDir = path.resolve(process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'tektos-bench'))
const { file } = seededDatabase(cacheDir, scale, today())
process.env.DATABASE_PATH = file
process.env.NODE_ENV = 'development'

const { migrateDatabase } = await import('#db/migrate')
const { getDb } = await import('~/utils/db.server')
const { parseReportPeriod } = await import('~/models/reports/period')
const { REPORT_BUILDERS } = await import('~/models/reports/index.server')
const { clearReadCache } = await import('~/utils/read-cache.server')

migrateDatabase(getDb(), { backupDir: false })
const cohort = getDb().$client.prepare(`SELECT id FROM cohorts ORDER BY id LIMIT 1`).get() as {
	id: number
}

const year = Number(today().slice(0, 4)) - 1
const periods = [
	['since opening', ''],
	['a year', `year=${year}`],
	['a quarter', `quarter=${year}-Q2`],
	['since opening, a cohort', `cohort=${cohort.id}`],
] as const

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

console.log(`Report sections at scale ${scale} (${file})`)
for (const [label, query] of periods) {
	const period = parseReportPeriod(new URLSearchParams(query), today())
	console.log(`\n${label} (${period.from} → ${period.to})`)
	let total = 0
	let totalCpu = 0
	for (const [section, build] of Object.entries(REPORT_BUILDERS)) {
		build(period)
		const times: number[] = []
		const cpu: number[] = []
		for (let i = 0; i < 7; i++) {
			// cold: nothing kept from the run before (the page keeps sections until a write)
			clearReadCache()
			const start = performance.now()
			const startCpu = process.cpuUsage()
			build(period)
			const used = process.cpuUsage(startCpu)
			times.push(performance.now() - start)
			cpu.push((used.user + used.system) / 1000)
		}
		total += median(times)
		totalCpu += median(cpu)
		console.log(
			`  ${section.padEnd(16)} ${median(times).toFixed(1).padStart(8)} ms  (CPU ${median(cpu).toFixed(1).padStart(6)} ms)`,
		)
	}
	console.log(
		`  ${'whole report'.padEnd(16)} ${total.toFixed(1).padStart(8)} ms  (CPU ${totalCpu.toFixed(1).padStart(6)} ms)`,
	)
}
getDb().$client.close()
