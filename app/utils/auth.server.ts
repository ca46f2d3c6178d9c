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

/** The signed-in user, or null: a missing, tampered, expired or revoked cookie all mean signed out. */
export async function getUser(request: Request): Promise<SessionUser | null> {
	const sessionId = await getSessionId(request)
	return sessionId ? getUserBySessionId(sessionId) : null
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

// ~10 sign-in attempts a minute from one address
const signInLimiter = new RateLimiterMemory({ points: 10, duration: 60 })

/** Returns false once the address has used up its attempts for this minute. */
export async function consumeSignInAttempt(ipAddress: string) {
	try {
		await signInLimiter.consume(ipAddress)
		return true
	} catch {
		return false
	}
}

export function resetSignInAttempts(ipAddress: string) {
	return signInLimiter.delete(ipAddress)
}
