import { useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { Stat, StatGrid } from '~/components/stat'
import type { Report } from '~/models/reports/index.server'
import type { ReportPeriod } from '~/models/reports/period'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10

export function MentoringSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: Report['mentoring']
}) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	const byMonth = data.byMonth.map((m) => ({ ...m, hours: hours(m.minutes) }))
	const byOrganisation = data.byOrganisation.map((o) => ({ ...o, hours: hours(o.minutes) }))
	const monthSeries: Series<(typeof byMonth)[number]>[] = [
		{
			key: 'hours',
			label: t('mentoring.hours'),
			href: (r) => recordsHref(period, 'mentoring.month', r.month),
		},
	]
	const orgSeries: Series<(typeof byOrganisation)[number]>[] = [
		{
			key: 'hours',
			label: t('mentoring.hours'),
			href: (r) => recordsHref(period, 'mentoring.organisation', r.organisation),
		},
		{ key: 'sessions', label: t('mentoring.sessions') },
	]
	return (
		<ReportSection id="mentoring" period={period}>
			<StatGrid>
				<Stat label={t('mentoring.totalHours')} value={f.number(hours(data.totalMinutes))} />
				<Stat label={t('mentoring.sessions')} value={f.number(data.totalSessions)} />
			</StatGrid>
			<div className="report-figure">
				<ReportChart
					rows={byMonth}
					category="month"
					series={monthSeries}
					summary={t('mentoring.chartSummary')}
					onNavigate={navigate}
				/>
				<ReportTable
					caption={t('mentoring.byOrganisation')}
					rows={byOrganisation}
					category="organisation"
					categoryLabel={t('mentoring.organisation')}
					series={orgSeries}
					formatValue={f.number}
					total={{
						label: t('total'),
						values: { hours: hours(data.totalMinutes), sessions: data.totalSessions },
					}}
				/>
			</div>
			<details>
				<summary>{t('mentoring.byMonth')}</summary>
				<ReportTable
					caption={t('mentoring.byMonth')}
					rows={byMonth}
					category="month"
					categoryLabel={t('month')}
					series={monthSeries}
					formatValue={f.number}
				/>
			</details>
		</ReportSection>
	)
}
