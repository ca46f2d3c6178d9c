import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CountryName, OptedOutBadge, personName } from '~/components/contact-ui'
import { Pagination, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { listContactsForReview } from '~/models/contact-gdpr.server'
import { requirePermission } from '~/utils/access.server'
import { parseListParams } from '~/utils/list-params'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/** People nobody has contacted for three years: keep them (log a contact) or erase them. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const { page, perPage } = parseListParams(new URL(request.url).searchParams, ['due'] as const, {
		sort: 'due',
	})
	return listContactsForReview({ viewer: user, page, perPage })
}

export default function ContactReviewPage() {
	const { cutoff, list } = useLoaderData<typeof loader>()
	const { t } = useTranslation('contacts')
	const f = useFormat()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link>
			</p>
			<h1>{t('review.title')}</h1>
			<p className="lead">{t('review.lead', { date: f.date(cutoff) })}</p>
			{list.total ? (
				<>
					<Table caption={t('review.title')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.name')}</th>
								<th scope="col">{t('fields.organisation')}</th>
								<th scope="col">{t('fields.country')}</th>
								<th scope="col">{t('fields.lawfulBasis')}</th>
								<th scope="col">{t('fields.lastContactOn')}</th>
							</tr>
						</thead>
						<tbody>
							{list.rows.map((c) => (
								<tr key={c.id}>
									<th scope="row">
										<Link to={`/contacts/${c.id}`}>{personName(c, t('erasedContact'))}</Link>{' '}
										<OptedOutBadge on={c.optedOutOn} />
									</th>
									<td>{c.organisationName ?? '—'}</td>
									<td>
										<CountryName code={c.country} />
									</td>
									<td>{t(`enums:lawfulBases.${c.lawfulBasis}`)}</td>
									<td>
										{c.lastContactOn
											? f.date(c.lastContactOn)
											: t('review.neverSince', { date: f.date(c.createdAt) })}
									</td>
								</tr>
							))}
						</tbody>
					</Table>
					<Pagination
						page={list.page}
						pageCount={list.pageCount}
						total={list.total}
						perPage={list.perPage}
					/>
				</>
			) : (
				<EmptyState title={t('review.empty')} />
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('contacts:review.title'), t('nav.contacts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
