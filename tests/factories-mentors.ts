import { createUser } from './factories'
import type { Viewer } from '~/models/viewer'

/** ISO date `days` after (or before, when negative) `date`. */
export function addDays(date: string, days: number) {
	const d = new Date(`${date}T00:00:00Z`)
	d.setUTCDate(d.getUTCDate() + days)
	return d.toISOString().slice(0, 10)
}

/** A viewer of the given role, backed by a real user row (audit rows need one). */
export function viewerFor(
	role: Viewer['role'],
	overrides: { startupId?: number; mentorId?: number } = {},
): Viewer {
	const user = createUser({ role, ...overrides })
	return { id: user.id, role: user.role, startupId: user.startupId, mentorId: user.mentorId }
}
