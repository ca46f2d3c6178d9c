import { useTranslation } from 'react-i18next'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function IntroductionsSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	return (
		<section aria-labelledby="introductions-heading">
			<h2 id="introductions-heading">{t('page.introductions')}</h2>
			{page.introductions.length ? (
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('page.contact')}</th>
							<th scope="col">{t('page.purpose')}</th>
							<th scope="col">{t('common:fields.status')}</th>
							<th scope="col">{t('page.introducedOn')}</th>
						</tr>
					</thead>
					<tbody>
						{page.introductions.map((i) => (
							<tr key={i.id}>
								<th scope="row">
									{i.contactName ? `${i.contactName}, ` : ''}
									{i.organisationName ?? '—'} <span className="muted">({i.country})</span>
								</th>
								<td>{t(`introductionPurposes.${i.purpose}`)}</td>
								<td>
									{t(`introductionStatuses.${i.status}`)}
									{i.dealValueCents != null && i.dealCurrency
										? ` — ${f.money(i.dealValueCents, i.dealCurrency)}`
										: ''}
								</td>
								<td>{f.date(i.introducedOn)}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<EmptyState title={t('page.noIntroductions')}>{t('page.noIntroductionsHint')}</EmptyState>
			)}
		</section>
	)
}
