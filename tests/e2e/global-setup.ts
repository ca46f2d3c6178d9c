import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { TEST_CLOCK } from '../setup/clock'

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string
		/** the server's database, for what a journey cannot read on a page (an email's link) */
		databasePath: string
	}
}

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

async function waitFor(url: string, server: ChildProcess, timeoutMs = 60_000) {
	const start = Date.now()
	while (Date.now() - start < timeoutMs) {
		if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`)
		try {
			const res = await fetch(url)
			if (res.ok) return
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250))
	}
	throw new Error(`The server did not answer on ${url} within ${timeoutMs} ms`)
}

let server: ChildProcess | undefined
let dir: string | undefined

/** The built app on a free port, against a fresh database with the demo data. */
export async function setup(project: TestProject) {
	const out = process.env.BUILD_DIR || 'build'
	if (!fs.existsSync(`${out}/index.js`)) {
		throw new Error(`No build in ${out}/: run \`npm run build\` first (npm run test:e2e does).`)
	}
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-e2e-'))
	const port = await freePort()
	const env = {
		...process.env,
		NODE_ENV: 'development' as const,
		DATABASE_PATH: path.join(dir, 'tektos.db'),
		PORT: String(port),
		// the demo and the server live on the tests' date, whatever the machine's
		TEKTOS_CLOCK: TEST_CLOCK,
	}
	const seed = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, encoding: 'utf8' })
	if (seed.status !== 0) throw new Error(`Seeding failed:\n${seed.stdout}\n${seed.stderr}`)
	// production mode: Secure cookies, no demo seeding, no stack traces
	server = spawn('npx', ['tsx', 'server.ts'], {
		env: { ...env, NODE_ENV: 'production', SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret' },
		stdio: ['ignore', 'inherit', 'inherit'],
		detached: true,
	})
	const baseURL = `http://localhost:${port}`
	await waitFor(`${baseURL}/login`, server)
	project.provide('baseURL', baseURL)
	project.provide('databasePath', env.DATABASE_PATH)
}

export async function teardown() {
	if (server?.pid) {
		try {
			process.kill(-server.pid, 'SIGTERM')
		} catch {
			// already gone
		}
	}
	if (dir) fs.rmSync(dir, { recursive: true, force: true })
}
