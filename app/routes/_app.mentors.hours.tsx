import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { HoursTable, MonthTable } from '~/components/mentor-hours'
import { Duration } from '~/components/mentor-format'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import {
	hoursByMentor,
	hoursByMonth,
	hoursByStartup,
	hoursTotal,
	listForgottenAssignments,
	listSessionYears,
} from '~/models/mentoring.server'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { optionalParam } from '~/utils/list-params'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

/** Days without a session after which an assignment counts as forgotten. */
const FORGOTTEN_AFTER_DAYS = 60

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:mentor:any')
	const asOf = today()
	const currentYear = Number(asOf.slice(0, 4))
	const year =
		optionalParam(
			z.coerce.number().int().min(2000).max(2100),
			new URL(request.url).searchParams.get('year'),
		) ?? currentYear
	const scope = { viewer: user, from: `${year}-01-01`, to: `${year}-12-31` }
	const years = listSessionYears(user)
	return {
		year,
		years: years.includes(currentYear) ? years : [currentYear, ...years],
		total: hoursTotal(scope),
		byMonth: hoursByMonth(scope),
		byMentor: hoursByMentor(scope),
		byStartup: hoursByStartup(scope),
		forgotten: listForgottenAssignments({ viewer: user, asOf, days: FORGOTTEN_AFTER_DAYS }),
		days: FORGOTTEN_AFTER_DAYS,
	}
}

export default function MentorHoursPage() {
	const { year, years, total, byMonth, byMentor, byStartup, forgotten, days } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('mentors')
	const f = useFormat()
	const submit = useSubmit()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/mentors">{t('list.title')}</Link>
			</p>
			<h1>{t('hours.title')}</h1>
			<p className="lead">{t('hours.lead')}</p>

			<section aria-labelledby="forgotten-heading">
				<h2 id="forgotten-heading">{t('hours.forgotten', { days })}</h2>
				{forgotten.length ? (
					<Table caption={t('hours.forgotten', { days })} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.startup')}</th>
								<th scope="col">{t('fields.mentor')}</th>
								<th scope="col">{t('fields.focus')}</th>
								<th scope="col">{t('fields.lastSession')}</th>
								<th scope="col" className="num">
									{t('hours.daysSince')}
								</th>
							</tr>
						</thead>
						<tbody>
							{forgotten.map((a) => (
								<tr key={a.assignmentId} className="row-warning">
									<th scope="row">
										<Link to={`/startups/${a.startupId}/mentors`}>{a.startupName}</Link>
									</th>
									<td>
										<Link to={`/mentors/${a.mentorId}`}>{a.mentorName}</Link>
									</td>
									<td>{a.focus}</td>
									<td>
										{a.lastSessionOn
											? f.date(a.lastSessionOn)
											: t('hours.noSessionSince', { date: f.date(a.startDate) })}
									</td>
									<td className="num">{f.number(a.daysSince)}</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('hours.noneForgotten')} />
				)}
			</section>

			<Form
				method="get"
				className="filters"
				aria-label={t('hours.period')}
				onChange={(e) => submit(e.currentTarget, { preventScrollReset: true })}
			>
				<div className="field">
					<label htmlFor="year">{t('hours.year')}</label>
					<select id="year" name="year" defaultValue={String(year)}>
						{years.map((y) => (
							<option key={y} value={y}>
								{y}
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

			<StatGrid>
				<Stat
					label={t('hours.yearTotal', { year })}
					value={<Duration minutes={total.minutes} />}
					note={t('hours.sessionCount', { count: total.sessions })}
				/>
				<Stat label={t('hours.mentorsActive')} value={f.number(byMentor.length)} />
				<Stat label={t('hours.startupsMentored')} value={f.number(byStartup.length)} />
			</StatGrid>

			<div className="columns">
				<section aria-labelledby="by-mentor-heading">
					<h2 id="by-mentor-heading">{t('hours.byMentor')}</h2>
					<HoursTable
						caption={t('hours.byMentorCaption', { year })}
						header={t('fields.mentor')}
						empty={t('hours.noSessions')}
						rows={byMentor.map((m) => ({
							...m,
							key: m.mentorId,
							label: (
								<>
									<Link to={`/mentors/${m.mentorId}`}>{m.name}</Link>{' '}
									<span className="muted">{m.organisation}</span>
								</>
							),
						}))}
					/>
				</section>
				<section aria-labelledby="by-startup-heading">
					<h2 id="by-startup-heading">{t('hours.byStartup')}</h2>
					<HoursTable
						caption={t('hours.byStartupCaption', { year })}
						header={t('fields.startup')}
						empty={t('hours.noSessions')}
						rows={byStartup.map((s) => ({
							...s,
							key: s.startupId,
							label: <Link to={`/startups/${s.startupId}/mentors`}>{s.name}</Link>,
						}))}
					/>
				</section>
			</div>

			<section aria-labelledby="by-month-heading">
				<h2 id="by-month-heading">{t('hours.byMonth')}</h2>
				<MonthTable rows={byMonth} caption={t('hours.byMonthCaption', { year })} />
			</section>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('mentors:hours.title'), t('nav.mentors')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
