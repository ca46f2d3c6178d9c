import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, redirect, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { STARTUP_STAGES, STARTUP_STATUSES } from '#db/schema/enums'
import { Pagination, SortHeader, Table } from '~/components/data-table'
import { FilterSelect, FiltersForm, SearchField } from '~/components/filters'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SuggestField } from '~/components/suggest-field'
import { EmptyState } from '~/components/stat'
import { parseStartupListParams } from '~/models/startup-list-params.server'
import { listStartups } from '~/models/startup.server'
import { cohortFilterLabel } from '~/models/suggestions.server'
import { holdsSome } from '~/utils/access.server'
import { requireUser } from '~/utils/auth.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	// a founder has one startup, theirs, and no portfolio
	if (!holdsSome(user, 'read:portfolio')) throw redirect('/my-startup')
	const { filters, sort, dir, page, perPage } = parseStartupListParams(new URL(request.url))
	return {
		list: listStartups({ viewer: user, filters, sort, dir, page, perPage }),
		filters,
		cohortLabel: cohortFilterLabel(filters.cohortName ?? filters.cohortId?.toString()),
		canCreate: can(user, 'update:startup:any'),
	}
}

export default function StartupsPage() {
	const { list, filters, cohortLabel, canCreate } = useLoaderData<typeof loader>()
	const { t } = useTranslation('startups')
	const f = useFormat()
	const location = useLocation()
	const hasFilters = Object.values(filters).some((v) => v !== undefined)
	return (
		<>
			<div className="page-header">
				<h1>{t('list.title')}</h1>
				<div className="actions">
					<a href={`/startups/export.csv${location.search}`} className="button" download>
						{t('common:common.exportCsv')}
					</a>
					<a href={`/startups/export.xlsx${location.search}`} className="button" download>
						{t('common:common.exportXlsx')}
					</a>
					{canCreate ? (
						<>
							<Link to="/import/startups" className="button">
								{t('list.import')}
							</Link>
							<Link to="/startups/new" className="button button-primary">
								{t('list.new')}
							</Link>
						</>
					) : null}
				</div>
			</div>
			<FiltersForm label={t('list.filters')} resetTo="/startups" hasFilters={hasFilters}>
				<SearchField
					label={t('list.search')}
					value={filters.q}
					placeholder={t('list.searchPlaceholder')}
				/>
				<SuggestField
					name="cohort"
					kind="cohorts"
					label={t('common:fields.cohort')}
					value={cohortLabel}
				/>
				<FilterSelect
					name="status"
					label={t('common:fields.status')}
					value={filters.status}
					options={STARTUP_STATUSES.map((s) => ({
						value: s,
						label: t(`enums:startupStatuses.${s}`),
					}))}
				/>
				<FilterSelect
					name="stage"
					label={t('common:fields.stage')}
					value={filters.stage}
					options={STARTUP_STAGES.map((s) => ({ value: s, label: t(`enums:startupStages.${s}`) }))}
				/>
				<SuggestField
					name="sector"
					kind="sectors"
					label={t('common:fields.sector')}
					value={filters.sector}
				/>
				<FilterSelect
					name="uk"
					label={t('common:fields.ukFocus')}
					value={filters.ukFocus === undefined ? undefined : filters.ukFocus ? 'yes' : 'no'}
					options={[
						{ value: 'yes', label: t('common:common.yes') },
						{ value: 'no', label: t('common:common.no') },
					]}
				/>
			</FiltersForm>
			{list.total ? (
				<>
					<Table caption={t('list.title')} captionHidden>
						<thead>
							<tr>
								<SortHeader column="name" isDefault>
									{t('list.columns.name')}
								</SortHeader>
								<SortHeader column="cohort">{t('common:fields.cohort')}</SortHeader>
								<SortHeader column="status">{t('common:fields.status')}</SortHeader>
								<SortHeader column="stage">{t('common:fields.stage')}</SortHeader>
								<SortHeader column="sector">{t('common:fields.sector')}</SortHeader>
								<SortHeader column="ukFocus">{t('common:fields.ukFocus')}</SortHeader>
								<SortHeader column="months" className="num">
									{t('list.columns.months')}
								</SortHeader>
								<SortHeader column="funds" className="num">
									{t('list.columns.funds')}
								</SortHeader>
							</tr>
						</thead>
						<tbody>
							{list.rows.map((s) => (
								<tr key={s.id}>
									<th scope="row">
										<Link to={`/startups/${s.id}`}>{s.name}</Link>
									</th>
									<td>{s.cohortName ?? '—'}</td>
									<td>
										<span className={`badge status-${s.status}`}>
											{t(`enums:startupStatuses.${s.status}`)}
										</span>
									</td>
									<td>{t(`enums:startupStages.${s.stage}`)}</td>
									<td>{s.sector}</td>
									<td>{s.ukFocus ? t('common:common.yes') : t('common:common.no')}</td>
									<td className="num">{f.number(s.monthsInNursery)}</td>
									<td className="num">{f.money(s.fundsSecuredEurCents)}</td>
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
						<Link to="/startups">{t('list.noMatchHint')}</Link>
					) : canCreate ? (
						<Link to="/startups/new">{t('list.emptyHint')}</Link>
					) : null}
				</EmptyState>
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('startups:list.title'), t('nav.startups')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
