import { today } from '~/utils/clock'
import { cachedRead } from '~/utils/read-cache.server'
import { compareNames } from '~/utils/sort-key'
import { getFrancoBritishReport } from './franco-british.server'
import { getFundingReport } from './funding.server'
import { getRentReport } from './rent.server'
import { getJobsReport } from './jobs.server'
import { getMentoringReport } from './mentoring.server'
import { parseReportPeriod, type ReportPeriod } from './period'
import { getPortfolioReport } from './portfolio.server'
import { getSelectionReport } from './selection.server'

export const REPORT_SECTIONS = [
	'portfolio',
	'jobs',
	'funding',
	'rent-subsidy',
	'mentoring',
	'franco-british',
	'selection',
] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

export function periodFromUrl(url: URL) {
	return parseReportPeriod(url.searchParams, today())
}

/** How each section is computed; the benchmark times them one by one. */
export const REPORT_BUILDERS = {
	portfolio: getPortfolioReport,
	jobs: getJobsReport,
	funding: getFundingReport,
	rentSubsidy: getRentReport,
	mentoring: getMentoringReport,
	francoBritish: getFrancoBritishReport,
	selection: getSelectionReport,
} satisfies Record<string, (period: ReportPeriod) => unknown>

type Builders = typeof REPORT_BUILDERS
export type Report = { [K in keyof Builders]: ReturnType<Builders[K]> }

/**
 * Every section of the report for a period: aggregates only, never a person. Each section is
 * kept until the next write to the database (cachedRead): a report read again costs nothing.
 */
const periodKey = (period: ReportPeriod) => `${period.from}|${period.to}|${period.cohortId ?? ''}`

export function getReport(period: ReportPeriod): Report {
	return Object.fromEntries(
		Object.entries(REPORT_BUILDERS).map(([key, build]) => [
			key,
			cachedRead(`report:${key}:${periodKey(period)}`, () => build(period)),
		]),
	) as Report
}

/** How many rows of a table that grows with the network the report page shows. */
export const LARGEST_ROWS = 12

/**
 * What the report page shows of a report (the CSV export keeps every row): a table that grows
 * with the network — hosted startups by cohort, 1,800 cohorts at network scale — keeps its
 * largest rows and sums the rest in one, so the page stays readable and light; figures only the
 * export lists (each startup's latest headcount) stay out of the page.
 */
export function reportForPage(report: Report) {
	const { current: _current, ...jobs } = report.jobs
	const byCohort = [...report.portfolio.byCohort].sort(
		(a, b) => b.n - a.n || compareNames(a.label, b.label),
	)
	const rest = byCohort.slice(LARGEST_ROWS)
	return {
		...report,
		jobs,
		portfolio: {
			...report.portfolio,
			byCohort: byCohort.slice(0, LARGEST_ROWS),
			otherCohorts: rest.length
				? { cohorts: rest.length, startups: rest.reduce((sum, c) => sum + c.n, 0) }
				: null,
		},
	}
}

export type PageReport = ReturnType<typeof reportForPage>

/** The report page's report for a period, kept until the next write as its sections are. */
export function getPageReport(period: ReportPeriod): PageReport {
	return cachedRead(`report-page:${periodKey(period)}`, () => reportForPage(getReport(period)))
}
