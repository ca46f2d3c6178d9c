import { Link, useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReportChart, ReportTable, type Series } from '~/components/charts/report-chart'
import { ExplainedStat, HowComputed } from '~/components/how-computed'
import { StatGrid } from '~/components/stat'
import type { Report } from '~/models/reports/index.server'
import type { ReportPeriod } from '~/models/reports/period'
import { useFormat } from '~/utils/use-format'
import { recordsHref, ReportSection } from './section'

type YearRow = Report['funding']['byYear'][number]
type FundRow = Report['funding']['fundByYear'][number]
type KindRow = Report['funding']['byKind'][number]

export function FundingSection({
	period,
	data,
}: {
	period: ReportPeriod
	data: Report['funding']
}) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const navigate = useNavigate()
	const euros = (cents: number) => f.money(cents)
	const ratio = (v: number | null) => (v === null ? '—' : `× ${f.ratio(v)}`)
	// charts speak in whole euros; tables keep the cents
	const chartRows = data.byYear.map((y) => ({
		...y,
		public: y.publicCents / 100,
		private: y.privateCents / 100,
	}))
	const chartSeries: Series<(typeof chartRows)[number]>[] = [
		{
			key: 'public',
			label: t('funding.public'),
			stack: 'money',
			href: (r) => recordsHref(period, 'funding.public', r.year),
		},
		{
			key: 'private',
			label: t('funding.private'),
			stack: 'money',
			href: (r) => recordsHref(period, 'funding.private', r.year),
		},
	]
	const tableSeries: Series<YearRow>[] = [
		{
			key: 'publicCents',
			label: t('funding.public'),
			href: (r) => recordsHref(period, 'funding.public', r.year),
		},
		{
			key: 'privateCents',
			label: t('funding.private'),
			href: (r) => recordsHref(period, 'funding.private', r.year),
		},
	]
	const leverageRows = data.byYear.map((y) => ({ year: y.year, leverage: y.leverage ?? 0 }))
	const fundSeries: Series<FundRow>[] = [
		{
			key: 'grantedCents',
			label: t('funding.granted'),
			href: (r) => recordsHref(period, 'fund.grants', r.year),
		},
		{ key: 'triggeredCents', label: t('funding.triggered') },
	]
	const kindSeries: Series<KindRow>[] = [
		{
			key: 'cents',
			label: t('funding.secured'),
			href: (r) => recordsHref(period, 'funding.kind', r.kind),
		},
	]
	return (
		<ReportSection id="funding" period={period}>
			<StatGrid>
				<ExplainedStat
					label={t('funding.secured')}
					value={euros(data.totals.securedCents)}
					how={t('how.secured')}
				/>
				<ExplainedStat
					label={t('funding.public')}
					value={euros(data.totals.publicCents)}
					how={t('how.public')}
				/>
				<ExplainedStat
					label={t('funding.private')}
					value={euros(data.totals.privateCents)}
					how={t('how.private')}
				/>
				<ExplainedStat
					label={t('funding.leverage')}
					value={ratio(data.totals.leverage)}
					note={t('funding.leverageNote')}
					how={t('how.leverage')}
				/>
				<ExplainedStat
					label={t('funding.fundGranted')}
					value={
						<Link to={recordsHref(period, 'fund.grants')}>{euros(data.totals.grantedCents)}</Link>
					}
					note={t('funding.grants', { count: data.totals.grants })}
					how={t('how.fundGranted')}
				/>
				<ExplainedStat
					label={t('funding.fundTriggered')}
					value={euros(data.totals.triggeredCents)}
					note={t('funding.fundLeverage', { value: ratio(data.totals.fundLeverage) })}
					how={t('how.fundTriggered')}
				/>
			</StatGrid>
			{data.totals.missingRates || data.totals.fundMissingRates ? (
				<p className="muted">
					{t('funding.missingRates', {
						count: Math.max(data.totals.missingRates, data.totals.fundMissingRates),
					})}
				</p>
			) : null}
			<div className="report-figure">
				<ReportChart
					rows={chartRows}
					category="year"
					series={chartSeries}
					summary={t('funding.chartSummary')}
					formatValue={(v) => f.money(v * 100)}
					onNavigate={navigate}
				/>
				<ReportTable
					caption={t('funding.byYear')}
					rows={data.byYear}
					category="year"
					categoryLabel={t('year')}
					series={tableSeries}
					formatValue={euros}
					total={{
						label: t('total'),
						values: {
							publicCents: data.totals.publicCents,
							privateCents: data.totals.privateCents,
						},
					}}
				/>
			</div>
			<div className="report-figure">
				<ReportChart
					rows={leverageRows}
					category="year"
					series={[{ key: 'leverage', label: t('funding.leverage') }]}
					summary={t('funding.leverageSummary')}
					kind="line"
					formatValue={ratio}
					allowDecimals
				/>
				<ReportTable
					caption={t('funding.leverageByYear')}
					rows={leverageRows}
					category="year"
					categoryLabel={t('year')}
					series={[{ key: 'leverage', label: t('funding.leverage') }]}
					formatValue={(v) => (v ? ratio(v) : '—')}
				/>
			</div>
			<div className="columns">
				<div>
					<ReportTable
						caption={t('funding.fundByYear')}
						rows={data.fundByYear}
						category="year"
						categoryLabel={t('year')}
						series={fundSeries}
						formatValue={euros}
						total={{
							label: t('total'),
							values: {
								grantedCents: data.totals.grantedCents,
								triggeredCents: data.totals.triggeredCents,
							},
						}}
					/>
					<HowComputed figure={t('funding.fundByYear')}>{t('how.fundByYear')}</HowComputed>
				</div>
				<ReportTable
					caption={t('funding.byKind')}
					rows={data.byKind}
					category="kind"
					categoryLabel={t('funding.kind')}
					series={kindSeries}
					formatValue={euros}
					formatCategory={(v) => t(`enums:fundingKinds.${String(v)}`, { defaultValue: String(v) })}
					total={{ label: t('total'), values: { cents: data.totals.securedCents } }}
				/>
			</div>
		</ReportSection>
	)
}
