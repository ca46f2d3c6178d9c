/*
 * The processes a benchmark runs: the seeded databases (cached), the built app, perf-ref.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import Database from 'better-sqlite3'
import { request } from './http'

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

export function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
	const result = spawnSync(command, args, {
		cwd: options.cwd ?? root,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
	})
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
	}
	return result.stdout
}

/**
 * What the seeded data depends on: a change to any of these seeds again. Not the migrations:
 * the server upgrades a cached database as it would upgrade an operator's.
 */
export function seedFingerprint(today: string) {
	const hash = crypto.createHash('sha256')
	const files = ['db/seed.ts', 'db/seed-scale.ts', 'tests/factories.ts', 'app/utils/rent.ts']
	for (const file of files) {
		if (fs.existsSync(path.join(root, file))) hash.update(fs.readFileSync(path.join(root, file)))
	}
	// the demo is placed relative to today: a new month, a new seed (the month's statements)
	hash.update(today.slice(0, 7))
	return hash.digest('hex').slice(0, 12)
}

/**
 * The database seeded at `scale`, from the cache when the seed has not changed this month.
 * Seeding runs `db:seed -- --scale N` as an operator would.
 */
export function seededDatabase(cacheDir: string, scale: number, today: string) {
	fs.mkdirSync(cacheDir, { recursive: true })
	const file = path.join(cacheDir, `scale-${scale}-${seedFingerprint(today)}.db`)
	if (fs.existsSync(file)) return { file, seededIn: null }
	for (const old of fs.readdirSync(cacheDir)) {
		if (old.startsWith(`scale-${scale}-`)) fs.rmSync(path.join(cacheDir, old), { force: true })
	}
	const temp = path.join(cacheDir, `seeding-${scale}-${process.pid}.db`)
	const started = performance.now()
	console.log(`Seeding scale ${scale} into ${cacheDir} (cached for later runs)…`)
	run(process.execPath, ['--import', 'tsx', 'db/seed.ts', '--scale', String(scale)], {
		env: { ...process.env, DATABASE_PATH: temp, NODE_ENV: 'development' },
	})
	const seededIn = (performance.now() - started) / 1000
	const db = new Database(temp)
	db.pragma('wal_checkpoint(TRUNCATE)')
	db.close()
	for (const suffix of ['-wal', '-shm']) fs.rmSync(temp + suffix, { force: true })
	fs.renameSync(temp, file)
	return { file, seededIn }
}

/** A copy of a cached database to write into (the freeze probe imports 50,000 people). */
export function scratchCopy(file: string, dir: string) {
	const copy = path.join(dir, `scratch-${process.pid}.db`)
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
	fs.copyFileSync(file, copy)
	return copy
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000) {
	const started = performance.now()
	while (performance.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`)
		try {
			const answer = await request(url, { timeoutMs: 5_000 })
			if (answer.status < 500) return
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250))
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

export type Server = {
	url: string
	stop: () => Promise<void>
	output: () => string
	/** every line of the server's output about an import's write (kept whatever the volume) */
	importLines: () => string[]
}

function started(child: ChildProcess, url: string): Server {
	let output = ''
	const importLines: string[] = []
	const take = (c: Buffer) => {
		const text = c.toString()
		output = (output + text).slice(-20_000)
		for (const line of text.split('\n'))
			if (/ import \w+ written: /.test(line)) importLines.push(line)
	}
	child.stdout?.on('data', take)
	child.stderr?.on('data', take)
	return {
		url,
		output: () => output,
		importLines: () => importLines,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve()
				child.once('exit', () => resolve())
				child.kill('SIGTERM')
				setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5_000).unref()
			}),
	}
}

/**
 * The built app (production mode) on a free port, on `databaseFile`; `nodeArgs` go to Node
 * (`--cpu-prof` for bench:profile).
 */
export async function startApp(
	databaseFile: string,
	{ nodeArgs = [] }: { nodeArgs?: string[] } = {},
) {
	const port = await freePort()
	const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server.ts'], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			DATABASE_PATH: databaseFile,
			// the copy taken before an upgrade of a cached database: thrown away
			BACKUP_DIR: path.join(path.dirname(databaseFile), 'backups'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	const server = started(child, `http://127.0.0.1:${port}`)
	try {
		await waitFor(`${server.url}/login`, child)
	} catch (error) {
		console.error(server.output())
		throw error
	}
	return server
}

export function perfRefDir() {
	return path.resolve(root, process.env.PERF_REF_DIR ?? '../shared/perf-ref')
}

/** perf-ref's minimal Remix page over a startups table of `rows` rows (its own build and database). */
export async function startPerfRef(rows: number, dataDir: string) {
	const dir = perfRefDir()
	if (!fs.existsSync(path.join(dir, 'node_modules'))) {
		throw new Error(`${dir} has no node_modules: run \`npm ci\` there once (see its README)`)
	}
	if (!fs.existsSync(path.join(dir, 'build/index.js'))) {
		console.log(`Building perf-ref in ${dir}…`)
		run(path.join(dir, 'node_modules/.bin/remix'), ['build'], { cwd: dir })
	}
	const db = path.join(dataDir, `perf-ref-${rows}.db`)
	if (!fs.existsSync(db)) {
		run(process.execPath, ['make-db.mjs', String(rows)], {
			cwd: dir,
			env: { ...process.env, DB: db },
		})
	}
	const port = await freePort()
	const child = spawn(process.execPath, ['server.mjs'], {
		cwd: dir,
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DB: db },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	const server = started(child, `http://127.0.0.1:${port}`)
	await waitFor(`${server.url}/startups?p=0`, child)
	return server
}
