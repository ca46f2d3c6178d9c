import { getDb } from '~/utils/db.server'

/*
 * What a piece of code asks SQLite, and whether SQLite reads a whole table to answer: issue 14's
 * "indexes checked with EXPLAIN QUERY PLAN", as a test that holds on any machine.
 */

/** Every statement the app's connection prepares while `run` runs. */
export function statementsDuring(run: () => void) {
	const client = getDb().$client
	const seen: string[] = []
	const prepare = client.prepare.bind(client)
	client.prepare = ((source: string) => {
		seen.push(source)
		return prepare(source)
	}) as typeof client.prepare
	try {
		run()
	} finally {
		client.prepare = prepare
	}
	return seen
}

/** Each statement's query plan, one line per step. */
function plans(statements: string[]) {
	const client = getDb().$client
	const found: { source: string; steps: string[] }[] = []
	for (const source of new Set(statements)) {
		if (!/^\s*(select|update|delete)/i.test(source)) continue
		const explain = client.prepare(`EXPLAIN QUERY PLAN ${source}`)
		const params = Array.from({ length: (source.match(/\?/g) ?? []).length }, () => null)
		const steps = (explain.all(...params) as { detail: string }[]).map((s) => s.detail)
		found.push({ source, steps })
	}
	return found
}

/** The query plan's steps that read a whole table (or a whole index) of contacts or organisations. */
export function fullScans(statements: string[]) {
	return plans(statements).flatMap(({ source, steps }) =>
		steps
			.filter((step) => /^SCAN (contacts|organisations)\b/.test(step))
			.map((step) => `${step} ← ${source}`),
	)
}

/** The statements that sort their rows themselves (every row read, then sorted) for an ORDER BY. */
export function sortsWithoutIndex(statements: string[]) {
	return plans(statements)
		.filter(({ steps }) => steps.some((step) => step.includes('TEMP B-TREE FOR ORDER BY')))
		.map(({ source }) => source)
}
