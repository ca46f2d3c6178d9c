import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AssignmentTable } from '~/components/mentor-assignments'
import { Duration, Languages } from '~/components/mentor-format'
import { MonthTable } from '~/components/mentor-hours'
import { MentorSessionList } from '~/components/mentor-session-list'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { TagList } from '~/components/tag-list'
import { getMentor, setMentorActive } from '~/models/mentor.server'
import {
	hoursByMonth,
	hoursTotal,
	listAssignments,
	listSessions,
	periodOf,
	yearBefore,
} from '~/models/mentoring.server'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { badRequest, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { parseListParams } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:mentor:any')
	const id = parseId(params.mentorId, 'mentor')
	const mentor = getMentor({ id, viewer: user })
	if (!mentor) throw notFound('mentor', id)
	const asOf = today()
	const period = periodOf(asOf)
	const { page, perPage } = parseListParams(new URL(request.url).searchParams, ['date'], {
		sort: 'date',
	})
	const scope = { viewer: user, mentorId: id }
	return {
		mentor,
		asOf,
		month: hoursTotal({ ...scope, from: period.monthStart, to: period.monthEnd }),
		quarter: hoursTotal({ ...scope, from: period.quarterStart, to: period.quarterEnd }),
		allTime: hoursTotal({ ...scope, from: '0000-01-01', to: '9999-12-31' }),
		byMonth: hoursByMonth({ ...scope, from: yearBefore(asOf), to: period.monthEnd }),
		assignments: listAssignments({ viewer: user, mentorId: id }),
		sessions: listSessions({ viewer: user, mentorId: id, page, perPage }),
		canEdit: can(user, 'update:mentor:any'),
		canEditSessions: can(user, 'update:session:any'),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:mentor:any')
	const id = parseId(params.mentorId, 'mentor')
	const intent = (await request.formData()).get('intent')
	if (intent !== 'deactivate' && intent !== 'reactivate') throw badRequest('intent')
	const result = setMentorActive({ id, active: intent === 'reactivate', viewer: user })
	if (!result) throw notFound('mentor', id)
	if (!result.ok) {
		// the page says how many assignments are still running
		const asOf = today()
		const running = listAssignments({ viewer: user, mentorId: id }).filter(
			(a) => a.endDate === null || a.endDate >= asOf,
		).length
		return data({ running }, { status: 400 })
	}
	return redirectWithToast(`/mentors/${id}`, {
		type: 'success',
		messageKey:
			intent === 'reactivate' ? 'mentors:profile.reactivated' : 'mentors:profile.deactivated',
	})
}

export default function MentorPage() {
	const {
		mentor,
		asOf,
		month,
		quarter,
		allTime,
		byMonth,
		assignments,
		sessions,
		canEdit,
		canEditSessions,
	} = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('mentors')
	const spare = mentor.capacityHoursPerMonth * 60 - month.minutes
	return (
		<>
			<p className="breadcrumb">
				<Link to="/mentors">{t('list.title')}</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{mentor.name}</h1>
					<p className="muted">
						{mentor.organisation}
						{mentor.active ? null : (
							<span className="badge badge-muted">{t('profile.inactive')}</span>
						)}
					</p>
				</div>
				{canEdit ? (
					<div className="actions">
						<Link to={`/mentors/${mentor.id}/edit`} className="button">
							{t('common:common.edit')}
						</Link>
						<Form method="post">
							<input
								type="hidden"
								name="intent"
								value={mentor.active ? 'deactivate' : 'reactivate'}
							/>
							<button type="submit" className={mentor.active ? 'button button-danger' : 'button'}>
								{mentor.active ? t('profile.deactivate') : t('profile.reactivate')}
							</button>
						</Form>
					</div>
				) : null}
			</div>
			{actionData ? (
				<p className="callout callout-error" role="alert">
					{t('profile.stillAssigned', { count: actionData.running })}
				</p>
			) : null}
			{mentor.active ? null : <p className="callout">{t('profile.inactiveHint')}</p>}

			<dl className="facts">
				<Fact label={t('fields.expertise')} value={<TagList tags={mentor.expertise} />} />
				<Fact label={t('fields.languages')} value={<Languages codes={mentor.languages} />} />
				<Fact
					label={t('fields.capacity')}
					value={t('list.hoursPerMonth', { hours: mentor.capacityHoursPerMonth })}
				/>
				<Fact
					label={t('fields.email')}
					value={mentor.email ? <a href={`mailto:${mentor.email}`}>{mentor.email}</a> : '—'}
				/>
			</dl>
			{mentor.bio ? <p className="pitch">{mentor.bio}</p> : null}

			<section aria-labelledby="hours-heading">
				<h2 id="hours-heading">{t('profile.hours')}</h2>
				<StatGrid>
					<Stat
						label={t('hours.thisMonth')}
						value={<Duration minutes={month.minutes} />}
						note={
							spare > 0 ? (
								<>
									{t('profile.spare')} <Duration minutes={spare} />
								</>
							) : (
								t('profile.full')
							)
						}
					/>
					<Stat
						label={t('hours.thisQuarter')}
						value={<Duration minutes={quarter.minutes} />}
						note={t('hours.sessionCount', { count: quarter.sessions })}
					/>
					<Stat
						label={t('hours.allTime')}
						value={<Duration minutes={allTime.minutes} />}
						note={t('hours.sessionCount', { count: allTime.sessions })}
					/>
				</StatGrid>
				<MonthTable rows={byMonth} caption={t('profile.byMonth')} />
			</section>

			<section aria-labelledby="assignments-heading">
				<h2 id="assignments-heading">{t('profile.assignments')}</h2>
				{assignments.length ? (
					<AssignmentTable
						assignments={assignments}
						asOf={asOf}
						show="startup"
						caption={t('profile.assignments')}
					/>
				) : (
					<EmptyState title={t('profile.noAssignments')}>
						{t('profile.noAssignmentsHint')}
					</EmptyState>
				)}
			</section>

			<section aria-labelledby="sessions-heading">
				<h2 id="sessions-heading">{t('profile.sessions')}</h2>
				{sessions.total ? (
					<>
						<MentorSessionList sessions={sessions.rows} show="startup" canEdit={canEditSessions} />
						<Pagination
							page={sessions.page}
							pageCount={sessions.pageCount}
							total={sessions.total}
							perPage={sessions.perPage}
						/>
					</>
				) : (
					<EmptyState title={t('profile.noSessions')} />
				)}
			</section>
		</>
	)
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
	return (
		<div>
			<dt>{label}</dt>
			<dd>{value}</dd>
		</div>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [data?.mentor.name, t('nav.mentors')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
