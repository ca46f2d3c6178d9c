import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Pagination } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Duration } from '~/components/mentor-format'
import { MonthTable } from '~/components/mentor-hours'
import { SessionForm } from '~/components/mentor-session-form'
import { MentorSessionList } from '~/components/mentor-session-list'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { getMentorSpace, logSession } from '~/models/mentoring.server'
import { LogSessionSchema } from '~/schemas/mentor'
import { requireGrant } from '~/utils/access.server'
import { notFound, redirectWithToast } from '~/utils/http.server'
import { optionalParam, parseListParams } from '~/utils/list-params'
import { replyTo } from '~/utils/write-result'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

// the mentor's own space: only a mentor linked to a mentor record has one
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireGrant(request, 'create:session')
	const searchParams = new URL(request.url).searchParams
	const { page, perPage } = parseListParams(searchParams, ['date'], { sort: 'date' })
	const space = getMentorSpace({ viewer: user, page, perPage })
	if (!space) throw notFound('mentor', user.mentorId ?? undefined)
	const wanted = optionalParam(z.coerce.number().int(), searchParams.get('assignment'))
	return {
		...space,
		preselected: space.running.some((a) => a.id === wanted) ? wanted : null,
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireGrant(request, 'create:session')
	const submission = parseWithZod(await request.formData(), { schema: LogSessionSchema })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = logSession({ viewer: user, input: submission.value })
	// another mentor's assignment is not there for this one
	if (!result) throw notFound('assignment', submission.value.assignmentId)
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	return redirectWithToast('/mentoring', { type: 'success', messageKey: 'mentors:session.logged' })
}

export default function MentoringPage() {
	const { mentor, asOf, period, running, past, month, quarter, byMonth, sessions, preselected } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('mentors')
	const f = useFormat()
	const spare = mentor.capacityHoursPerMonth * 60 - month.minutes
	return (
		<>
			<h1>{t('space.title')}</h1>
			<p className="lead">{t('space.lead', { name: mentor.name })}</p>
			<StatGrid>
				<Stat label={t('space.startups')} value={f.number(running.length)} />
				<Stat
					label={t('hours.thisMonth')}
					value={<Duration minutes={month.minutes} />}
					note={
						spare > 0 ? (
							<>
								{t('profile.spare')} <Duration minutes={spare} />
							</>
						) : (
							t('space.capacityReached', { hours: mentor.capacityHoursPerMonth })
						)
					}
				/>
				<Stat
					label={t('hours.thisQuarter')}
					value={<Duration minutes={quarter.minutes} />}
					note={`${f.quarter(period.quarter)} · ${t('hours.sessionCount', { count: quarter.sessions })}`}
				/>
			</StatGrid>

			<div className="columns">
				<section aria-labelledby="my-startups-heading">
					<h2 id="my-startups-heading">{t('space.myStartups')}</h2>
					{running.length ? (
						<ul className="sessions">
							{running.map((a) => (
								<li key={a.id}>
									<p>
										<strong>
											<Link to={`/startups/${a.startupId}`}>{a.startupName}</Link>
										</strong>{' '}
										<span className="muted">
											{t(`enums:startupStages.${a.startupStage}`)} · {a.focus}
										</span>
									</p>
									<p className="muted">
										{t('assign.since', { from: f.date(a.startDate) })} ·{' '}
										{a.lastSessionOn
											? t('space.lastSession', { date: f.date(a.lastSessionOn) })
											: t('assign.noSession')}{' '}
										· <Duration minutes={a.minutes} />
									</p>
								</li>
							))}
						</ul>
					) : (
						<EmptyState title={t('space.noStartups')}>{t('space.noStartupsHint')}</EmptyState>
					)}
					{past.length ? (
						<p className="muted">
							{t('space.past', { names: past.map((a) => a.startupName).join(', ') })}
						</p>
					) : null}
				</section>
				<section aria-labelledby="log-heading" id="log-session">
					<h2 id="log-heading">{t('session.logTitle')}</h2>
					{running.length ? (
						<SessionForm
							key={preselected ?? 'none'}
							lastResult={lastResult}
							assignments={running}
							assignmentId={preselected}
							today={asOf}
						/>
					) : (
						<p className="muted">{t('session.nothingToLog')}</p>
					)}
				</section>
			</div>

			<section aria-labelledby="my-sessions-heading">
				<h2 id="my-sessions-heading">{t('space.mySessions')}</h2>
				{sessions.total ? (
					<>
						<MentorSessionList sessions={sessions.rows} show="startup" canEdit />
						<Pagination
							page={sessions.page}
							pageCount={sessions.pageCount}
							total={sessions.total}
							perPage={sessions.perPage}
						/>
					</>
				) : (
					<EmptyState title={t('space.noSessions')} />
				)}
			</section>

			<section aria-labelledby="my-hours-heading">
				<h2 id="my-hours-heading">{t('space.myHours')}</h2>
				<MonthTable rows={byMonth} caption={t('space.hoursCaption')} />
			</section>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('mentors:space.title'), t('nav.mySessions')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
