import { useTranslation } from 'react-i18next'
import { ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { Report } from '~/models/reports/index.server'
import type { ReportPeriod } from '~/models/reports/period'
import { useFormat } from '~/utils/use-format'
import { ReportSection } from './section'

type Counts = Report['selection']['totals']

/** Calls for applications: counts only, for managers and partners alike. */
export function SelectionSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: Report['selection']
}) {
	const { t, i18n } = useTranslation('reports')
	const f = useFormat()
	const series: Series<Counts & Record<string, unknown>>[] = [
		{ key: 'submitted', label: t('selection.submitted') },
		{ key: 'accepted', label: t('selection.accepted') },
		{ key: 'waitlisted', label: t('selection.waitlisted') },
		{ key: 'rejected', label: t('selection.rejected') },
		{ key: 'pending', label: t('selection.pending') },
	]
	const rate = (value: number | null) => (value === null ? '—' : f.percent(Math.round(value * 100)))
	const days = (value: number | null) =>
		value === null ? '—' : t('selection.days', { count: value, value: f.number(value) })
	const byCall = data.byCall.map((c) => ({
		...c,
		title: i18n.language === 'en' ? c.titleEn : c.titleFr,
	}))
	const { acceptanceRate: _rate, ...totals } = data.totals
	const byOrigin = data.byOrigin.map((o) => ({ ...o, label: t(`selection.origins.${o.origin}`) }))
	return (
		<ReportSection id="selection" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('selection.submitted')}
					value={f.number(data.totals.submitted)}
					how={t('how.selectionSubmitted')}
				/>
				<ExplainedStat
					label={t('selection.accepted')}
					value={f.number(data.totals.accepted)}
					how={t('how.selectionAccepted')}
				/>
				<ExplainedStat
					label={t('selection.rate')}
					value={rate(data.totals.acceptanceRate)}
					how={t('how.selectionRate')}
				/>
				<ExplainedStat
					label={t('selection.medianDays')}
					value={days(data.medianDaysToDecision)}
					note={
						data.averageDaysToDecision === null
							? undefined
							: t('selection.averageDays', { value: f.number(data.averageDaysToDecision) })
					}
					how={t('how.selectionDays')}
				/>
			</StatGrid>
			<div className="report-tables">
				<ReportTable
					caption={t('selection.byCall')}
					rows={byCall}
					category="title"
					categoryLabel={t('selection.call')}
					series={series}
					formatValue={f.number}
					total={{ label: t('total'), values: totals }}
				/>
				<ReportTable
					caption={t('selection.byOrigin')}
					rows={byOrigin}
					category="label"
					categoryLabel={t('selection.origin')}
					series={series}
					formatValue={f.number}
					total={{ label: t('total'), values: totals }}
				/>
			</div>
			<p className="muted">
				{t('selection.rateNote', {
					rates: byOrigin.map((o) => `${o.label} ${rate(o.acceptanceRate)}`).join(' · '),
				})}
			</p>
		</ReportSection>
	)
}
