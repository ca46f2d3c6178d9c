/**
 * The app's one clock: every "now" and "today" of the server comes from here.
 *
 * `TEKTOS_CLOCK=2026-11-29T10:00:00Z` starts the clock at that instant when the process starts,
 * and it runs on from there. Tests set it (tests/setup, the browser journeys' server), so nothing
 * they assert depends on the machine's date; a demo or a screenshot can use it too. Durations
 * (timeouts, throttling windows, progress) keep the machine's clock: they measure, they do not date.
 */
const startedAt = Date.now()

function offsetMs(): number {
	const frozen = typeof process === 'undefined' ? undefined : process.env.TEKTOS_CLOCK
	if (!frozen) return 0
	const at = Date.parse(frozen)
	if (Number.isNaN(at)) throw new Error(`TEKTOS_CLOCK is not a date and time: "${frozen}"`)
	return at - startedAt
}

export function now(): Date {
	return new Date(Date.now() + offsetMs())
}

const parisDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

/** Today's calendar date in Calais (YYYY-MM-DD): just after midnight there, UTC is still yesterday. */
export function today(at: Date = now()) {
	return parisDate.format(at)
}
