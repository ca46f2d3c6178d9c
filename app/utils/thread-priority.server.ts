import fs from 'node:fs'
import os from 'node:os'

/*
 * Background work yields the processor to the people using the app (issue 14's freeze probe).
 * On Linux each thread has its own scheduling priority ("nice"), so the import's worker thread
 * can run at a lower priority than the server's thread that answers requests: when both want
 * a core, the requests get it; when the machine is idle, the import runs at full speed.
 */

/** The calling thread's id for the kernel, on Linux (/proc/thread-self); null elsewhere. */
function kernelThreadId() {
	try {
		const id = Number(fs.readlinkSync('/proc/thread-self').split('/').pop())
		return Number.isInteger(id) && id > 0 ? id : null
	} catch {
		return null
	}
}

/** Background priority for the calling thread only; false where the system cannot do it. */
export function lowerThreadPriority(nice = 10) {
	const id = kernelThreadId()
	if (id === null) return false
	try {
		os.setPriority(id, nice)
		return true
	} catch {
		return false
	}
}

/** The calling thread's nice value (Linux), for tests and diagnostics; null elsewhere. */
export function threadNice() {
	try {
		// the fields after the command's closing parenthesis; nice is the 19th field of the line
		const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ')
		return Number(fields[16])
	} catch {
		return null
	}
}
