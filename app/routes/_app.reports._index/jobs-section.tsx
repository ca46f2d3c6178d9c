import { useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat, HowComputed } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { PageReport, Report } from '~/models/reports/index.server'
import { quarterWords } from '~/models/reports/labels'
import type { ReportPeriod } from '~/models/reports/period'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

type Row = Report['jobs']['series'][number]

export function JobsSection({ period, data }: { period: ReportPeriod; data: PageReport['jobs'] }) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	const quarterLabel = (q: string) => quarterWords(q, f.lang)
	const series: Series<Row>[] = [
		{
			key: 'employees',
			label: t('jobs.employees'),
			href: (r) => recordsHref(period, 'jobs.quarter', r.quarter),
		},
	]
	const table = (
		<ReportTable
			caption={t('jobs.byQuarter')}
			rows={data.series}
			category="quarter"
			categoryLabel={t('quarter')}
			series={[...series, { key: 'startups', label: t('jobs.startups') }]}
			formatValue={f.number}
			formatCategory={(q) => quarterLabel(String(q))}
		/>
	)
	const change = data.change > 0 ? `+${f.number(data.change)}` : f.number(data.change)
	return (
		<ReportSection id="jobs" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('jobs.total')}
					value={f.number(data.total)}
					note={data.series.length ? quarterLabel(data.series.at(-1)!.quarter) : undefined}
					how={t('how.jobsTotal')}
				/>
				<ExplainedStat
					label={t('jobs.change')}
					value={change}
					note={
						data.series.length
							? `${quarterLabel(data.series[0]!.quarter)} → ${quarterLabel(data.series.at(-1)!.quarter)}`
							: undefined
					}
					how={t('how.jobsChange')}
				/>
			</StatGrid>
			<div className="report-figure">
				<ReportChart
					rows={data.series}
					category="quarter"
					formatCategory={quarterLabel}
					series={series}
					summary={t('jobs.chartSummary')}
					kind="line"
					onNavigate={navigate}
				/>
				<div>
					{data.series.length > 12 ? (
						<details>
							<summary>{t('jobs.byQuarter')}</summary>
							{table}
						</details>
					) : (
						table
					)}
					<HowComputed figure={t('jobs.startups')}>{t('how.jobsStartups')}</HowComputed>
				</div>
			</div>
		</ReportSection>
	)
}
