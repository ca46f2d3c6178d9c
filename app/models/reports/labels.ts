import { FUNDING_KINDS, STARTUP_STATUSES } from '#db/schema/enums'
import { formatDate, formatQuarter, localeTag } from '~/utils/format'
import type { ReportPeriod } from './period'

/** i18next's t, reduced to what these labels need (any namespace, prefixed keys). */
type Translate = (key: string, options?: Record<string, string | number>) => string

/** "Q3 2025" / "T3 2025" for 2025-Q3. */
export function quarterWords(quarter: string, locale: string) {
	return formatQuarter(quarter, locale)
}

/** "March 2025" / "mars 2025" for 2025-03. */
export function monthWords(month: string, locale: string) {
	return new Intl.DateTimeFormat(localeTag(locale), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	}).format(new Date(`${month}-01T00:00:00Z`))
}

/** The period of a report in words: "Year 2025 (1 Jan 2025 to 29 Nov 2025)". */
export function periodWords(period: ReportPeriod, t: Translate, locale: string) {
	return t(`reports:periodLabel.${period.kind}`, {
		from: formatDate(period.from, locale),
		to: formatDate(period.to, locale),
		year: period.from.slice(0, 4),
		quarter: quarterWords(
			`${period.from.slice(0, 4)}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}`,
			locale,
		),
	})
}

const year = /^\d{4}$/
const month = /^\d{4}-(0[1-9]|1[0-2])$/
const quarter = /^\d{4}-Q[1-4]$/
const STAGES = ['proposed', 'made', 'meeting_held', 'deal']

/**
 * What the records behind a figure are, in words: "Public money secured in 2024". Null when the
 * metric is unknown or its key is not one the report links to (the page answers 400).
 */
export function figureWords(
	metric: string,
	key: string,
	t: Translate,
	locale: string,
): string | null {
	const words = (name: string, values: Record<string, string> = {}) =>
		t(`reports:records.titles.${name}`, values)
	switch (metric) {
		case 'portfolio.hosted':
			return words('hosted')
		case 'portfolio.status':
			return (STARTUP_STATUSES as readonly string[]).includes(key)
				? words('status', { status: t(`enums:startupStatuses.${key}`) })
				: null
		case 'portfolio.cohort':
			if (!key) return null
			return key === '—' ? words('noCohort') : words('cohort', { cohort: key })
		case 'portfolio.entries':
		case 'portfolio.graduated':
		case 'portfolio.left':
		case 'fb.introductions':
		case 'fb.deals':
		case 'fb.ukEntries':
		case 'funding.public':
		case 'funding.private':
		case 'rent.subsidy':
			return year.test(key) ? words(metric, { year: key }) : null
		case 'fund.grants':
			if (!key) return words('fund.grants')
			return year.test(key) ? words('fund.grantsOfYear', { year: key }) : null
		case 'jobs.quarter':
			return quarter.test(key) ? words(metric, { quarter: quarterWords(key, locale) }) : null
		case 'mentoring.month':
		case 'rent.occupancy':
			return month.test(key) ? words(metric, { month: monthWords(key, locale) }) : null
		case 'mentoring.organisation':
			return key ? words(metric, { organisation: key }) : null
		case 'fb.funnel':
			return STAGES.includes(key)
				? words(metric, { stage: t(`enums:introductionStatuses.${key}`) })
				: null
		case 'funding.kind':
			return (FUNDING_KINDS as readonly string[]).includes(key)
				? words(metric, { kind: t(`enums:fundingKinds.${key}`) })
				: null
		default:
			return null
	}
}

/**
 * The title of a drill-down page, in the reader's language: the figure, the period and the
 * cohort — "Public money secured in 2024 — Year 2024 (1 Jan 2024 to 31 Dec 2024) — Cohort 2024".
 */
export function recordsTitle({
	metric,
	key,
	period,
	cohortName,
	t,
	locale,
}: {
	metric: string
	key: string
	period: ReportPeriod
	cohortName: string | null
	t: Translate
	locale: string
}) {
	const figure = figureWords(metric, key, t, locale)
	if (!figure) return null
	const parts = [figure, periodWords(period, t, locale)]
	if (cohortName) parts.push(t('reports:records.ofCohort', { cohort: cohortName }))
	return parts.join(' — ')
}
