import { useTranslation } from 'react-i18next'
import { Link } from '@remix-run/react'
import type { ActivityEntry, LegacyActivity } from '~/models/activity.server'
import { describeActivity } from '~/utils/activity'
import { useFormat } from '~/utils/use-format'

/**
 * Who changed what, when: the audit log in the reader's language — "Claire Delattre a enregistré
 * un financement : levée de fonds, 30 000,00 €, prévu" (decision 0033). On the dashboard
 * (`showStartup`) each line also names the startup it concerns.
 */
export function ActivityList({
	entries,
	showStartup = true,
}: {
	entries: ActivityEntry[]
	showStartup?: boolean
}) {
	const { t } = useTranslation()
	const f = useFormat()
	return (
		<ol className="activity">
			{entries.map((a) => {
				const who =
					a.userName ?? t(a.entity === 'application' ? 'activity.applicant' : 'activity.system')
				const line = a.detail
					? describeActivity({ entity: a.entity, action: a.action, detail: a.detail }, t, f.lang)
					: null
				return (
					<li key={a.id}>
						<time dateTime={new Date(a.at).toISOString()}>{f.dateTime(a.at)}</time>{' '}
						<strong>{who}</strong>{' '}
						{line ? (
							<>
								{line.event}
								{line.changes ? <span className="muted"> — {line.changes}</span> : null}
							</>
						) : a.legacy ? (
							<LegacyLine entity={a.entity} action={a.action} legacy={a.legacy} />
						) : null}
						{showStartup && a.startupId !== null && a.startupName ? (
							<>
								{' · '}
								<Link to={`/startups/${a.startupId}`}>{a.startupName}</Link>
							</>
						) : null}
					</li>
				)
			})}
		</ol>
	)
}

/**
 * A row written before structured details: its action, entity and the names of the fields
 * that changed; its English line for English readers.
 */
function LegacyLine({
	entity,
	action,
	legacy,
}: {
	entity: string
	action: string
	legacy: LegacyActivity
}) {
	const { t, i18n } = useTranslation()
	return (
		<>
			{t(`activity.actions.${action}`, { defaultValue: action })}{' '}
			{t(`activity.entities.${entity}`, { defaultValue: entity.replace(/_/g, ' ') })}
			{legacy.status ? (
				<>
					{' — '}
					{t(`enums:startupStatuses.${legacy.status.from}`)} →{' '}
					{t(`enums:startupStatuses.${legacy.status.to}`)}
				</>
			) : legacy.fields.length ? (
				<span className="muted">
					{' — '}
					{legacy.fields
						.map((field) => t(`activity.fields.${field}`, { defaultValue: field }))
						.join(', ')}
				</span>
			) : i18n.language === 'en' && legacy.summary ? (
				<span className="muted"> — {legacy.summary}</span>
			) : null}
		</>
	)
}
