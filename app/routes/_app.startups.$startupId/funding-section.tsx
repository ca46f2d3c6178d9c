import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination, Table } from '~/components/data-table'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { rateInput, STEP_DATE_FIELD } from '~/schemas/funding-fields'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function FundingSection({ page }: Props) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	const editable = page.sections.edit
	const base = `/startups/${page.startup.id}/funding`
	const funding = page.funding
	return (
		<section aria-labelledby="funding-heading">
			<div className="section-header">
				<h2 id="funding-heading">{t('page.funding')}</h2>
				{editable ? (
					<>
						<Link to={`${base}/new`} className="button button-small">
							{t('page.addFunding')}
						</Link>{' '}
						<Link to={`/import/funding?startup=${page.startup.id}`} className="button button-small">
							{t('startups:importFrom.funding')}
						</Link>
					</>
				) : null}
			</div>
			{funding.events ? (
				<>
					<p>
						{t('page.fundingSummary', {
							secured: f.money(funding.securedEurCents),
							count: funding.securedEvents,
							inProgress: funding.inProgress,
						})}
					</p>
					<Table className="funding-table" caption={t('page.funding')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.kind')}</th>
								<th scope="col">{t('fields.source')}</th>
								<th scope="col" className="num">
									{t('fields.amount')}
								</th>
								<th scope="col">{t('fields.status')}</th>
								<th scope="col">{t('fields.triggeredBy')}</th>
								{editable ? (
									<th scope="col">
										<span className="visually-hidden">{t('common:common.edit')}</span>
									</th>
								) : null}
							</tr>
						</thead>
						<tbody>
							{funding.rows.map((e) => {
								const stepDate = e[STEP_DATE_FIELD[e.status]]
								return (
									<tr key={e.id} className={e.status === 'declined' ? 'row-muted' : undefined}>
										<th scope="row">{t(`enums:fundingKinds.${e.kind}`)}</th>
										<td>
											{e.source}{' '}
											<span className="muted">
												({e.isPublic ? t('page.public') : t('page.private')})
											</span>
										</td>
										<td className="num">
											{f.money(e.amountCents, e.currency)}
											{e.currency !== 'EUR' ? (
												<ConvertedAmount
													eurCents={e.amountEurCents}
													rateMicros={e.rateMicros}
													rateOn={e.rateOn}
												/>
											) : null}
										</td>
										<td>
											{t(`enums:fundingStatuses.${e.status}`)}
											{stepDate ? ` — ${f.date(stepDate)}` : ''}
										</td>
										<td>
											{e.triggerKind && e.triggerSource
												? `${t(`enums:fundingKinds.${e.triggerKind}`)} (${e.triggerSource})`
												: e.triggerKind
													? t('page.triggerElsewhere', {
															kind: t(`enums:fundingKinds.${e.triggerKind}`),
														})
													: '—'}
										</td>
										{editable ? (
											<td>
												<Link to={`${base}/${e.id}`}>
													{t('common:common.edit')}
													<span className="visually-hidden">
														{' '}
														{t(`enums:fundingKinds.${e.kind}`)} {e.source}
													</span>
												</Link>
											</td>
										) : null}
									</tr>
								)
							})}
						</tbody>
					</Table>
					{funding.pageCount > 1 ? (
						<Pagination
							page={funding.page}
							pageCount={funding.pageCount}
							perPage={funding.perPage}
							total={funding.events}
							param="fundingPage"
							perPageChoice={false}
						/>
					) : null}
				</>
			) : (
				<EmptyState title={t('page.noFunding')}>{t('page.noFundingHint')}</EmptyState>
			)}
		</section>
	)
}

/** "≈ €1,168.00 at 1.168 (rate of 1 Mar 2025)", or a warning when no rate converts it yet. */
export function ConvertedAmount({
	eurCents,
	rateMicros,
	rateOn,
}: {
	eurCents: number | null
	rateMicros: number | null
	rateOn: string | null
}) {
	const { t, i18n } = useTranslation('funding')
	const f = useFormat()
	if (eurCents === null || rateMicros === null || !rateOn) {
		return <span className="badge badge-warning">{t('rates.missing')}</span>
	}
	return (
		<span className="muted converted">
			{' ≈ '}
			{f.money(eurCents)}
			<span className="rate-used">
				{t('rates.used', { rate: rateInput(rateMicros, i18n.language), date: f.date(rateOn) })}
			</span>
		</span>
	)
}
