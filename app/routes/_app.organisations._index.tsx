import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { COUNTRIES, ORGANISATION_KINDS } from '#db/schema/enums'
import { CountryName } from '~/components/contact-ui'
import { FilterSelect, FiltersForm, SearchField } from '~/components/filters'
import { Pagination, SortHeader, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { parseOrganisationListParams } from '~/models/contact-list-params.server'
import { listOrganisations } from '~/models/organisation.server'
import { requirePermission } from '~/utils/access.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const { filters, sort, dir, page, perPage } = parseOrganisationListParams(new URL(request.url))
	return { list: listOrganisations({ viewer: user, filters, sort, dir, page, perPage }), filters }
}

export default function OrganisationsPage() {
	const { list, filters } = useLoaderData<typeof loader>()
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const hasFilters = Object.values(filters).some((v) => v !== undefined)
	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link>
			</p>
			<div className="page-header">
				<h1>{t('organisations.title')}</h1>
				<div className="actions">
					<Link to="/organisations/new" className="button button-primary">
						{t('organisations.new')}
					</Link>
				</div>
			</div>
			<FiltersForm label={t('list.filters')} resetTo="/organisations" hasFilters={hasFilters}>
				<SearchField label={t('list.search')} value={filters.q} />
				<FilterSelect
					name="country"
					label={t('fields.country')}
					value={filters.country}
					options={COUNTRIES.map((c) => ({ value: c, label: t(`enums:countries.${c}`) }))}
				/>
				<FilterSelect
					name="kind"
					label={t('fields.kind')}
					value={filters.kind}
					options={ORGANISATION_KINDS.map((k) => ({
						value: k,
						label: t(`enums:organisationKinds.${k}`),
					}))}
				/>
			</FiltersForm>
			{list.total ? (
				<>
					<Table caption={t('organisations.title')} captionHidden>
						<thead>
							<tr>
								<SortHeader column="name" isDefault>
									{t('fields.organisationName')}
								</SortHeader>
								<SortHeader column="country">{t('fields.country')}</SortHeader>
								<SortHeader column="kind">{t('fields.kind')}</SortHeader>
								<th scope="col">{t('fields.sector')}</th>
								<SortHeader column="contacts" className="num">
									{t('organisations.contacts')}
								</SortHeader>
							</tr>
						</thead>
						<tbody>
							{list.rows.map((o) => (
								<tr key={o.id}>
									<th scope="row">
										<Link to={`/organisations/${o.id}`}>{o.name}</Link>
									</th>
									<td>
										<CountryName code={o.country} iso={o.countryCode} />
									</td>
									<td>{t(`enums:organisationKinds.${o.kind}`)}</td>
									<td>{o.sector ?? '—'}</td>
									<td className="num">{f.number(o.contactCount)}</td>
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
				<EmptyState title={hasFilters ? t('list.noMatch') : t('organisations.empty')}>
					{hasFilters ? <Link to="/organisations">{t('list.noMatchHint')}</Link> : null}
				</EmptyState>
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('contacts:organisations.title'), t('nav.contacts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
