import { auditLog, users } from '#db/schema/index'

/** The columns an activity list needs; `changes` is read for its field names only. */
export const activityColumns = {
	id: auditLog.id,
	at: auditLog.at,
	action: auditLog.action,
	entity: auditLog.entity,
	// written in English by the code that made the change: shown as a detail to English readers
	summary: auditLog.summary,
	changes: auditLog.changes,
	userName: users.name,
}

type Row = {
	id: number
	at: Date
	action: string
	entity: string
	summary: string
	changes: string | null
	userName: string | null
}

/**
 * An audit row as the timeline shows it, in the reader's language: who, what kind of change,
 * on what, which fields — and for a status, from what to what. Never the other values: an
 * audit row may concern a person, and the timeline is read by the startup's founder.
 */
export function toActivityEntry({ changes, ...row }: Row) {
	let fields: string[] = []
	let status: { from: string; to: string } | null = null
	try {
		const parsed = changes ? (JSON.parse(changes) as Record<string, unknown>) : {}
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
		// an older row's changes that are not JSON: the entry still says who did what
	}
	return { ...row, fields, status }
}

export type ActivityEntry = ReturnType<typeof toActivityEntry>
