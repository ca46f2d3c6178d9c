import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CountryName, IntroductionStatusBadge, OptedOutBadge } from '~/components/contact-ui'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'
import { Table } from '~/components/data-table'

type Props = { page: StartupPage }

/**
 * The people TEKTOS introduced the startup to, and how far each went. The founder and the
 * TEKTOS team update the status; a partner sees organisations and countries, never a name.
 */
export function IntroductionsSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const { t: tc } = useTranslation('contacts')
	const f = useFormat()
	const rows = page.introductions
	const uk = rows.filter((i) => i.country === 'GB')
	const met = (list: typeof rows) =>
		list.filter((i) => i.status === 'meeting_held' || i.status === 'deal').length
	const deals = (list: typeof rows) => list.filter((i) => i.status === 'deal').length
	const canUpdate = page.sections.edit
	const manager = page.sections.changeStatus
	return (
		<section aria-labelledby="introductions-heading">
			<h2 id="introductions-heading">{t('page.introductions')}</h2>
			{rows.length ? (
				<>
					<StatGrid>
						<Stat
							label={tc('funnel.introductions')}
							value={f.number(rows.length)}
							note={tc('funnel.ukCount', { count: uk.length })}
						/>
						<Stat
							label={tc('funnel.meetings')}
							value={f.number(met(rows))}
							note={tc('funnel.ukCount', { count: met(uk) })}
						/>
						<Stat
							label={tc('funnel.deals')}
							value={f.number(deals(rows))}
							note={tc('funnel.ukCount', { count: deals(uk) })}
						/>
					</StatGrid>
					<Table caption={t('page.introductions')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('page.contact')}</th>
								<th scope="col">{t('page.purpose')}</th>
								<th scope="col">{t('common:fields.status')}</th>
								<th scope="col">{t('page.introducedOn')}</th>
								{canUpdate ? (
									<th scope="col">
										<span className="visually-hidden">{tc('introductions.update')}</span>
									</th>
								) : null}
							</tr>
						</thead>
						<tbody>
							{rows.map((i) => (
								<tr key={i.id}>
									<th scope="row">
										{i.erased ? `${tc('erasedContact')}, ` : null}
										{i.contactName ? (
											<>
												{manager && i.contactId ? (
													<Link to={`/contacts/${i.contactId}`}>{i.contactName}</Link>
												) : (
													i.contactName
												)}
												{', '}
											</>
										) : null}
										{i.organisationName ?? '—'}{' '}
										<span className="muted">
											(<CountryName code={i.country} />)
										</span>{' '}
										<OptedOutBadge on={i.optedOut} />
									</th>
									<td>{t(`enums:introductionPurposes.${i.purpose}`)}</td>
									<td>
										<IntroductionStatusBadge status={i.status} />
										{i.dealValueCents != null && i.dealCurrency ? (
											<div className="cell-note">{f.money(i.dealValueCents, i.dealCurrency)}</div>
										) : null}
									</td>
									<td>{f.date(i.introducedOn)}</td>
									{canUpdate ? (
										<td>
											<Link
												to={`/startups/${page.startup.id}/introductions/${i.id}`}
												className="button button-small"
												aria-label={tc('introductions.updateFor', {
													name: i.contactName ?? i.organisationName ?? i.id,
												})}
											>
												{tc('introductions.update')}
											</Link>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</Table>
				</>
			) : (
				<EmptyState title={t('page.noIntroductions')}>{t('page.noIntroductionsHint')}</EmptyState>
			)}
		</section>
	)
}
