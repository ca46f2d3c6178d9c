import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { getMentorHome } from '~/models/home.server'
import { useFormat } from '~/utils/use-format'

type Home = ReturnType<typeof getMentorHome>

export function MentorHome({ home }: { home: Home }) {
	const { t } = useTranslation()
	const f = useFormat()
	const hours = Math.round((home.minutesThisQuarter / 60) * 10) / 10
	return (
		<>
			<h1>{t('home.mentor.title')}</h1>
			<p className="lead">{t('home.mentor.lead')}</p>
			<StatGrid>
				<Stat label={t('home.mentor.mentees')} value={f.number(home.assignments.length)} />
				<Stat
					label={t('home.mentor.hoursThisQuarter')}
					value={f.number(hours)}
					note={t('home.mentor.since', { date: f.date(home.quarterStart) })}
				/>
			</StatGrid>
			<section aria-labelledby="mentees-heading">
				<h2 id="mentees-heading">{t('home.mentor.mentees')}</h2>
				{home.assignments.length ? (
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('fields.startup')}</th>
								<th scope="col">{t('fields.stage')}</th>
								<th scope="col">{t('home.mentor.focus')}</th>
								<th scope="col">{t('home.mentor.lastSession')}</th>
							</tr>
						</thead>
						<tbody>
							{home.assignments.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										<Link to={`/startups/${a.startupId}`}>{a.startupName}</Link>
									</th>
									<td>{t(`stages.${a.startupStage}`)}</td>
									<td>{a.focus}</td>
									<td>{a.lastSessionOn ? f.date(a.lastSessionOn) : t('home.mentor.noSession')}</td>
								</tr>
							))}
						</tbody>
					</table>
				) : (
					<EmptyState title={t('home.mentor.noMentees')}>
						{t('home.mentor.noMenteesHint')}
					</EmptyState>
				)}
			</section>
		</>
	)
}
