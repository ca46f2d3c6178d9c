/*
 * A small load generator (autocannon's logic, in-process): keep-alive connections that each
 * send the next request as soon as the previous answer has arrived, for a fixed time.
 * Latencies are measured from the first byte written to the last byte read.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import zlib from 'node:zlib'

export type Answer = {
	status: number
	headers: http.IncomingHttpHeaders
	/** the body as the app wrote it (decompressed) */
	body: Buffer
	/** bytes on the wire (gzip when the server compressed) */
	wireBytes: number
	ms: number
}

export type RequestOptions = {
	method?: 'GET' | 'POST'
	headers?: Record<string, string>
	body?: string | Buffer
	agent?: http.Agent
	timeoutMs?: number
}

export function request(url: string, options: RequestOptions = {}): Promise<Answer> {
	const { method = 'GET', headers = {}, body, agent, timeoutMs = 120_000 } = options
	return new Promise((resolve, reject) => {
		const started = performance.now()
		const req = http.request(
			url,
			{
				method,
				agent,
				headers: {
					'accept-encoding': 'gzip',
					...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
					...headers,
				},
			},
			(res) => {
				const chunks: Buffer[] = []
				res.on('data', (c: Buffer) => chunks.push(c))
				res.on('end', () => {
					const ms = performance.now() - started
					const raw = Buffer.concat(chunks)
					const gzip = res.headers['content-encoding'] === 'gzip'
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: gzip ? zlib.gunzipSync(raw) : raw,
						wireBytes: raw.length,
						ms,
					})
				})
				res.on('error', reject)
			},
		)
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)))
		req.on('error', reject)
		if (body) req.write(body)
		req.end()
	})
}

export function percentile(sorted: number[], p: number) {
	if (sorted.length === 0) return NaN
	const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
	return sorted[Math.max(0, i)]!
}

export type LatencyStats = { count: number; p50: number; p95: number; p99: number; max: number }

export function stats(latencies: number[]): LatencyStats {
	const sorted = [...latencies].sort((a, b) => a - b)
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted[sorted.length - 1] ?? NaN,
	}
}

/**
 * One client, one request at a time: what a user waits for when the server has nothing else
 * to do (the "server time" of the table). Runs for `seconds`, at least `minCount` requests.
 */
export async function measureLatency(
	url: string,
	headers: Record<string, string>,
	{
		seconds,
		minCount = 20,
		maxCount = 400,
	}: { seconds: number; minCount?: number; maxCount?: number },
) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
	const latencies: number[] = []
	let bytes = 0
	const started = performance.now()
	const until = started + seconds * 1000
	// a page of several seconds still gets a few samples, without taking all day
	const giveUp = started + Math.max(seconds, 5) * 4000
	try {
		while (
			latencies.length < maxCount &&
			(performance.now() < until || latencies.length < minCount) &&
			(performance.now() < giveUp || latencies.length < 3)
		) {
			const answer = await request(url, { headers, agent })
			if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`)
			latencies.push(answer.ms)
			bytes = answer.body.length
		}
	} finally {
		agent.destroy()
	}
	return { ...stats(latencies), bytes }
}

/** `connections` clients in parallel for `seconds`: requests per second the server sustains. */
export async function measureThroughput(
	url: string,
	headers: Record<string, string>,
	{ seconds, connections }: { seconds: number; connections: number },
) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
	let done = 0
	let errors = 0
	const started = performance.now()
	const until = started + seconds * 1000
	const latencies: number[] = []
	const client = async () => {
		while (performance.now() < until) {
			try {
				const answer = await request(url, { headers, agent })
				if (answer.status === 200) {
					done++
					latencies.push(answer.ms)
				} else errors++
			} catch {
				errors++
			}
		}
	}
	await Promise.all(Array.from({ length: connections }, client))
	const elapsed = (performance.now() - started) / 1000
	agent.destroy()
	return { rps: done / elapsed, errors, ...stats(latencies) }
}

/** Cookies of a signed-in browser, kept from one answer to the next. */
export class CookieJar {
	private cookies = new Map<string, string>()

	take(answer: Answer) {
		const set = answer.headers['set-cookie'] ?? []
		for (const line of set) {
			const [pair] = line.split(';')
			const eq = pair!.indexOf('=')
			const name = pair!.slice(0, eq).trim()
			const value = pair!.slice(eq + 1).trim()
			if (/expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) {
				this.cookies.delete(name)
			} else this.cookies.set(name, value)
		}
	}

	header() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
	}
}

/** The hidden inputs of a page's forms (a one-time form token, a CSRF field…), by name. */
export function hiddenInputs(html: string) {
	const fields = new Map<string, string>()
	for (const tag of html.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
		const name = /name="([^"]*)"/.exec(tag)?.[1]
		const value = /value="([^"]*)"/.exec(tag)?.[1] ?? ''
		if (name) fields.set(name, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))
	}
	return fields
}

/** Fields a form must send back besides its own: anything that looks like an anti-forgery token. */
export function tokenFields(html: string) {
	return [...hiddenInputs(html)].filter(([name]) => /token|csrf|nonce/i.test(name))
}

export function form(fields: Iterable<[string, string]>) {
	return new URLSearchParams([...fields]).toString()
}

/** Signs in as the demo's manager the way a browser does (the sign-in form and its token). */
export async function signIn(url: string) {
	const jar = new CookieJar()
	const page = await request(`${url}/login`)
	jar.take(page)
	const answer = await request(`${url}/login`, {
		method: 'POST',
		headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
		body: form([
			['email', 'manager@tektos.example'],
			['password', 'tektos-demo'],
			['redirectTo', '/'],
			...tokenFields(page.body.toString('utf8')),
		]),
	})
	jar.take(answer)
	if (answer.status !== 302 && answer.status !== 303) {
		throw new Error(`Sign-in answered ${answer.status}: ${answer.body.toString().slice(0, 300)}`)
	}
	return jar
}
