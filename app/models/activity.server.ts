import { auditLog, startups, users } from '#db/schema/index'
import type { AuditDetail } from '~/utils/activity'

/** The columns an activity list needs (joined to users and startups). */
export const activityColumns = {
	id: auditLog.id,
	at: auditLog.at,
	action: auditLog.action,
	entity: auditLog.entity,
	startupId: auditLog.startupId,
	startupName: startups.name,
	summary: auditLog.summary,
	changes: auditLog.changes,
	detail: auditLog.detail,
	userName: users.name,
}

type Row = {
	id: number
	at: Date
	action: string
	entity: string
	startupId: number | null
	startupName: string | null
	summary: string | null
	changes: string | null
	detail: string | null
	userName: string | null
}

/** What an older row (an English summary) can still tell a reader of any language. */
export type LegacyActivity = {
	/** the English line, shown to English readers only */
	summary: string | null
	fields: string[]
	status: { from: string; to: string } | null
}

function legacyOf(row: Row): LegacyActivity {
	let fields: string[] = []
	let status: LegacyActivity['status'] = null
	try {
		const parsed = row.changes ? (JSON.parse(row.changes) as Record<string, unknown>) : {}
		fields = Object.keys(parsed)
		const s = parsed.status
		if (
			row.entity === 'startup' &&
			Array.isArray(s) &&
			typeof s[0] === 'string' &&
			typeof s[1] === 'string'
		) {
			status = { from: s[0], to: s[1] }
		}
	} catch {
		// changes that are not JSON: the entry still says who did what
	}
	return { summary: row.summary, fields, status }
}

function detailOf(text: string): AuditDetail | null {
	try {
		const parsed = JSON.parse(text) as unknown
		return parsed && typeof parsed === 'object' ? (parsed as AuditDetail) : null
	} catch {
		return null
	}
}

/**
 * An audit row as a list shows it: a row written since structured details (decision 0033)
 * carries them, worded by the reader's language (app/utils/activity.ts); an older one, its
 * action, entity and the names of the fields that changed — and for a startup's status, from
 * what to what. Only values the log chose to keep are sent: never the text of a note.
 */
export function toActivityEntry({ summary: _s, changes: _c, detail, ...row }: Row) {
	const structured = detail ? detailOf(detail) : null
	return {
		...row,
		detail: structured,
		legacy: structured ? null : legacyOf({ ...row, summary: _s, changes: _c, detail }),
	}
}

export type ActivityEntry = ReturnType<typeof toActivityEntry>
