import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type {
	Funnel,
	introductionAggregates,
	introductionFunnelByStartup,
} from '~/models/introduction.server'
import { useFormat } from '~/utils/use-format'
import { CountryName } from './contact-ui'
import { EmptyState, Stat, StatGrid } from './stat'
import { Table } from './data-table'

function rate(part: number, whole: number) {
	return whole ? Math.round((part / whole) * 100) : null
}

/** Introductions → meetings → deals, with the share that went through each step. */
export function FunnelStats({ funnel, label }: { funnel: Funnel; label: string }) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const meetingRate = rate(funnel.meetings, funnel.introductions)
	const dealRate = rate(funnel.deals, funnel.meetings)
	return (
		<section className="contact-funnel" aria-label={label}>
			<h3>{label}</h3>
			<StatGrid>
				<Stat label={t('funnel.introductions')} value={f.number(funnel.introductions)} />
				<Stat
					label={t('funnel.meetings')}
					value={f.number(funnel.meetings)}
					note={
						meetingRate === null ? undefined : t('funnel.ofIntroductions', { rate: meetingRate })
					}
				/>
				<Stat
					label={t('funnel.deals')}
					value={f.number(funnel.deals)}
					note={dealRate === null ? undefined : t('funnel.ofMeetings', { rate: dealRate })}
				/>
				<Stat label={t('funnel.noFit')} value={f.number(funnel.noFit)} />
				<Stat label={t('funnel.dealValue')} value={<DealValue funnel={funnel} />} />
			</StatGrid>
		</section>
	)
}

/** Deal values stay in their currency: euros and pounds are not added together. */
export function DealValue({ funnel }: { funnel: Pick<Funnel, 'dealEurCents' | 'dealGbpCents'> }) {
	const f = useFormat()
	const parts = [
		funnel.dealEurCents ? f.money(funnel.dealEurCents, 'EUR') : null,
		funnel.dealGbpCents ? f.money(funnel.dealGbpCents, 'GBP') : null,
	].filter(Boolean)
	return <>{parts.length ? parts.join(' + ') : '—'}</>
}

/** Introductions, meetings and deals by market country and purpose: no name, no startup. */
export function AggregatesTable({ rows }: { rows: ReturnType<typeof introductionAggregates> }) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const total = rows.reduce(
		(sum, r) => ({
			introductions: sum.introductions + r.introductions,
			meetings: sum.meetings + r.meetings,
			deals: sum.deals + r.deals,
			dealEurCents: sum.dealEurCents + r.dealEurCents,
			dealGbpCents: sum.dealGbpCents + r.dealGbpCents,
		}),
		{ introductions: 0, meetings: 0, deals: 0, dealEurCents: 0, dealGbpCents: 0 },
	)
	return (
		<section aria-labelledby="aggregates-heading">
			<h2 id="aggregates-heading">{t('introductions.byCountryAndPurpose')}</h2>
			{rows.length ? (
				<Table caption={t('introductions.byCountryAndPurpose')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('fields.country')}</th>
							<th scope="col">{t('fields.purpose')}</th>
							<th scope="col" className="num">
								{t('funnel.introductions')}
							</th>
							<th scope="col" className="num">
								{t('funnel.meetings')}
							</th>
							<th scope="col" className="num">
								{t('funnel.deals')}
							</th>
							<th scope="col" className="num">
								{t('funnel.dealValue')}
							</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((r) => (
							<tr key={`${r.country}-${r.purpose}`}>
								<th scope="row">
									<CountryName code={r.country} />
								</th>
								<td>{t(`enums:introductionPurposes.${r.purpose}`)}</td>
								<td className="num">{f.number(r.introductions)}</td>
								<td className="num">{f.number(r.meetings)}</td>
								<td className="num">{f.number(r.deals)}</td>
								<td className="num">
									<DealValue funnel={r} />
								</td>
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row" colSpan={2}>
								{t('introductions.total')}
							</th>
							<td className="num">{f.number(total.introductions)}</td>
							<td className="num">{f.number(total.meetings)}</td>
							<td className="num">{f.number(total.deals)}</td>
							<td className="num">
								<DealValue funnel={total} />
							</td>
						</tr>
					</tfoot>
				</Table>
			) : (
				<EmptyState title={t('introductions.none')} />
			)}
		</section>
	)
}

export function ByStartupTable({ rows }: { rows: ReturnType<typeof introductionFunnelByStartup> }) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	if (!rows.length) return null
	return (
		<section aria-labelledby="by-startup-heading">
			<h2 id="by-startup-heading">{t('introductions.byStartup')}</h2>
			<Table caption={t('introductions.byStartup')} captionHidden>
				<thead>
					<tr>
						<th scope="col">{t('fields.startup')}</th>
						<th scope="col" className="num">
							{t('funnel.introductions')}
						</th>
						<th scope="col" className="num">
							{t('funnel.meetings')}
						</th>
						<th scope="col" className="num">
							{t('funnel.deals')}
						</th>
						<th scope="col" className="num">
							{t('funnel.ukIntroductions')}
						</th>
						<th scope="col" className="num">
							{t('funnel.ukMeetings')}
						</th>
						<th scope="col" className="num">
							{t('funnel.ukDeals')}
						</th>
						<th scope="col" className="num">
							{t('funnel.dealValue')}
						</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((r) => (
						<tr key={r.startupId}>
							<th scope="row">
								<Link to={`/startups/${r.startupId}`}>{r.startupName}</Link>
							</th>
							<td className="num">{f.number(r.introductions)}</td>
							<td className="num">{f.number(r.meetings)}</td>
							<td className="num">{f.number(r.deals)}</td>
							<td className="num">{f.number(r.ukIntroductions)}</td>
							<td className="num">{f.number(r.ukMeetings)}</td>
							<td className="num">{f.number(r.ukDeals)}</td>
							<td className="num">
								<DealValue funnel={r} />
							</td>
						</tr>
					))}
				</tbody>
			</Table>
		</section>
	)
}
