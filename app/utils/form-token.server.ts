import crypto from 'node:crypto'
import { now } from './clock'
import { FORM_KEY_SEPARATOR } from './form-token'
import { getSessionSecrets } from './session-secret.server'

/** As long as a session: a form left open for days still works, once. */
export const FORM_TOKEN_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000

function mac(secret: string, payload: string) {
	return crypto
		.createHmac('sha256', secret)
		.update(`form-token:${payload}`)
		.digest('base64url')
		.slice(0, 22)
}

/**
 * A token for the forms of one page: when it was issued, 16 random bytes, and a signature with
 * the session secret, so the server only honours tokens it issued. The root loader makes a new
 * one each time it runs, which Remix does after every successful submission: the next
 * submission (a second payment of the same amount) gets a token of its own.
 */
export function issueFormToken(at: Date = now()) {
	const payload = `${at.getTime().toString(36)}.${crypto.randomBytes(16).toString('base64url')}`
	return `${payload}.${mac(getSessionSecrets()[0]!, payload)}`
}

export type FormTokenCheck = 'valid' | 'missing' | 'invalid' | 'expired'

/** Checks the page part of a submitted token ("<page token>~<form key>"). */
export function checkFormToken(submitted: string | null | undefined): FormTokenCheck {
	if (!submitted) return 'missing'
	const token = submitted.split(FORM_KEY_SEPARATOR)[0]!
	const parts = token.split('.')
	if (parts.length !== 3 || submitted.length > 200) return 'invalid'
	const [issued, random, signature] = parts as [string, string, string]
	const payload = `${issued}.${random}`
	const signed = getSessionSecrets().some((secret) => {
		const expected = Buffer.from(mac(secret, payload))
		const given = Buffer.from(signature)
		return expected.length === given.length && crypto.timingSafeEqual(expected, given)
	})
	if (!signed) return 'invalid'
	const age = now().getTime() - parseInt(issued, 36)
	// a minute of slack for a token issued by another process whose clock runs slightly ahead
	return age >= -60_000 && age <= FORM_TOKEN_MAX_AGE_MS ? 'valid' : 'expired'
}
