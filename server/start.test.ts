import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { serverHolding } from './pid-file'

/*
 * Issue 11 §2, for real processes: start-up failures are one line, /healthz tells a supervisor
 * the truth, and SIGTERM lets requests in flight finish before the database is closed.
 */
const tsx = path.resolve('node_modules/.bin/tsx')
let dir: string

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-start-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer()
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

describe('the real server.ts refuses to start, in one line', () => {
	function start(env: Record<string, string>) {
		return spawnSync(tsx, ['server.ts'], {
			env: { ...process.env, BUILD_DIR: 'no-build-needed', ...env },
			encoding: 'utf8',
			timeout: 60_000,
		})
	}

	test('production with a mistyped DATABASE_PATH: no new empty database', () => {
		const file = path.join(dir, 'tektos-prod.db')
		const run = start({ NODE_ENV: 'production', DATABASE_PATH: file })
		expect(run.status).toBe(1)
		expect(run.stderr.split('\n').filter(Boolean)).toEqual([
			`Not started: No database at ${file}: check DATABASE_PATH, restore a backup there (npm run db:restore), or start once with --init (or DB_INIT=1) to create a new, empty database there`,
		])
		expect(fs.readdirSync(dir)).toEqual([])
	})

	test('TRUST_PROXY=true, which would trust any client', () => {
		const run = start({ TRUST_PROXY: 'true', DATABASE_PATH: path.join(dir, 'x.db') })
		expect(run.status).toBe(1)
		expect(run.stderr.split('\n').filter(Boolean)).toEqual([
			'Not started: Invalid environment: TRUST_PROXY: give the proxy\'s address (loopback, 10.0.0.2, 10.0.0.0/8…), not "true" or a number of hops, which would trust any client',
		])
	})
})

describe('a running server', () => {
	let server: ChildProcess
	let output = ''
	let base = ''

	async function launch(env: Record<string, string> = {}) {
		const port = await freePort()
		base = `http://127.0.0.1:${port}`
		output = ''
		// node itself, tsx as its loader: the process signalled is the server (the tsx command
		// would be a parent, and a SIGKILL to it would leave the server running)
		server = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/stub-server.ts'], {
			env: {
				...process.env,
				NODE_ENV: 'development',
				DATABASE_PATH: path.join(dir, 'tektos.db'),
				PORT: String(port),
				...env,
			},
		})
		server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
		server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
		await vi.waitFor(() => expect(output).toContain('TEKTOS CRM on'), {
			timeout: 60_000,
			interval: 100,
		})
	}

	const exited = () =>
		new Promise<number | null>((resolve) => {
			if (server.exitCode !== null) resolve(server.exitCode)
			else server.once('exit', (code) => resolve(code))
		})

	afterEach(async () => {
		if (server.exitCode === null) {
			server.kill('SIGKILL')
			await exited()
		}
	})

	test('SIGTERM: the request in flight finishes, the database is checkpointed and closed', async () => {
		await launch()
		const file = path.join(dir, 'tektos.db')
		// the process serving the database says so (db:restore reads it)
		expect(serverHolding(file)).toBeGreaterThan(0)
		const slow = fetch(`${base}/slow`).then(async (res) => [res.status, await res.text()])
		await new Promise((resolve) => setTimeout(resolve, 300))
		server.kill('SIGTERM')
		expect(await slow).toEqual([200, 'finished'])
		expect(await exited()).toBe(0)
		expect(output).toMatch(/SIGTERM: finishing 1 request\(s\) in flight, then closing the database/)
		expect(output).toMatch(/GET \/slow 200 \d+ms/)
		expect(output).toMatch(/Stopped\n$/)
		// closed cleanly: everything is in tektos.db itself, and the pid file is gone
		expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0)
		expect(fs.existsSync(`${file}.pid`)).toBe(false)
	})

	test('/healthz: ok while the database is there and current, 503 once the file is swapped under it', async () => {
		await launch()
		const ok = await fetch(`${base}/healthz`)
		expect([ok.status, await ok.json()]).toEqual([200, { status: 'ok' }])
		const file = path.join(dir, 'tektos.db')
		fs.copyFileSync(file, `${file}.copy`)
		fs.renameSync(`${file}.copy`, file)
		const swapped = await fetch(`${base}/healthz`)
		expect([swapped.status, await swapped.json()]).toEqual([
			503,
			{ status: 'unavailable', problem: 'the database file was replaced: restart the server' },
		])
	})
})
