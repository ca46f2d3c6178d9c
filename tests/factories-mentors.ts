import { createUser } from './factories'
import type { Viewer } from '~/models/viewer'

/** A viewer of the given role, backed by a real user row (audit rows need one). */
export function viewerFor(
	role: Viewer['role'],
	overrides: { startupId?: number; mentorId?: number } = {},
): Viewer {
	const user = createUser({ role, ...overrides })
	return { id: user.id, role: user.role, startupId: user.startupId, mentorId: user.mentorId }
}
