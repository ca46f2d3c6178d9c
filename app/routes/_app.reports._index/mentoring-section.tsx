import { useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { Report } from '~/models/reports/index.server'
import type { ReportPeriod } from '~/models/reports/period'
import { formatDuration } from '~/models/reports/duration'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

type MonthRow = Report['mentoring']['byMonth'][number]
type OrganisationRow = Report['mentoring']['byOrganisation'][number]

export function MentoringSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: Report['mentoring']
}) {
	const { t, i18n } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	// exact hours and minutes everywhere: rows add up to the total as written
	const duration = (minutes: number) => formatDuration(minutes, t, i18n.language)
	// the chart's bars in hours (exact, not rounded); tables keep the minutes
	const chartRows = data.byMonth.map((m) => ({ ...m, hours: m.minutes / 60 }))
	const monthSeries: Series<MonthRow>[] = [
		{
			key: 'minutes',
			label: t('mentoring.hours'),
			href: (r) => recordsHref(period, 'mentoring.month', r.month),
			format: duration,
		},
		{ key: 'sessions', label: t('mentoring.sessions') },
	]
	const orgSeries: Series<OrganisationRow>[] = [
		{
			key: 'minutes',
			label: t('mentoring.hours'),
			href: (r) => recordsHref(period, 'mentoring.organisation', r.organisation),
			format: duration,
		},
		{ key: 'sessions', label: t('mentoring.sessions') },
	]
	return (
		<ReportSection id="mentoring" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('mentoring.totalHours')}
					value={duration(data.totalMinutes)}
					how={t('how.hours')}
				/>
				<ExplainedStat
					label={t('mentoring.sessions')}
					value={f.number(data.totalSessions)}
					how={t('how.sessions')}
				/>
			</StatGrid>
			<div className="report-figure">
				<ReportChart
					rows={chartRows}
					category="month"
					formatCategory={(m) => f.month(m, 'short')}
					series={[
						{
							key: 'hours',
							label: t('mentoring.hours'),
							href: (r) => recordsHref(period, 'mentoring.month', r.month),
						},
					]}
					summary={t('mentoring.chartSummary')}
					formatValue={(hours) => duration(hours * 60)}
					onNavigate={navigate}
				/>
				<ReportTable
					caption={t('mentoring.byOrganisation')}
					rows={data.byOrganisation}
					category="organisation"
					categoryLabel={t('mentoring.organisation')}
					series={orgSeries}
					formatValue={f.number}
					total={{
						label: t('total'),
						values: { minutes: data.totalMinutes, sessions: data.totalSessions },
					}}
				/>
			</div>
			<details>
				<summary>{t('mentoring.byMonth')}</summary>
				<ReportTable
					caption={t('mentoring.byMonth')}
					rows={data.byMonth}
					category="month"
					categoryLabel={t('month')}
					series={monthSeries}
					formatValue={f.number}
					total={{
						label: t('total'),
						values: { minutes: data.totalMinutes, sessions: data.totalSessions },
					}}
				/>
			</details>
		</ReportSection>
	)
}
