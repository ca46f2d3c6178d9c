import { useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat, HowComputed } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { Report } from '~/models/reports/index.server'
import type { ReportPeriod } from '~/models/reports/period'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

type YearRow = Report['francoBritish']['byYear'][number]
type FunnelRow = Report['francoBritish']['funnel'][number]

export function FrancoBritishSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: Report['francoBritish']
}) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	const series: Series<YearRow>[] = [
		{
			key: 'introductions',
			label: t('fb.ukIntroductions'),
			href: (r) => recordsHref(period, 'fb.introductions', r.year),
		},
		{ key: 'deals', label: t('fb.ukDeals'), href: (r) => recordsHref(period, 'fb.deals', r.year) },
		{
			key: 'ukEntries',
			label: t('fb.ukEntries'),
			href: (r) => recordsHref(period, 'fb.ukEntries', r.year),
		},
		{ key: 'newUkContacts', label: t('fb.newUkContacts') },
	]
	const funnelSeries: Series<FunnelRow>[] = [
		{
			key: 'all',
			label: t('fb.allIntroductions'),
			href: (r) => recordsHref(period, 'fb.funnel', r.stage),
		},
		{ key: 'uk', label: t('fb.ukIntroductions') },
	]
	return (
		<ReportSection id="franco-british" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('fb.ukContacts')}
					value={f.number(data.ukContacts)}
					how={t('how.ukContacts')}
				/>
				<ExplainedStat
					label={t('fb.ukIntroductions')}
					value={f.number(data.totals.ukIntroductions)}
					how={t('how.ukIntroductions')}
				/>
				<ExplainedStat
					label={t('fb.ukDeals')}
					value={f.number(data.totals.ukDeals)}
					how={t('how.ukDeals')}
				/>
				<ExplainedStat
					label={t('fb.ukEntries')}
					value={f.number(data.totals.ukEntries)}
					how={t('how.ukEntries')}
				/>
			</StatGrid>
			<div className="report-figure">
				<ReportChart
					rows={data.byYear}
					category="year"
					series={series.slice(0, 3)}
					summary={t('fb.chartSummary')}
					onNavigate={navigate}
				/>
				<ReportTable
					caption={t('fb.byYear')}
					rows={data.byYear}
					category="year"
					categoryLabel={t('year')}
					series={series}
					formatValue={f.number}
					total={{
						label: t('total'),
						values: {
							introductions: data.totals.ukIntroductions,
							deals: data.totals.ukDeals,
							ukEntries: data.totals.ukEntries,
							newUkContacts: data.totals.newUkContacts,
						},
					}}
				/>
			</div>
			<HowComputed figure={t('fb.newUkContacts')}>{t('how.newUkContacts')}</HowComputed>
			<ReportTable
				caption={t('fb.funnel')}
				rows={data.funnel}
				category="stage"
				categoryLabel={t('fb.stage')}
				series={funnelSeries}
				formatValue={f.number}
				formatCategory={(v) => t(`enums:introductionStatuses.${String(v)}`)}
			/>
			<HowComputed figure={t('fb.funnel')}>{t('how.funnel')}</HowComputed>
		</ReportSection>
	)
}
