import fs from 'node:fs'
import { createRequire } from 'node:module'
import type * as Router from '@remix-run/router'

/*
 * Issue 14: the server matched every request against all of the app's routes from scratch,
 * four times a page; patches/ (applied by `npm install`, decision 0042) keep each route tree's
 * ranked branches, compiled patterns and each path's matches. These tests check that the
 * patched router is the one installed, and that what it keeps cannot leak from one request
 * into the next.
 */
const require = createRequire(import.meta.url)
// the CommonJS build, the one the server's Remix loads (the browser's is not patched)
const { matchRoutes } = require('@remix-run/router') as typeof Router

test('npm install applied the router patches', () => {
	const patched = {
		'@remix-run/router/dist/router.cjs.js': 'matchesCache',
		'@remix-run/react/dist/server.js': 'serverRoutesCache',
		'react-router-dom/server.js': 'dataRoutesCache',
	}
	for (const [file, marker] of Object.entries(patched)) {
		expect(fs.readFileSync(require.resolve(file), 'utf8'), file).toContain(marker)
	}
})

const routes = [
	{
		id: 'root',
		path: '',
		children: [
			{
				id: 'app',
				children: [
					{
						id: 'startups',
						path: 'startups',
						children: [
							{ id: 'startups-index', index: true },
							{ id: 'startup-new', path: 'new' },
							{ id: 'startup', path: ':startupId' },
						],
					},
					{ id: 'contact', path: 'contacts/:contactId' },
				],
			},
			{ id: 'login', path: 'login' },
		],
	},
]

const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id) ?? null

test('paths match the same routes the first time and every time after', () => {
	for (let round = 0; round < 3; round++) {
		expect(ids('/startups')).toEqual(['root', 'app', 'startups', 'startups-index'])
		expect(ids('/startups/new')).toEqual(['root', 'app', 'startups', 'startup-new'])
		expect(ids('/startups/42')).toEqual(['root', 'app', 'startups', 'startup'])
		expect(ids('/contacts/7')).toEqual(['root', 'app', 'contact'])
		expect(ids('/login')).toEqual(['root', 'login'])
		expect(ids('/nowhere')).toBeNull()
	}
})

test('each caller gets its own matches: changing them does not change the next request', () => {
	const first = matchRoutes(routes, '/startups/42')!
	expect(first.at(-1)!.params).toEqual({ startupId: '42' })
	;(first.at(-1)!.params as Record<string, string>).startupId = '666'
	first.pop()
	const second = matchRoutes(routes, '/startups/42')!
	expect(second).toHaveLength(4)
	expect(second.at(-1)!.params).toEqual({ startupId: '42' })
	expect(matchRoutes(routes, '/startups/43')!.at(-1)!.params).toEqual({ startupId: '43' })
})
