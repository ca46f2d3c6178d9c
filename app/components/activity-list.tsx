import { useTranslation } from 'react-i18next'
import type { ActivityEntry } from '~/models/activity.server'
import { useFormat } from '~/utils/use-format'

/** Who changed what, when: the audit log in the reader's language. */
export function ActivityList({
	entries,
	showEntity = true,
}: {
	entries: ActivityEntry[]
	showEntity?: boolean
}) {
	const { t, i18n } = useTranslation()
	const f = useFormat()
	return (
		<ol className="activity">
			{entries.map((a) => (
				<li key={a.id}>
					<time dateTime={new Date(a.at).toISOString()}>{f.dateTime(a.at)}</time>{' '}
					<strong>{a.userName ?? t('activity.system')}</strong>{' '}
					{t(`activity.actions.${a.action}`, { defaultValue: a.action })}
					{showEntity || a.entity !== 'startup'
						? ` ${t(`activity.entities.${a.entity}`, { defaultValue: a.entity.replace(/_/g, ' ') })}`
						: ''}
					{a.status ? (
						<>
							{' — '}
							{t('enums:startupStatuses.' + a.status.from)} →{' '}
							{t('enums:startupStatuses.' + a.status.to)}
						</>
					) : a.fields.length ? (
						<span className="muted">
							{' — '}
							{a.fields
								.map((field) => t(`activity.fields.${field}`, { defaultValue: field }))
								.join(', ')}
						</span>
					) : i18n.language === 'en' ? (
						<span className="muted"> — {a.summary}</span>
					) : null}
				</li>
			))}
		</ol>
	)
}
