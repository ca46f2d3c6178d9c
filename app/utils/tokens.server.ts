import crypto from 'node:crypto'

/*
 * Secret links (an application's private link, an invitation, a forgotten password) carry 32
 * random bytes (256 bits, base64url): nobody can guess one. Only their SHA-256 is stored, so a
 * copy of the database opens no link.
 */
export const TOKEN_BYTES = 32

export function createSecretToken() {
	const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url')
	return { token, hash: hashToken(token) }
}

export function hashToken(token: string) {
	return crypto.createHash('sha256').update(token).digest('hex')
}

/** What a token in a URL looks like: anything else is refused before it reaches a query. */
export function isTokenShaped(value: string | undefined): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
}
