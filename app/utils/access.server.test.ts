import { and, inArray } from 'drizzle-orm'
import { milestones, startups } from '#db/schema/index'
import { ROLES } from '#db/schema/enums'
import {
	createAssignment,
	createMentor,
	createMilestone,
	createStartup,
	createUser,
} from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { get, sessionCookie, settle } from '#tests/request'
import {
	holdsOn,
	linkedMentor,
	linkedStartup,
	mayReadSessionNotes,
	requireGrant,
	requirePermission,
	requireStartupAccess,
	startupRows,
} from './access.server'
import { getDb } from './db.server'
import { PERMISSIONS, rolesWith, SCOPES, scopesOf } from './permissions'

const visibleNames = (
	viewer: ReturnType<typeof viewerOf>,
	grant: 'read:startup' | 'update:milestone',
) =>
	getDb()
		.select({ name: startups.name })
		.from(startups)
		.where(startupRows(viewer, grant))
		.all()
		.map((s) => s.name)

function world() {
	const mine = createStartup({ name: 'Fretmanche' })
	const mentored = createStartup({ name: 'Blue Channel' })
	const ended = createStartup({ name: 'Old Ferry' })
	const mentor = createMentor()
	createAssignment({ mentorId: mentor.id, startupId: mentored.id, startDate: '2025-01-01' })
	createAssignment({
		mentorId: mentor.id,
		startupId: ended.id,
		startDate: '2020-01-01',
		endDate: '2020-12-31',
	})
	return {
		mine,
		mentored,
		ended,
		mentor,
		manager: viewerOf(createUser({ role: 'manager' })),
		founder: viewerOf(createUser({ role: 'founder', startupId: mine.id })),
		mentorUser: viewerOf(createUser({ role: 'mentor', mentorId: mentor.id })),
		partner: viewerOf(createUser({ role: 'partner' })),
	}
}

test('every permission of the map reads action:entity:scope with a known scope', () => {
	for (const role of ROLES) {
		for (const permission of PERMISSIONS[role]) {
			const [action, entity, scope, ...rest] = permission.split(':')
			expect(action && entity && rest.length === 0).toBeTruthy()
			expect(SCOPES).toContain(scope)
		}
	}
	expect(rolesWith('manage:user:any')).toEqual(['manager'])
	expect(scopesOf({ role: 'founder' }, 'update:milestone')).toEqual(['own'])
	expect(scopesOf({ role: 'mentor' }, 'update:milestone')).toEqual([])
	expect(scopesOf(null, 'read:startup')).toEqual([])
})

test('row scopes come from the founder’s startup and the mentor’s running assignments', () => {
	const w = world()
	const all = visibleNames(w.manager, 'read:startup')
	expect(all).toEqual(expect.arrayContaining(['Fretmanche', 'Blue Channel', 'Old Ferry']))
	expect(visibleNames(w.partner, 'read:startup')).toEqual(all)
	expect(visibleNames(w.founder, 'read:startup')).toEqual(['Fretmanche'])
	// an ended assignment no longer opens the startup
	expect(visibleNames(w.mentorUser, 'read:startup')).toEqual(['Blue Channel'])
	// a mentor reads, never writes; a partner neither
	expect(visibleNames(w.mentorUser, 'update:milestone')).toEqual([])
	expect(visibleNames(w.partner, 'update:milestone')).toEqual([])
	expect(visibleNames(w.founder, 'update:milestone')).toEqual(['Fretmanche'])

	expect(holdsOn(w.founder, 'read:team', w.mine.id)).toBe(true)
	expect(holdsOn(w.founder, 'read:team', w.mentored.id)).toBe(false)
	expect(holdsOn(w.mentorUser, 'read:team', w.mentored.id)).toBe(true)
	expect(holdsOn(w.mentorUser, 'read:timeline', w.mentored.id)).toBe(false)
	expect(holdsOn(w.partner, 'read:team', w.mine.id)).toBe(false)
	expect(holdsOn(w.manager, 'read:team', 999_999)).toBe(false)

	expect(linkedStartup(w.founder, 'update:funding')).toBe(w.mine.id)
	expect(linkedStartup(w.manager, 'update:funding')).toBeNull()
	expect(linkedMentor(w.mentorUser, 'update:session')).toBe(w.mentor.id)
	expect(linkedMentor(w.founder, 'update:session')).toBeNull()
})

test('the same scope cuts a table that names the startup in another column', () => {
	const w = world()
	for (const startup of [w.mine, w.mentored]) {
		createMilestone({ startupId: startup.id, title: `Goal of ${startup.name}` })
	}
	const editable = (viewer: typeof w.founder) =>
		getDb()
			.select({ title: milestones.title })
			.from(milestones)
			.where(
				and(
					inArray(milestones.startupId, [w.mine.id, w.mentored.id]),
					startupRows(viewer, 'update:milestone', milestones.startupId),
				),
			)
			.orderBy(milestones.id)
			.all()
			.map((m) => m.title)
	expect(editable(w.founder)).toEqual(['Goal of Fretmanche'])
	expect(editable(w.mentorUser)).toEqual([])
	expect(editable(w.manager)).toEqual(['Goal of Fretmanche', 'Goal of Blue Channel'])
})

test('a session’s notes: the team, the mentor who wrote them, the founder unless private', () => {
	const w = world()
	const other = viewerOf(createUser({ role: 'mentor' }))
	const session = { mentorId: w.mentor.id, startupId: w.mine.id, notesPrivate: true }
	expect(mayReadSessionNotes(w.manager, session)).toBe(true)
	expect(mayReadSessionNotes(w.mentorUser, session)).toBe(true)
	expect(mayReadSessionNotes(other, session)).toBe(false)
	expect(mayReadSessionNotes(w.founder, session)).toBe(false)
	expect(mayReadSessionNotes(w.founder, { ...session, notesPrivate: false })).toBe(true)
	expect(mayReadSessionNotes(w.partner, { ...session, notesPrivate: false })).toBe(false)
})

test('requireStartupAccess: 404 to whoever holds the permission elsewhere, 403 to whoever never does', async () => {
	const w = world()
	const request = async (viewer: { id: number }) => get('/x', await sessionCookie(viewer.id))
	const status = async (fn: () => Promise<unknown>) => {
		const result = await settle(fn)
		return result instanceof Response ? result.status : 200
	}
	const founder = await request(w.founder)
	expect(await status(() => requireStartupAccess(founder, w.mine.id, 'update:milestone'))).toBe(200)
	expect(await status(() => requireStartupAccess(founder, w.mentored.id, 'update:milestone'))).toBe(
		404,
	)
	const mentor = await request(w.mentorUser)
	expect(await status(() => requireStartupAccess(mentor, w.mentored.id, 'read:startup'))).toBe(200)
	expect(await status(() => requireStartupAccess(mentor, w.mine.id, 'read:startup'))).toBe(404)
	expect(await status(() => requireStartupAccess(mentor, w.mentored.id, 'update:milestone'))).toBe(
		403,
	)
	const partner = await request(w.partner)
	expect(await status(() => requireStartupAccess(partner, w.mine.id, 'update:funding'))).toBe(403)
	const manager = await request(w.manager)
	expect(await status(() => requireStartupAccess(manager, w.mine.id, 'update:funding'))).toBe(200)
	expect(await status(() => requireStartupAccess(manager, 999_999, 'update:funding'))).toBe(404)

	expect(await status(() => requireGrant(mentor, 'update:session'))).toBe(200)
	expect(await status(() => requireGrant(partner, 'update:session'))).toBe(403)
	expect(await status(() => requirePermission(partner, 'read:report:any'))).toBe(200)
	expect(await status(() => requirePermission(founder, 'read:report:any'))).toBe(403)
	// signed out: to the sign-in page, before any question of rights
	const signedOut = (await settle(() =>
		requireStartupAccess(get('/x'), w.mine.id, 'read:startup'),
	)) as Response
	expect(signedOut.status).toBe(302)
})
