/*
 * `npm run test:chaos [-- --cycles 100 --writers 4]` (not part of `npm test`: it takes minutes).
 *
 * Issue 11: the production server, killed with SIGKILL over and over while several signed-in
 * managers create cohorts through the real forms, never loses a write it acknowledged and never
 * leaves a damaged database. Each cycle:
 *
 *   1. start server.ts (NODE_ENV=production) on the same database, wait for /healthz;
 *   2. writers loop: GET /cohorts/new for a one-time token, POST a cohort with a unique name;
 *      a redirect to the new cohort is an acknowledgement;
 *   3. after a random 1–3 s, `kill -9` the server (its whole process group);
 *   4. open the database: integrity_check ok, foreign_key_check empty, and every acknowledged
 *      cohort is there with its audit-log row.
 *
 * It prints the figures and exits 1 on any lost write or damage. Needs a build (the npm script
 * builds first).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { TEST_CLOCK } from '../setup/clock'

function arg(name: string, fallback: number) {
	const i = process.argv.indexOf(`--${name}`)
	const value = i === -1 ? fallback : Number(process.argv[i + 1])
	if (!Number.isInteger(value) || value < 1)
		throw new Error(`--${name} expects a positive whole number`)
	return value
}

const cycles = arg('cycles', 100)
const writerCount = arg('writers', 4)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-chaos-'))
const file = path.join(dir, 'tektos.db')
const tsx = path.resolve('node_modules/.bin/tsx')

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

const baseEnv = {
	...process.env,
	DATABASE_PATH: file,
	TEKTOS_CLOCK: TEST_CLOCK,
	SESSION_SECRET: 'chaos-secret-chaos-secret-chaos-secret',
	BACKUP_DIR: path.join(dir, 'backups'),
}

const seed = spawnSync(tsx, ['db/seed.ts'], {
	env: { ...baseEnv, NODE_ENV: 'development' },
	encoding: 'utf8',
})
if (seed.status !== 0) throw new Error(`Seeding failed:\n${seed.stdout}\n${seed.stderr}`)

let server: ChildProcess | undefined
let base = ''

async function startServer() {
	const port = await freePort()
	base = `http://127.0.0.1:${port}`
	server = spawn(tsx, ['server.ts'], {
		env: { ...baseEnv, NODE_ENV: 'production', PORT: String(port) },
		stdio: ['ignore', 'ignore', 'pipe'],
		detached: true,
	})
	let stderr = ''
	server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
	const started = performance.now()
	for (;;) {
		if (server.exitCode !== null) throw new Error(`The server exited at start:\n${stderr}`)
		if (performance.now() - started > 60_000)
			throw new Error(`The server did not start:\n${stderr}`)
		try {
			if ((await fetch(`${base}/healthz`)).ok) return performance.now() - started
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
}

function killServer() {
	return new Promise<void>((resolve) => {
		if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return resolve()
		server.once('exit', () => resolve())
		// tsx runs the server in a child process: the whole group goes
		process.kill(-server.pid, 'SIGKILL')
	})
}

const tokenOf = (html: string) => /name="_formToken" value="([^"]+)"/.exec(html)?.[1]

async function signIn() {
	const page = await fetch(`${base}/login`)
	const token = tokenOf(await page.text())
	if (!token) throw new Error('No form token on /login')
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			_formToken: token,
			email: 'manager@tektos.example',
			password: 'tektos-demo',
		}),
	})
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tektos_session='))
	if (!cookie) throw new Error(`Sign-in failed: ${res.status}`)
	return cookie.split(';')[0]!
}

type Totals = { attempted: number; acknowledged: number; refused: number; failed: number }
const acknowledged: string[] = []
const totals: Totals = { attempted: 0, acknowledged: 0, refused: 0, failed: 0 }

async function writer(id: number, cycle: number, cookie: string, stop: { now: boolean }) {
	let seq = 0
	while (!stop.now) {
		const name = `chaos c${cycle} w${id} #${++seq}`
		try {
			const page = await fetch(`${base}/cohorts/new`, { headers: { Cookie: cookie } })
			const token = tokenOf(await page.text())
			if (!token) throw new Error(`no token on /cohorts/new (${page.status})`)
			totals.attempted++
			const res = await fetch(`${base}/cohorts/new`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
				body: new URLSearchParams({
					_formToken: token,
					name,
					programme: 'incubation',
					startDate: '2027-01-01',
					endDate: '2027-12-31',
				}),
			})
			if (res.status === 302 && /^\/cohorts\/\d+$/.test(res.headers.get('Location') ?? '')) {
				acknowledged.push(name)
				totals.acknowledged++
			} else totals.refused++
			await res.arrayBuffer()
		} catch {
			// the server died under this request: not acknowledged, whatever happened to it
			totals.failed++
			return
		}
	}
}

type Check = { integrity: string; foreignKeys: number; lost: string[]; cohorts: number }

function checkDatabase(): Check {
	const sqlite = new Database(file)
	try {
		const integrity = String(sqlite.pragma('integrity_check', { simple: true }))
		const foreignKeys = (sqlite.pragma('foreign_key_check') as unknown[]).length
		const present = new Set(
			(
				sqlite
					.prepare(
						`SELECT c.name FROM cohorts c
						 JOIN audit_log a ON a.entity = 'cohort' AND a.entity_id = c.id
						 WHERE c.name LIKE 'chaos %'`,
					)
					.all() as { name: string }[]
			).map((r) => r.name),
		)
		const lost = acknowledged.filter((name) => !present.has(name))
		return { integrity, foreignKeys, lost, cohorts: present.size }
	} finally {
		sqlite.close()
	}
}

const started = performance.now()
const startTimes: number[] = []
let damaged = 0
let lostTotal = 0
let cookies: string[] = []
try {
	for (let cycle = 1; cycle <= cycles; cycle++) {
		startTimes.push(await startServer())
		// sessions live in the database: signing in once survives every kill
		if (cookies.length === 0) {
			cookies = await Promise.all(Array.from({ length: writerCount }, () => signIn()))
		}
		const stop = { now: false }
		const writers = cookies.map((cookie, i) => writer(i + 1, cycle, cookie, stop))
		await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000))
		await killServer()
		stop.now = true
		await Promise.all(writers)
		const check = checkDatabase()
		if (check.integrity !== 'ok' || check.foreignKeys > 0) damaged++
		lostTotal = check.lost.length
		const line = `cycle ${String(cycle).padStart(3)}: ${totals.acknowledged} acknowledged so far, ${check.cohorts} in the database, integrity ${check.integrity}, foreign key problems ${check.foreignKeys}, lost ${check.lost.length}`
		console.log(line)
		if (check.lost.length) console.log(`  lost: ${check.lost.slice(0, 5).join(', ')}`)
	}
} finally {
	await killServer()
}

const final = checkDatabase()
const seconds = ((performance.now() - started) / 1000).toFixed(0)
const median = startTimes.sort((a, b) => a - b)[Math.floor(startTimes.length / 2)]!
console.log('')
console.log(`${cycles} kill -9 cycles with ${writerCount} concurrent writers in ${seconds} s`)
console.log(
	`writes attempted ${totals.attempted}, acknowledged ${totals.acknowledged}, refused ${totals.refused}, cut off by the kill ${totals.failed}`,
)
console.log(
	`acknowledged writes lost: ${final.lost.length}; databases failing integrity or foreign key checks: ${damaged} of ${cycles}`,
)
console.log(
	`cohorts found afterwards: ${final.cohorts} (acknowledged ${acknowledged.length}; the rest were committed just before a kill cut off the answer)`,
)
console.log(`median restart to healthy: ${Math.round(median)} ms`)
fs.rmSync(dir, { recursive: true, force: true })
process.exit(final.lost.length > 0 || damaged > 0 || lostTotal > 0 ? 1 : 0)
