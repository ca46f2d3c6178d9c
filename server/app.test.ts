import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AppLoadContext } from '@remix-run/node'
import { FORM_KEY_SEPARATOR, FORM_TOKEN_FIELD } from '~/utils/form-token'
import { issueFormToken } from '~/utils/form-token.server'
import { resources } from '~/utils/i18n-resources.server'
import { type AppOptions, createApp, type Health } from './app'

/*
 * The request pipeline in front of Remix (issue 11 §3 items 4, 5, 7, 8, 9), with a stand-in for
 * Remix that records what reached it. The browser journeys (tests/e2e/operations.e2e.ts) run
 * the same pipeline with the real app.
 */

type Seen = { request: Request; context: AppLoadContext; body: string }

async function serve(
	options: Partial<AppOptions> & { respond?: (seen: Seen) => Promise<Response> | Response } = {},
) {
	const seen: Seen[] = []
	const lines: string[] = []
	const { respond, ...rest } = options
	const { app, state } = createApp({
		production: false,
		health: () => ({ ok: true }),
		log: (line) => lines.push(line),
		userIdOf: async (request) => {
			const match = /user=(\d+)/.exec(request.headers.get('cookie') ?? '')
			return match ? Number(match[1]) : null
		},
		handler: async (request, context) => {
			const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
			const entry = { request, context, body }
			seen.push(entry)
			return respond
				? respond(entry)
				: new Response(`<html>ok ${seen.length}</html>`, {
						headers: { 'Content-Type': 'text/html' },
					})
		},
		...rest,
	})
	const server = await new Promise<http.Server>((resolve) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s))
	})
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	onTestFinished(
		() =>
			new Promise<void>((resolve) => {
				server.close(() => resolve())
				server.closeAllConnections()
			}),
	)
	return { base, seen, lines, state }
}

const form = (fields: Record<string, string>) => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString(),
})

const tokenFor = (formKey = ':r1:') => `${issueFormToken()}${FORM_KEY_SEPARATOR}${formKey}`

/** A raw request, for bodies fetch() will not send (a declared length, a chunked stream…). */
function raw(
	base: string,
	{
		path = '/',
		method = 'POST',
		headers = {},
		chunks = [] as Buffer[],
	}: {
		path?: string
		method?: string
		headers?: Record<string, string>
		chunks?: Buffer[]
	},
) {
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
		(resolve, reject) => {
			const request = http.request(`${base}${path}`, { method, headers }, (res) => {
				let body = ''
				res.setEncoding('utf8')
				res.on('data', (c: string) => (body += c))
				res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
			})
			request.on('error', reject)
			let i = 0
			const next = () => {
				if (i >= chunks.length) return request.end()
				const ok = request.write(chunks[i++]!)
				if (ok) setImmediate(next)
				else request.once('drain', next)
			}
			next()
		},
	)
}

describe('what every response carries', () => {
	test('a Content-Security-Policy whose nonce is new for each request and reaches the render', async () => {
		const { base, seen } = await serve()
		const first = await fetch(`${base}/startups`)
		const second = await fetch(`${base}/startups`)
		const nonceOf = (res: Response) =>
			/script-src 'self' 'nonce-([^']+)'/.exec(
				res.headers.get('Content-Security-Policy') ?? '',
			)?.[1]
		expect(nonceOf(first)).toMatch(/^[\w+/=]{20,}$/)
		expect(nonceOf(second)).not.toBe(nonceOf(first))
		expect(seen.map((s) => s.context.cspNonce)).toEqual([nonceOf(first), nonceOf(second)])
		const csp = first.headers.get('Content-Security-Policy')!
		expect(csp).toContain("frame-ancestors 'none'")
		expect(csp).toContain("object-src 'none'")
		expect(csp).not.toContain('unsafe-eval')
		expect(first.headers.get('Permissions-Policy')).toContain('camera=()')
		expect(first.headers.get('X-Content-Type-Options')).toBe('nosniff')
	})

	test('HSTS in production only', async () => {
		const dev = await serve()
		expect((await fetch(`${dev.base}/`)).headers.get('Strict-Transport-Security')).toBeNull()
		const prod = await serve({ production: true })
		expect((await fetch(`${prod.base}/`)).headers.get('Strict-Transport-Security')).toMatch(
			/max-age=\d{7,}/,
		)
	})

	test('pages and .data answers are never stored, whatever the route said', async () => {
		const { base } = await serve({
			respond: ({ request }) =>
				new URL(request.url).pathname.endsWith('.data')
					? new Response('data', { headers: { 'Cache-Control': 'public, max-age=600' } })
					: new URL(request.url).pathname.endsWith('.csv')
						? new Response('a;b', { headers: { 'Content-Type': 'text/csv' } })
						: new Response('<p>x</p>', {
								headers: { 'Content-Type': 'text/html', 'Cache-Control': 'max-age=60' },
							}),
		})
		for (const path of ['/startups', '/startups.data', '/_root.data', '/contacts/export.csv']) {
			const res = await fetch(`${base}${path}`, { headers: { Cookie: 'user=3' } })
			expect([path, res.headers.get('Cache-Control')]).toEqual([path, 'private, no-store'])
		}
	})
})

describe('submissions that are not what the app sends', () => {
	test.each([
		['JSON', 415, 'application/json', '{"email":"a@b.c"}'],
		['plain text', 415, 'text/plain', 'email=a@b.c'],
		['XML', 415, 'application/xml', '<a/>'],
		['no content type', 415, '', ''],
		['multipart without a boundary', 400, 'multipart/form-data', 'x'],
		['damaged multipart', 400, 'multipart/form-data; boundary=xyz', '--xyz\r\nbroken'],
	])('%s → %i, Remix never reached, no stack trace', async (_label, status, type, body) => {
		for (const production of [false, true]) {
			const { base, seen } = await serve({ production })
			const res = await fetch(`${base}/login`, {
				method: 'POST',
				headers: type ? { 'Content-Type': type } : {},
				body,
			})
			expect(res.status).toBe(status)
			const text = await res.text()
			expect(text).not.toMatch(/\bat \S+ \(|TypeError|Error:|node_modules/)
			expect(text).toContain(res.headers.get('X-Request-Id')!)
			expect(seen).toEqual([])
		}
	})

	test('a POST from another site is refused with 403, before Remix', async () => {
		const { base, seen, lines } = await serve()
		const fields = { [FORM_TOKEN_FIELD]: tokenFor(), amount: '10' }
		for (const headers of [
			{ Origin: 'https://evil.example' } as Record<string, string>,
			{ Origin: 'null' },
			{ 'Sec-Fetch-Site': 'cross-site' },
			{ Origin: `${base.replace('127.0.0.1', 'localhost')}` },
		]) {
			const res = await fetch(`${base}/nursery/statements/1`, {
				...form(fields),
				headers: { ...form(fields).headers, ...headers },
			})
			expect(res.status).toBe(403)
			expect(await res.text()).toContain(resources.fr.common.server.crossSite.title)
		}
		expect(seen).toEqual([])
		await vi.waitFor(() => expect(lines).toHaveLength(4))
		expect(lines.at(-1)).toMatch(/ 403 .* cross-site$/)
		// the same origin goes through
		const ok = await fetch(`${base}/nursery/statements/1`, {
			...form(fields),
			headers: { ...form(fields).headers, Origin: base },
		})
		expect(ok.status).toBe(200)
	})

	test('behind a proxy, X-Forwarded-Host and X-Forwarded-For count only from the configured proxy', async () => {
		const behindProxy = await serve({ trustProxy: 'loopback' })
		const headers = {
			...form({}).headers,
			Origin: 'https://crm.tektos.fr',
			'X-Forwarded-Host': 'crm.tektos.fr',
			'X-Forwarded-For': '203.0.113.9',
			'X-Forwarded-Proto': 'https',
		}
		const proxied = await fetch(`${behindProxy.base}/login`, {
			method: 'POST',
			headers,
			body: new URLSearchParams({ [FORM_TOKEN_FIELD]: tokenFor() }).toString(),
		})
		expect(proxied.status).toBe(200)
		expect(behindProxy.seen[0]!.request.url).toBe('https://crm.tektos.fr/login')
		expect(behindProxy.seen[0]!.context.ipAddress).toBe('203.0.113.9')

		// the same headers from a client that is not the proxy: believed neither for the origin nor the address
		const direct = await serve({ trustProxy: '10.0.0.2' })
		const spoofed = await fetch(`${direct.base}/login`, {
			method: 'POST',
			headers,
			body: new URLSearchParams({ [FORM_TOKEN_FIELD]: tokenFor() }).toString(),
		})
		expect(spoofed.status).toBe(403)
		await fetch(`${direct.base}/`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })
		expect(direct.seen[0]!.context.ipAddress).toBe('127.0.0.1')
	})

	test('a method forms never use is refused, not passed on', async () => {
		const { base, seen } = await serve()
		expect((await fetch(`${base}/login`, { method: 'OPTIONS' })).status).toBe(405)
		expect(seen).toEqual([])
	})
})

describe('body size limits, before anything is parsed', () => {
	test('a form larger than 1 MB gets 413 without being read', async () => {
		const { base, seen } = await serve()
		const declared = await raw(base, {
			path: '/login',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				'Content-Length': String(200 * 1024 * 1024),
			},
			chunks: [Buffer.from('email=')],
		})
		expect(declared.status).toBe(413)
		expect(declared.headers.connection).toBe('close')
		expect(declared.body).toContain('1 MB')
		expect(seen).toEqual([])
	})

	test('a streamed body is cut off as soon as it passes the limit', async () => {
		const { base, seen } = await serve({ limits: { formBytes: 64 * 1024 } })
		const chunk = Buffer.alloc(16 * 1024, 'a')
		const res = await raw(base, {
			path: '/login',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				'Transfer-Encoding': 'chunked',
			},
			chunks: Array.from({ length: 10 }, () => chunk),
		})
		expect(res.status).toBe(413)
		expect(res.body).toContain('64 KB')
		expect(seen).toEqual([])
	})

	test('an upload page takes files up to its own limit, other pages do not', async () => {
		const { base, seen } = await serve({
			limits: { formBytes: 64 * 1024, uploads: [{ path: '/contacts/import', bytes: 512 * 1024 }] },
		})
		const upload = () => {
			const body = new FormData()
			body.set(FORM_TOKEN_FIELD, tokenFor(`:u${seen.length}:`))
			body.set('file', new Blob([Buffer.alloc(200 * 1024, 'x')]), 'contacts.csv')
			return body
		}
		expect(
			(await fetch(`${base}/contacts/import`, { method: 'POST', body: upload() })).status,
		).toBe(200)
		expect(
			(await fetch(`${base}/contacts/import.data`, { method: 'POST', body: upload() })).status,
		).toBe(200)
		expect((await fetch(`${base}/startups/new`, { method: 'POST', body: upload() })).status).toBe(
			413,
		)
		expect(seen).toHaveLength(2)
		// what reached Remix is the form as sent
		expect(seen[0]!.body).toContain('filename="contacts.csv"')
	})
})

describe('one-time form tokens', () => {
	test('a POST without a valid token is refused and changes nothing', async () => {
		const { base, seen, lines } = await serve()
		const forged = `${issueFormToken().replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAA')}~:r1:`
		for (const fields of [
			{} as Record<string, string>,
			{ [FORM_TOKEN_FIELD]: 'made-up' },
			{ [FORM_TOKEN_FIELD]: forged },
		]) {
			const res = await fetch(`${base}/nursery/statements/1`, form({ ...fields, amount: '10' }))
			expect(res.status).toBe(400)
			expect(await res.text()).toContain(resources.fr.common.server.formExpired.title)
		}
		expect(seen).toEqual([])
		await vi.waitFor(() => expect(lines).toHaveLength(3))
		expect(lines.at(-1)).toMatch(/form-token-invalid$/)
	})

	test('the same submission twice runs once; the second gets the first one’s response', async () => {
		let payments = 0
		const { base, seen, lines } = await serve({
			respond: () =>
				new Response(null, {
					status: 303,
					headers: {
						Location: `/nursery/statements/1?payment=${++payments}`,
						'Set-Cookie': 'tektos_toast=paid; Path=/',
					},
				}),
		})
		const fields = { [FORM_TOKEN_FIELD]: tokenFor(), intent: 'payment', amount: '10.00' }
		const send = () =>
			fetch(`${base}/nursery/statements/1`, {
				...form(fields),
				headers: { ...form(fields).headers, Cookie: 'user=1' },
				redirect: 'manual',
			})
		const first = await send()
		const again = await Promise.all([send(), send(), send(), send()])
		expect(payments).toBe(1)
		expect(seen).toHaveLength(1)
		for (const res of [first, ...again]) {
			expect(res.status).toBe(303)
			expect(res.headers.get('Location')).toBe('/nursery/statements/1?payment=1')
			expect(res.headers.get('Set-Cookie')).toContain('tektos_toast=paid')
		}
		await vi.waitFor(() => expect(lines.filter((l) => l.endsWith(' replay'))).toHaveLength(4))

		// the page's next token (Remix reloads it after a submission): a second €10 payment is recorded
		const next = { ...fields, [FORM_TOKEN_FIELD]: tokenFor() }
		const second = await fetch(`${base}/nursery/statements/1`, {
			...form(next),
			headers: { ...form(next).headers, Cookie: 'user=1' },
			redirect: 'manual',
		})
		expect(second.headers.get('Location')).toBe('/nursery/statements/1?payment=2')
		expect(payments).toBe(2)
	})

	test('two submissions at once: the second waits for the first and gets its answer', async () => {
		let release!: () => void
		const gate = new Promise<void>((resolve) => (release = resolve))
		let runs = 0
		const { base } = await serve({
			respond: async () => {
				runs++
				await gate
				return new Response('<p>recorded</p>', { headers: { 'Content-Type': 'text/html' } })
			},
		})
		const fields = { [FORM_TOKEN_FIELD]: tokenFor() }
		const a = fetch(`${base}/x`, form(fields))
		const b = fetch(`${base}/x`, form(fields))
		await new Promise((resolve) => setTimeout(resolve, 50))
		release()
		const [ra, rb] = await Promise.all([a, b])
		expect(runs).toBe(1)
		expect(await ra.text()).toBe('<p>recorded</p>')
		expect(await rb.text()).toBe('<p>recorded</p>')
	})

	test('a replayed page comes with the nonce its scripts carry', async () => {
		const { base } = await serve({
			respond: ({ context }) =>
				new Response(`<script nonce="${context.cspNonce}"></script>`, {
					headers: { 'Content-Type': 'text/html' },
				}),
		})
		const fields = { [FORM_TOKEN_FIELD]: tokenFor() }
		await fetch(`${base}/x`, form(fields))
		const replay = await fetch(`${base}/x`, form(fields))
		const nonce = /nonce="([^"]+)"/.exec(await replay.text())![1]!
		expect(replay.headers.get('Content-Security-Policy')).toContain(`'nonce-${nonce}'`)
	})

	test('a rejected submission (400: fields to correct) leaves its token usable', async () => {
		let attempt = 0
		const { base } = await serve({
			respond: () => new Response('errors', { status: ++attempt === 1 ? 400 : 200 }),
		})
		const fields = { [FORM_TOKEN_FIELD]: tokenFor() }
		expect((await fetch(`${base}/x`, form(fields))).status).toBe(400)
		expect((await fetch(`${base}/x`, form(fields))).status).toBe(200)
		expect((await fetch(`${base}/x`, form(fields))).status).toBe(200)
		expect(attempt).toBe(2)
	})

	test('two forms of one page keep apart, and one user’s token is not another’s', async () => {
		const { base, seen } = await serve()
		const page = issueFormToken()
		await fetch(`${base}/x`, form({ [FORM_TOKEN_FIELD]: `${page}~:r1:` }))
		await fetch(`${base}/x`, form({ [FORM_TOKEN_FIELD]: `${page}~:r2:` }))
		const other = { [FORM_TOKEN_FIELD]: `${page}~:r1:` }
		await fetch(`${base}/x`, {
			...form(other),
			headers: { ...form(other).headers, Cookie: 'user=7' },
		})
		expect(seen).toHaveLength(3)
	})
})

describe('logs and errors', () => {
	test('one line per request: time, method, path without its query, status, duration, user, request id', async () => {
		const { base, lines } = await serve()
		const res = await fetch(`${base}/contacts?q=Harriet%20Collins`, {
			headers: { Cookie: 'user=42' },
		})
		await res.text()
		// written once the response has left, which may be just after the client has it
		await vi.waitFor(() => expect(lines).toHaveLength(1))
		expect(lines[0]).toMatch(
			new RegExp(
				`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z GET /contacts 200 \\d+ms user=42 req=${res.headers.get('X-Request-Id')}$`,
			),
		)
		expect(lines[0]).not.toContain('Harriet')
	})

	test('an unexpected error: a 500 page with the reference of its log line, no stack trace', async () => {
		const errors: unknown[][] = []
		vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args))
		const { base, lines } = await serve({
			production: true,
			respond: () => {
				throw new Error('database exploded at /srv/tektos/app.ts:12')
			},
		})
		const res = await fetch(`${base}/startups`)
		const id = res.headers.get('X-Request-Id')!
		const text = await res.text()
		expect(res.status).toBe(500)
		expect(text).toContain(`Référence\u202f: ${id}`)
		expect(text).not.toContain('exploded')
		expect(res.headers.get('Set-Cookie')).toContain(`tektos_ref=${id}`)
		await vi.waitFor(() => expect(lines).toHaveLength(1))
		expect(lines.at(-1)).toMatch(new RegExp(`GET /startups 500 \\d+ms user=- req=${id}$`))
		expect(String(errors[0]![0])).toContain(`error req=${id} GET /startups`)
	})
})

describe('GET /healthz', () => {
	test('200 when the database is fine, 503 with the problem otherwise, 503 while shutting down', async () => {
		let health: Health = { ok: true }
		const { base, state } = await serve({ health: () => health })
		expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' })
		health = { ok: false, problem: 'the database is not writable' }
		const bad = await fetch(`${base}/healthz`)
		expect(bad.status).toBe(503)
		expect(await bad.json()).toEqual({
			status: 'unavailable',
			problem: 'the database is not writable',
		})
		health = { ok: true }
		state.shuttingDown = true
		const closing = await fetch(`${base}/healthz`)
		expect(closing.status).toBe(503)
		expect(closing.headers.get('Connection')).toBe('close')
	})
})
