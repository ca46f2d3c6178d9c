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
		sum.events += 1
		if (n.amountEurCents === null) sum.missingRates += 1
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

export type GrantLeverage = {
	id: number
	grantedCents: number
	triggeredCents: number
	triggeredEvents: number
	missingRates: number
	leverage: number | null
}

/**
 * Each innovation-fund grant that was secured, with the money it triggered down the chain and
 * its leverage; the fund's totals count an event reached from two grants once.
 */
export function innovationFundLeverage(nodes: readonly FundingNode[]) {
	const children = childrenOf(nodes)
	const grants = nodes.filter(
		(n) => n.kind === 'innovation_fund_grant' && isSecuredStatus(n.status),
	)
	const reached = new Map<number, FundingNode>()
	const perGrant: GrantLeverage[] = grants.map((grant) => {
		const { below, cents, events, missingRates } = triggeredBelow(nodes, grant.id, children)
		for (const n of below) reached.set(n.id, n)
		const grantedCents = grant.amountEurCents ?? 0
		return {
			id: grant.id,
			grantedCents,
			triggeredCents: cents,
			triggeredEvents: events,
			missingRates,
			leverage: ratio(cents, grantedCents),
		}
	})
	const granted = sumSecured(grants)
	const triggered = sumSecured(reached.values())
	return {
		grants: perGrant,
		totals: {
			grants: grants.length,
			grantedCents: granted.cents,
			triggeredCents: triggered.cents,
			triggeredEvents: triggered.events,
			missingRates: granted.missingRates + triggered.missingRates,
			leverage: ratio(triggered.cents, granted.cents),
		},
	}
}

/**
 * Private and bank money secured per public euro secured. A bank loan is bank money even from
 * a public bank (Bpifrance): it is lent, not given. Every other public event is public money.
 */
export function portfolioLeverage(nodes: Iterable<FundingNode>) {
	const publicMoney: FundingNode[] = []
	const privateAndBank: FundingNode[] = []
	for (const n of nodes) {
		if (!isSecuredStatus(n.status)) continue
		if (n.kind === 'bank_loan' || !n.isPublic) privateAndBank.push(n)
		else publicMoney.push(n)
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
