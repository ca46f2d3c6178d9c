import fs from 'node:fs'
import path from 'node:path'
import { getDatabasePath } from '~/utils/env.server'

/*
 * Imports waiting between the preview and the write survive a restart of the server: each is
 * two files in a folder next to the database (`<database>-imports/`), the upload as it came
 * (`<token>.upload`) and what the page needs (`<token>.json`: who, which file, the choices,
 * the checked preview, the outcome). The full plan is not kept — it is checked again from the
 * upload before anything is written. Files live at most PENDING_TTL_MS after their last
 * change, readable by the server's user only, and are swept when the server starts and every
 * few minutes after (docs/decisions/0023).
 */

/** How long an import waits for its confirmation after its last change. */
export const PENDING_TTL_MS = 60 * 60 * 1000
const SWEEP_EVERY_MS = 10 * 60 * 1000

/** The tokens we make (18 random bytes, base64url): nothing else ever names a file. */
const TOKEN = /^[A-Za-z0-9_-]{24}$/

export const isToken = (token: string) => TOKEN.test(token)

export function pendingImportsDir() {
	return `${getDatabasePath()}-imports`
}

const fileOf = (token: string, extension: 'json' | 'upload') => {
	if (!isToken(token)) throw new Error('Not an import token')
	return path.join(pendingImportsDir(), `${token}.${extension}`)
}

function ensureDir() {
	fs.mkdirSync(pendingImportsDir(), { recursive: true, mode: 0o700 })
}

/** Writes beside, then renames: a crash mid-write never leaves half a file under the name. */
function writeAtomically(file: string, data: string | Uint8Array) {
	const temporary = `${file}.${process.pid}.tmp`
	fs.writeFileSync(temporary, data, { mode: 0o600 })
	fs.renameSync(temporary, file)
}

export type StoredMeta = { token: string; userId: number; expiresAt: number }

export function saveMeta<T extends StoredMeta>(meta: T) {
	ensureDir()
	writeAtomically(fileOf(meta.token, 'json'), JSON.stringify(meta))
}

export function saveUpload(token: string, bytes: Uint8Array) {
	ensureDir()
	writeAtomically(fileOf(token, 'upload'), bytes)
}

/** The stored import of this token, if it is still there, unexpired and complete. */
export function loadStored<T extends StoredMeta>(
	token: string,
	at: number,
): { meta: T; bytes: Uint8Array } | null {
	if (!isToken(token)) return null
	let meta: T
	let bytes: Uint8Array
	try {
		meta = JSON.parse(fs.readFileSync(fileOf(token, 'json'), 'utf8')) as T
		bytes = new Uint8Array(fs.readFileSync(fileOf(token, 'upload')))
	} catch {
		return null
	}
	if (meta.token !== token || !(meta.expiresAt > at)) {
		deleteStored(token)
		return null
	}
	return { meta, bytes }
}

export function deleteStored(token: string) {
	if (!isToken(token)) return
	for (const extension of ['json', 'upload'] as const) {
		fs.rmSync(fileOf(token, extension), { force: true })
	}
}

/** Deletes every expired import, and uploads whose description is gone. */
export function sweepStored(at: number) {
	let names: string[]
	try {
		names = fs.readdirSync(pendingImportsDir())
	} catch {
		return 0
	}
	let removed = 0
	for (const name of names) {
		const [token = '', extension, ...rest] = name.split('.')
		if (!isToken(token) || rest.length) continue
		if (extension === 'json') {
			let expiresAt = 0
			try {
				expiresAt = (JSON.parse(fs.readFileSync(fileOf(token, 'json'), 'utf8')) as StoredMeta)
					.expiresAt
			} catch {
				expiresAt = 0
			}
			if (!(expiresAt > at)) {
				deleteStored(token)
				removed++
			}
		} else if (extension === 'upload' && !names.includes(`${token}.json`)) {
			// the description is written first: an upload without one was left by a crash
			fs.rmSync(path.join(pendingImportsDir(), name), { force: true })
			removed++
		}
	}
	return removed
}

declare global {
	var __importSweep: NodeJS.Timeout | undefined
}

/** Sweeps now and every few minutes while the server runs (never keeps a process alive). */
export function startSweeping(clock: () => number) {
	if (globalThis.__importSweep) return
	sweepStored(clock())
	globalThis.__importSweep = setInterval(() => sweepStored(clock()), SWEEP_EVERY_MS)
	globalThis.__importSweep.unref()
}
