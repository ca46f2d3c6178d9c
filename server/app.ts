/**
 * The HTTP side of the server (issue 11 §3): everything a request meets before and after Remix.
 *
 * - one log line per request (method, path, status, ms, user id, request id);
 * - security headers on every response: a Content-Security-Policy whose script nonce is new
 *   for each request and reaches React through the load context (app/entry.server.tsx), HSTS
 *   in production, Permissions-Policy; `Cache-Control: private, no-store` on every page and
 *   `.data` response, so a signed-in page is never kept by a browser or a proxy;
 * - `GET /healthz` for a supervisor;
 * - for a submission (any method but GET/HEAD): another site's origin → 403; anything but a
 *   form (urlencoded or multipart) → 415; a body larger than its limit → 413, before a byte
 *   is parsed; a damaged multipart body → 400; a form without a valid one-time token → 400;
 *   a token already used → the first response again (server/form-replay.ts);
 * - then Remix gets a rebuilt Request over the body read here.
 *
 * None of these answers is a 500, and none carries a stack trace, whatever NODE_ENV says.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { type AppLoadContext, writeReadableStreamToWritable } from '@remix-run/node'
import compression from 'compression'
import express, {
	type NextFunction,
	type Request as ExpressRequest,
	type Response as ExpressResponse,
} from 'express'
import { now } from '~/utils/clock'
import { FORM_TOKEN_FIELD } from '~/utils/form-token'
import { checkFormToken } from '~/utils/form-token.server'
import { type Locale } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { enterWrites } from '~/utils/write-gate.server'
import { FormReplayStore, type ResponseSnapshot } from './form-replay'
import { type ServerPage, serverPage } from './pages'

export type RemixHandler = (request: Request, context: AppLoadContext) => Promise<Response>

export type Health = { ok: true } | { ok: false; problem: string }

export type BodyLimits = {
	/** urlencoded forms, and multipart ones outside the upload paths */
	formBytes: number
	/** multipart bodies to these paths (the import pages) may be this large */
	uploads: { path: string | RegExp; bytes: number }[]
}

export const DEFAULT_FORM_BYTES = 1024 * 1024

export type AppOptions = {
	handler: RemixHandler
	production: boolean
	publicDir?: string
	/** TRUST_PROXY: the reverse proxy's address(es), whose X-Forwarded-* headers are believed */
	trustProxy?: string
	health: () => Health
	limits?: Partial<BodyLimits>
	userIdOf?: (request: Request) => Promise<number | null>
	log?: (line: string) => void
	replay?: FormReplayStore
}

export type ServerState = { shuttingDown: boolean; inFlight: number }

/** The per-request facts the log line and the pages need. */
type Locals = {
	requestId: string
	nonce: string
	started: number
	userId: number | null
	note: string
}

const locals = (res: ExpressResponse) => res.locals as Locals

export function contentSecurityPolicy({
	nonce,
	production,
}: {
	nonce: string
	production: boolean
}) {
	return [
		"default-src 'self'",
		// Remix's inline scripts (hydration data, scroll restoration) carry the nonce; the
		// bundles come from /build
		`script-src 'self' 'nonce-${nonce}'`,
		// charts and bars size themselves with style attributes
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self'",
		`connect-src 'self'${production ? '' : ' ws:'}`,
		"form-action 'self'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"object-src 'none'",
	].join('; ')
}

export const PERMISSIONS_POLICY =
	'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()'

function formatBytes(bytes: number) {
	return bytes >= 1024 * 1024
		? `${Math.round(bytes / 1024 / 1024)} MB`
		: `${Math.round(bytes / 1024)} KB`
}

/** "/contacts/import.data" and "/contacts/import/" are "/contacts/import". */
function routePath(pathname: string) {
	const bare = pathname.replace(/\.data$/, '').replace(/\/+$/, '')
	return bare === '' || bare === '/_root' ? '/' : bare
}

export function createApp(options: AppOptions) {
	const {
		handler,
		production,
		health,
		userIdOf = async () => null,
		log = (line: string) => console.log(line),
		replay = new FormReplayStore(),
	} = options
	const limits: BodyLimits = {
		formBytes: options.limits?.formBytes ?? DEFAULT_FORM_BYTES,
		uploads: options.limits?.uploads ?? [],
	}
	const state: ServerState = { shuttingDown: false, inFlight: 0 }
	const app = express()
	app.disable('x-powered-by')
	// never `true` or a hop count: X-Forwarded-For is believed only from the proxy's address
	app.set(
		'trust proxy',
		options.trustProxy ? options.trustProxy.split(',').map((s) => s.trim()) : false,
	)

	// ---------------------------------------------------------------- every request
	app.use((req, res, next) => {
		const l = locals(res)
		l.requestId = crypto.randomBytes(6).toString('base64url')
		l.nonce = crypto.randomBytes(16).toString('base64')
		l.started = performance.now()
		l.userId = null
		l.note = ''
		state.inFlight++
		let logged = false
		const done = (aborted: boolean) => {
			if (logged) return
			logged = true
			state.inFlight--
			const ms = Math.round(performance.now() - l.started)
			const status = aborted && !res.headersSent ? 'aborted' : String(res.statusCode)
			const path = req.originalUrl.split('?')[0]
			log(
				`${now().toISOString()} ${req.method} ${path} ${status}${aborted && res.headersSent ? ' (client gone)' : ''} ${ms}ms user=${l.userId ?? '-'} req=${l.requestId}${l.note}`,
			)
		}
		res.on('finish', () => done(false))
		res.on('close', () => done(!res.writableFinished))

		res.set('X-Request-Id', l.requestId)
		res.set('X-Content-Type-Options', 'nosniff')
		res.set('Referrer-Policy', 'same-origin')
		res.set('X-Frame-Options', 'DENY')
		res.set('Cross-Origin-Opener-Policy', 'same-origin')
		res.set('Permissions-Policy', PERMISSIONS_POLICY)
		res.set('Content-Security-Policy', contentSecurityPolicy({ nonce: l.nonce, production }))
		if (production) res.set('Strict-Transport-Security', 'max-age=31536000')
		if (state.shuttingDown) res.set('Connection', 'close')
		next()
	})
	// the fastest level: half the CPU of the default for about 13% more bytes on a list page
	// (measured in decision 0042); a page's gzip was a sixth of the sign-in page's time
	app.use(compression({ level: zlib.constants.Z_BEST_SPEED }))

	app.get('/healthz', (_req, res) => {
		const report = state.shuttingDown ? { ok: false as const, problem: 'shutting down' } : health()
		res.set('Cache-Control', 'no-store')
		res
			.status(report.ok ? 200 : 503)
			.json(report.ok ? { status: 'ok' } : { status: 'unavailable', problem: report.problem })
	})

	if (options.publicDir) {
		app.use(
			'/build',
			express.static(path.join(options.publicDir, 'build'), { immutable: true, maxAge: '1y' }),
		)
		// the other public files (favicon…): only their names reach the disk, so a page's request
		// costs no file-system lookup
		const publicFiles = new Set(
			fs
				.readdirSync(options.publicDir)
				.filter((name) => name !== 'build')
				.map((name) => `/${name}`),
		)
		const servePublic = express.static(options.publicDir, { maxAge: '1h' })
		app.use((req, res, next) => {
			const first = `/${req.path.split('/')[1] ?? ''}`
			if (publicFiles.has(first)) servePublic(req, res, next)
			else next()
		})
	}

	// ---------------------------------------------------------------- Remix
	app.all('*', (req, res, next) => {
		handle(req, res).catch(next)
	})

	async function page(
		req: ExpressRequest,
		res: ExpressResponse,
		status: number,
		name: ServerPage | 'unexpected',
		values?: Record<string, string>,
	) {
		let locale: Locale = 'fr'
		try {
			locale = await getLocale(
				new Request(`http://localhost${req.originalUrl}`, { headers: webHeaders(req) }),
			)
		} catch {
			// a header we cannot read: French, the app's default
		}
		if (!res.headersSent) {
			res.status(status)
			res.set('Content-Type', 'text/html; charset=utf-8')
			res.set('Cache-Control', 'no-store')
			res.send(serverPage({ page: name, locale, requestId: locals(res).requestId, values }))
		}
	}

	async function handle(req: ExpressRequest, res: ExpressResponse) {
		const l = locals(res)
		const method = req.method.toUpperCase()
		const url = new URL(`${req.protocol}://${publicHost(req)}${req.originalUrl}`)
		const headers = webHeaders(req)
		// Remix compares Origin with these: only the proxy's are believed
		headers.delete('x-forwarded-host')
		headers.set('host', url.host)
		const controller = new AbortController()
		res.on('close', () => {
			if (!res.writableFinished) controller.abort()
		})
		const context: AppLoadContext = { ipAddress: req.ip, requestId: l.requestId, cspNonce: l.nonce }

		if (method === 'GET' || method === 'HEAD') {
			const request = new Request(url, { method, headers, signal: controller.signal })
			l.userId = await userIdOf(request).catch(() => null)
			return send(res, await handler(request, context))
		}
		if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
			res.set('Allow', 'GET, HEAD, POST')
			return page(req, res, 405, 'methodNotAllowed')
		}

		if (!sameOrigin(req, url)) {
			l.note = ' cross-site'
			return page(req, res, 403, 'crossSite')
		}
		const contentType = req.get('content-type') ?? ''
		const type = contentType.split(';')[0]!.trim().toLowerCase()
		if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
			return refuseBody(req, res, 415, 'unsupported')
		}
		const limit =
			type === 'multipart/form-data'
				? (limits.uploads.find((u) =>
						typeof u.path === 'string'
							? u.path === routePath(url.pathname)
							: u.path.test(routePath(url.pathname)),
					)?.bytes ?? limits.formBytes)
				: limits.formBytes
		const body = await readBody(req, limit)
		if (body === 'too-large')
			return refuseBody(req, res, 413, 'tooLarge', { limit: formatBytes(limit) })
		if (body === 'aborted') return

		const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
		let token: string | null
		try {
			const form =
				type === 'multipart/form-data'
					? await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData()
					: new URLSearchParams(body.toString('utf8'))
			const value = form.get(FORM_TOKEN_FIELD)
			token = typeof value === 'string' ? value : null
		} catch {
			return page(req, res, 400, 'malformed')
		}
		const check = checkFormToken(token)
		if (check !== 'valid') {
			l.note = ` form-token-${check}`
			return page(req, res, 400, 'formExpired')
		}

		const request = new Request(url, { method, headers, body: bytes, signal: controller.signal })
		l.userId = await userIdOf(request).catch(() => null)
		// a token is one form of one page of one session
		const key = `${l.userId ?? 'anonymous'}:${token!}`
		const claim = await replay.claim(key)
		if (claim.kind === 'replay') {
			l.note = ' replay'
			res.set(
				'Content-Security-Policy',
				contentSecurityPolicy({ nonce: claim.snapshot.nonce, production }),
			)
			return sendSnapshot(res, claim.snapshot)
		}
		if (claim.kind === 'spent') {
			l.note = ' replay-expired'
			return page(req, res, 409, 'alreadySent')
		}
		let response: Response
		// the submission's writes wait here, not inside SQLite, for the import worker (decision 0043)
		const leaveWrites = await enterWrites()
		try {
			response = await handler(request, context)
		} catch (error) {
			claim.release()
			throw error
		} finally {
			leaveWrites()
		}
		if (response.status >= 400) {
			claim.release()
			return send(res, response)
		}
		const snapshot: ResponseSnapshot = {
			status: response.status,
			headers: headerList(response.headers),
			body: Buffer.from(await response.arrayBuffer()),
			nonce: l.nonce,
		}
		claim.complete(snapshot)
		return sendSnapshot(res, snapshot)
	}

	/** Answers at once and lets Node drop the rest of the body (Connection: close) unread. */
	function refuseBody(
		req: ExpressRequest,
		res: ExpressResponse,
		status: number,
		name: ServerPage,
		values?: Record<string, string>,
	) {
		res.set('Connection', 'close')
		return page(req, res, status, name, values)
	}

	function sameOrigin(req: ExpressRequest, url: URL) {
		if (req.get('sec-fetch-site') === 'cross-site') return false
		const origin = req.get('origin')
		if (origin === undefined) return true
		try {
			return new URL(origin).host === url.host
		} catch {
			// "null" (a sandboxed frame, a privacy redirect) or garbage
			return false
		}
	}

	function publicHost(req: ExpressRequest) {
		const trust = req.app.get('trust proxy fn') as (address: string, hop: number) => boolean
		const forwarded = trust(req.socket.remoteAddress ?? '', 0)
			? req.get('x-forwarded-host')?.split(',')[0]?.trim()
			: undefined
		return forwarded || req.get('host') || 'localhost'
	}

	function applyCachePolicy(res: ExpressResponse, contentType: string | null, pathname: string) {
		// every page and every .data answer may be a signed-in user's: no browser or proxy keeps it
		if (
			/text\/html/i.test(contentType ?? '') ||
			pathname.endsWith('.data') ||
			!res.get('Cache-Control')
		) {
			res.set('Cache-Control', 'private, no-store')
		}
	}

	function markError(res: ExpressResponse, status: number) {
		if (status < 500) return
		// the error page (rendered on the server, or in the browser after a .data request)
		// shows this reference; the log line carries the same id
		res.append(
			'Set-Cookie',
			`tektos_ref=${locals(res).requestId}; Path=/; Max-Age=600; SameSite=Lax${production ? '; Secure' : ''}`,
		)
	}

	async function send(res: ExpressResponse, response: Response) {
		res.status(response.status)
		for (const [key, value] of headerList(response.headers)) res.append(key, value)
		applyCachePolicy(res, response.headers.get('Content-Type'), res.req.path)
		markError(res, response.status)
		if (response.body) await writeReadableStreamToWritable(response.body, res)
		else res.end()
	}

	function sendSnapshot(res: ExpressResponse, snapshot: ResponseSnapshot) {
		res.status(snapshot.status)
		for (const [key, value] of snapshot.headers) res.append(key, value)
		applyCachePolicy(res, res.get('Content-Type') ?? null, res.req.path)
		res.end(snapshot.body)
	}

	// ---------------------------------------------------------------- what Remix did not handle
	app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
		const l = locals(res)
		console.error(
			`${now().toISOString()} error req=${l.requestId} ${req.method} ${req.originalUrl.split('?')[0]}:`,
			error,
		)
		if (res.headersSent) {
			res.destroy()
			return
		}
		markError(res, 500)
		void page(req, res, 500, 'unexpected')
	})

	return { app, state }
}

function webHeaders(req: ExpressRequest) {
	const headers = new Headers()
	for (const [key, value] of Object.entries(req.headers)) {
		if (value === undefined) continue
		// hop-by-hop: they describe this connection, not the request Remix gets
		if (
			[
				'connection',
				'keep-alive',
				'transfer-encoding',
				'content-length',
				'expect',
				'upgrade',
			].includes(key)
		)
			continue
		if (Array.isArray(value)) for (const v of value) headers.append(key, v)
		else headers.set(key, value)
	}
	return headers
}

function headerList(headers: Headers): [string, string][] {
	const list: [string, string][] = []
	for (const [key, value] of headers) if (key !== 'set-cookie') list.push([key, value])
	for (const cookie of headers.getSetCookie()) list.push(['Set-Cookie', cookie])
	return list
}

/** The body, up to `limit` bytes; past that it stops reading and says so. */
function readBody(req: ExpressRequest, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
	const declared = Number(req.get('content-length'))
	if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large')
	return new Promise((resolve) => {
		const chunks: Buffer[] = []
		let size = 0
		const onData = (chunk: Buffer) => {
			size += chunk.length
			if (size > limit) {
				cleanup()
				chunks.length = 0
				// the rest is read and dropped, never kept
				req.resume()
				resolve('too-large')
				return
			}
			chunks.push(chunk)
		}
		const onEnd = () => {
			cleanup()
			resolve(Buffer.concat(chunks))
		}
		const onAborted = () => {
			cleanup()
			resolve('aborted')
		}
		const cleanup = () => {
			req.off('data', onData)
			req.off('end', onEnd)
			req.off('error', onAborted)
			req.off('aborted', onAborted)
		}
		req.on('data', onData)
		req.on('end', onEnd)
		req.on('error', onAborted)
		req.on('aborted', onAborted)
	})
}
