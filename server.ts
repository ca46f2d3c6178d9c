import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { MigrationError, migrateDatabase } from '#db/migrate'
import { getDb } from '~/utils/db.server'
import { getDatabasePath, getEnv } from '~/utils/env.server'

const env = getEnv()
const root = path.dirname(fileURLToPath(import.meta.url))

// Migrations run here, once, before the server listens; a failed one leaves the database as it
// was and stops the server with the reason.
try {
	migrateDatabase(getDb(), { log: (line) => console.log(line) })
} catch (error) {
	if (!(error instanceof MigrationError)) throw error
	console.error(`Not started: ${error.message}`)
	process.exit(1)
}
// The demo seed (and the test factories it is built with) is loaded only outside production,
// and only when it is needed: a production server never has that code in memory.
if (env.NODE_ENV !== 'production') {
	const { formatDemoLogins, isDatabaseEmpty, seedDemo } = await import('#db/seed')
	if (isDatabaseEmpty()) {
		console.log('Empty database: adding the TEKTOS demo data…')
		seedDemo({})
		console.log(formatDemoLogins())
	}
}

const out = process.env.BUILD_DIR || 'build'
const build = (await import(path.join(root, out, 'index.js'))) as ServerBuild

const app = express()
app.disable('x-powered-by')
// behind a reverse proxy, TRUST_PROXY=1 makes req.ip the client's address for sign-in throttling
if (process.env.TRUST_PROXY) app.set('trust proxy', Number(process.env.TRUST_PROXY) || true)
app.use(compression())
app.use((_req, res, next) => {
	res.set('X-Content-Type-Options', 'nosniff')
	res.set('Referrer-Policy', 'same-origin')
	res.set('X-Frame-Options', 'DENY')
	next()
})
app.use(
	'/build',
	express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }),
)
app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))
app.all(
	'*',
	createRequestHandler({
		build,
		mode: env.NODE_ENV === 'production' ? 'production' : 'development',
		getLoadContext: (req) => ({ ipAddress: req.ip }),
	}),
)

const server = app.listen(env.PORT, () => {
	console.log(`TEKTOS CRM on http://localhost:${env.PORT} (database ${getDatabasePath()})`)
})

function shutdown() {
	server.close(() => {
		getDb().$client.close()
		process.exit(0)
	})
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
