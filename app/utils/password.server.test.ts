import * as argon2 from '@node-rs/argon2'
import bcrypt from 'bcryptjs'
import { hashPassword, hashPasswordSync, needsRehash, verifyPassword } from './password.server'

test('new passwords are hashed with argon2id, and only the right password matches', async () => {
	const hash = await hashPassword('correct horse battery')
	expect(hash).toMatch(/^\$argon2id\$v=19\$/)
	expect(await verifyPassword('correct horse battery', hash)).toBe(true)
	expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
	expect(hashPasswordSync('correct horse battery')).toMatch(/^\$argon2id\$/)
})

test('bcrypt hashes from before argon2id still verify, and are due for a rehash', async () => {
	const old = bcrypt.hashSync('tektos-demo', 4)
	expect(await verifyPassword('tektos-demo', old)).toBe(true)
	expect(await verifyPassword('tektos-dem0', old)).toBe(false)
	expect(needsRehash(old)).toBe(true)
	expect(needsRehash(await hashPassword('tektos-demo'))).toBe(false)
	// argon2id with other settings than today's, or another argon2 flavour
	expect(needsRehash(await argon2.hash('tektos-demo', { memoryCost: 4096, timeCost: 3 }))).toBe(
		true,
	)
	expect(needsRehash(await argon2.hash('tektos-demo', { algorithm: 1 }))).toBe(true)
})

test('a malformed or empty hash matches no password and does not throw', async () => {
	for (const hash of ['', 'plain-text', '$argon2id$garbage', '$2b$12$short']) {
		expect(await verifyPassword('anything', hash)).toBe(false)
	}
})

test('checking passwords leaves the event loop free: other work runs while ten are checked', async () => {
	// the production cost, as a real account has it
	const hash = await argon2.hash('the-real-password')
	let checked = 0
	const checks = Array.from({ length: 10 }, (_, i) =>
		verifyPassword(`wrong-${i}`, hash).then((ok) => {
			checked++
			return ok
		}),
	)
	expect(checks[0]).toBeInstanceOf(Promise)
	// a turn of the event loop (another request's work) happens before any check is done
	await new Promise((resolve) => setImmediate(resolve))
	expect(checked).toBe(0)
	expect(await Promise.all(checks)).toEqual(Array(10).fill(false))
})
