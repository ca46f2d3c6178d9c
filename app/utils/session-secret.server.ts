import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getDatabasePath, getEnv } from './env.server'

/**
 * SESSION_SECRET when set; otherwise a random secret generated once and kept
 * beside the database, so sessions survive a restart without a constant in the code.
 */
export function getSessionSecrets(): string[] {
	const { SESSION_SECRET } = getEnv()
	if (SESSION_SECRET) return SESSION_SECRET.split(',').map((s) => s.trim())
	const file = path.join(path.dirname(getDatabasePath()), 'session-secret')
	if (!fs.existsSync(file)) {
		fs.mkdirSync(path.dirname(file), { recursive: true })
		try {
			fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), {
				mode: 0o600,
				flag: 'wx',
			})
		} catch (error) {
			// another process wrote it first: use theirs
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
	}
	return [fs.readFileSync(file, 'utf8').trim()]
}
