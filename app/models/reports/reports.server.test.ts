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
const beta = createStartup({
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
	expect(report.totals).toEqual({ introductions: 3, ukIntroductions: 2, ukDeals: 1, ukEntries: 1 })
	expect(report.funnel).toEqual([
		{ stage: 'proposed', all: 3, uk: 2 },
		{ stage: 'made', all: 3, uk: 2 },
		{ stage: 'meeting_held', all: 2, uk: 2 },
		{ stage: 'deal', all: 1, uk: 1 },
	])
	const all = getFrancoBritishReport(period(''))
	expect(all.byYear.find((y) => y.year === 2024)).toMatchObject({ introductions: 1, deals: 0 })
	expect(all.byYear.reduce((s, y) => s + y.introductions, 0)).toBe(all.totals.ukIntroductions)
	expect(all.ukContacts).toBeGreaterThanOrEqual(1)
})
