import { Link, useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { ReportPeriod } from '~/models/reports/period'
import type { PageReport, Report } from '~/models/reports/index.server'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

type Row = Report['portfolio']['byYear'][number]

/** the row that sums the smaller cohorts (a cohort's name is never empty) */
const OTHERS = ''

export function PortfolioSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: PageReport['portfolio']
}) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	const series: Series<Row>[] = [
		{
			key: 'entries',
			label: t('portfolio.entries'),
			href: (r) => recordsHref(period, 'portfolio.entries', r.year),
		},
		{
			key: 'graduated',
			label: t('portfolio.graduated'),
			stack: 'exits',
			href: (r) => recordsHref(period, 'portfolio.graduated', r.year),
		},
		{
			key: 'left',
			label: t('portfolio.left'),
			stack: 'exits',
			href: (r) => recordsHref(period, 'portfolio.left', r.year),
		},
	]
	// whole percentages: a survival rate over a handful of startups has no decimals worth reading
	const percent = (n: number, d: number) => (d ? f.percent(Math.round((n / d) * 100) * 100) : '—')
	return (
		<ReportSection id="portfolio" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('portfolio.hosted')}
					value={<Link to={recordsHref(period, 'portfolio.hosted')}>{f.number(data.hosted)}</Link>}
					how={t('how.hosted')}
				/>
				<ExplainedStat
					label={t('portfolio.entries')}
					value={f.number(data.totals.entries)}
					how={t('how.entries')}
				/>
				<ExplainedStat
					label={t('portfolio.graduated')}
					value={f.number(data.totals.graduated)}
					how={t('how.graduated')}
				/>
				<ExplainedStat
					label={t('portfolio.left')}
					value={f.number(data.totals.left)}
					how={t('how.left')}
				/>
				{data.survival.map((s) => (
					<ExplainedStat
						key={s.years}
						label={t('portfolio.survival', { count: s.years })}
						value={percent(s.survived, s.eligible)}
						note={t('portfolio.survivalNote', { survived: s.survived, eligible: s.eligible })}
						how={t('how.survival', { count: s.years })}
					/>
				))}
			</StatGrid>
			<div className="report-figure">
				<ReportChart
					rows={data.byYear}
					category="year"
					series={series}
					summary={t('portfolio.chartSummary')}
					onNavigate={navigate}
				/>
				<ReportTable
					caption={t('portfolio.byYear')}
					rows={data.byYear}
					category="year"
					categoryLabel={t('year')}
					series={series}
					formatValue={f.number}
					total={{ label: t('total'), values: data.totals }}
				/>
			</div>
			<div className="columns">
				<ReportTable
					caption={t('portfolio.byStatus')}
					rows={data.byStatus}
					category="label"
					categoryLabel={t('common:fields.status')}
					series={[
						{
							key: 'n',
							label: t('portfolio.startups'),
							href: (r) => recordsHref(period, 'portfolio.status', r.label),
						},
					]}
					formatValue={f.number}
					formatCategory={(v) => t(`enums:startupStatuses.${String(v)}`)}
					total={{ label: t('total'), values: { n: data.hosted } }}
				/>
				<ReportTable
					caption={
						data.otherCohorts ? (
							<>
								{t('portfolio.byCohort')}{' '}
								<span className="muted">
									{t('portfolio.largestCohorts', { count: data.byCohort.length })}
								</span>
							</>
						) : (
							t('portfolio.byCohort')
						)
					}
					rows={[
						...data.byCohort,
						...(data.otherCohorts ? [{ label: OTHERS, n: data.otherCohorts.startups }] : []),
					]}
					category="label"
					categoryLabel={t('common:fields.cohort')}
					series={[
						{
							key: 'n',
							label: t('portfolio.startups'),
							href: (r) =>
								r.label === OTHERS ? null : recordsHref(period, 'portfolio.cohort', r.label),
						},
					]}
					formatValue={f.number}
					formatCategory={(label) =>
						label === OTHERS && data.otherCohorts
							? t('portfolio.otherCohorts', { count: data.otherCohorts.cohorts })
							: String(label)
					}
					total={{ label: t('total'), values: { n: data.hosted } }}
				/>
			</div>
		</ReportSection>
	)
}
