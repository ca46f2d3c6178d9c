import { hash, hashSync, type Options, parseOptions, verify } from '@node-rs/argon2'
import bcrypt from 'bcryptjs'

/*
 * Passwords are hashed with argon2id (docs/decisions/0015-argon2id-passwords.md). Hashing and
 * checking run on libuv's thread pool and return Promises: ten wrong sign-ins at once no longer
 * hold up every other request while they are checked, as bcrypt's synchronous calls did.
 */

// OWASP's argon2id settings: 19 MiB, 2 passes, 1 lane
const PRODUCTION: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }
// the test suite creates hundreds of users: the cheapest argon2id there is
const TEST: Options = { memoryCost: 8, timeCost: 1, parallelism: 1 }

const CURRENT = process.env.NODE_ENV === 'test' ? TEST : PRODUCTION

/** The hash of a new password (creating a user, a reset, a rehash at sign-in). */
export function hashPassword(password: string): Promise<string> {
	return hash(password, CURRENT)
}

/**
 * For the demo seed and the test factories only: one hash made before any request is served,
 * where blocking for a moment costs nobody anything.
 */
export function hashPasswordSync(password: string): string {
	return hashSync(password, CURRENT)
}

/**
 * Checks a password against an argon2id hash, or a bcrypt one from before argon2id (bcryptjs's
 * asynchronous compare works in slices and lets other requests through in between). Anything
 * else, a malformed hash included, is a wrong password.
 */
export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
	try {
		if (passwordHash.startsWith('$argon2')) return await verify(passwordHash, password)
		if (/^\$2[abxy]\$/.test(passwordHash)) return await bcrypt.compare(password, passwordHash)
	} catch {
		// a hash that cannot be read matches no password
	}
	return false
}

/** True for a bcrypt hash, or an argon2 one made with other settings than today's. */
export function needsRehash(passwordHash: string): boolean {
	if (!passwordHash.startsWith('$argon2id$')) return true
	try {
		const used = parseOptions(passwordHash)
		return (
			used.memoryCost !== CURRENT.memoryCost ||
			used.timeCost !== CURRENT.timeCost ||
			used.parallelism !== CURRENT.parallelism
		)
	} catch {
		return true
	}
}
