/*
 * Helpers for the contacts area's tests, on top of tests/factories.ts.
 */
import type { Viewer } from '~/models/viewer'
import { createUser } from './factories'
import { sessionCookie } from './request'

export function viewerOf(user: {
	id: number
	role: Viewer['role']
	startupId: number | null
	mentorId: number | null
}): Viewer {
	return { id: user.id, role: user.role, startupId: user.startupId, mentorId: user.mentorId }
}

/** A user of the role, signed in: the row, a Viewer and a Cookie header. */
export async function signedIn(
	role: Viewer['role'],
	overrides: Parameters<typeof createUser>[0] = {},
) {
	const user = createUser({ role, ...overrides })
	return { user, viewer: viewerOf(user), cookie: await sessionCookie(user.id) }
}
