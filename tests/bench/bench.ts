/**
 * npm run bench — how fast the main pages are at network scale (issue 14).
 *
 * 1. Builds the app (its metafile gives each page's JavaScript weight).
 * 2. Seeds scale 10 and scale 100 with `db:seed -- --scale N`, once: the databases are cached
 *    in BENCH_DIR (default <tmp>/tektos-bench) until the seed, the migrations or the month change.
 * 3. Serves each database with the built app (NODE_ENV=production), signs in over HTTP as the
 *    manager, and for every main page measures the server time one user waits (p50/p95/p99 of
 *    sequential requests) and the requests per second it sustains under BENCH_CONNECTIONS
 *    concurrent users. Right before each page, perf-ref's minimal Remix page (50 rows of a
 *    startups table as big as the seeded one) is measured the same way: the ratio of the two
 *    throughputs is what compares across machines and runs.
 * 4. The freeze probe at the largest scale (tests/bench/freeze.ts).
 * Results go to stdout (a Markdown table, pasted into docs/performance.md) and BENCH_DIR/last.json.
 *
 * Configuration: PERF_REF_DIR (../shared/perf-ref), BENCH_DIR, BENCH_SCALES (10,100),
 * BENCH_SECONDS (5), BENCH_CONNECTIONS (10), BENCH_PAGES (semicolon-separated beginnings of names: `reports;intro`; all by default),
 * BENCH_FREEZE (1; 0 skips the probe), BENCH_BUILD (1; 0 uses the existing build).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { freezeProbe } from './freeze'
import { measureLatency, measureThroughput, request, signIn } from './http'
import { root, run, scratchCopy, seededDatabase, startApp, startPerfRef } from './servers'
import { jsWeights, type Weight } from './weights'

const env = process.env
const scales = (env.BENCH_SCALES ?? '10,100').split(',').map(Number)
const seconds = Number(env.BENCH_SECONDS ?? 5)
const connections = Number(env.BENCH_CONNECTIONS ?? 10)
const cacheDir = path.resolve(env.BENCH_DIR ?? path.join(os.tmpdir(), 'tektos-bench'))
// page names hold commas ("reports, all time"): a page is chosen by the beginning of its name
const onlyPages = env.BENCH_PAGES ? env.BENCH_PAGES.split(';').map((p) => p.trim()) : null

// the calendar day in Calais, as the app's clock has it (the seed places the demo on it)
const { today: calendarToday } = await import('~/utils/clock')
const today = calendarToday()
const lastYear = Number(today.slice(0, 4)) - 1

type Ids = { startupId: number; startups: number; contacts: number; interactions: number }

type PageSpec = {
	name: string
	/** list pages must reach 0.8× perf-ref's throughput */
	list: boolean
	path: (ids: Ids) => string
	/** the route modules of the page, root first (their JavaScript is what the browser loads) */
	routes: string[]
	/** measured signed out (the sign-in page) */
	anonymous?: boolean
}

const app = (route: string) => ['root.tsx', 'routes/_app.tsx', route]

const PAGES: PageSpec[] = [
	// the app's floor: the document, the framework and the server's pipeline, no data
	{
		name: 'sign-in (no data)',
		list: false,
		anonymous: true,
		path: () => '/login',
		routes: ['root.tsx', 'routes/login.tsx'],
	},
	{ name: 'dashboard', list: false, path: () => '/', routes: app('routes/_app._index/route.tsx') },
	{
		name: 'portfolio',
		list: true,
		path: () => '/startups',
		routes: app('routes/_app.startups._index.tsx'),
	},
	{
		name: 'portfolio deep, sorted',
		list: true,
		path: (ids) => `/startups?sort=cohort&dir=desc&page=${Math.ceil((ids.startups / 25) * 0.7)}`,
		routes: app('routes/_app.startups._index.tsx'),
	},
	{
		name: 'startup page',
		list: false,
		path: (ids) => `/startups/${ids.startupId}`,
		routes: app('routes/_app.startups.$startupId/route.tsx'),
	},
	{
		name: 'cohorts',
		list: true,
		path: () => '/cohorts',
		routes: app('routes/_app.cohorts._index.tsx'),
	},
	{
		name: 'mentors',
		list: true,
		path: () => '/mentors',
		routes: app('routes/_app.mentors._index.tsx'),
	},
	{
		name: 'nursery',
		list: true,
		path: () => '/nursery',
		routes: app('routes/_app.nursery._index.tsx'),
	},
	{
		name: 'statements',
		list: true,
		path: () => '/nursery/statements',
		routes: app('routes/_app.nursery.statements._index.tsx'),
	},
	{
		name: 'arrears',
		list: true,
		path: () => '/nursery/arrears',
		routes: app('routes/_app.nursery.arrears.tsx'),
	},
	{
		name: 'funding',
		list: true,
		path: () => '/funding',
		routes: app('routes/_app.funding._index.tsx'),
	},
	{
		name: 'contacts, search',
		list: true,
		path: () => '/contacts?q=martin',
		routes: app('routes/_app.contacts._index.tsx'),
	},
	{
		name: 'introductions',
		list: true,
		path: () => '/introductions',
		routes: app('routes/_app.introductions._index.tsx'),
	},
	{
		name: 'reports, all time',
		list: false,
		path: () => '/reports',
		routes: app('routes/_app.reports._index/route.tsx'),
	},
	{
		name: 'reports, a year',
		list: false,
		path: () => `/reports?year=${lastYear}`,
		routes: app('routes/_app.reports._index/route.tsx'),
	},
	{
		name: 'reports, a quarter',
		list: false,
		path: () => `/reports?quarter=${lastYear}-Q2`,
		routes: app('routes/_app.reports._index/route.tsx'),
	},
]
const pages = PAGES.filter((p) => !onlyPages || onlyPages.some((name) => p.name.startsWith(name)))

function idsOf(file: string): Ids {
	const db = new Database(file, { readonly: true })
	const one = (q: string) => Object.values(db.prepare(q).get() as object)[0] as number
	const ids = {
		// the startup with the longest history: the heaviest startup page
		startupId: one(
			`SELECT startup_id FROM funding_events GROUP BY startup_id ORDER BY count(*) DESC LIMIT 1`,
		),
		startups: one(`SELECT count(*) FROM startups`),
		contacts: one(`SELECT count(*) FROM contacts`),
		interactions: one(`SELECT count(*) FROM interactions`),
	}
	db.close()
	return ids
}

type PageResult = {
	page: string
	list: boolean
	rps: number
	p50: number
	p95: number
	p99: number
	kb: number
	refRps: number
	ratio: number
}

async function benchScale(scale: number) {
	const { file, seededIn } = seededDatabase(cacheDir, scale, today)
	const ids = idsOf(file)
	console.log(
		`\n## scale ${scale}: ${ids.startups} startups, ${ids.contacts} contacts, ${ids.interactions} interactions` +
			(seededIn ? ` (seeded in ${seededIn.toFixed(0)} s)` : ''),
	)
	const ref = await startPerfRef(ids.startups, cacheDir)
	const appServer = await startApp(file).catch(async (error) => {
		await ref.stop()
		throw error
	})
	const results: PageResult[] = []
	try {
		const jar = await signIn(appServer.url)
		const signedIn = { cookie: jar.header() }
		const refUrl = `${ref.url}/startups?p=3`
		for (const page of pages) {
			const url = appServer.url + page.path(ids)
			const headers = page.anonymous ? {} : signedIn
			// warm up both servers (SQLite's page cache, V8's JIT)
			await measureLatency(url, headers, { seconds: 0, minCount: 5 })
			await measureLatency(refUrl, {}, { seconds: 0, minCount: 5 })
			const latency = await measureLatency(url, headers, { seconds })
			const refThroughput = await measureThroughput(refUrl, {}, { seconds, connections })
			const throughput = await measureThroughput(url, headers, { seconds, connections })
			if (throughput.errors) console.warn(`  ${page.name}: ${throughput.errors} failed requests`)
			const raw = await request(url, { headers: { ...headers, 'accept-encoding': 'identity' } })
			const result: PageResult = {
				page: page.name,
				list: page.list,
				rps: throughput.rps,
				p50: latency.p50,
				p95: latency.p95,
				p99: latency.p99,
				kb: raw.body.length / 1024,
				refRps: refThroughput.rps,
				ratio: throughput.rps / refThroughput.rps,
			}
			results.push(result)
			console.log(
				`  ${page.name.padEnd(24)} ${result.rps.toFixed(0).padStart(5)} req/s  ` +
					`p50 ${result.p50.toFixed(1).padStart(7)}  p95 ${result.p95.toFixed(1).padStart(7)}  ` +
					`p99 ${result.p99.toFixed(1).padStart(7)} ms  ${result.kb.toFixed(0).padStart(5)} KB  ` +
					`ref ${result.refRps.toFixed(0).padStart(4)} req/s  ×${result.ratio.toFixed(2)}`,
			)
		}
	} finally {
		await appServer.stop()
		await ref.stop()
	}
	return { scale, ids, results }
}

function markdown(runs: Awaited<ReturnType<typeof benchScale>>[], weights: Map<string, Weight>) {
	const [small, large] = [runs[0]!, runs[runs.length - 1]!]
	const lines = [
		`| page | s${small.scale} req/s | s${small.scale} p50 / p95 / p99 ms | s${large.scale} req/s | s${large.scale} p50 / p95 / p99 ms | s${large.scale} HTML KB | × perf-ref (s${large.scale}) | p95 s${large.scale} / s${small.scale} | JS gzip KB |`,
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	]
	const f = (n: number) => n.toFixed(1)
	for (const r of large.results) {
		const s = small.results.find((x) => x.page === r.page)
		const w = weights.get(r.page)
		lines.push(
			`| ${r.page}${r.list ? ' (list)' : ''} | ${s ? s.rps.toFixed(0) : '—'} | ${s ? `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)}` : '—'} | ${r.rps.toFixed(0)} | ${f(r.p50)} / ${f(r.p95)} / ${f(r.p99)} | ${r.kb.toFixed(0)} | ${r.ratio.toFixed(2)} | ${s ? (r.p95 / s.p95).toFixed(2) : '—'} | ${w ? (w.gzipBytes / 1024).toFixed(0) : '—'} |`,
		)
	}
	const refs = large.results.map((r) => r.refRps)
	lines.push(
		'',
		`perf-ref's 50-row page at scale ${large.scale}: ${Math.min(...refs).toFixed(0)}–${Math.max(...refs).toFixed(0)} req/s over the run.`,
	)
	return lines.join('\n')
}

// ---------------------------------------------------------------- the run

if (env.BENCH_BUILD !== '0') {
	console.log('Building…')
	run('npm', ['run', 'build'])
}
const weightOf = jsWeights(root, env.BUILD_DIR || 'build')
const weights = new Map<string, Weight>()
for (const page of [
	...pages,
	{ name: 'login', list: false, path: () => '/login', routes: ['root.tsx', 'routes/login.tsx'] },
]) {
	weights.set(page.name, weightOf(page.routes))
}
console.log('\nJavaScript on first load (gzip):')
for (const [name, w] of weights) {
	console.log(
		`  ${name.padEnd(24)} ${(w.gzipBytes / 1024).toFixed(1).padStart(6)} KB in ${w.files} files`,
	)
}

const runs = []
for (const scale of scales) runs.push(await benchScale(scale))

let freeze: (Awaited<ReturnType<typeof freezeProbe>> & { serverLog?: string | null }) | null = null
if (env.BENCH_FREEZE !== '0') {
	const scale = Math.max(...scales)
	const { file } = seededDatabase(cacheDir, scale, today)
	const copy = scratchCopy(file, cacheDir)
	console.log(`\n## freeze probe at scale ${scale}`)
	const appServer = await startApp(copy)
	try {
		const jar = await signIn(appServer.url)
		freeze = await freezeProbe({ url: appServer.url, cookieJar: jar, databaseFile: copy, today })
		// the import's own account of its transactions (jobs.server.ts logs one line per import)
		const written = appServer.importLines().at(-1) ?? null
		freeze = { ...freeze, serverLog: written }
		console.log(JSON.stringify(freeze, null, 2))
		if (freeze.failure) console.error(appServer.output().slice(-3000))
	} catch (error) {
		console.error('The freeze probe failed:', error, appServer.output().slice(-3000))
	} finally {
		await appServer.stop()
		for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
	}
}

fs.rmSync(path.join(cacheDir, 'backups'), { recursive: true, force: true })
console.log(`\n${markdown(runs, weights)}`)
fs.writeFileSync(
	path.join(cacheDir, 'last.json'),
	JSON.stringify(
		{ today, seconds, connections, runs, freeze, weights: Object.fromEntries(weights) },
		null,
		2,
	),
)
console.log(`\nAll figures in ${path.join(cacheDir, 'last.json')}`)
