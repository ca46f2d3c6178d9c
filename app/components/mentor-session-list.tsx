import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/utils/use-format'
import { Duration } from './mentor-format'

type Session = {
	id: number
	date: string
	minutes: number
	topic: string
	notes: string | null
	notesPrivate: boolean
	nextSteps: string | null
	startupId: number
	startupName: string
	mentorName: string
	editable: boolean
}

/** Sessions with their notes, for the people allowed to read them (a manager, the mentor). */
export function MentorSessionList({
	sessions,
	show,
	canEdit = false,
}: {
	sessions: Session[]
	show: 'startup' | 'mentor'
	canEdit?: boolean
}) {
	const { t } = useTranslation('mentors')
	const f = useFormat()
	return (
		<ul className="sessions session-log">
			{sessions.map((s) => (
				<li key={s.id}>
					<p>
						<strong>{s.topic}</strong>{' '}
						<span className="muted">
							{f.date(s.date)} ·{' '}
							{show === 'startup' ? (
								<Link to={`/startups/${s.startupId}`}>{s.startupName}</Link>
							) : (
								s.mentorName
							)}{' '}
							· <Duration minutes={s.minutes} />
						</span>
						{canEdit && s.editable ? (
							<>
								{' '}
								<Link
									to={`/mentoring/sessions/${s.id}`}
									className="button button-small"
									aria-label={t('session.editLabel', { topic: s.topic, date: f.date(s.date) })}
								>
									{t('common:common.edit')}
								</Link>
							</>
						) : null}
					</p>
					{s.notes ? (
						<p>
							{s.notesPrivate ? (
								<span className="badge badge-warning">{t('session.private')}</span>
							) : null}{' '}
							{s.notes}
						</p>
					) : null}
					{s.nextSteps ? (
						<p>
							<em>{t('session.nextSteps')}</em> {s.nextSteps}
						</p>
					) : null}
				</li>
			))}
		</ul>
	)
}
