import { useTranslation } from 'react-i18next'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function FundingSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	const secured = page.funding.filter((e) => e.status === 'secured' || e.status === 'received')
	const inProgress = page.funding.filter((e) => e.status === 'planned' || e.status === 'applied')
	const total = secured.reduce((sum, e) => sum + (e.amountEurCents ?? 0), 0)
	const byId = new Map(page.funding.map((e) => [e.id, e]))
	return (
		<section aria-labelledby="funding-heading">
			<h2 id="funding-heading">{t('page.funding')}</h2>
			{page.funding.length ? (
				<>
					<p>
						{t('page.fundingSummary', {
							secured: f.money(total),
							count: secured.length,
							inProgress: inProgress.length,
						})}
					</p>
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('page.fundingKind')}</th>
								<th scope="col">{t('page.source')}</th>
								<th scope="col" className="num">
									{t('page.amount')}
								</th>
								<th scope="col">{t('common:fields.status')}</th>
								<th scope="col">{t('page.triggeredBy')}</th>
							</tr>
						</thead>
						<tbody>
							{page.funding.map((e) => {
								const trigger = e.triggeredById ? byId.get(e.triggeredById) : undefined
								return (
									<tr key={e.id}>
										<th scope="row">{t(`fundingKinds.${e.kind}`)}</th>
										<td>
											{e.source}{' '}
											<span className="muted">
												({e.isPublic ? t('page.public') : t('page.private')})
											</span>
										</td>
										<td className="num">
											{f.money(e.amountCents, e.currency)}
											{e.currency !== 'EUR' && e.amountEurCents != null ? (
												<span className="muted"> ≈ {f.money(e.amountEurCents)}</span>
											) : null}
										</td>
										<td>
											{t(`fundingStatuses.${e.status}`)}
											{e.securedOn ? ` — ${f.date(e.securedOn)}` : ''}
										</td>
										<td>
											{trigger ? `${t(`fundingKinds.${trigger.kind}`)} (${trigger.source})` : '—'}
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</>
			) : (
				<EmptyState title={t('page.noFunding')}>{t('page.noFundingHint')}</EmptyState>
			)}
		</section>
	)
}
