import { createCohort, createStartup } from '#tests/factories'
import { reportSectionCsv } from './csv.server'
import { getPageReport, getReport, LARGEST_ROWS, reportForPage } from './index.server'
import { parseReportPeriod } from './period'

/*
 * Issue 14: at network scale the report page listed every cohort (1,800 rows, 340 KB). The page
 * keeps the largest cohorts and sums the rest in one row; the CSV export still lists them all.
 */
test('the page shows the largest cohorts and one row for the rest; the CSV lists every cohort', () => {
	const cohorts = Array.from({ length: LARGEST_ROWS + 3 }, (_, i) =>
		createCohort({ name: `Promotion ${String(i + 1).padStart(2, '0')}` }),
	)
	// cohort i hosts i + 1 startups: the three smallest are Promotions 01, 02 and 03
	cohorts.forEach((cohort, i) => {
		for (let n = 0; n <= i; n++) {
			createStartup({ cohortId: cohort.id, status: 'incubated', enteredOn: '2025-03-01' })
		}
	})
	const period = parseReportPeriod(new URLSearchParams('year=2025'), '2026-11-29')
	const report = getReport(period)
	const page = reportForPage(report)

	expect(page.portfolio.byCohort).toHaveLength(LARGEST_ROWS)
	expect(page.portfolio.byCohort[0]).toEqual({ label: 'Promotion 15', n: 15 })
	expect(page.portfolio.byCohort.map((c) => c.label)).not.toContain('Promotion 03')
	expect(page.portfolio.otherCohorts).toEqual({ cohorts: 3, startups: 1 + 2 + 3 })
	// what the page shows adds up to the total hosted
	const shown = page.portfolio.byCohort.reduce((sum, c) => sum + c.n, 0)
	expect(shown + page.portfolio.otherCohorts!.startups).toBe(page.portfolio.hosted)
	// the per-startup headcounts are the export's, not the page's
	expect(page.jobs).not.toHaveProperty('current')

	const csv = reportSectionCsv('portfolio', report)
	for (const cohort of cohorts) expect(csv).toContain(cohort.name)
})

test('a report with few cohorts shows them all, with no row for the rest', () => {
	const period = parseReportPeriod(new URLSearchParams('year=2024'), '2026-11-29')
	createStartup({ status: 'incubated', enteredOn: '2024-05-01' })
	const page = reportForPage(getReport(period))
	expect(page.portfolio.otherCohorts).toBeNull()
	expect(page.portfolio.byCohort.length).toBeLessThanOrEqual(LARGEST_ROWS)
})

test('the page keeps what it shows of a report until the next write', () => {
	const period = parseReportPeriod(new URLSearchParams('year=2023'), '2026-11-29')
	const before = getPageReport(period)
	expect(getPageReport(period)).toBe(before)
	createStartup({ status: 'incubated', enteredOn: '2023-05-01' })
	expect(getPageReport(period).portfolio.hosted).toBe(before.portfolio.hosted + 1)
})
