/*
 * The production server (and `npm start`'s demo): checks and migrates the database, seeds the
 * demo outside production, then serves the Remix build through server/app.ts. Deploying and
 * running it: docs/operations.md.
 *
 *   NODE_ENV=production npm run serve            refuses to create a database that is not there
 *   NODE_ENV=production npm run serve -- --init  creates it (or DB_INIT=1)
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { IMPORT_MAX_BYTES } from '~/models/import/read.server'
import { getUser } from '~/utils/auth.server'
import { isProduction } from '~/utils/env.server'
import { PUBLIC_FORM_MAX_BYTES } from '~/utils/uploads.server'
import { explainStartupFailure, startServer } from './server/start'

const root = path.dirname(fileURLToPath(import.meta.url))
// room for the multipart envelope and the form's other fields around the file
const ENVELOPE = 256 * 1024

try {
	await startServer({
		publicDir: path.join(root, 'public'),
		loadHandler: async () => {
			const out = process.env.BUILD_DIR || 'build'
			const build = (await import(path.join(root, out, 'index.js'))) as ServerBuild
			return createRequestHandler(build, isProduction() ? 'production' : 'development')
		},
		limits: {
			uploads: [
				// the import pages: /import/contacts, /import/startups, /import/funding, /import/kpis
				{ path: /^\/import\/[a-z]+$/, bytes: IMPORT_MAX_BYTES + ENVELOPE },
				// an application's PDF (the route counts the bytes again as they stream)
				{ path: /^\/application\/[^/]+$/, bytes: PUBLIC_FORM_MAX_BYTES + ENVELOPE },
			],
		},
		userIdOf: async (request) => (await getUser(request))?.id ?? null,
		// the demo seed (and the test factories it is built with) is loaded only when an empty
		// database outside production needs it: a production server never has that code in memory
		seedDemo: async () => {
			const { formatDemoLogins, seedDemo } = await import('#db/seed')
			console.log('Empty database: adding the TEKTOS demo data…')
			seedDemo({})
			console.log(formatDemoLogins())
		},
	})
} catch (error) {
	const line = explainStartupFailure(error)
	if (!line) throw error
	console.error(line)
	process.exit(1)
}
