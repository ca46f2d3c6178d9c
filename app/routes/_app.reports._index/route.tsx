import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getReport, listReportCohorts, periodFromUrl } from '~/models/reports/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/use-format'
import { FrancoBritishSection } from './franco-british-section'
import { FundingSection } from './funding-section'
import { JobsSection } from './jobs-section'
import { MentoringSection } from './mentoring-section'
import { PeriodForm } from './period-form'
import { PortfolioSection } from './portfolio-section'
import { RentSection } from './rent-section'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:report:any')
	const period = periodFromUrl(new URL(request.url))
	return {
		period,
		cohorts: listReportCohorts(),
		report: getReport(period),
	}
}

export default function ReportsPage() {
	const { period, cohorts, report } = useLoaderData<typeof loader>()
	const { t } = useTranslation('reports')
	const f = useFormat()
	const cohortName = cohorts.find((c) => c.id === period.cohortId)?.name
	const label = t(`periodLabel.${period.kind}`, {
		from: f.date(period.from),
		to: f.date(period.to),
		year: period.from.slice(0, 4),
		quarter: `${period.from.slice(0, 4)}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}`,
	})
	return (
		<article className="report">
			<header className="report-header">
				<div className="report-logos" aria-label={t('partners')}>
					<span>TEKTOS</span>
					<span>Cap Calaisis</span>
					<span>CCI Côte d'Opale</span>
				</div>
				<h1>{t('title')}</h1>
				<p className="lead">
					{label}
					{cohortName ? ` — ${cohortName}` : ''}
				</p>
			</header>
			<PeriodForm period={period} cohorts={cohorts} />
			<PortfolioSection period={period} data={report.portfolio} />
			<JobsSection period={period} data={report.jobs} />
			<FundingSection period={period} data={report.funding} />
			<RentSection period={period} data={report.rentSubsidy} />
			<MentoringSection period={period} data={report.mentoring} />
			<FrancoBritishSection period={period} data={report.francoBritish} />
		</article>
	)
}

export const meta: MetaFunction = () => [{ title: 'Reports · TEKTOS CRM' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
