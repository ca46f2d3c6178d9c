import { useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { Report } from '~/models/reports/index.server'
import { monthWords } from '~/models/reports/labels'
import type { ReportPeriod } from '~/models/reports/period'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

type YearRow = Report['rentSubsidy']['byYear'][number]

export function RentSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: Report['rentSubsidy']
}) {
	const { t, i18n } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	const withBudget = data.totals.budgetCents !== null
	const chartRows = data.byYear.map((y) => ({
		year: y.year,
		subsidy: y.subsidyCents / 100,
		budget: (y.budgetCents ?? 0) / 100,
	}))
	const chartSeries: Series<(typeof chartRows)[number]>[] = [
		{
			key: 'subsidy',
			label: t('rent.subsidy'),
			href: (r) => recordsHref(period, 'rent.subsidy', r.year),
		},
		...(withBudget ? [{ key: 'budget' as const, label: t('rent.budget') }] : []),
	]
	const tableSeries: Series<YearRow>[] = [
		{
			key: 'subsidyCents',
			label: t('rent.subsidy'),
			href: (r) => recordsHref(period, 'rent.subsidy', r.year),
		},
		{ key: 'rentCents', label: t('rent.rent') },
		...(withBudget ? [{ key: 'budgetCents' as const, label: t('rent.budget') }] : []),
	]
	const rate = (occupied: number) =>
		data.totalUnits ? Math.round((occupied / data.totalUnits) * 100) : 0
	const occupancy = data.occupancy.map((m) => ({ ...m, rate: rate(m.occupied) }))
	const latest = occupancy.at(-1)
	return (
		<ReportSection id="rent-subsidy" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('rent.subsidy')}
					value={f.money(data.totals.subsidyCents)}
					how={t('how.subsidy')}
				/>
				{withBudget ? (
					<ExplainedStat
						label={t('rent.budget')}
						value={f.money(data.totals.budgetCents ?? 0)}
						how={t('how.budget')}
					/>
				) : null}
				<ExplainedStat
					label={t('rent.rent')}
					value={f.money(data.totals.rentCents)}
					how={t('how.rent')}
				/>
				{latest ? (
					<ExplainedStat
						label={t('rent.occupancy')}
						value={f.percent(latest.rate * 100)}
						note={t('rent.unitsOccupied', {
							occupied: latest.occupied,
							units: data.totalUnits,
							month: monthWords(latest.month, i18n.language),
						})}
						how={t('how.occupancy')}
					/>
				) : null}
			</StatGrid>
			<div className="report-figure">
				<ReportChart
					rows={chartRows}
					category="year"
					series={chartSeries}
					summary={t('rent.chartSummary')}
					formatValue={(v) => f.money(v * 100)}
					onNavigate={navigate}
				/>
				<ReportTable
					caption={t('rent.byYear')}
					rows={data.byYear}
					category="year"
					categoryLabel={t('year')}
					series={tableSeries}
					formatValue={f.money}
					total={{
						label: t('total'),
						values: {
							subsidyCents: data.totals.subsidyCents,
							rentCents: data.totals.rentCents,
							...(withBudget ? { budgetCents: data.totals.budgetCents ?? 0 } : {}),
						},
					}}
				/>
			</div>
			<div className="report-figure">
				<ReportChart
					rows={occupancy}
					category="month"
					formatCategory={(m) => f.month(m, 'short')}
					series={[{ key: 'occupied', label: t('rent.unitsOccupiedShort') }]}
					summary={t('rent.occupancySummary')}
					kind="line"
				/>
				<details>
					<summary>{t('rent.occupancyByMonth')}</summary>
					<ReportTable
						caption={t('rent.occupancyByMonth')}
						rows={occupancy}
						category="month"
						categoryLabel={t('month')}
						series={[
							{
								key: 'occupied',
								label: t('rent.unitsOccupiedShort'),
								href: (r) => recordsHref(period, 'rent.occupancy', r.month),
							},
							{ key: 'rate', label: '%' },
						]}
						formatValue={f.number}
					/>
				</details>
			</div>
		</ReportSection>
	)
}
