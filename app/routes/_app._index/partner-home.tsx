import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { getPartnerHome } from '~/models/home.server'
import { useFormat } from '~/utils/use-format'

type Home = ReturnType<typeof getPartnerHome>

export function PartnerHome({ home }: { home: Home }) {
	const { t } = useTranslation()
	const f = useFormat()
	const byStatus = (status: string) => home.byStatus.find((s) => s.status === status)?.n ?? 0
	const privateCents = home.funds.totalEurCents - home.funds.publicEurCents
	return (
		<>
			<h1>{t('home.partner.title')}</h1>
			<p className="lead">{t('home.partner.lead')}</p>
			<StatGrid>
				<Stat label={t('statuses.incubated')} value={f.number(byStatus('incubated'))} />
				<Stat label={t('statuses.graduated')} value={f.number(byStatus('graduated'))} />
				<Stat label={t('home.fundsSecured')} value={f.money(home.funds.totalEurCents)} />
				<Stat label={t('home.publicFunds')} value={f.money(home.funds.publicEurCents)} />
				<Stat label={t('home.privateFunds')} value={f.money(privateCents)} />
			</StatGrid>
			<section aria-labelledby="incubated-heading">
				<h2 id="incubated-heading">{t('home.partner.incubatedNow')}</h2>
				{home.incubated.length ? (
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('fields.startup')}</th>
								<th scope="col">{t('fields.sector')}</th>
								<th scope="col">{t('fields.stage')}</th>
								<th scope="col">{t('fields.cohort')}</th>
								<th scope="col">{t('fields.ukFocus')}</th>
							</tr>
						</thead>
						<tbody>
							{home.incubated.map((s) => (
								<tr key={s.id}>
									<th scope="row">
										<Link to={`/startups/${s.id}`}>{s.name}</Link>
									</th>
									<td>{s.sector}</td>
									<td>{t(`stages.${s.stage}`)}</td>
									<td>{s.cohortName ?? '—'}</td>
									<td>{s.ukFocus ? t('common.yes') : t('common.no')}</td>
								</tr>
							))}
						</tbody>
					</table>
				) : (
					<EmptyState title={t('home.partner.noStartups')} />
				)}
			</section>
		</>
	)
}
