import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination, SortHeader, Table } from '~/components/data-table'
import { FilterSelect, FiltersForm, SearchField } from '~/components/filters'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Duration, Languages } from '~/components/mentor-format'
import { EmptyState } from '~/components/stat'
import { TagList } from '~/components/tag-list'
import {
	countMentors,
	listMentors,
	listMentorVocabulary,
	parseMentorListParams,
} from '~/models/mentor.server'
import { listForgottenAssignments } from '~/models/mentoring.server'
import { MENTOR_STATES } from '~/schemas/mentor-states'
import { requirePermission } from '~/utils/access.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:mentor:any')
	const { filters, sort, dir, page, perPage } = parseMentorListParams(new URL(request.url))
	return {
		mentors: listMentors({ viewer: user, filters, sort, dir, page: { page, perPage } }),
		total: countMentors({ viewer: user, filters }),
		page,
		perPage,
		vocabulary: listMentorVocabulary(user),
		forgotten: listForgottenAssignments({ viewer: user }).length,
		filters,
		sort,
		dir,
		canEdit: can(user, 'update:mentor:any'),
	}
}

export default function MentorsPage() {
	const { mentors, total, page, perPage, vocabulary, forgotten, filters, sort, dir, canEdit } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('mentors')
	const f = useFormat()
	const hasFilters = Boolean(
		filters.q || filters.expertise || filters.language || filters.state !== 'active',
	)
	return (
		<>
			<div className="page-header">
				<h1>{t('list.title')}</h1>
				<div className="actions">
					<Link to="/mentors/hours" className="button">
						{t('hours.title')}
					</Link>
					{canEdit ? (
						<Link to="/mentors/new" className="button button-primary">
							{t('list.new')}
						</Link>
					) : null}
				</div>
			</div>
			<p className="lead">{t('list.lead')}</p>
			{forgotten ? (
				<p className="callout">
					<Link to="/mentors/hours#forgotten-heading">
						{t('list.forgotten', { count: forgotten })}
					</Link>
				</p>
			) : null}
			<FiltersForm label={t('list.filters')} resetTo="/mentors" hasFilters={hasFilters}>
				<input type="hidden" name="sort" value={sort} />
				<input type="hidden" name="dir" value={dir} />
				<SearchField
					label={t('list.search')}
					value={filters.q}
					placeholder={t('list.searchPlaceholder')}
				/>
				<FilterSelect
					name="expertise"
					label={t('fields.expertise')}
					value={filters.expertise ?? undefined}
					options={vocabulary.expertise.map((tag) => ({ value: tag, label: tag }))}
				/>
				<FilterSelect
					name="language"
					label={t('fields.language')}
					value={filters.language ?? undefined}
					options={vocabulary.languages.map((code) => ({ value: code, label: f.language(code) }))}
				/>
				<div className="field">
					<label htmlFor="filter-state">{t('list.state')}</label>
					<select id="filter-state" name="state" defaultValue={filters.state}>
						{MENTOR_STATES.map((s) => (
							<option key={s} value={s}>
								{t(`list.states.${s}`)}
							</option>
						))}
					</select>
				</div>
			</FiltersForm>
			{mentors.length ? (
				<>
					<Table className="mentor-list" caption={t('list.title')} captionHidden>
						<thead>
							<tr>
								<SortHeader column="name" isDefault>
									{t('fields.name')}
								</SortHeader>
								<SortHeader column="organisation">{t('fields.organisation')}</SortHeader>
								<th scope="col">{t('fields.expertise')}</th>
								<th scope="col">{t('fields.languages')}</th>
								<SortHeader column="capacity" className="num">
									{t('list.capacity')}
								</SortHeader>
								<SortHeader column="mentees" className="num">
									{t('list.mentees')}
								</SortHeader>
								<SortHeader column="hours" className="num">
									{t('list.hoursThisQuarter')}
								</SortHeader>
							</tr>
						</thead>
						<tbody>
							{mentors.map((m) => (
								<tr key={m.id} className={m.active ? undefined : 'inactive'}>
									<th scope="row">
										<Link to={`/mentors/${m.id}`}>{m.name}</Link>
										{m.active ? null : (
											<span className="badge badge-muted">{t('profile.inactive')}</span>
										)}
									</th>
									<td>{m.organisation}</td>
									<td>
										<TagList tags={m.expertise} />
									</td>
									<td>
										<Languages codes={m.languages} />
									</td>
									<td className="num">
										{t('list.hoursPerMonth', { hours: m.capacityHoursPerMonth })}
									</td>
									<td className="num">{f.number(m.mentees)}</td>
									<td className="num">
										<Duration minutes={m.minutesThisQuarter} />
									</td>
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
			) : (
				<EmptyState title={hasFilters ? t('list.noMatch') : t('list.empty')}>
					{hasFilters ? (
						<Link to="/mentors">{t('list.noMatchHint')}</Link>
					) : canEdit ? (
						<Link to="/mentors/new">{t('list.emptyHint')}</Link>
					) : null}
				</EmptyState>
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('mentors:list.title'), t('nav.mentors')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
