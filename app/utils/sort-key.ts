/*
 * How names sort (decision 0035): as a French reader expects, without accents or case —
 * "Détroit Analytics" before "Dunes Energy", "Émeraude" among the E, "Œuvre" as "oeuvre".
 * SQLite's lower() and NOCASE fold ASCII only, and better-sqlite3 cannot register a collation:
 * startups, cohorts, team members, mentors, users, organisations and contacts store their name
 * folded by this function in a `sort_key` column, which triggers keep on every write
 * (tektos_sort_key, registered on every connection: sqlite-connection.server.ts), and every
 * list orders by it. No imports on purpose: the import worker loads this file without the
 * app's path aliases.
 */

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' }

/**
 * " Détroit  Analytics" → "detroit analytics", "Jean-Pierre L'Hôte" → "jean pierre lhote";
 * parts are joined with a space (a contact's first and last names); null when there is no name
 * at all, so that nameless rows (an erased contact) can go last.
 */
export function sortKeyOf(...parts: unknown[]): string | null {
	const name = parts.filter((p): p is string => typeof p === 'string').join(' ')
	const key = name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c)
		// punctuation inside a name does not count: "L'Hôte" sorts as "lhote", "Saint-Omer" as "saint omer"
		.replace(/['’.]/g, '')
		.replace(/[-_/]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
	return key || null
}

/**
 * Two names in the order the database gives them (for rows put together after the query):
 * the same fold, then the names themselves, so that the order never depends on the machine.
 */
export function compareNames(a: string, b: string) {
	const [x, y] = [sortKeyOf(a) ?? '', sortKeyOf(b) ?? '']
	if (x !== y) return x < y ? -1 : 1
	return a < b ? -1 : a > b ? 1 : 0
}
