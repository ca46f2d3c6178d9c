import type { AuditDetail } from '~/utils/activity'
import { describeActivity } from '~/utils/activity'
import type { Locale } from '~/utils/i18n'
import { fixedT } from '~/utils/i18n-fixed.server'

type Entry = { entity: string; action: string; detail: AuditDetail | string | null }

/**
 * An audit row as a reader sees it after the author's name, in `lang`: "recorded funding:
 * equity round, €30,000.00, planned". Takes an activity entry (the timeline's) or a row of
 * audit_log as stored. Null for a row written before structured details (decision 0033).
 */
export function activityText(entry: Entry | undefined, lang: Locale = 'en') {
	if (!entry?.detail) return null
	const detail =
		typeof entry.detail === 'string' ? (JSON.parse(entry.detail) as AuditDetail) : entry.detail
	const t = fixedT(lang) as unknown as (key: string, options?: Record<string, unknown>) => string
	const line = describeActivity({ entity: entry.entity, action: entry.action, detail }, t, lang)
	return line.changes ? `${line.event} — ${line.changes}` : line.event
}
