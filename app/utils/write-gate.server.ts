/**
 * The write gate between the server's thread and the import worker (issue 14, decision 0043).
 *
 * better-sqlite3 waits for SQLite's write lock synchronously, on the thread that asks: a save on
 * the server's thread that meets the worker's open transaction holds the event loop, and every
 * request with it, until that transaction commits. The gate moves the wait before the request
 * reaches Remix, where it costs nothing: a submission awaits the gate (`enterWrites`), the
 * worker takes it around each of its transactions (`holdForWorker`), and by the time a save
 * runs, the worker is between two transactions.
 *
 * The gate is one Int32Array over shared memory, handed to the worker with its task:
 * - [STATE]: how many submissions of the server's thread are inside (≥ 0), or WORKER (-1)
 *   while the worker is in a transaction;
 * - [WANTED]: 1 while the worker waits to start one: new submissions wait behind it, so that a
 *   steady stream of them cannot starve the import, and each waits at most one transaction.
 *
 * Submissions share the gate among themselves: the server's thread runs one synchronous
 * transaction at a time anyway.
 */
const STATE = 0
const WANTED = 1
const WORKER = -1

export type WriteGate = Int32Array

let gate: WriteGate | undefined

/** The server's gate (one per process), to hand to a worker. */
export function writeGate(): WriteGate {
	gate ??= new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT))
	return gate
}

/**
 * Waits, without holding the thread, until the worker is not writing and does not wait to, then
 * counts a submission in. Returns the function that counts it out (call it once).
 */
export async function enterWrites(shared: WriteGate = writeGate()): Promise<() => void> {
	for (;;) {
		if (Atomics.load(shared, WANTED) === 0) {
			const state = Atomics.load(shared, STATE)
			if (state >= 0 && Atomics.compareExchange(shared, STATE, state, state + 1) === state) break
		}
		// woken by the worker's release, or a new look every 5 ms (the worker's wish has no wake-up)
		const waiting = Atomics.waitAsync(shared, STATE, Atomics.load(shared, STATE), 5)
		if (waiting.async) await waiting.value
		else await new Promise((resolve) => setTimeout(resolve, 1))
	}
	let left = false
	return () => {
		if (left) return
		left = true
		Atomics.sub(shared, STATE, 1)
		Atomics.notify(shared, STATE)
	}
}

/**
 * The worker's side: waits (blocking the worker, which has nothing else to do) until no
 * submission is inside, runs `fn` — one transaction — and lets the submissions in again.
 */
export function holdForWorker<T>(shared: WriteGate, fn: () => T, { patienceMs = 10_000 } = {}): T {
	Atomics.store(shared, WANTED, 1)
	const deadline = performance.now() + patienceMs
	let held = false
	for (;;) {
		if (Atomics.compareExchange(shared, STATE, 0, WORKER) === 0) {
			held = true
			break
		}
		// a submission that never leaves (a defect) must not stop the import: past its patience,
		// the worker writes anyway and SQLite's own lock decides, as it did before the gate
		if (performance.now() > deadline) break
		const state = Atomics.load(shared, STATE)
		if (state !== 0) Atomics.wait(shared, STATE, state, 5)
	}
	Atomics.store(shared, WANTED, 0)
	try {
		return fn()
	} finally {
		if (held) {
			Atomics.store(shared, STATE, 0)
			Atomics.notify(shared, STATE)
		}
	}
}
