import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination, SortHeader, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { COHORT_SORTS, countCohorts, listCohorts } from '~/models/cohort.server'
import { PROGRAMMES } from '#db/schema/enums'
import { requirePermission } from '~/utils/access.server'
import { optionalParam, parseListParams } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { z } from '~/utils/validation.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:cohort:any')
	const searchParams = new URL(request.url).searchParams
	// newest first unless the URL asks otherwise
	const { sort, dir, page, perPage } = parseListParams(searchParams, COHORT_SORTS, {
		sort: 'startDate',
		dir: 'desc',
	})
	const programme = optionalParam(z.enum(PROGRAMMES), searchParams.get('programme'))
	return {
		cohorts: listCohorts({ viewer: user, programme, sort, dir, page: { page, perPage } }),
		total: countCohorts({ viewer: user, programme }),
		page,
		perPage,
		programme: programme ?? null,
		sort,
		dir,
		canCreate: can(user, 'update:cohort:any'),
	}
}

export default function CohortsPage() {
	const { cohorts, total, page, perPage, programme, sort, dir, canCreate } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('cohorts')
	const f = useFormat()
	const submit = useSubmit()
	return (
		<>
			<div className="page-header">
				<h1>{t('title')}</h1>
				{canCreate ? (
					<Link to="/cohorts/new" className="button button-primary">
						{t('new')}
					</Link>
				) : null}
			</div>
			<p className="lead">{t('list.lead')}</p>
			<Form
				method="get"
				className="filters"
				role="search"
				aria-label={t('list.filters')}
				onChange={(e) => submit(e.currentTarget, { preventScrollReset: true })}
			>
				{/* keep the chosen order when the filter changes */}
				<input type="hidden" name="sort" value={sort} />
				<input type="hidden" name="dir" value={dir} />
				<div className="field">
					<label htmlFor="filter-programme">{t('list.programme')}</label>
					<select id="filter-programme" name="programme" defaultValue={programme ?? ''}>
						<option value="">{t('common:common.all')}</option>
						{PROGRAMMES.map((p) => (
							<option key={p} value={p}>
								{t(`enums:programmes.${p}`)}
							</option>
						))}
					</select>
				</div>
				<noscript>
					<button type="submit" className="button">
						{t('common:common.filter')}
					</button>
				</noscript>
			</Form>
			{cohorts.length ? (
				<>
					<Table className="cohort-list" caption={t('title')} captionHidden>
						<thead>
							<tr>
								<SortHeader column="name">{t('list.columns.name')}</SortHeader>
								<SortHeader column="programme">{t('list.columns.programme')}</SortHeader>
								<SortHeader column="startDate">{t('list.columns.startDate')}</SortHeader>
								<SortHeader column="endDate">{t('list.columns.endDate')}</SortHeader>
								<SortHeader column="incubated">{t('list.columns.incubated')}</SortHeader>
								<SortHeader column="graduated">{t('list.columns.graduated')}</SortHeader>
								<SortHeader column="left">{t('list.columns.left')}</SortHeader>
							</tr>
						</thead>
						<tbody>
							{cohorts.map((c) => (
								<tr key={c.id}>
									<th scope="row">
										<Link to={`/cohorts/${c.id}`}>{c.name}</Link>
									</th>
									<td>{t(`enums:programmes.${c.programme}`)}</td>
									<td>{f.date(c.startDate)}</td>
									<td>{f.date(c.endDate)}</td>
									<td className="num">{f.number(c.incubated)}</td>
									<td className="num">{f.number(c.graduated)}</td>
									<td className="num">{f.number(c.left)}</td>
								</tr>
							))}
						</tbody>
					</Table>
					<Pagination
						page={page}
						perPage={perPage}
						total={total}
						pageCount={Math.max(1, Math.ceil(total / perPage))}
					/>
				</>
			) : programme ? (
				<EmptyState title={t('list.noMatch')}>
					<Link to="/cohorts">{t('list.noMatchHint')}</Link>
				</EmptyState>
			) : (
				<EmptyState title={t('list.empty')}>{canCreate ? t('list.emptyHint') : null}</EmptyState>
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('cohorts:title'), t('nav.cohorts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
