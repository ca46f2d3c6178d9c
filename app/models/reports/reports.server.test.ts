import {
	createAssignment,
	createCohort,
	createContact,
	createIntroduction,
	createKpiReport,
	createMentor,
	createMentoringSession,
	createMilestone,
	createOrganisation,
	createStartup,
} from '#tests/factories'
import { getFrancoBritishReport } from './franco-british.server'
import { getJobsReport } from './jobs.server'
import { getMentoringReport } from './mentoring.server'
import { parseReportPeriod } from './period'
import { getPortfolioReport } from './portfolio.server'

const TODAY = '2026-11-29'
const period = (query: string) => parseReportPeriod(new URLSearchParams(query), TODAY)

// A small known world, built once for the file; expected figures are worked out by hand below.
const cohortA = createCohort({ name: 'Report A', startDate: '2022-09-01', endDate: '2023-08-31' })
const cohortB = createCohort({ name: 'Report B', startDate: '2024-09-01', endDate: '2025-08-31' })
const alpha = createStartup({
	name: 'Alpha',
	cohortId: cohortA.id,
	status: 'graduated',
	enteredOn: '2022-09-01',
	leftOn: '2024-06-30',
})
createStartup({
	name: 'Beta',
	cohortId: cohortA.id,
	status: 'left',
	enteredOn: '2022-10-01',
	leftOn: '2023-05-31',
})
const gamma = createStartup({
	name: 'Gamma',
	cohortId: cohortB.id,
	status: 'incubated',
	enteredOn: '2024-09-01',
	leftOn: null,
})
createStartup({
	name: 'Delta (applicant)',
	cohortId: cohortB.id,
	status: 'applicant',
	enteredOn: null,
})

test('portfolio: startups hosted, entries and exits, survival', () => {
	const y2024 = getPortfolioReport(period('year=2024'))
	// Alpha until June, Gamma from September; Beta had left in 2023
	expect(y2024.hosted).toBe(2)
	expect(y2024.totals).toEqual({ entries: 1, graduated: 1, left: 0 })
	const all = getPortfolioReport(period(''))
	expect(all.hosted).toBe(3)
	expect(all.byStatus.find((s) => s.label === 'left')?.n).toBe(1)
	expect(all.byCohort.find((c) => c.label === 'Report A')?.n).toBe(2)
	// 1 year after entry: Alpha and Gamma were still there, Beta had left → 2 of 3
	expect(all.survival[0]).toEqual({ years: 1, eligible: 3, survived: 2 })
	// 3 years after entry: only Alpha and Beta are old enough; Beta had left
	expect(all.survival[2]).toEqual({ years: 3, eligible: 2, survived: 1 })
	// the yearly rows add up to the totals
	expect(all.byYear.reduce((s, y) => s + y.entries, 0)).toBe(all.totals.entries)
	expect(all.totals.entries).toBe(3)
	// a cohort narrows everything
	expect(getPortfolioReport(period(`cohort=${cohortB.id}`)).hosted).toBe(1)
})

test('jobs: the latest report of each startup hosted, quarter by quarter', () => {
	createKpiReport({ startupId: alpha.id, quarter: '2023-Q4', employees: 4 })
	createKpiReport({ startupId: alpha.id, quarter: '2024-Q1', employees: 6 })
	createKpiReport({ startupId: gamma.id, quarter: '2024-Q4', employees: 3 })
	createKpiReport({ startupId: gamma.id, quarter: '2025-Q2', employees: 5 })
	const jobs = getJobsReport(period('from=2024-01-01&to=2025-06-30'))
	const q = (quarter: string) => jobs.series.find((s) => s.quarter === quarter)?.employees
	expect(q('2024-Q1')).toBe(6)
	// Alpha skipped Q2 but was still hosted: its last figure counts
	expect(q('2024-Q2')).toBe(6)
	// Alpha left in June 2024; Gamma had not reported yet in Q3
	expect(q('2024-Q3')).toBe(0)
	expect(q('2024-Q4')).toBe(3)
	expect(q('2025-Q2')).toBe(5)
	expect(jobs.total).toBe(5)
	expect(jobs.change).toBe(5 - 6)
	expect(jobs.current.map((r) => r.name)).toEqual(['Gamma'])
})

test('mentoring: hours by month and by organisation add up', () => {
	const sncf = createMentor({ organisation: 'SNCF Développement' })
	const ulco = createMentor({ organisation: 'ULCO' })
	const a1 = createAssignment({ mentorId: sncf.id, startupId: gamma.id, startDate: '2024-09-01' })
	const a2 = createAssignment({ mentorId: ulco.id, startupId: gamma.id, startDate: '2024-09-01' })
	createMentoringSession({ assignmentId: a1.id, date: '2025-01-10', minutes: 90 })
	createMentoringSession({ assignmentId: a1.id, date: '2025-01-20', minutes: 30 })
	createMentoringSession({ assignmentId: a2.id, date: '2025-02-05', minutes: 60 })
	createMentoringSession({ assignmentId: a2.id, date: '2025-04-01', minutes: 45 })
	const report = getMentoringReport(period('quarter=2025-Q1'))
	expect(report.byMonth).toEqual([
		{ month: '2025-01', minutes: 120, sessions: 2 },
		{ month: '2025-02', minutes: 60, sessions: 1 },
		{ month: '2025-03', minutes: 0, sessions: 0 },
	])
	expect(report.byOrganisation).toEqual([
		{ organisation: 'SNCF Développement', minutes: 120, sessions: 2 },
		{ organisation: 'ULCO', minutes: 60, sessions: 1 },
	])
	expect(report.totalMinutes).toBe(180)
})

test('Franco-British: UK introductions, the funnel and UK market entries', () => {
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const lille = createOrganisation({ name: 'Lille Port', country: 'FR' })
	const uk = createContact({ organisationId: dover.id, country: 'GB' })
	const fr = createContact({ organisationId: lille.id, country: 'FR' })
	createIntroduction({
		contactId: uk.id,
		startupId: gamma.id,
		introducedOn: '2025-02-01',
		status: 'deal',
		dealValueCents: 1_000_000,
		dealCurrency: 'GBP',
	})
	createIntroduction({
		contactId: uk.id,
		startupId: alpha.id,
		introducedOn: '2024-03-01',
		status: 'no_fit',
	})
	createIntroduction({
		contactId: uk.id,
		startupId: gamma.id,
		introducedOn: '2025-03-01',
		status: 'meeting_held',
	})
	createIntroduction({
		contactId: fr.id,
		startupId: gamma.id,
		introducedOn: '2025-03-02',
		status: 'made',
	})
	createMilestone({
		startupId: gamma.id,
		kind: 'uk_market_entry',
		status: 'done',
		doneOn: '2025-05-01',
	})
	const report = getFrancoBritishReport(period('year=2025'))
	expect(report.totals).toEqual({
		introductions: 3,
		ukIntroductions: 2,
		ukDeals: 1,
		ukEntries: 1,
		// the contacts were recorded today (the test clock), not in 2025
		newUkContacts: 0,
	})
	expect(report.funnel).toEqual([
		{ stage: 'proposed', all: 3, uk: 2 },
		{ stage: 'made', all: 3, uk: 2 },
		{ stage: 'meeting_held', all: 2, uk: 2 },
		{ stage: 'deal', all: 1, uk: 1 },
	])
	const all = getFrancoBritishReport(period(''))
	expect(all.byYear.find((y) => y.year === 2024)).toMatchObject({ introductions: 1, deals: 0 })
	expect(all.totals.newUkContacts).toBe(all.byYear.reduce((s, y) => s + y.newUkContacts, 0))
	expect(all.byYear.reduce((s, y) => s + y.introductions, 0)).toBe(all.totals.ukIntroductions)
	expect(all.ukContacts).toBeGreaterThanOrEqual(1)
})

test('Franco-British: a deal counts in the year it was concluded, the funnel by introduction', () => {
	const calais = createOrganisation({ name: 'Folkestone Freight', country: 'GB' })
	const contact = createContact({ organisationId: calais.id, country: 'GB' })
	// introduced in December 2023, the deal signed in February 2026
	createIntroduction({
		contactId: contact.id,
		startupId: alpha.id,
		introducedOn: '2023-12-01',
		status: 'deal',
		statusOn: '2026-02-01',
	})
	const y2023 = getFrancoBritishReport(period('year=2023'))
	expect(y2023.totals).toMatchObject({ ukIntroductions: 1, ukDeals: 0 })
	// the funnel follows the introductions of the period, to the stage each reached since
	expect(y2023.funnel.find((f) => f.stage === 'deal')).toEqual({ stage: 'deal', all: 1, uk: 1 })
	const y2026 = getFrancoBritishReport(period('year=2026'))
	expect(y2026.totals).toMatchObject({ ukIntroductions: 0, ukDeals: 1 })
	expect(y2026.byYear).toEqual([
		expect.objectContaining({ year: 2026, introductions: 0, deals: 1 }),
	])
})

test('funding: secured money by year, public against private, the fund and its leverage', async () => {
	const { createExchangeRate, createFundingEvent } = await import('#tests/factories')
	const { getFundingReport } = await import('./funding.server')
	createExchangeRate({ date: '2024-01-01', rateMicros: 1_200_000 })
	const grant = createFundingEvent({
		startupId: gamma.id,
		kind: 'innovation_fund_grant',
		isPublic: true,
		status: 'received',
		amountCents: 30_000_00,
		currency: 'EUR',
		securedOn: '2024-10-01',
	})
	const honour = createFundingEvent({
		startupId: gamma.id,
		kind: 'honour_loan',
		isPublic: false,
		status: 'secured',
		amountCents: 20_000_00,
		currency: 'EUR',
		securedOn: '2024-12-01',
		triggeredById: grant.id,
	})
	// a round in pounds, triggered by the honour loan: two levels down the chain
	createFundingEvent({
		startupId: gamma.id,
		kind: 'equity_round',
		isPublic: false,
		status: 'secured',
		amountCents: 50_000_00,
		currency: 'GBP',
		securedOn: '2025-03-01',
		triggeredById: honour.id,
	})
	// declined and planned money counts nowhere
	createFundingEvent({
		startupId: gamma.id,
		kind: 'bank_loan',
		isPublic: false,
		status: 'declined',
		amountCents: 99_000_00,
		currency: 'EUR',
		declinedOn: '2025-04-01',
		triggeredById: grant.id,
	})
	createFundingEvent({
		startupId: alpha.id,
		kind: 'grant',
		isPublic: true,
		status: 'received',
		amountCents: 10_000_00,
		currency: 'EUR',
		securedOn: '2023-05-01',
	})

	const all = getFundingReport(period(''))
	expect(all.totals.publicCents).toBe(40_000_00)
	expect(all.totals.privateCents).toBe(20_000_00 + 60_000_00)
	expect(all.totals.securedCents).toBe(120_000_00)
	expect(all.totals.leverage).toBe(80_000_00 / 40_000_00)
	// the grant triggered the honour loan and, through it, the round
	expect(all.totals).toMatchObject({
		grants: 1,
		grantedCents: 30_000_00,
		triggeredCents: 80_000_00,
	})
	expect(all.byYear.find((y) => y.year === 2024)).toMatchObject({
		publicCents: 30_000_00,
		privateCents: 20_000_00,
	})
	expect(all.byYear.reduce((s, y) => s + y.publicCents + y.privateCents, 0)).toBe(
		all.totals.securedCents,
	)
	expect(all.byKind.reduce((s, k) => s + k.cents, 0)).toBe(all.totals.securedCents)

	const y2025 = getFundingReport(period('year=2025'))
	expect(y2025.totals).toMatchObject({ publicCents: 0, privateCents: 60_000_00, grants: 0 })
	expect(y2025.totals.leverage).toBeNull()
})

test('rent subsidy: the Cap Calaisis share by year against the budget, and occupancy', async () => {
	const { createLease, createStatement, createSubsidyBudget, createUnit } =
		await import('#tests/factories')
	const { getRentReport } = await import('./rent.server')
	const unit = createUnit({ code: 'R-01' })
	createUnit({ code: 'R-02' })
	const lease = createLease({
		startupId: gamma.id,
		unitId: unit.id,
		startDate: '2024-09-01',
		endDate: null,
		monthlyRentCents: 400_00,
	})
	for (const month of ['2024-11', '2024-12', '2025-01'])
		createStatement({ leaseId: lease.id, month })
	createSubsidyBudget({ year: 2024, amountCents: 50_000_00 })

	const report = getRentReport(period('from=2024-11-01&to=2025-01-31'))
	// the incubation preset: 50 % for the first year, so 200 € a month from Cap Calaisis
	expect(report.byYear).toEqual([
		{ year: 2024, subsidyCents: 400_00, rentCents: 800_00, budgetCents: 50_000_00 },
		{ year: 2025, subsidyCents: 200_00, rentCents: 400_00, budgetCents: null },
	])
	expect(report.totals.subsidyCents).toBe(600_00)
	expect(report.occupancy.map((m) => m.occupied)).toEqual([1, 1, 1])
	expect(report.totalUnits).toBeGreaterThanOrEqual(2)
	// with a cohort chosen, the budget is not compared
	expect(getRentReport(period(`year=2024&cohort=${cohortA.id}`)).totals).toEqual({
		subsidyCents: 0,
		rentCents: 0,
		budgetCents: null,
	})
})
