import { eq } from 'drizzle-orm'
import { subsidyBudgets } from '#db/schema/index'
import { createStatement, createSubsidyBudget, createUser } from '#tests/factories'
import {
	auditCount,
	fixedStep,
	founderViewer,
	leaseOn,
	managerViewer,
	viewerOf,
} from '#tests/factories-nursery'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { DEFAULT_SCHEDULES } from '~/utils/rent'
import { issueCreditNote } from './statement.server'
import { getSubsidyOverview, saveSubsidyBudget } from './subsidy.server'

const yearOf = (year: number, viewer = managerViewer()) =>
	getSubsidyOverview({ viewer })!.find((y) => y.year === year)!

describe('the subsidy budget against what schedules commit', () => {
	test('committed, still scheduled and forecast, to the cent, with a warning over budget', () => {
		const manager = managerViewer()
		const a = leaseOn({
			start: '2101-01-01',
			end: '2101-12-31',
			rent: 100_000,
			steps: DEFAULT_SCHEDULES.incubation,
			startupName: 'Alpha Marée',
		})
		const b = leaseOn({
			start: '2101-07-16',
			end: '2101-12-31',
			rent: 30_000,
			steps: [fixedStep(1, null, 10_000)],
			startupName: 'Beta Estran',
		})
		const jan = createStatement({ leaseId: a.id, month: '2101-01' })
		createStatement({ leaseId: a.id, month: '2101-02' })
		createStatement({ leaseId: a.id, month: '2101-03' })
		createSubsidyBudget({ year: 2101, amountCents: 600_000 })

		let y = yearOf(2101, manager)
		expect(y).toMatchObject({
			budgetCents: 600_000,
			committedCents: 150_000,
			// A: April–December at 50 %; B: 16 days of July (5 161) and five full months
			scheduledCents: 9 * 50_000 + 5_161 + 5 * 10_000,
			forecastCents: 150_000 + 450_000 + 55_161,
			marginCents: 600_000 - 655_161,
			overBudget: true,
		})
		expect(y.startups).toEqual([
			{
				startupId: a.startupId,
				startupName: 'Alpha Marée',
				committedCents: 150_000,
				scheduledCents: 450_000,
				forecastCents: 600_000,
			},
			{
				startupId: b.startupId,
				startupName: 'Beta Estran',
				committedCents: 0,
				scheduledCents: 55_161,
				forecastCents: 55_161,
			},
		])

		// a credit note on the Cap Calaisis share lowers what is committed
		issueCreditNote({
			statementId: jan.id,
			input: { subsidyAmount: 10_000, startupAmount: 0, reason: 'Travaux' },
			viewer: manager,
		})
		y = yearOf(2101, manager)
		expect(y.committedCents).toBe(140_000)
		expect(y.forecastCents).toBe(645_161)
		// the year's figures are the sums of its startups' rows
		for (const key of ['committedCents', 'scheduledCents', 'forecastCents'] as const) {
			expect(y[key]).toBe(y.startups.reduce((s, r) => s + r[key], 0))
		}
	})

	test('a budget that covers the forecast raises no warning; a year without budget has none', () => {
		leaseOn({ start: '2103-01-01', end: '2103-06-30', rent: 20_000 })
		createSubsidyBudget({ year: 2103, amountCents: 60_000 })
		expect(yearOf(2103)).toMatchObject({ forecastCents: 60_000, marginCents: 0, overBudget: false })
		// this year is always shown, budget or not
		const current = Number(today().slice(0, 4))
		expect(getSubsidyOverview({ viewer: managerViewer() })!.map((y) => y.year)).toContain(current)
	})

	test('partners read the summary; founders and mentors do not', () => {
		leaseOn({ start: '2104-01-01', end: '2104-12-31', startupName: 'Gamma Dunes' })
		createSubsidyBudget({ year: 2104 })
		const partner = viewerOf(createUser({ role: 'partner' }))
		const summary = yearOf(2104, partner)
		expect(summary.startups.map((s) => s.startupName)).toEqual(['Gamma Dunes'])
		// startup names and totals only: no payment in it
		expect(JSON.stringify(summary)).not.toMatch(/paid|payment/i)
		expect(getSubsidyOverview({ viewer: founderViewer(summary.startups[0]!.startupId) })).toBeNull()
		expect(getSubsidyOverview({ viewer: viewerOf(createUser({ role: 'mentor' })) })).toBeNull()
	})
})

describe('setting a year’s budget', () => {
	test('created, then changed, each time with an audit row; the same values change nothing', () => {
		const manager = managerViewer()
		const audits = auditCount()
		const values = { year: 2105, amount: 5_000_000, votedOn: '2104-12-15', note: 'Délibération' }
		expect(saveSubsidyBudget({ input: values, viewer: manager })).toEqual({
			ok: true,
			value: { created: true, changed: true },
		})
		expect(saveSubsidyBudget({ input: { ...values, amount: 5_500_000 }, viewer: manager })).toEqual(
			{ ok: true, value: { created: false, changed: true } },
		)
		expect(saveSubsidyBudget({ input: { ...values, amount: 5_500_000 }, viewer: manager })).toEqual(
			{ ok: true, value: { created: false, changed: false } },
		)
		const rows = getDb().select().from(subsidyBudgets).where(eq(subsidyBudgets.year, 2105)).all()
		expect(rows).toEqual([
			expect.objectContaining({ amountCents: 5_500_000, note: 'Délibération' }),
		])
		expect(auditCount()).toBe(audits + 2)
	})

	test('a partner cannot set a budget', () => {
		const partner = viewerOf(createUser({ role: 'partner' }))
		expect(saveSubsidyBudget({ input: { year: 2106, amount: 1 }, viewer: partner })).toBeNull()
		expect(
			getDb().select().from(subsidyBudgets).where(eq(subsidyBudgets.year, 2106)).all(),
		).toEqual([])
	})
})
