import { RateLimiterMemory } from 'rate-limiter-flexible'

/*
 * The public pages (applying, asking for a link, a forgotten password) are open to anyone:
 * each address gets a budget per kind of request. Counted in this process's memory, like the
 * sign-in throttle: a restart forgives everyone, which is fine for abuse this size.
 */
const LIMITS = {
	// starting an application, or asking for one's link again
	'application-start': { points: 5, duration: 60 * 60 },
	// saving and submitting a draft: a visitor saves often
	'application-save': { points: 60, duration: 10 * 60 },
	// "I forgot my password"
	'password-reset': { points: 5, duration: 60 * 60 },
	// setting a password from a link: guessing is pointless, trying many links is not allowed
	'password-token': { points: 20, duration: 10 * 60 },
} as const

export type PublicAction = keyof typeof LIMITS

const limiters = Object.fromEntries(
	Object.entries(LIMITS).map(([kind, options]) => [kind, new RateLimiterMemory(options)]),
) as Record<PublicAction, RateLimiterMemory>

/** False once this address has used up its budget for this kind of request. */
export async function consumePublicAttempt(kind: PublicAction, ipAddress: string | undefined) {
	try {
		await limiters[kind].consume(ipAddress || 'unknown')
		return true
	} catch {
		return false
	}
}

/** Seconds to wait, for the Retry-After header. */
export function retryAfterSeconds(kind: PublicAction) {
	return String(LIMITS[kind].duration)
}

/** Tests start each case with a clean slate. */
export async function resetPublicAttempts(kind: PublicAction, ipAddress: string) {
	await limiters[kind].delete(ipAddress)
}
