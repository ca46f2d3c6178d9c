import { eq, sql } from 'drizzle-orm'
import { fundingEvents, startups } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { cachedRead } from '~/utils/read-cache.server'
import { amountInEurCents, conversionDate } from './funding-sql.server'
import { fundYears, innovationFundLeverage } from './leverage'

const nodeColumns = {
	id: fundingEvents.id,
	startupId: fundingEvents.startupId,
	startupName: startups.name,
	cohortId: startups.cohortId,
	kind: fundingEvents.kind,
	source: fundingEvents.source,
	isPublic: fundingEvents.isPublic,
	status: fundingEvents.status,
	amountCents: fundingEvents.amountCents,
	currency: fundingEvents.currency,
	amountEurCents: amountInEurCents,
	securedOn: fundingEvents.securedOn,
	date: conversionDate,
	triggeredById: fundingEvents.triggeredById,
}

/**
 * The fund's grants and everything below them in the chain, walked in SQL (UNION drops rows
 * already reached, so a loop in the data ends the walk), then computed by leverage.ts.
 */
function fundChainRows() {
	return getDb()
		.select(nodeColumns)
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.where(
			sql`${fundingEvents.id} IN (WITH RECURSIVE chain(id) AS (
				SELECT grant_event.id FROM funding_events grant_event
				WHERE grant_event.kind = 'innovation_fund_grant' AND grant_event.status IN ('secured', 'received')
				UNION
				SELECT child.id FROM funding_events child JOIN chain ON child.triggered_by_id = chain.id
			) SELECT id FROM chain)`,
		)
		.all()
}

export type FundChainNode = ReturnType<typeof fundChainRows>[number]

/** Which grants: secured in a period (by the date their amount counts on) and of a cohort's startups. */
export type FundSelection = { from?: string; to?: string; cohortId?: number | null }

/**
 * The innovation fund's figures, for the report and for the innovation-fund page alike: the
 * grants chosen, each with what it triggered down the whole chain (whatever the startup or the
 * date of the money triggered), the totals where an event below two grants counts once, and
 * yearly rows that add up to the totals (docs/leverage.md, rules 4, 5 and "years").
 */
export function computeInnovationFund(selection: FundSelection = {}) {
	// every grant's chain, whatever the period: kept until the next write (decision 0031)
	const nodes = cachedRead('innovation-fund:chains', fundChainRows)
	const { from, to, cohortId } = selection
	const { grants, totals } = innovationFundLeverage(
		nodes,
		(g) =>
			g.date !== null &&
			(!from || g.date >= from) &&
			(!to || g.date <= to) &&
			(!cohortId || g.cohortId === cohortId),
	)
	const byId = new Map(nodes.map((n) => [n.id, n]))
	const children = new Map<number, FundChainNode[]>()
	for (const n of nodes) {
		if (n.triggeredById === null) continue
		const list = children.get(n.triggeredById)
		if (list) list.push(n)
		else children.set(n.triggeredById, [n])
	}
	// a secured grant always has a date to count on (its secured date at least)
	const withYear = grants.map((g) => ({ ...g, year: Number(byId.get(g.id)!.date!.slice(0, 4)) }))
	return {
		nodes,
		byId,
		grants: withYear,
		totals,
		years: (years: readonly number[]) => fundYears(withYear, years),
		chainOf: (grantId: number) => chainBelow(children, grantId),
	}
}

/**
 * Every event below a grant — the fund's own grants and what is below them included — each right
 * after the event that triggered it, in date order; depth 1 is what the grant itself triggered.
 */
function chainBelow(children: ReadonlyMap<number, FundChainNode[]>, grantId: number) {
	const found: { node: FundChainNode; depth: number }[] = []
	const seen = new Set([grantId])
	const visit = (id: number, depth: number) => {
		const below = (children.get(id) ?? [])
			// a loop in the data (the forms refuse them) ends here
			.filter((n) => !seen.has(n.id))
			.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id)
		for (const n of below) {
			seen.add(n.id)
			found.push({ node: n, depth })
			visit(n.id, depth + 1)
		}
	}
	visit(grantId, 1)
	return found
}
