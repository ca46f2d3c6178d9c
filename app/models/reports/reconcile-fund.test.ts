/**
 * The innovation fund on the report against the innovation-fund page, in a world built here with
 * a grant below a grant (issue 13, items 1 and 4): the loan below the lower grant is triggered
 * money once (docs/leverage.md, rule 5), on both pages, for every period and cohort; the yearly
 * rows add up to the totals; the page shows every event of a chain, the uncounted ones marked.
 */
import { createCohort, createFundingEvent, createStartup, createUser } from '#tests/factories'
import { dataOf, get, loaderArgs, sessionCookie } from '#tests/request'
import { loader as fundPageLoader } from '~/routes/_app.funding.innovation-fund'
import { getReport } from './index.server'
import { parseReportPeriod } from './period'
import { listReportRecords } from './records.server'

const TODAY = '2026-11-29'
const calais = createCohort({ name: 'Calais 2015', startDate: '2015-01-01', endDate: '2015-12-31' })
const dunes = createCohort({ name: 'Dunes 2016', startDate: '2016-01-01', endDate: '2016-12-31' })
const x = createStartup({ name: 'Xylo Fret', cohortId: calais.id, enteredOn: '2015-01-05' })
const y = createStartup({ name: 'Yole Data', cohortId: dunes.id, enteredOn: '2016-01-05' })
const z = createStartup({ name: 'Zénith Bois', cohortId: dunes.id, enteredOn: '2016-02-01' })

const event = (values: Parameters<typeof createFundingEvent>[0]) =>
	createFundingEvent({ currency: 'EUR', isPublic: false, ...values })
const A = event({
	startupId: x.id,
	kind: 'innovation_fund_grant',
	isPublic: true,
	status: 'received',
	amountCents: 20_000_00,
	plannedOn: '2015-01-10',
	securedOn: '2015-03-01',
})
const H = event({
	startupId: x.id,
	kind: 'honour_loan',
	status: 'secured',
	amountCents: 15_000_00,
	plannedOn: '2015-04-01',
	securedOn: '2015-06-01',
	triggeredById: A.id,
})
// a grant below a grant: Yole Data's grant was unlocked by Xylo Fret's
const B = event({
	startupId: y.id,
	kind: 'innovation_fund_grant',
	isPublic: true,
	status: 'secured',
	amountCents: 10_000_00,
	plannedOn: '2015-12-01',
	securedOn: '2016-02-01',
	triggeredById: A.id,
})
const L = event({
	startupId: y.id,
	kind: 'bank_loan',
	status: 'secured',
	amountCents: 60_000_00,
	plannedOn: '2016-03-01',
	securedOn: '2016-06-01',
	triggeredById: B.id,
})
const E = event({
	startupId: y.id,
	kind: 'equity_round',
	status: 'planned',
	amountCents: 200_000_00,
	plannedOn: '2016-09-01',
	triggeredById: L.id,
})
const G = event({
	startupId: z.id,
	kind: 'innovation_fund_grant',
	isPublic: true,
	status: 'secured',
	amountCents: 12_000_00,
	plannedOn: '2017-02-01',
	securedOn: '2017-05-01',
})
const C = event({
	startupId: z.id,
	kind: 'crowdfunding',
	status: 'received',
	amountCents: 6_000_00,
	plannedOn: '2017-06-01',
	securedOn: '2017-08-01',
	triggeredById: G.id,
})

const report = (query: string) =>
	getReport(parseReportPeriod(new URLSearchParams(query), TODAY)).funding
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

async function fundPage(role: 'manager' | 'partner') {
	const cookie = await sessionCookie(createUser({ role }).id)
	return dataOf(await fundPageLoader(loaderArgs(get('/funding/innovation-fund', cookie))))
}

test('the report and the innovation-fund page count the loan below a grant below a grant once', async () => {
	const page = await fundPage('manager')
	// worked out by hand: A triggered H and, through B, L; G triggered C; E is only planned
	const triggered = 15_000_00 + 60_000_00 + 6_000_00
	const granted = 20_000_00 + 10_000_00 + 12_000_00
	expect(page.totals).toMatchObject({
		grants: 3,
		grantedCents: granted,
		triggeredCents: triggered,
		triggeredEvents: 3,
	})
	expect(page.totals.leverage).toBeCloseTo(triggered / granted)

	const all = report('')
	expect(all.totals).toMatchObject({
		grants: 3,
		grantedCents: page.totals.grantedCents,
		triggeredCents: page.totals.triggeredCents,
	})
	expect(all.totals.fundLeverage).toBe(page.totals.leverage)

	// the years add up to the totals, on the page and on the report, and agree with each other
	expect(sum(all.fundByYear.map((r) => r.triggeredCents))).toBe(triggered)
	expect(sum(all.fundByYear.map((r) => r.grantedCents))).toBe(granted)
	expect(sum(page.years.map((r) => r.triggeredCents))).toBe(triggered)
	expect(sum(page.years.map((r) => r.grantedCents))).toBe(granted)
	for (const year of [2015, 2016, 2017]) {
		const onReport = all.fundByYear.find((r) => r.year === year)!
		const onPage = page.years.find((r) => r.year === year)!
		expect(onReport, String(year)).toMatchObject({
			grants: onPage.grants,
			grantedCents: onPage.grantedCents,
			triggeredCents: onPage.triggeredCents,
		})
	}
	// the loan is counted with the grant that heads its chain (2015), not again in 2016
	expect(all.fundByYear.find((r) => r.year === 2015)).toMatchObject({
		grantedCents: 20_000_00,
		triggeredCents: 75_000_00,
	})
	expect(all.fundByYear.find((r) => r.year === 2016)).toMatchObject({
		grantedCents: 10_000_00,
		triggeredCents: 0,
	})

	// the granted figure traces back to the grants' records
	const viewer = { id: 0, role: 'manager' as const, startupId: null, mentorId: null }
	const period = parseReportPeriod(new URLSearchParams(''), TODAY)
	const records = listReportRecords({ period, metric: 'fund.grants', key: '', viewer })!
	expect(sum(records.rows.map((r) => r.value ?? 0))).toBe(all.totals.grantedCents)
})

test('with a period or a cohort chosen, the grants chosen head their chains, each event once', () => {
	// 2016 alone: B heads its chain, the loan below it is its triggered money
	expect(report('year=2016').totals).toMatchObject({
		grants: 1,
		grantedCents: 10_000_00,
		triggeredCents: 60_000_00,
	})
	// Calais's grant, with the whole chain below it, whatever the startup of each event
	expect(report(`cohort=${calais.id}`).totals).toMatchObject({
		grants: 1,
		grantedCents: 20_000_00,
		triggeredCents: 75_000_00,
	})
	// Dunes: B (whose grant above is not the cohort's) and G
	expect(report(`cohort=${dunes.id}`).totals).toMatchObject({
		grants: 2,
		grantedCents: 22_000_00,
		triggeredCents: 66_000_00,
	})
	for (const query of ['', 'year=2016', `cohort=${calais.id}`, 'from=2015-06-01&to=2017-12-31']) {
		const r = report(query)
		expect(sum(r.fundByYear.map((y) => y.triggeredCents)), query).toBe(r.totals.triggeredCents)
		expect(sum(r.fundByYear.map((y) => y.grantedCents)), query).toBe(r.totals.grantedCents)
	}
})

test('the innovation-fund page shows every event of a chain, a grant below a grant included', async () => {
	for (const role of ['manager', 'partner'] as const) {
		const page = await fundPage(role)
		const grantA = page.grants.find((g) => g.id === A.id)!
		// each event under the one that triggered it, the uncounted ones marked with the reason
		expect(
			grantA.chain.map((e) => ({ id: e.id, depth: e.depth, notCounted: e.notCounted })),
			role,
		).toEqual([
			{ id: H.id, depth: 1, notCounted: null },
			{ id: B.id, depth: 1, notCounted: 'fund_grant' },
			{ id: L.id, depth: 2, notCounted: null },
			{ id: E.id, depth: 3, notCounted: 'not_secured' },
		])
		const grantB = page.grants.find((g) => g.id === B.id)!
		expect(grantB.chain.map((e) => e.id)).toEqual([L.id, E.id])
		// B's own row counts its whole chain, and says its money is already in A's
		expect(grantB).toMatchObject({ triggeredCents: 60_000_00, countedUnder: { id: A.id } })
		expect(page.grants.find((g) => g.id === G.id)!.chain.map((e) => e.id)).toEqual([C.id])
	}
})
