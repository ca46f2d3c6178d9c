import type { FUNDING_KINDS, FUNDING_STATUSES } from '#db/schema/enums'

/*
 * The leverage of public money, computed here and nowhere else. Pure functions over funding
 * rows that the SQL in funding.server.ts feeds (already converted to euro cents), so the rules
 * can be tested without a database. The worked example is in docs/leverage.md.
 */

/**
 * Cap Calaisis's innovation support fund has no budget table: its yearly envelope is this
 * constant, €300,000 a year — room for the "over €1 million granted in 4 years" of the fund's
 * record. Change it here when the community votes another figure.
 */
export const INNOVATION_FUND_YEARLY_ENVELOPE_CENTS = 30_000_000

type FundingKind = (typeof FUNDING_KINDS)[number]
type FundingStatus = (typeof FUNDING_STATUSES)[number]

export type FundingNode = {
	id: number
	kind: FundingKind
	isPublic: boolean
	status: FundingStatus
	/** null when a GBP amount has no exchange rate on or before its date */
	amountEurCents: number | null
	triggeredById: number | null
	/** how many events this node stands for (a group summed in SQL); 1 when absent */
	events?: number
}

/** Only money that is secured or received counts; planned, applied and declined money does not. */
export function isSecuredStatus(status: FundingStatus) {
	return status === 'secured' || status === 'received'
}

/** triggered ÷ granted; null when nothing was granted (no division by zero, no "∞"). */
export function ratio(numerator: number, denominator: number): number | null {
	return denominator > 0 ? numerator / denominator : null
}

export type MoneySum = { cents: number; events: number; missingRates: number }

/** Secured euro cents of some events; amounts without an exchange rate are counted apart. */
export function sumSecured(nodes: Iterable<FundingNode>): MoneySum {
	const sum: MoneySum = { cents: 0, events: 0, missingRates: 0 }
	for (const n of nodes) {
		if (!isSecuredStatus(n.status)) continue
		const events = n.events ?? 1
		sum.events += events
		if (n.amountEurCents === null) sum.missingRates += events
		else sum.cents += n.amountEurCents
	}
	return sum
}

function childrenOf<T extends FundingNode>(nodes: readonly T[]) {
	const children = new Map<number, T[]>()
	for (const n of nodes) {
		if (n.triggeredById === null) continue
		const list = children.get(n.triggeredById)
		if (list) list.push(n)
		else children.set(n.triggeredById, [n])
	}
	return children
}

/**
 * Every event below `rootId` in the "triggered by" chain — children, their children… — each
 * once, whatever the branches. A cycle in the data (the forms refuse them) cannot loop forever.
 */
export function descendantsOf<T extends FundingNode>(
	nodes: readonly T[],
	rootId: number,
	children = childrenOf(nodes),
): T[] {
	const seen = new Set<number>([rootId])
	const found: T[] = []
	const stack = [rootId]
	while (stack.length) {
		const id = stack.pop()!
		for (const child of children.get(id) ?? []) {
			if (seen.has(child.id)) continue
			seen.add(child.id)
			found.push(child)
			stack.push(child.id)
		}
	}
	return found
}

/**
 * The money an event triggered down the chain: every secured or received event below it.
 * The walk goes on through events that did not come through (a declined honour loan may still
 * head a branch), but only secured money is summed. Other innovation-fund grants below a grant
 * are the fund's own money, not leverage: they are walked through, not counted.
 */
export function triggeredBelow<T extends FundingNode>(
	nodes: readonly T[],
	rootId: number,
	children = childrenOf(nodes),
) {
	const below = descendantsOf(nodes, rootId, children).filter(
		(n) => n.kind !== 'innovation_fund_grant',
	)
	return { below, ...sumSecured(below) }
}

/**
 * Why an event found down a grant's chain adds nothing to the grant's triggered money, or null
 * when it counts: the fund's own grant (rule 5), money not secured (rule 3), or pounds with no
 * exchange rate yet (rule 6).
 */
export function notCountedReason(n: FundingNode): 'fund_grant' | 'not_secured' | 'no_rate' | null {
	if (n.kind === 'innovation_fund_grant') return 'fund_grant'
	if (!isSecuredStatus(n.status)) return 'not_secured'
	if (n.amountEurCents === null) return 'no_rate'
	return null
}

export type GrantLeverage = {
	id: number
	grantedCents: number
	/** every secured euro below the grant, through the fund's other grants too (rule 5) */
	triggeredCents: number
	triggeredEvents: number
	missingRates: number
	leverage: number | null
	/**
	 * The grant heading this one's chain among the grants chosen, when it sits below another of
	 * them: its triggered money is then already in that grant's, and the fund's totals and yearly
	 * rows count it there, once.
	 */
	countedUnderId: number | null
}

/**
 * The innovation fund's figures for the grants chosen (all of them by default): each secured
 * grant with the money it triggered down the chain and its leverage, and the fund's totals, where
 * an event below two grants (a grant below a grant) counts once. The chains of the grants that
 * head a chain (no chosen grant above them) never overlap — each event names one trigger — so the
 * totals are the sum of those grants' rows, and yearly rows built on them add up to the totals.
 * The report and the innovation-fund page both take their figures from here.
 */
export function innovationFundLeverage<T extends FundingNode>(
	nodes: readonly T[],
	chosen: (grant: T) => boolean = () => true,
) {
	const children = childrenOf(nodes)
	const grants = nodes.filter(
		(n) => n.kind === 'innovation_fund_grant' && isSecuredStatus(n.status) && chosen(n),
	)
	const grantIds = new Set(grants.map((g) => g.id))
	const parentOf = new Map(nodes.map((n) => [n.id, n.triggeredById]))
	/** the highest chosen grant above an event; a loop in the data ends the walk */
	const headAbove = (id: number) => {
		let head: number | null = null
		const seen = new Set<number>([id])
		let current = parentOf.get(id) ?? null
		while (current !== null && !seen.has(current)) {
			seen.add(current)
			if (grantIds.has(current)) head = current
			current = parentOf.get(current) ?? null
		}
		return head
	}
	const perGrant: GrantLeverage[] = grants.map((grant) => {
		const { cents, events, missingRates } = triggeredBelow(nodes, grant.id, children)
		const grantedCents = grant.amountEurCents ?? 0
		return {
			id: grant.id,
			grantedCents,
			triggeredCents: cents,
			triggeredEvents: events,
			missingRates,
			leverage: ratio(cents, grantedCents),
			countedUnderId: headAbove(grant.id),
		}
	})
	const granted = sumSecured(grants)
	const heads = perGrant.filter((g) => g.countedUnderId === null)
	const triggeredCents = heads.reduce((s, g) => s + g.triggeredCents, 0)
	return {
		grants: perGrant,
		totals: {
			grants: grants.length,
			grantedCents: granted.cents,
			triggeredCents,
			triggeredEvents: heads.reduce((s, g) => s + g.triggeredEvents, 0),
			missingRates: granted.missingRates + heads.reduce((s, g) => s + g.missingRates, 0),
			leverage: ratio(triggeredCents, granted.cents),
		},
	}
}

/**
 * The fund's figures year by year, for grants already computed by `innovationFundLeverage`: a
 * year's grants and the money they granted; the money triggered by the chains that a grant of the
 * year heads (a grant below another chosen grant adds its granted money to its own year, its
 * triggered money is in the year of the grant above). So the years add up to the totals.
 */
export function fundYears(
	grants: readonly (GrantLeverage & { year: number })[],
	years: readonly number[],
) {
	return years.map((year) => {
		const ofYear = grants.filter((g) => g.year === year)
		const grantedCents = ofYear.reduce((s, g) => s + g.grantedCents, 0)
		const triggeredCents = ofYear
			.filter((g) => g.countedUnderId === null)
			.reduce((s, g) => s + g.triggeredCents, 0)
		return {
			year,
			grants: ofYear.length,
			grantedCents,
			triggeredCents,
			leverage: ratio(triggeredCents, grantedCents),
		}
	})
}

/**
 * Public money, the one definition every page, report and CSV uses: money from a public body that
 * is given, not lent by a bank — a grant, the innovation fund, a regional fund… A bank loan is
 * bank money even from a public bank (Bpifrance lends, it does not give). The SQL twin is
 * `isPublicMoney` in funding-sql.server.ts.
 */
export function isPublicMoney(event: { kind: FundingKind; isPublic: boolean }) {
	return event.isPublic && event.kind !== 'bank_loan'
}

/**
 * Private and bank money secured per public euro secured (public money: `isPublicMoney`).
 */
export function portfolioLeverage(nodes: Iterable<FundingNode>) {
	const publicMoney: FundingNode[] = []
	const privateAndBank: FundingNode[] = []
	for (const n of nodes) {
		if (!isSecuredStatus(n.status)) continue
		if (isPublicMoney(n)) publicMoney.push(n)
		else privateAndBank.push(n)
	}
	const pub = sumSecured(publicMoney)
	const priv = sumSecured(privateAndBank)
	return {
		publicCents: pub.cents,
		privateAndBankCents: priv.cents,
		totalCents: pub.cents + priv.cents,
		missingRates: pub.missingRates + priv.missingRates,
		leverage: ratio(priv.cents, pub.cents),
	}
}

/**
 * Would "event `eventId` was triggered by `triggeredById`" close a loop? It does when walking up
 * from the proposed trigger reaches the event itself (or a loop already in the data).
 * `links` must hold the proposed trigger and its ancestors.
 */
export function wouldCreateCycle(
	links: readonly { id: number; triggeredById: number | null }[],
	eventId: number | null,
	triggeredById: number,
) {
	if (eventId !== null && triggeredById === eventId) return true
	const parent = new Map(links.map((l) => [l.id, l.triggeredById]))
	const seen = new Set<number>()
	let current: number | null | undefined = triggeredById
	while (current !== null && current !== undefined) {
		if (current === eventId || seen.has(current)) return true
		seen.add(current)
		current = parent.get(current)
	}
	return false
}
