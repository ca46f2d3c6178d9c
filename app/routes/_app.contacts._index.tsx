import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { COUNTRIES, LAWFUL_BASES, ORGANISATION_KINDS } from '#db/schema/enums'
import { CountryName, OptedOutBadge, personName } from '~/components/contact-ui'
import { FilterSelect, FiltersForm, SearchField } from '~/components/filters'
import { Pagination, SortHeader, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { TagList } from '~/components/tag-list'
import { parseContactListParams } from '~/models/contact-list-params.server'
import {
	countLikelyDuplicates,
	listContactFormOptions,
	listContacts,
} from '~/models/contact.server'
import { requirePermission } from '~/utils/access.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const { filters, sort, dir, page, perPage } = parseContactListParams(new URL(request.url))
	return {
		list: listContacts({ viewer: user, filters, sort, dir, page, perPage }),
		owners: listContactFormOptions(user).owners,
		duplicates: countLikelyDuplicates(user),
		filters,
	}
}

export default function ContactsPage() {
	const { list, owners, duplicates, filters } = useLoaderData<typeof loader>()
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const location = useLocation()
	const hasFilters = Object.values(filters).some((v) => v !== undefined)
	return (
		<>
			<div className="page-header">
				<h1>{t('list.title')}</h1>
				<div className="actions">
					<a href={`/contacts/export.csv${location.search}`} className="button" download>
						{t('list.export')}
					</a>
					<a href={`/contacts/export.xlsx${location.search}`} className="button" download>
						{t('list.exportXlsx')}
					</a>
					<Link to="/organisations" className="button">
						{t('organisations.title')}
					</Link>
					<Link to="/introductions" className="button">
						{t('introductions.pageTitle')}
					</Link>
					<Link to="/contacts/review" className="button">
						{t('review.title')}
					</Link>
					<Link to="/import/contacts" className="button">
						{t('list.import')}
					</Link>
					<Link to="/contacts/new" className="button button-primary">
						{t('list.new')}
					</Link>
				</div>
			</div>
			{duplicates > 0 && !filters.duplicates ? (
				<p className="contact-notice">
					{t('list.duplicatesNotice', { count: duplicates })}{' '}
					<Link to="/contacts?duplicates=yes">{t('list.showDuplicates')}</Link>
				</p>
			) : null}
			<FiltersForm label={t('list.filters')} resetTo="/contacts" hasFilters={hasFilters}>
				<SearchField
					label={t('list.search')}
					value={filters.q}
					placeholder={t('list.searchPlaceholder')}
				/>
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
				<FilterSelect
					name="basis"
					label={t('fields.lawfulBasis')}
					value={filters.basis}
					options={LAWFUL_BASES.map((b) => ({ value: b, label: t(`enums:lawfulBases.${b}`) }))}
				/>
				<FilterSelect
					name="owner"
					label={t('fields.owner')}
					value={filters.ownerId?.toString()}
					options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
				/>
				<FilterSelect
					name="optedOut"
					label={t('fields.optedOut')}
					value={filters.optedOut === undefined ? undefined : filters.optedOut ? 'yes' : 'no'}
					options={[
						{ value: 'yes', label: t('common:common.yes') },
						{ value: 'no', label: t('common:common.no') },
					]}
				/>
				<div className="field">
					<label htmlFor="filter-tag">{t('fields.tag')}</label>
					<input id="filter-tag" name="tag" defaultValue={filters.tag ?? ''} size={10} />
				</div>
				{filters.language ? <input type="hidden" name="language" value={filters.language} /> : null}
				{filters.duplicates ? <input type="hidden" name="duplicates" value="yes" /> : null}
			</FiltersForm>
			{list.total ? (
				<>
					<Table caption={t('list.title')} captionHidden>
						<thead>
							<tr>
								<SortHeader column="name" isDefault>
									{t('fields.name')}
								</SortHeader>
								<SortHeader column="organisation">{t('fields.organisation')}</SortHeader>
								<SortHeader column="country">{t('fields.country')}</SortHeader>
								<th scope="col">{t('fields.kind')}</th>
								<th scope="col">{t('fields.languages')}</th>
								<th scope="col">{t('fields.tags')}</th>
								<th scope="col">{t('fields.owner')}</th>
								<SortHeader column="lastContact">{t('fields.lastContactOn')}</SortHeader>
							</tr>
						</thead>
						<tbody>
							{list.rows.map((c) => (
								<tr key={c.id}>
									<th scope="row">
										<Link to={`/contacts/${c.id}`}>{personName(c, t('erasedContact'))}</Link>{' '}
										<OptedOutBadge on={c.optedOutOn} />
										{c.jobTitle ? <div className="cell-note">{c.jobTitle}</div> : null}
									</th>
									<td>
										{c.organisationId ? (
											<Link to={`/organisations/${c.organisationId}`}>{c.organisationName}</Link>
										) : (
											'—'
										)}
										{c.organisationSector ? (
											<div className="cell-note">{c.organisationSector}</div>
										) : null}
									</td>
									<td>
										<CountryName code={c.country} iso={c.countryCode} />
									</td>
									<td>
										{c.organisationKind ? t(`enums:organisationKinds.${c.organisationKind}`) : '—'}
									</td>
									<td>
										<TagList tags={c.languages} />
									</td>
									<td>
										<TagList tags={c.tags} />
									</td>
									<td>{c.ownerName ?? '—'}</td>
									<td>{c.lastContactOn ? f.date(c.lastContactOn) : '—'}</td>
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
				<EmptyState title={hasFilters ? t('list.noMatch') : t('list.empty')}>
					{hasFilters ? (
						<Link to="/contacts">{t('list.noMatchHint')}</Link>
					) : (
						<Link to="/import/contacts">{t('list.emptyHint')}</Link>
					)}
				</EmptyState>
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('contacts:list.title'), t('nav.contacts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
