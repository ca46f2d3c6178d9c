import { redirect } from '@remix-run/node'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import {
	createSession,
	deleteSession,
	getUserBySessionId,
	type SessionUser,
	SESSION_TTL_MS,
} from '~/models/user.server'
import { getAuthSessionStorage } from './session.server'

export type { SessionUser }

async function getSessionId(request: Request) {
	const session = await getAuthSessionStorage().getSession(request.headers.get('Cookie'))
	const sessionId = session.get('sessionId')
	return typeof sessionId === 'string' ? sessionId : null
}

const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>()

/**
 * The signed-in user, or null: a missing, tampered, expired or revoked cookie all mean signed out.
 * Looked up once per request: the server's log line, the root loader and the page's loader
 * share the answer (what the session was when the request arrived).
 */
export function getUser(request: Request): Promise<SessionUser | null> {
	let user = usersOfRequests.get(request)
	if (!user) {
		user = getSessionId(request).then((sessionId) =>
			sessionId ? getUserBySessionId(sessionId) : null,
		)
		usersOfRequests.set(request, user)
	}
	return user
}

export async function requireUser(request: Request): Promise<SessionUser> {
	const user = await getUser(request)
	if (!user) {
		const url = new URL(request.url)
		const redirectTo = `${url.pathname}${url.search}`
		const params = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
		throw redirect(`/login${params}`)
	}
	return user
}

export async function requireAnonymous(request: Request) {
	if (await getUser(request)) throw redirect('/')
}

/** A brand-new session id at every sign-in, so a fixed id planted before sign-in is worthless. */
export async function signIn(input: { userId: number; ipAddress?: string; userAgent?: string }) {
	const sessionId = createSession(input)
	const storage = getAuthSessionStorage()
	const session = await storage.getSession()
	session.set('sessionId', sessionId)
	return storage.commitSession(session, { maxAge: SESSION_TTL_MS / 1000 })
}

export async function signOut(request: Request) {
	const storage = getAuthSessionStorage()
	const session = await storage.getSession(request.headers.get('Cookie'))
	const sessionId = session.get('sessionId')
	if (typeof sessionId === 'string') deleteSession(sessionId)
	return storage.destroySession(session)
}

/*
 * Sign-in throttling (docs/decisions/0015-argon2id-passwords.md). Two counters, each taken
 * before the password is checked, so that attempts sent in parallel are all counted:
 * - per address: 10 a minute. A successful sign-in gives back its own point and nothing else,
 *   so a founder who signs in between guesses at the manager's password does not earn more.
 * - per account (the email as typed, known or not, so that the answer says nothing of which
 *   accounts exist): 10 a quarter of an hour, from any number of addresses. Only a successful
 *   sign-in to that account clears it.
 * The counters live in memory: one server process, and a restart is not something a visitor
 * can cause.
 */
const byAddress = new RateLimiterMemory({ keyPrefix: 'address', points: 10, duration: 60 })
const byAccount = new RateLimiterMemory({ keyPrefix: 'account', points: 10, duration: 15 * 60 })

type Attempt = { ipAddress: string; email: string }

const accountKey = (email: string) => email.trim().toLowerCase()

function retryAfterSeconds(rejection: unknown) {
	const ms =
		rejection && typeof rejection === 'object' && 'msBeforeNext' in rejection
			? Number(rejection.msBeforeNext)
			: 60_000
	return Math.max(1, Math.ceil(ms / 1000))
}

/**
 * Takes one attempt from the address and one from the account; when either has none left, the
 * answer is how many seconds to wait, and the password must not be checked.
 */
export async function takeSignInAttempt({
	ipAddress,
	email,
}: Attempt): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
	try {
		await byAddress.consume(ipAddress)
		await byAccount.consume(accountKey(email))
		return { ok: true }
	} catch (rejection) {
		if (rejection instanceof Error) throw rejection
		return { ok: false, retryAfter: retryAfterSeconds(rejection) }
	}
}

/** The right password: the address gets its point back, the account starts afresh. */
export async function signInSucceeded({ ipAddress, email }: Attempt) {
	await byAddress.reward(ipAddress, 1)
	await byAccount.delete(accountKey(email))
}

/**
 * One line per refused sign-in, for whoever watches the server's log: the account tried and the
 * address, never the password. JSON keeps a CR/LF typed in the form from forging a line.
 */
export function logSignInFailure({
	ipAddress,
	email,
	reason,
}: Attempt & { reason: 'wrong-credentials' | 'throttled' }) {
	console.warn(
		`sign-in refused ${JSON.stringify({ account: accountKey(email).slice(0, 254), address: ipAddress, reason })}`,
	)
}
