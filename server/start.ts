/**
 * Start-up and shutdown (issue 11 §2): what runs before the server listens, and what happens
 * when it is told to stop. server.ts calls it with the Remix build; tests with a stand-in.
 *
 * Every way start-up can fail on the operator's side (environment, database path, permissions,
 * a migration, the port) ends in one line that names the cause, and exit status 1.
 */
import fs from 'node:fs'
import type { Server } from 'node:http'
import { MigrationError, migrateDatabase, readMigrations } from '#db/migrate'
import { now } from '~/utils/clock'
import {
	DatabaseUnavailableError,
	type Db,
	getDb,
	openCheckedDatabase,
	writeProblem,
} from '~/utils/db.server'
import { getDatabasePath, getEnv } from '~/utils/env.server'
import { createApp, type Health, type RemixHandler } from './app'
import { removePidFile, writePidFile } from './pid-file'

export class StartupError extends Error {
	override name = 'StartupError'
}

export type StartOptions = {
	/** the Remix request handler, loaded once the database is ready */
	loadHandler: () => Promise<RemixHandler>
	argv?: readonly string[]
	publicDir?: string
	/** outside production, fills a database without users after migrating (the demo) */
	seedDemo?: (db: Db) => void | Promise<void>
	log?: (line: string) => void
	/** how long shutdown waits for requests in flight before closing their connections */
	drainMs?: number
	limits?: Parameters<typeof createApp>[0]['limits']
	userIdOf?: Parameters<typeof createApp>[0]['userIdOf']
	exit?: (code: number) => void
}

function stamp(line: string) {
	return `${now().toISOString()} ${line}`
}

export async function startServer(options: StartOptions): Promise<Server> {
	const log = options.log ?? ((line: string) => console.log(stamp(line)))
	const argv = options.argv ?? process.argv.slice(2)
	const exit = options.exit ?? ((code: number) => process.exit(code))

	let env: ReturnType<typeof getEnv>
	try {
		env = getEnv()
	} catch (error) {
		throw new StartupError((error as Error).message.replace(/:\n/, ': ').replace(/\n/g, '; '))
	}
	const production = env.NODE_ENV === 'production'
	const file = getDatabasePath()
	const allowCreate = !production || argv.includes('--init') || env.DB_INIT === '1'

	const db = openCheckedDatabase({ file, allowCreate })
	const opened = fs.statSync(file)
	migrateDatabase(db, { log })
	if (!db.$client.prepare('SELECT 1 FROM users LIMIT 1').get()) {
		if (!production && options.seedDemo) await options.seedDemo(db)
		else
			log(
				'No one can sign in yet: create the first manager with `npm run user:create -- --role manager --email …`',
			)
	}
	const latestMigration = Math.max(...readMigrations().map((m) => m.when))

	function health(): Health {
		try {
			const sqlite = getDb().$client
			let stat: fs.Stats
			try {
				stat = fs.statSync(file)
			} catch {
				return { ok: false, problem: 'the database file is gone' }
			}
			if (stat.ino !== opened.ino || stat.dev !== opened.dev) {
				return { ok: false, problem: 'the database file was replaced: restart the server' }
			}
			const last = sqlite
				.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations')
				.get() as { at: number | null }
			if (Number(last.at) !== latestMigration) {
				return { ok: false, problem: 'the database schema does not match this version' }
			}
			try {
				fs.accessSync(file, fs.constants.W_OK)
			} catch (error) {
				return {
					ok: false,
					problem: `the database is not writable (${(error as NodeJS.ErrnoException).code})`,
				}
			}
			const problem = writeProblem(sqlite, { wait: false })
			return problem
				? { ok: false, problem: `the database is not writable: ${problem}` }
				: { ok: true }
		} catch (error) {
			return { ok: false, problem: `the database does not answer: ${(error as Error).message}` }
		}
	}

	const handler = await options.loadHandler()
	let created: ReturnType<typeof createApp>
	try {
		created = createApp({
			handler,
			production,
			publicDir: options.publicDir,
			trustProxy: env.TRUST_PROXY,
			health,
			limits: options.limits,
			userIdOf: options.userIdOf,
		})
	} catch (error) {
		throw new StartupError(`TRUST_PROXY=${env.TRUST_PROXY}: ${(error as Error).message}`)
	}
	const { app, state } = created

	const server = await new Promise<Server>((resolve, reject) => {
		const listening = app.listen(env.PORT)
		listening.once('listening', () => resolve(listening))
		listening.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				new StartupError(
					error.code === 'EADDRINUSE'
						? `Port ${env.PORT} is already in use (PORT): is another server running?`
						: `Cannot listen on port ${env.PORT}: ${error.message}`,
				),
			),
		)
	})
	writePidFile(file)
	log(
		`TEKTOS CRM on http://localhost:${env.PORT} (database ${file}, ${production ? 'production' : env.NODE_ENV})`,
	)

	function shutdown(signal: string) {
		if (state.shuttingDown) return
		state.shuttingDown = true
		log(`${signal}: finishing ${state.inFlight} request(s) in flight, then closing the database`)
		const force = setTimeout(() => {
			log(`Requests still open after ${options.drainMs ?? 10_000} ms: closing their connections`)
			server.closeAllConnections()
		}, options.drainMs ?? 10_000)
		force.unref()
		server.close(() => {
			clearTimeout(force)
			try {
				const sqlite = getDb().$client
				// the WAL folded into the database file, so a copy of tektos.db alone is complete
				sqlite.pragma('wal_checkpoint(TRUNCATE)')
				sqlite.close()
				globalThis.__tektosDb = undefined
			} catch (error) {
				log(`Closing the database: ${(error as Error).message}`)
			}
			removePidFile(file)
			log('Stopped')
			exit(0)
		})
		server.closeIdleConnections()
	}
	process.once('SIGTERM', () => shutdown('SIGTERM'))
	process.once('SIGINT', () => shutdown('SIGINT'))
	return server
}

/** One line for the operator when start-up fails for a reason outside the code. */
export function explainStartupFailure(error: unknown): string | null {
	if (
		error instanceof StartupError ||
		error instanceof DatabaseUnavailableError ||
		error instanceof MigrationError
	) {
		return `Not started: ${error.message}`
	}
	return null
}
