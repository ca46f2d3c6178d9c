import { auditLog } from '#db/schema/index'
import type { Tx } from '~/utils/db.server'

type AuditEntry = typeof auditLog.$inferInsert

/** Called inside the write's own transaction, so a change and its trace commit together. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
	tx.insert(auditLog).values(entry).run()
}

/** { field: [before, after] } for the fields that differ. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
	const changes: Record<string, [unknown, unknown]> = {}
	for (const key of Object.keys(after)) {
		if (before[key] !== after[key]) changes[key] = [before[key], after[key]]
	}
	return changes
}
