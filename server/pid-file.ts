/**
 * The server writes its pid beside the database while it serves it (`tektos.db.pid`), so that
 * `db:restore` can refuse to swap the file under a running server.
 */
import fs from 'node:fs'

export const pidFileOf = (databaseFile: string) => `${databaseFile}.pid`

export function writePidFile(databaseFile: string) {
	fs.writeFileSync(pidFileOf(databaseFile), `${process.pid}\n`)
}

/** Removes the pid file if it is still this process's. */
export function removePidFile(databaseFile: string) {
	try {
		if (fs.readFileSync(pidFileOf(databaseFile), 'utf8').trim() === String(process.pid)) {
			fs.rmSync(pidFileOf(databaseFile))
		}
	} catch {
		// already gone
	}
}

/**
 * The pid of a live server holding `databaseFile`, or null. A pid file left by a server that
 * was killed (kill -9, a power cut) names a process that is gone: it does not count.
 */
export function serverHolding(databaseFile: string): number | null {
	let pid: number
	try {
		pid = Number(fs.readFileSync(pidFileOf(databaseFile), 'utf8').trim())
	} catch {
		return null
	}
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null
	try {
		process.kill(pid, 0)
		return pid
	} catch (error) {
		// EPERM: alive, but another user's
		return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
	}
}
