import { INNOVATION_FUND_YEARLY_ENVELOPE_CENTS } from './leverage'
import { eq } from 'drizzle-orm'
import { auditLog, fundingEvents } from '#db/schema/index'
import {
	createCohort,
	createExchangeRate,
	createFundingEvent,
	createStartup,
	createUser,
} from '#tests/factories'
import { FundingEventSchema } from '~/schemas/funding'
import { getDb } from '~/utils/db.server'
import {
	createFundingEvent as recordFunding,
	getFundingByStartup,
	getInnovationFundView,
	listFundingEvents,
	listTriggerOptions,
	summariseFundingEvents,
	summariseFundingRows,
	triggerProblem,
	updateFundingEvent,
} from './funding.server'
import { getFunding } from './startup-page/funding.server'
import type { Viewer } from './viewer'
import { activityText } from '#tests/activity'

const manager: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }
const partner: Viewer = { id: 0, role: 'partner', startupId: null, mentorId: null }
const founderOf = (startupId: number): Viewer => ({
	id: 0,
	role: 'founder',
	startupId,
	mentorId: null,
})

// every test works in its own far-off period, so rows of other tests never mix in
const inPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` })

const input = (values: Record<string, string>) =>
	FundingEventSchema.parse({
		kind: 'bank_loan',
		source: 'CIC Nord Ouest',
		origin: 'private',
		amount: '50000',
		currency: 'EUR',
		status: 'planned',
		plannedOn: '2031-03-01',
		...values,
	})

test('a GBP amount converts at the rate of its secured date, or the latest before it', () => {
	createExchangeRate({ date: '3001-01-01', rateMicros: 1_100_000 })
	createExchangeRate({ date: '3001-03-01', rateMicros: 1_200_000 })
	createExchangeRate({ date: '3001-06-01', rateMicros: 1_300_000 })
	const startup = createStartup()
	const at = (securedOn: string, amountCents = 1_000_000) =>
		createFundingEvent({
			startupId: startup.id,
			kind: 'equity_round',
			isPublic: false,
			currency: 'GBP',
			amountCents,
			status: 'secured',
			plannedOn: '3000-06-01',
			appliedOn: '3000-07-01',
			securedOn,
		}).id
	const onTheDay = at('3001-03-01')
	const between = at('3001-05-31')
	const before = at('3000-12-31')
	// £0.05 × 1.3 = 6.5 cents → 7 (half up)
	const rounding = at('3001-06-02', 5)
	const rows = new Map(
		getFunding(startup.id).rows.map((r) => [r.id, [r.amountEurCents, r.rateMicros, r.rateOn]]),
	)
	expect(rows.get(onTheDay)).toEqual([1_200_000, 1_200_000, '3001-03-01'])
	expect(rows.get(between)).toEqual([1_200_000, 1_200_000, '3001-03-01'])
	expect(rows.get(rounding)).toEqual([7, 1_300_000, '3001-06-01'])
	// no rate recorded on or before its date: no euro value, flagged rather than zero
	expect(rows.get(before)).toEqual([null, null, null])
})

test('the portfolio list filters in SQL and its totals are the sum of its rows, to the cent', () => {
	createExchangeRate({ date: '3010-01-01', rateMicros: 1_168_500 })
	const cohort = createCohort()
	const inCohort = createStartup({ name: 'Alpha Fret', cohortId: cohort.id })
	const other = createStartup({ name: 'Beta Sea' })
	const event = (startupId: number, overrides: Parameters<typeof createFundingEvent>[0]) =>
		createFundingEvent({ startupId, plannedOn: '3010-02-01', ...overrides })
	event(inCohort.id, { amountCents: 2_000_000, kind: 'innovation_fund_grant', isPublic: true })
	event(inCohort.id, {
		amountCents: 333_333,
		currency: 'GBP',
		kind: 'equity_round',
		isPublic: false,
	})
	event(inCohort.id, { amountCents: 777_777, currency: 'GBP', kind: 'grant', isPublic: true })
	event(other.id, { amountCents: 5_000_000, kind: 'bank_loan', isPublic: false, status: 'planned' })
	event(other.id, { amountCents: 1_000_000, plannedOn: '3011-02-01' })

	const all = listFundingEvents({ viewer: manager, filters: inPeriod(3010) })
	expect(all).toHaveLength(4)
	const summary = summariseFundingRows(all)
	// 20 000.00 + round(3 333.33 × 1.1685) + round(7 777.77 × 1.1685) + 50 000.00
	expect(summary.totalEurCents).toBe(2_000_000 + 389_500 + 908_832 + 5_000_000)
	expect(summary.totalEurCents).toBe(all.reduce((s, r) => s + (r.amountEurCents ?? 0), 0))
	// secured only: 20 000 + 7 777.77 £ public, 3 333.33 £ private
	expect(summary.portfolio).toMatchObject({
		publicCents: 2_908_832,
		privateAndBankCents: 389_500,
		totalCents: 3_298_332,
	})
	// the page shows one page of rows and the whole view's totals, summed in SQL: the same
	expect(summariseFundingEvents({ viewer: manager, filters: inPeriod(3010) })).toEqual(summary)
	const [first, second] = [1, 2].map((page) =>
		listFundingEvents({ viewer: manager, filters: inPeriod(3010), page: { page, perPage: 3 } }),
	)
	expect([...first!, ...second!]).toEqual(all)

	const filtered = (filters: object) =>
		listFundingEvents({ viewer: manager, filters: { ...inPeriod(3010), ...filters } }).map(
			(r) => r.amountCents,
		)
	expect(filtered({ currency: 'GBP' }).sort()).toEqual([333_333, 777_777])
	expect(filtered({ origin: 'private' }).sort()).toEqual([333_333, 5_000_000])
	expect(filtered({ cohortId: cohort.id })).toHaveLength(3)
	expect(filtered({ status: 'planned' })).toEqual([5_000_000])
	expect(filtered({ kind: 'innovation_fund_grant' })).toEqual([2_000_000])
	expect(filtered({ q: 'beta' })).toEqual([5_000_000])
	// an event counts on its secured date (factory: planned + 60 days), a planned one on its planned date
	expect(filtered({ from: '3010-04-03' })).toEqual([])
	expect(filtered({ to: '3010-04-01' })).toEqual([5_000_000])
	// sorted by euro amount, largest first
	expect(
		listFundingEvents({
			viewer: manager,
			filters: inPeriod(3010),
			sort: 'amount',
			dir: 'desc',
		}).map((r) => r.amountCents),
	).toEqual([5_000_000, 2_000_000, 777_777, 333_333])
})

test('partners get sums by startup with no event, source or note; the totals add the rows up', () => {
	const a = createStartup({ name: 'Gamma Ports' })
	const b = createStartup({ name: 'Delta Rail' })
	const period = { plannedOn: '3020-01-01' }
	createFundingEvent({
		...period,
		startupId: a.id,
		amountCents: 1_000_000,
		note: 'Prêt à Jean Dupont',
	})
	createFundingEvent({
		...period,
		startupId: a.id,
		kind: 'bank_loan',
		isPublic: false,
		amountCents: 3_000_000,
	})
	createFundingEvent({
		...period,
		startupId: b.id,
		kind: 'crowdfunding',
		isPublic: false,
		amountCents: 500_000,
	})
	createFundingEvent({ ...period, startupId: b.id, amountCents: 9_000_000, status: 'applied' })

	expect(listFundingEvents({ viewer: partner, filters: inPeriod(3020) })).toEqual([])
	const result = getFundingByStartup({ viewer: partner, filters: inPeriod(3020) })!
	expect(JSON.stringify(result)).not.toContain('Jean Dupont')
	expect(JSON.stringify(result)).not.toMatch(/"note"|"source"/)
	expect(result.rows).toEqual([
		expect.objectContaining({
			startupName: 'Gamma Ports',
			publicCents: 1_000_000,
			privateAndBankCents: 3_000_000,
			totalCents: 4_000_000,
			leverage: 3,
		}),
		expect.objectContaining({ startupName: 'Delta Rail', publicCents: 0, totalCents: 500_000 }),
	])
	expect(result.totals).toMatchObject({
		publicCents: 1_000_000,
		privateAndBankCents: 3_500_000,
		totalCents: result.rows.reduce((s, r) => s + r.totalCents, 0),
		leverage: 3.5,
	})
	expect(getFundingByStartup({ viewer: founderOf(a.id), filters: {} })).toBeNull()
})

test("the innovation fund view follows each grant's chain across startups, from the database", () => {
	const fret = createStartup({ name: 'Fret Test' })
	const dover = createStartup({ name: 'Dover Test' })
	const dates = { plannedOn: '3030-01-10', appliedOn: '3030-02-10', securedOn: '3030-03-10' }
	const grantRow = createFundingEvent({
		startupId: fret.id,
		amountCents: 2_000_000,
		status: 'secured',
		...dates,
	})
	const honour = createFundingEvent({
		startupId: fret.id,
		kind: 'honour_loan',
		isPublic: false,
		amountCents: 1_500_000,
		triggeredById: grantRow.id,
		plannedOn: '3030-04-01',
	})
	createFundingEvent({
		startupId: fret.id,
		kind: 'bank_loan',
		isPublic: false,
		amountCents: 6_000_000,
		triggeredById: honour.id,
		plannedOn: '3030-05-01',
	})
	createFundingEvent({
		startupId: fret.id,
		kind: 'equity_round',
		isPublic: false,
		amountCents: 80_000_000,
		status: 'declined',
		triggeredById: honour.id,
		plannedOn: '3030-05-01',
	})
	// a grant to one startup unlocked a loan of another one
	createFundingEvent({
		startupId: dover.id,
		kind: 'bank_loan',
		isPublic: false,
		amountCents: 500_000,
		triggeredById: grantRow.id,
		plannedOn: '3030-06-01',
	})
	const view = getInnovationFundView({ viewer: partner, asOf: '3030-12-31' })!
	const row = view.grants.find((g) => g.id === grantRow.id)!
	expect(row).toMatchObject({
		startupName: 'Fret Test',
		year: 3030,
		grantedCents: 2_000_000,
		triggeredCents: 8_000_000,
		triggeredEvents: 3,
		leverage: 4,
	})
	expect(row.chain).toHaveLength(4)
	const year = view.years.find((y) => y.year === 3030)!
	expect(year).toMatchObject({
		grants: 1,
		grantedCents: 2_000_000,
		envelopeCents: INNOVATION_FUND_YEARLY_ENVELOPE_CENTS,
		remainingCents: INNOVATION_FUND_YEARLY_ENVELOPE_CENTS - 2_000_000,
	})
	expect(JSON.stringify(view)).not.toContain('"note"')
	// sources may name a person: partners read the chain without them
	expect(row.chain.every((e) => e.source === null)).toBe(true)
	const managerView = getInnovationFundView({ viewer: manager, asOf: '3030-12-31' })!
	expect(managerView.grants.find((g) => g.id === grantRow.id)!.chain[0]!.source).not.toBeNull()
	expect(getInnovationFundView({ viewer: founderOf(fret.id) })).toBeNull()
})

test('a trigger must be an earlier event of the startup, or an innovation-fund grant, with no loop', () => {
	const startup = createStartup()
	const other = createStartup()
	const problem = (
		triggeredById: number,
		plannedOn = '3040-06-01',
		viewer = manager,
		eventId: number | null = null,
	) =>
		triggerProblem({ viewer, startupId: startup.id, eventId, triggeredById, dates: { plannedOn } })
	const early = createFundingEvent({ startupId: startup.id, plannedOn: '3040-01-01' })
	const later = createFundingEvent({ startupId: startup.id, plannedOn: '3040-09-01' })
	const declined = createFundingEvent({
		startupId: startup.id,
		plannedOn: '3040-01-01',
		status: 'declined',
	})
	const otherGrant = createFundingEvent({ startupId: other.id, plannedOn: '3040-01-01' })
	const otherLoan = createFundingEvent({
		startupId: other.id,
		plannedOn: '3040-01-01',
		kind: 'bank_loan',
		isPublic: false,
	})

	expect(problem(early.id)).toBeNull()
	expect(problem(early.id, '3040-01-01')).toBeNull()
	expect(problem(later.id)).toBe('funding:errors.triggerLater')
	expect(problem(declined.id)).toBe('funding:errors.triggerDeclined')
	expect(problem(999_999)).toBe('funding:errors.unknownTrigger')
	expect(problem(otherGrant.id)).toBeNull()
	expect(problem(otherLoan.id)).toBe('funding:errors.triggerOtherStartup')
	// a founder knows nothing of another startup's money, grant or not
	expect(problem(otherGrant.id, '3040-06-01', founderOf(startup.id))).toBe(
		'funding:errors.unknownTrigger',
	)
	expect(problem(early.id, '3040-01-01', manager, early.id)).toBe('funding:errors.triggerSelf')

	// early ← middle ← last; then "early was triggered by last" closes the loop
	const middle = createFundingEvent({
		startupId: startup.id,
		plannedOn: '3040-01-01',
		triggeredById: early.id,
	})
	const last = createFundingEvent({
		startupId: startup.id,
		plannedOn: '3040-01-01',
		triggeredById: middle.id,
	})
	expect(problem(last.id, '3040-01-01', manager, early.id)).toBe('funding:errors.triggerCycle')
	// nor do they appear among the triggers offered for it
	const offered = listTriggerOptions({ viewer: manager, startupId: startup.id, eventId: early.id })
	expect(offered.map((o) => o.id)).not.toContain(middle.id)
	expect(offered.map((o) => o.id)).not.toContain(last.id)
	expect(offered.map((o) => o.id)).not.toContain(declined.id)
	expect(offered.map((o) => o.id)).toContain(otherGrant.id)
	expect(
		listTriggerOptions({ viewer: founderOf(startup.id), startupId: startup.id }).map((o) => o.id),
	).not.toContain(otherGrant.id)
})

test('the write checks the link again and keeps the database unchanged when refused', () => {
	const startup = createStartup()
	const a = createFundingEvent({ startupId: startup.id, plannedOn: '3050-01-01' })
	const b = createFundingEvent({
		startupId: startup.id,
		plannedOn: '3050-01-01',
		triggeredById: a.id,
	})
	const before = getDb().select().from(fundingEvents).where(eq(fundingEvents.id, a.id)).get()
	const result = updateFundingEvent({
		viewer: manager,
		startupId: startup.id,
		eventId: a.id,
		input: input({ plannedOn: '3050-01-01', triggeredById: String(b.id) }),
	})
	expect(result).toEqual({
		ok: false,
		fieldErrors: { triggeredById: ['funding:errors.triggerCycle'] },
		formErrors: [],
	})
	expect(getDb().select().from(fundingEvents).where(eq(fundingEvents.id, a.id)).get()).toEqual(
		before,
	)

	// moving an event after one it triggered is refused too
	const moved = updateFundingEvent({
		viewer: manager,
		startupId: startup.id,
		eventId: a.id,
		input: input({ plannedOn: '3050-02-01' }),
	})
	expect(moved).toMatchObject({
		ok: false,
		fieldErrors: { plannedOn: ['funding:errors.startsAfterTriggered'] },
	})
})

test("a founder's writes reach their own startup only, and each leaves an audit row on its timeline", () => {
	const mine = createStartup()
	const theirs = createStartup()
	const user = createUser({ role: 'founder', startupId: mine.id })
	const founder: Viewer = { id: user.id, role: 'founder', startupId: mine.id, mentorId: null }
	expect(recordFunding({ viewer: founder, startupId: theirs.id, input: input({}) })).toBeNull()
	const theirEvent = createFundingEvent({ startupId: theirs.id })
	expect(
		updateFundingEvent({
			viewer: founder,
			startupId: mine.id,
			eventId: theirEvent.id,
			input: input({}),
		}),
	).toBeNull()
	expect(
		updateFundingEvent({
			viewer: founder,
			startupId: theirs.id,
			eventId: theirEvent.id,
			input: input({}),
		}),
	).toBeNull()
	const mentor: Viewer = { id: 0, role: 'mentor', startupId: null, mentorId: 1 }
	expect(recordFunding({ viewer: mentor, startupId: mine.id, input: input({}) })).toBeNull()

	const created = recordFunding({ viewer: founder, startupId: mine.id, input: input({}) })
	expect(created).toMatchObject({ ok: true })
	const audit = getDb()
		.select()
		.from(auditLog)
		.where(eq(auditLog.entity, 'funding_event'))
		.all()
		.filter((a) => a.startupId === mine.id)
	expect(audit).toHaveLength(1)
	expect(activityText(audit[0], 'fr')).toBe(
		'a enregistré un financement\u202f: prêt bancaire, 50\u202f000,00\u202f€, prévu',
	)
	expect(activityText(audit[0], 'en')).toBe('recorded funding: bank loan, €50,000.00, planned')
})

test("a startup's page shows its funding twenty events at a time, with totals over all of them", () => {
	const startup = createStartup()
	for (let i = 0; i < 45; i++) {
		createFundingEvent({
			startupId: startup.id,
			kind: 'crowdfunding',
			isPublic: false,
			amountCents: 10_000 + i,
			status: i % 9 === 0 ? 'planned' : 'received',
			plannedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
		})
	}
	const first = getFunding(startup.id)
	expect(first.rows).toHaveLength(20)
	expect(first).toMatchObject({ events: 45, securedEvents: 40, inProgress: 5, pageCount: 3 })
	const all = [1, 2, 3].flatMap((page) => getFunding(startup.id, page).rows)
	expect(new Set(all.map((r) => r.id)).size).toBe(45)
	expect(first.securedEurCents).toBe(
		all.filter((r) => r.status === 'received').reduce((sum, r) => sum + r.amountEurCents!, 0),
	)
	// newest first, across pages
	const dates = all.map((r) => r.date!)
	expect(dates).toEqual([...dates].sort().reverse())
	// a page past the last shows the last
	expect(getFunding(startup.id, 9).page).toBe(3)
})
