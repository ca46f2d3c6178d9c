import {
	descendantsOf,
	type FundingNode,
	fundYears,
	innovationFundLeverage,
	isPublicMoney,
	notCountedReason,
	portfolioLeverage,
	ratio,
	triggeredBelow,
	wouldCreateCycle,
} from './leverage'

let nextId = 1
function node(overrides: Partial<FundingNode> = {}): FundingNode {
	return {
		id: nextId++,
		kind: 'bank_loan',
		isPublic: false,
		status: 'secured',
		amountEurCents: 1_000_000,
		triggeredById: null,
		...overrides,
	}
}

const grant = (amountEurCents: number, overrides: Partial<FundingNode> = {}) =>
	node({ kind: 'innovation_fund_grant', isPublic: true, amountEurCents, ...overrides })

test('a chain counts every secured euro down to its last link', () => {
	// grant €20k → honour loan €25k → bank loan €90k → equity £ converted €50k
	const g = grant(2_000_000)
	const honour = node({ kind: 'honour_loan', amountEurCents: 2_500_000, triggeredById: g.id })
	const bank = node({ amountEurCents: 9_000_000, triggeredById: honour.id, status: 'received' })
	const equity = node({ kind: 'equity_round', amountEurCents: 5_000_000, triggeredById: bank.id })
	const { grants, totals } = innovationFundLeverage([equity, bank, g, honour])
	expect(grants).toEqual([
		{
			id: g.id,
			grantedCents: 2_000_000,
			triggeredCents: 16_500_000,
			triggeredEvents: 3,
			missingRates: 0,
			leverage: 8.25,
			countedUnderId: null,
		},
	])
	expect(totals).toMatchObject({
		grantedCents: 2_000_000,
		triggeredCents: 16_500_000,
		leverage: 8.25,
	})
})

test('branches are summed, each event once', () => {
	const g = grant(1_000_000)
	const a = node({ amountEurCents: 3_000_000, triggeredById: g.id })
	const b = node({ amountEurCents: 2_000_000, triggeredById: g.id })
	const a1 = node({ amountEurCents: 500_000, triggeredById: a.id })
	const a2 = node({ amountEurCents: 700_000, triggeredById: a.id })
	const unrelated = node({ amountEurCents: 99_000_000 })
	const nodes = [g, a, b, a1, a2, unrelated]
	expect(
		descendantsOf(nodes, g.id)
			.map((n) => n.id)
			.sort(),
	).toEqual([a.id, b.id, a1.id, a2.id].sort())
	const [only] = innovationFundLeverage(nodes).grants
	expect(only).toMatchObject({ triggeredCents: 6_200_000, triggeredEvents: 4, leverage: 6.2 })
})

test('planned, applied and declined money is not triggered money', () => {
	const g = grant(1_000_000)
	const declined = node({ status: 'declined', amountEurCents: 50_000_000, triggeredById: g.id })
	const planned = node({ status: 'planned', amountEurCents: 40_000_000, triggeredById: g.id })
	const applied = node({ status: 'applied', amountEurCents: 30_000_000, triggeredById: g.id })
	const received = node({ status: 'received', amountEurCents: 2_000_000, triggeredById: g.id })
	// the walk goes on below an event that did not come through; only secured money counts
	const belowDeclined = node({ amountEurCents: 1_000_000, triggeredById: declined.id })
	const result = triggeredBelow([g, declined, planned, applied, received, belowDeclined], g.id)
	expect(result.cents).toBe(3_000_000)
	expect(result.events).toBe(2)
	expect(result.below).toHaveLength(5)
})

test('a grant that is not secured yet is not granted money and leads nothing', () => {
	const applied = grant(3_000_000, { status: 'applied' })
	const loan = node({ triggeredById: applied.id })
	const { grants, totals } = innovationFundLeverage([applied, loan])
	expect(grants).toEqual([])
	expect(totals).toMatchObject({ grants: 0, grantedCents: 0, triggeredCents: 0, leverage: null })
})

test("the fund's own grants down a chain are walked through, not counted as leverage", () => {
	const first = grant(1_000_000)
	const second = grant(2_000_000, { triggeredById: first.id })
	const loan = node({ amountEurCents: 4_000_000, triggeredById: second.id })
	const { grants, totals } = innovationFundLeverage([first, second, loan])
	const byId = new Map(grants.map((g) => [g.id, g]))
	expect(byId.get(first.id)).toMatchObject({ triggeredCents: 4_000_000, leverage: 4 })
	expect(byId.get(second.id)).toMatchObject({ triggeredCents: 4_000_000, leverage: 2 })
	// the fund as a whole: €30k granted, the loan counted once
	expect(totals).toMatchObject({ grantedCents: 3_000_000, triggeredCents: 4_000_000 })
	expect(totals.leverage).toBeCloseTo(4 / 3)
	// the second grant's money is already the first's: the totals count it there, once
	expect(byId.get(second.id)!.countedUnderId).toBe(first.id)
	expect(byId.get(first.id)!.countedUnderId).toBeNull()
})

test('a grant below a grant below a grant: the loan counts once, with the highest grant chosen', () => {
	const top = grant(1_000_000)
	const middle = grant(1_000_000, { triggeredById: top.id })
	const bottom = grant(1_000_000, { triggeredById: middle.id })
	const loan = node({ amountEurCents: 6_000_000, triggeredById: bottom.id })
	const honour = node({ kind: 'honour_loan', amountEurCents: 500_000, triggeredById: middle.id })
	const nodes = [top, middle, bottom, loan, honour]
	const all = innovationFundLeverage(nodes)
	expect(all.totals).toMatchObject({
		grants: 3,
		grantedCents: 3_000_000,
		triggeredCents: 6_500_000,
	})
	expect(all.grants.map((g) => g.countedUnderId)).toEqual([null, top.id, top.id])
	// without the top grant (another period, say) the middle one heads the chain
	const some = innovationFundLeverage(nodes, (g) => g.id !== top.id)
	expect(some.totals).toMatchObject({ grants: 2, triggeredCents: 6_500_000 })
	expect(some.grants.map((g) => g.countedUnderId)).toEqual([null, middle.id])
})

test("the fund's yearly rows add up to its totals, even when a chain crosses years", () => {
	const first = grant(1_000_000)
	const second = grant(2_000_000, { triggeredById: first.id })
	const loan = node({ amountEurCents: 4_000_000, triggeredById: second.id })
	const other = grant(500_000)
	const round = node({ amountEurCents: 1_000_000, triggeredById: other.id })
	const { grants, totals } = innovationFundLeverage([first, second, loan, other, round])
	const year = new Map([
		[first.id, 2015],
		[second.id, 2016],
		[other.id, 2016],
	])
	const rows = fundYears(
		grants.map((g) => ({ ...g, year: year.get(g.id)! })),
		[2015, 2016, 2017],
	)
	expect(rows).toEqual([
		{ year: 2015, grants: 1, grantedCents: 1_000_000, triggeredCents: 4_000_000, leverage: 4 },
		{ year: 2016, grants: 2, grantedCents: 2_500_000, triggeredCents: 1_000_000, leverage: 0.4 },
		{ year: 2017, grants: 0, grantedCents: 0, triggeredCents: 0, leverage: null },
	])
	const sum = (key: 'grantedCents' | 'triggeredCents') => rows.reduce((s, r) => s + r[key], 0)
	expect(sum('grantedCents')).toBe(totals.grantedCents)
	expect(sum('triggeredCents')).toBe(totals.triggeredCents)
})

test('every event of a chain says whether it counts, and why not', () => {
	expect(notCountedReason(grant(1))).toBe('fund_grant')
	expect(notCountedReason(node({ status: 'applied' }))).toBe('not_secured')
	expect(notCountedReason(node({ amountEurCents: null }))).toBe('no_rate')
	expect(notCountedReason(node({ status: 'received' }))).toBeNull()
})

test('public money is given by a public body: a public bank lends, it does not give', () => {
	expect(isPublicMoney({ kind: 'grant', isPublic: true })).toBe(true)
	expect(isPublicMoney({ kind: 'innovation_fund_grant', isPublic: true })).toBe(true)
	expect(isPublicMoney({ kind: 'bank_loan', isPublic: true })).toBe(false)
	expect(isPublicMoney({ kind: 'honour_loan', isPublic: false })).toBe(false)
})

test('a loop in the data ends the walk instead of hanging', () => {
	const a = node({ id: 9001, triggeredById: 9002 })
	const b = node({ id: 9002, triggeredById: 9001 })
	const g = grant(1_000_000, { id: 9000 })
	const c = node({ id: 9003, triggeredById: 9000, amountEurCents: 500_000 })
	const loopBelow = node({ id: 9004, triggeredById: 9003, amountEurCents: 100_000 })
	const back = node({ id: 9005, triggeredById: 9004, amountEurCents: 100_000 })
	// 9003 → 9004 → 9005, then pretend 9003 was triggered by 9005 too (impossible, but corrupt data)
	const nodes = [a, b, g, c, loopBelow, back, { ...c, triggeredById: 9005 }]
	expect(descendantsOf([a, b], 9001).map((n) => n.id)).toEqual([9002])
	expect(triggeredBelow(nodes, g.id).cents).toBe(700_000)
})

test('amounts with no exchange rate are counted apart, not as zero euros silently', () => {
	const g = grant(1_000_000)
	const gbp = node({ amountEurCents: null, triggeredById: g.id })
	const eur = node({ amountEurCents: 2_000_000, triggeredById: g.id })
	const [only] = innovationFundLeverage([g, gbp, eur]).grants
	expect(only).toMatchObject({ triggeredCents: 2_000_000, triggeredEvents: 2, missingRates: 1 })
})

test('portfolio leverage: private and bank money per public euro, secured only', () => {
	const rows = [
		grant(1_000_000),
		node({ kind: 'regional_fund', isPublic: true, amountEurCents: 1_000_000 }),
		// a public bank lends: bank money, not public money
		node({ kind: 'bank_loan', isPublic: true, amountEurCents: 4_000_000 }),
		node({ kind: 'equity_round', amountEurCents: 2_000_000, status: 'received' }),
		node({ kind: 'equity_round', amountEurCents: 50_000_000, status: 'planned' }),
		node({ kind: 'grant', isPublic: true, amountEurCents: 9_000_000, status: 'declined' }),
	]
	expect(portfolioLeverage(rows)).toEqual({
		publicCents: 2_000_000,
		privateAndBankCents: 6_000_000,
		totalCents: 8_000_000,
		missingRates: 0,
		leverage: 3,
	})
	expect(portfolioLeverage([]).leverage).toBeNull()
	expect(ratio(5, 0)).toBeNull()
})

test('a trigger that is the event itself or below it would make a loop', () => {
	// 1 ← 2 ← 3 (3 was triggered by 2, 2 by 1)
	const links = [
		{ id: 1, triggeredById: null },
		{ id: 2, triggeredById: 1 },
		{ id: 3, triggeredById: 2 },
	]
	expect(wouldCreateCycle(links, 1, 1)).toBe(true)
	expect(wouldCreateCycle(links, 1, 3)).toBe(true)
	expect(wouldCreateCycle(links, 2, 3)).toBe(true)
	expect(wouldCreateCycle(links, 3, 1)).toBe(false)
	expect(wouldCreateCycle(links, null, 3)).toBe(false)
	// a loop already in the data is reported rather than followed forever
	expect(
		wouldCreateCycle(
			[
				{ id: 7, triggeredById: 8 },
				{ id: 8, triggeredById: 7 },
			],
			99,
			7,
		),
	).toBe(true)
})

test('the worked example of docs/leverage.md gives × 3.62', () => {
	const rows: FundingNode[] = [
		grant(3_500_000, { id: 1, status: 'received' }),
		node({
			id: 2,
			kind: 'honour_loan',
			status: 'received',
			amountEurCents: 2_500_000,
			triggeredById: 1,
		}),
		node({ id: 3, kind: 'bank_loan', amountEurCents: 9_000_000, triggeredById: 2 }),
		node({
			id: 4,
			kind: 'equity_round',
			status: 'planned',
			amountEurCents: null,
			triggeredById: 3,
		}),
		node({
			id: 5,
			kind: 'regional_fund',
			isPublic: true,
			status: 'declined',
			amountEurCents: 1_500_000,
			triggeredById: 1,
		}),
		// £10,000 at 1.1685
		node({
			id: 6,
			kind: 'crowdfunding',
			status: 'received',
			amountEurCents: 1_168_500,
			triggeredById: 1,
		}),
	]
	const [g] = innovationFundLeverage(rows).grants
	expect(g).toMatchObject({ grantedCents: 3_500_000, triggeredCents: 12_668_500, missingRates: 0 })
	expect(g!.leverage!.toFixed(2)).toBe('3.62')
	const withRound = rows.map((r) =>
		r.id === 4 ? { ...r, status: 'secured' as const, amountEurCents: 46_800_000 } : r,
	)
	expect(innovationFundLeverage(withRound).grants[0]!.leverage!.toFixed(2)).toBe('16.99')
	expect(portfolioLeverage(rows)).toMatchObject({
		publicCents: 3_500_000,
		privateAndBankCents: 12_668_500,
	})
})
