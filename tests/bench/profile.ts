/**
 * npm run bench:profile -- PATH [N] — a CPU profile of the built app serving PATH N times
 * (default 300) to one signed-in manager at scale 100 (the bench's cached database), printed as
 * the functions with the most self time and the files with the most total time.
 * The raw profile stays in BENCH_DIR/profiles/ for Chrome's DevTools. PROFILE_ANONYMOUS=1
 * requests signed out (the sign-in page); PROFILE_TOP sets how many functions are listed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { request, signIn } from './http'
import { root, scratchCopy, seededDatabase, startApp } from './servers'

const target = process.argv[2] ?? '/startups'
const count = Number(process.argv[3] ?? 300)
const scale = Number(process.env.BENCH_SCALE ?? 100)
const cacheDir = path.resolve(process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'tektos-bench'))
const { today } = await import('~/utils/clock')
const database = scratchCopy(seededDatabase(cacheDir, scale, today()).file, cacheDir)
const profiles = path.join(cacheDir, 'profiles')
fs.rmSync(profiles, { recursive: true, force: true })
fs.mkdirSync(profiles, { recursive: true })

const app = await startApp(database, {
	nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
})
const url = app.url
const jar = await signIn(url)
// PROFILE_ANONYMOUS=1: signed out (the sign-in page)
const headers = {
	...(process.env.PROFILE_ANONYMOUS === '1' ? {} : { cookie: jar.header() }),
	'accept-encoding': 'gzip',
}
for (let i = 0; i < 20; i++) await request(url + target, { headers })
const started = performance.now()
for (let i = 0; i < count; i++) {
	const answer = await request(url + target, { headers })
	if (answer.status !== 200) throw new Error(`${target} answered ${answer.status}`)
}
const ms = (performance.now() - started) / count
// a clean exit writes the profile
await app.stop()
fs.rmSync(database, { force: true })
const file = fs.readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'))
if (!file) throw new Error('no profile written')

type Node = {
	id: number
	callFrame: { functionName: string; url: string; lineNumber: number }
	children?: number[]
}
const profile = JSON.parse(fs.readFileSync(path.join(profiles, file), 'utf8')) as {
	nodes: Node[]
	samples: number[]
	timeDeltas: number[]
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const self = new Map<string, number>()
const total = new Map<string, number>()
const short = (u: string) =>
	u
		.replace(/^file:\/\//, '')
		.replace(root + '/', '')
		.replace(/.*node_modules\//, 'nm:')
const stackOf = (id: number) => {
	const stack: Node[] = []
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
		stack.push(byId.get(cur)!)
	return stack
}
const inclusive = new Map<string, number>()
let all = 0
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i] ?? 0
	const n = byId.get(id)!
	const stack = stackOf(id)
	// the server's start (loading modules) and idle time are not what a request costs
	if (n.callFrame.functionName === '(idle)') return
	if (stack.some((s) => s.callFrame.url.startsWith('node:internal/modules'))) return
	all += dt
	const names = new Set<string>()
	for (const s of stack) {
		const key = `${s.callFrame.functionName || '(anon)'} ${short(s.callFrame.url)}:${s.callFrame.lineNumber + 1}`
		if (names.has(key)) continue
		names.add(key)
		inclusive.set(key, (inclusive.get(key) ?? 0) + dt)
	}
	const key = `${n.callFrame.functionName || '(anon)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
	self.set(key, (self.get(key) ?? 0) + dt)
	const seen = new Set<string>()
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const u = short(byId.get(cur)!.callFrame.url)
		const f = u.startsWith('nm:')
			? u
					.split('/')
					.slice(0, u.startsWith('nm:@') ? 2 : 1)
					.join('/')
			: u
		if (seen.has(f)) continue
		seen.add(f)
		total.set(f, (total.get(f) ?? 0) + dt)
	}
})
const show = (m: Map<string, number>, n: number) =>
	[...m]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([k, v]) => `${((v / all) * 100).toFixed(1).padStart(5)}%  ${k}`)
		.join('\n')
console.log(`${target}: ${ms.toFixed(1)} ms a request (sequential, profiler on)\n`)
console.log('self time:\n' + show(self, 40))
console.log('\ntotal time by file or package:\n' + show(total, 40))
console.log(
	'\ninclusive time by function:\n' + show(inclusive, Number(process.env.PROFILE_TOP ?? 80)),
)
