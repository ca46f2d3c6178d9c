const parisDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

/** Today's calendar date in Calais (YYYY-MM-DD): just after midnight there, UTC is still yesterday. */
export function today(now: Date = new Date()) {
	return parisDate.format(now)
}
