/**
 * The report against a world built here, whose figures this file works out on its own from the
 * same inputs (plain loops over the arrays below), for two periods. Every total of every section
 * must match to the cent.
 */
import {
	createAssignment,
	createCohort,
	createContact,
	createFundingEvent,
	createIntroduction,
	createKpiReport,
	createLease,
	createMentor,
	createMentoringSession,
	createMilestone,
	createOrganisation,
	createStartup,
	createStatement,
	createUnit,
} from '#tests/factories'
import { getReport } from './index.server'
import { parseReportPeriod } from './period'
import { listReportRecords } from './records.server'

const TODAY = '2026-11-29'
const PERIODS = ['year=2025', 'from=2024-07-01&to=2025-06-30']

const cohort = createCohort({ name: 'Reconcile', startDate: '2024-01-01', endDate: '2024-12-31' })
const startupRows = [
	{ name: 'R-One', status: 'incubated', enteredOn: '2024-03-01', leftOn: null },
	{ name: 'R-Two', status: 'graduated', enteredOn: '2023-02-01', leftOn: '2025-03-31' },
	{ name: 'R-Three', status: 'left', enteredOn: '2024-09-15', leftOn: '2025-08-31' },
	{ name: 'R-Four', status: 'incubated', enteredOn: '2025-05-02', leftOn: null },
] as const
const ids = startupRows.map((s) => createStartup({ ...s, cohortId: cohort.id }).id)

const kpis = [
	{ s: 0, quarter: '2024-Q4', employees: 3 },
	{ s: 0, quarter: '2025-Q2', employees: 5 },
	{ s: 1, quarter: '2025-Q1', employees: 9 },
	{ s: 3, quarter: '2025-Q3', employees: 2 },
]
for (const k of kpis)
	createKpiReport({ startupId: ids[k.s]!, quarter: k.quarter, employees: k.employees })

const funding = [
	{
		s: 0,
		kind: 'innovation_fund_grant',
		isPublic: true,
		amountCents: 40_000_00,
		securedOn: '2024-10-10',
	},
	{
		s: 0,
		kind: 'bank_loan',
		isPublic: false,
		amountCents: 90_000_00,
		securedOn: '2025-02-02',
		trigger: 0,
	},
	{ s: 1, kind: 'grant', isPublic: true, amountCents: 12_345_67, securedOn: '2025-06-30' },
	{ s: 2, kind: 'equity_round', isPublic: false, amountCents: 150_000_00, securedOn: '2025-09-01' },
	{ s: 3, kind: 'honour_loan', isPublic: false, amountCents: 20_000_00, securedOn: '2024-12-31' },
] as const
const fundingIds: number[] = []
for (const f of funding) {
	const trigger = 'trigger' in f ? fundingIds[f.trigger] : undefined
	fundingIds.push(
		createFundingEvent({
			startupId: ids[f.s]!,
			kind: f.kind,
			isPublic: f.isPublic,
			amountCents: f.amountCents,
			currency: 'EUR',
			status: 'secured',
			securedOn: f.securedOn,
			triggeredById: trigger ?? null,
		}).id,
	)
}

const unit = createUnit({ code: 'RC-1' })
const lease = createLease({
	startupId: ids[0]!,
	unitId: unit.id,
	startDate: '2024-03-01',
	endDate: null,
	monthlyRentCents: 333_33,
})
const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-05', '2025-06', '2025-12']
const statements = months.map((month) => createStatement({ leaseId: lease.id, month }))

const mentor = createMentor({ organisation: 'Reconcile Org' })
const assignment = createAssignment({
	mentorId: mentor.id,
	startupId: ids[0]!,
	startDate: '2024-03-01',
})
const sessions = [
	{ date: '2024-08-01', minutes: 30 },
	{ date: '2025-01-15', minutes: 95 },
	{ date: '2025-06-30', minutes: 45 },
	{ date: '2025-07-01', minutes: 60 },
]
for (const s of sessions) createMentoringSession({ assignmentId: assignment.id, ...s })

const dover = createOrganisation({ country: 'GB' })
const ukContact = createContact({ organisationId: dover.id, country: 'GB' })
const intros = [
	{ s: 0, introducedOn: '2024-09-01', status: 'deal' },
	{ s: 1, introducedOn: '2025-03-03', status: 'meeting_held' },
	{ s: 2, introducedOn: '2025-11-11', status: 'no_fit' },
] as const
for (const i of intros) {
	createIntroduction({
		contactId: ukContact.id,
		startupId: ids[i.s]!,
		introducedOn: i.introducedOn,
		status: i.status,
		...(i.status === 'deal' ? { dealValueCents: 1_00, dealCurrency: 'GBP' as const } : {}),
	})
}
const entries = [
	{ s: 0, doneOn: '2025-04-04' },
	{ s: 1, doneOn: '2024-05-05' },
]
for (const e of entries)
	createMilestone({
		startupId: ids[e.s]!,
		kind: 'uk_market_entry',
		status: 'done',
		doneOn: e.doneOn,
	})

const within = (d: string | null, p: { from: string; to: string }) =>
	d !== null && d >= p.from && d <= p.to
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

test.each(PERIODS)('every section adds up for %s', (query) => {
	const period = parseReportPeriod(new URLSearchParams(`${query}&cohort=${cohort.id}`), TODAY)
	const report = getReport(period)

	// portfolio
	const hosted = startupRows.filter(
		(s) => s.enteredOn <= period.to && (!s.leftOn || s.leftOn >= period.from),
	)
	expect(report.portfolio.hosted).toBe(hosted.length)
	expect(report.portfolio.totals).toEqual({
		entries: startupRows.filter((s) => within(s.enteredOn, period)).length,
		graduated: startupRows.filter((s) => s.status === 'graduated' && within(s.leftOn, period))
			.length,
		left: startupRows.filter((s) => s.status === 'left' && within(s.leftOn, period)).length,
	})

	// jobs: in the last quarter of the period, each hosted startup's latest report so far
	const lastQuarter = report.jobs.series.at(-1)!.quarter
	const quarterStart = `${lastQuarter.slice(0, 4)}-${String((Number(lastQuarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`
	const expectedJobs = sum(
		startupRows.map((s, i) => {
			if (s.enteredOn > period.to || (s.leftOn && s.leftOn < quarterStart)) return 0
			const latest = kpis.filter((k) => k.s === i && k.quarter <= lastQuarter).at(-1)
			return latest?.employees ?? 0
		}),
	)
	expect(report.jobs.total).toBe(expectedJobs)

	// funding: public (not bank loans) against private and bank
	const securedIn = funding.filter((f) => within(f.securedOn, period))
	// leverage.ts's rule: public money is a public event that is not a loan from a bank
	const isPublicMoney = (f: { isPublic: boolean; kind: string }) =>
		f.isPublic && f.kind !== 'bank_loan'
	const publicCents = sum(securedIn.filter(isPublicMoney).map((f) => f.amountCents))
	const privateCents = sum(securedIn.filter((f) => !isPublicMoney(f)).map((f) => f.amountCents))
	expect(report.funding.totals).toMatchObject({
		publicCents,
		privateCents,
		securedCents: publicCents + privateCents,
	})
	expect(sum(report.funding.byKind.map((k) => k.cents))).toBe(publicCents + privateCents)
	const grantIn = within(funding[0].securedOn, period)
	expect(report.funding.totals.grantedCents).toBe(grantIn ? funding[0].amountCents : 0)
	expect(report.funding.totals.triggeredCents).toBe(grantIn ? funding[1].amountCents : 0)

	// each year's public and private figures trace back to records that add up to them
	const viewer = { id: 0, role: 'manager' as const, startupId: null, mentorId: null }
	for (const y of report.funding.byYear) {
		for (const [metric, cents] of [
			['funding.public', y.publicCents],
			['funding.private', y.privateCents],
		] as const) {
			const records = listReportRecords({ period, metric, key: String(y.year), viewer })!
			expect(sum(records.rows.map((r) => r.value ?? 0)), `${metric} ${y.year}`).toBe(cents)
		}
	}

	// rent subsidy: the Cap Calaisis share of the statements of the period's months
	const inMonths = statements.filter(
		(s) => s.month >= period.from.slice(0, 7) && s.month <= period.to.slice(0, 7),
	)
	expect(report.rentSubsidy.totals.subsidyCents).toBe(sum(inMonths.map((s) => s.subsidyCents)))
	expect(report.rentSubsidy.totals.rentCents).toBe(sum(inMonths.map((s) => s.rentCents)))
	expect(sum(report.rentSubsidy.byYear.map((y) => y.subsidyCents))).toBe(
		report.rentSubsidy.totals.subsidyCents,
	)

	// mentoring
	const minutes = sum(sessions.filter((s) => within(s.date, period)).map((s) => s.minutes))
	expect(report.mentoring.totalMinutes).toBe(minutes)
	expect(sum(report.mentoring.byMonth.map((m) => m.minutes))).toBe(minutes)
	expect(sum(report.mentoring.byOrganisation.map((o) => o.minutes))).toBe(minutes)

	// Franco-British
	const introsIn = intros.filter((i) => within(i.introducedOn, period))
	expect(report.francoBritish.totals).toEqual({
		introductions: introsIn.length,
		ukIntroductions: introsIn.length,
		// a deal counts on the day it was concluded; the factory concludes it on the introduction's day
		ukDeals: introsIn.filter((i) => i.status === 'deal').length,
		ukEntries: entries.filter((e) => within(e.doneOn, period)).length,
		// the UK contact was recorded today, on the test clock
		newUkContacts: within(TODAY, period) ? 1 : 0,
	})
	expect(sum(report.francoBritish.byYear.map((y) => y.introductions))).toBe(introsIn.length)
})
