import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Duration } from '~/components/mentor-format'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { getMentorHome } from '~/models/home.server'
import { useFormat } from '~/utils/use-format'
import { Table } from '~/components/data-table'

type Home = NonNullable<ReturnType<typeof getMentorHome>>

export function MentorHome({ home }: { home: Home }) {
	const { t } = useTranslation()
	const { t: tm } = useTranslation('mentors')
	const f = useFormat()
	return (
		<>
			<div className="page-header">
				<h1>{t('home.mentor.title')}</h1>
				<Link to="/mentoring#log-session" className="button button-primary">
					{tm('home.logSession')}
				</Link>
			</div>
			<p className="lead">{t('home.mentor.lead')}</p>
			<StatGrid>
				<Stat label={t('home.mentor.mentees')} value={f.number(home.assignments.length)} />
				<Stat
					label={tm('home.hoursThisMonth')}
					value={<Duration minutes={home.minutesThisMonth} />}
					note={tm('list.hoursPerMonth', { hours: home.capacityHoursPerMonth })}
				/>
				<Stat
					label={t('home.mentor.hoursThisQuarter')}
					value={<Duration minutes={home.minutesThisQuarter} />}
					note={t('home.mentor.since', { date: f.date(home.quarterStart) })}
				/>
			</StatGrid>
			<section aria-labelledby="mentees-heading">
				<h2 id="mentees-heading">{t('home.mentor.mentees')}</h2>
				{home.assignments.length ? (
					<Table caption={t('home.mentor.mentees')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.startup')}</th>
								<th scope="col">{t('fields.stage')}</th>
								<th scope="col">{t('home.mentor.focus')}</th>
								<th scope="col">{t('home.mentor.lastSession')}</th>
								<th scope="col">
									<span className="visually-hidden">{tm('home.logSession')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{home.assignments.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										<Link to={`/startups/${a.startupId}`}>{a.startupName}</Link>
									</th>
									<td>{t(`enums:startupStages.${a.startupStage}`)}</td>
									<td>{a.focus}</td>
									<td>{a.lastSessionOn ? f.date(a.lastSessionOn) : t('home.mentor.noSession')}</td>
									<td>
										<Link
											to={`/mentoring?assignment=${a.id}#log-session`}
											className="button button-small"
											aria-label={`${tm('home.logSession')} — ${a.startupName}`}
										>
											{tm('home.logSession')}
										</Link>
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('home.mentor.noMentees')}>
						{t('home.mentor.noMenteesHint')}
					</EmptyState>
				)}
			</section>
			<p>
				<Link to="/mentoring">{tm('home.mySpace')}</Link>
			</p>
		</>
	)
}
