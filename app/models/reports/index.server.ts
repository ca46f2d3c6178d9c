import { asc, desc } from 'drizzle-orm'
import { cohorts } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/dates'
import { getFrancoBritishReport } from './franco-british.server'
import { getJobsReport } from './jobs.server'
import { getMentoringReport } from './mentoring.server'
import { parseReportPeriod, type ReportPeriod } from './period'
import { getPortfolioReport } from './portfolio.server'

export const REPORT_SECTIONS = ['portfolio', 'jobs', 'mentoring', 'franco-british'] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

export function periodFromUrl(url: URL) {
	return parseReportPeriod(url.searchParams, today())
}

export function listReportCohorts() {
	return getDb()
		.select({ id: cohorts.id, name: cohorts.name })
		.from(cohorts)
		.orderBy(desc(cohorts.startDate), asc(cohorts.name))
		.all()
}

/** Every section of the report for a period: aggregates only, never a person. */
export function getReport(period: ReportPeriod) {
	return {
		portfolio: getPortfolioReport(period),
		jobs: getJobsReport(period),
		mentoring: getMentoringReport(period),
		francoBritish: getFrancoBritishReport(period),
	}
}

export type Report = ReturnType<typeof getReport>
