import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function MentoringSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const { t: tm } = useTranslation('mentors')
	const f = useFormat()
	const mentoring = page.mentoring
	if (!mentoring) return null
	return (
		<section aria-labelledby="mentoring-heading">
			<div className="mentoring-header">
				<h2 id="mentoring-heading">{t('page.mentoring')}</h2>
				{mentoring.canAssign ? (
					<Link to={`/startups/${page.startup.id}/mentors`} className="button button-small">
						{tm('panel.suggestAndAssign')}
					</Link>
				) : null}
				{mentoring.myAssignmentId ? (
					<Link
						to={`/mentoring?assignment=${mentoring.myAssignmentId}#log-session`}
						className="button button-small button-primary"
					>
						{tm('panel.logSession')}
					</Link>
				) : null}
			</div>
			{mentoring.mentors.length ? (
				<ul className="list">
					{mentoring.mentors.map((m) => (
						<li key={m.assignmentId}>
							<strong>{m.name}</strong> <span className="muted">— {m.organisation}</span> ·{' '}
							{m.focus}
						</li>
					))}
				</ul>
			) : (
				<EmptyState title={t('page.noMentors')}>{t('page.noMentorsHint')}</EmptyState>
			)}
			{mentoring.sessions.length ? (
				<>
					<h3>{t('page.recentSessions')}</h3>
					<ul className="sessions">
						{mentoring.sessions.map((s) => (
							<li key={s.id}>
								<p>
									<strong>{s.topic}</strong>{' '}
									<span className="muted">
										{f.date(s.date)} · {s.mentorName} · {t('page.minutes', { count: s.minutes })}
									</span>
									{s.private ? (
										<>
											{' '}
											<span className="badge badge-warning">{tm('session.private')}</span>
										</>
									) : null}
								</p>
								{s.notes ? <p>{s.notes}</p> : null}
								{s.nextSteps ? (
									<p>
										<em>{t('page.nextSteps')}</em> {s.nextSteps}
									</p>
								) : null}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}
