/**
 * The memory of submitted form tokens (issue 11 §3.8): the first submission of a token runs the
 * action; a second one, even while the first is still running, gets the first one's response.
 *
 * Only a submission that succeeded (status below 400) spends its token. A rejected one (400
 * with field errors, 403…) changed nothing, and Remix does not reload the page's token after
 * it, so the corrected form must go through with the same token.
 *
 * In memory: responses can carry personal data (a toast with a contact's name) and are kept
 * only for `keepResponsesMs`; after that a replay is refused with 409 ("already sent") for as
 * long as the token is valid. A restart forgets everything (one server process per database,
 * docs/operations.md).
 */

export type ResponseSnapshot = {
	status: number
	headers: [string, string][]
	body: Buffer
	/** the CSP nonce the page's scripts carry: a replayed page must be served with it */
	nonce: string
}

type Entry =
	| { state: 'running'; settled: Promise<void>; settle: () => void; at: number }
	| { state: 'done'; snapshot: ResponseSnapshot | null; at: number }

export type Claim =
	| {
			kind: 'first'
			/** the action succeeded: later submissions of this token get this response */
			complete: (snapshot: ResponseSnapshot) => void
			/** the action changed nothing: the token may be submitted again */
			release: () => void
	  }
	| { kind: 'replay'; snapshot: ResponseSnapshot }
	/** spent long ago: the response is no longer kept */
	| { kind: 'spent' }

export class FormReplayStore {
	private entries = new Map<string, Entry>()
	private readonly keepResponsesMs: number
	private readonly keepTokensMs: number
	private readonly maxEntries: number
	private readonly clock: () => number

	constructor({
		keepResponsesMs = 10 * 60 * 1000,
		keepTokensMs = 30 * 24 * 60 * 60 * 1000,
		maxEntries = 100_000,
		clock = () => performance.now(),
	}: {
		keepResponsesMs?: number
		keepTokensMs?: number
		maxEntries?: number
		clock?: () => number
	} = {}) {
		this.keepResponsesMs = keepResponsesMs
		this.keepTokensMs = keepTokensMs
		this.maxEntries = maxEntries
		this.clock = clock
	}

	get size() {
		return this.entries.size
	}

	async claim(key: string): Promise<Claim> {
		this.prune()
		for (;;) {
			const entry = this.entries.get(key)
			if (!entry) return this.start(key)
			if (entry.state === 'running') {
				// the same form sent twice at once (a double click): wait for the first
				await entry.settled
				continue
			}
			if (entry.snapshot && this.clock() - entry.at <= this.keepResponsesMs) {
				return { kind: 'replay', snapshot: entry.snapshot }
			}
			return { kind: 'spent' }
		}
	}

	private start(key: string): Claim {
		let settle!: () => void
		const settled = new Promise<void>((resolve) => (settle = resolve))
		this.entries.set(key, { state: 'running', settled, settle, at: this.clock() })
		let open = true
		return {
			kind: 'first',
			complete: (snapshot) => {
				if (!open) return
				open = false
				this.entries.delete(key)
				this.entries.set(key, { state: 'done', snapshot, at: this.clock() })
				settle()
			},
			release: () => {
				if (!open) return
				open = false
				this.entries.delete(key)
				settle()
			},
		}
	}

	private prunedAt = -Infinity

	/**
	 * Drops responses past their time, tokens past theirs, and the oldest beyond the cap. It reads
	 * every entry (up to maxEntries): at most once a second, or when the memory is full, not at
	 * every submission. A replay checks the age of its own entry, so no response is served past
	 * its time because pruning waited.
	 */
	private prune() {
		const now = this.clock()
		if (now - this.prunedAt < 1000 && this.entries.size <= this.maxEntries) return
		this.prunedAt = now
		for (const [key, entry] of this.entries) {
			if (entry.state !== 'done') continue
			const age = now - entry.at
			if (age > this.keepTokensMs) this.entries.delete(key)
			else if (entry.snapshot && age > this.keepResponsesMs) entry.snapshot = null
		}
		// Map order is insertion order, and a finished entry is re-inserted: oldest first
		for (const [key, entry] of this.entries) {
			if (this.entries.size <= this.maxEntries) break
			if (entry.state === 'done') this.entries.delete(key)
		}
	}
}
