import { and, eq, gte, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { mentorAssignments, startups } from '#db/schema/index'
import type { Viewer } from '~/models/viewer'
import { requireUser, type SessionUser } from './auth.server'
import { today } from './clock'
import { getDb } from './db.server'
import { forbidden, notFound } from './http.server'
import { can, type Grant, type Permission, PERMISSIONS, scopesOf, SCOPES } from './permissions'

/*
 * Who may reach which rows. The map (./permissions.ts) says what each role holds and how far
 * (`any`, `own`, `assigned`, `summary`); this module turns that into checks for routes and
 * WHERE conditions for models. It is the only code that knows how an account is linked to
 * records, and no code anywhere compares roles (a lint rule forbids it). Adding a role or a
 * per-record permission: docs/decisions/0017-one-access-module.md.
 */

export type { Viewer }

/** A column, or raw SQL naming one (`sql\`l.startup_id\``), that holds a row's startup or mentor id. */
export type Anchor = SQLiteColumn | SQL

// ---------------------------------------------------------------- the two primitives

/**
 * The startup the account is linked to — a founder's — when it holds `grant` on its own
 * records; null otherwise.
 */
export function linkedStartup(viewer: Viewer, grant: Grant): number | null {
	return scopesOf(viewer, grant).includes('own') ? viewer.startupId : null
}

/**
 * The mentor record the account is linked to — a mentor's — when it holds `grant` on its own
 * records (their sessions, their assignments); null otherwise.
 */
export function linkedMentor(viewer: Viewer, grant: Grant): number | null {
	return scopesOf(viewer, grant).includes('own') ? viewer.mentorId : null
}

/** The startups a mentor record is assigned to today (running assignments), as a subquery. */
export function assignedStartups(mentorId: number) {
	const date = today()
	return getDb()
		.select({ id: mentorAssignments.startupId })
		.from(mentorAssignments)
		.where(
			and(
				eq(mentorAssignments.mentorId, mentorId),
				or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, date)),
			),
		)
}

// ---------------------------------------------------------------- row scopes

/**
 * The rows on which the viewer holds `grant`, as a WHERE condition: undefined for `any`, a
 * condition built from the two primitives for `own` and `assigned`, one that matches nothing
 * otherwise (`summary` reaches no row one by one). `anchors` name the row's startup and/or
 * mentor columns; `own` matches either link of the account.
 *
 *   .where(and(eq(milestones.id, id), rowsOf(viewer, 'update:milestone', { startupId: milestones.startupId })))
 */
export function rowsOf(
	viewer: Viewer,
	grant: Grant,
	anchors: { startupId?: Anchor; mentorId?: Anchor },
): SQL | undefined {
	const scopes = scopesOf(viewer, grant)
	if (scopes.includes('any')) return undefined
	const reach: SQL[] = []
	if (scopes.includes('own')) {
		if (anchors.startupId && viewer.startupId !== null) {
			reach.push(sql`${anchors.startupId} = ${viewer.startupId}`)
		}
		if (anchors.mentorId && viewer.mentorId !== null) {
			reach.push(sql`${anchors.mentorId} = ${viewer.mentorId}`)
		}
	}
	if (scopes.includes('assigned') && anchors.startupId && viewer.mentorId !== null) {
		reach.push(sql`${anchors.startupId} IN ${assignedStartups(viewer.mentorId)}`)
	}
	return reach.length ? or(...reach) : sql`0`
}

/** `rowsOf` for records that belong to a startup: the startups table itself by default. */
export function startupRows(
	viewer: Viewer,
	grant: Grant,
	startupId: Anchor = startups.id,
): SQL | undefined {
	return rowsOf(viewer, grant, { startupId })
}

/** Does the viewer hold `grant` on this startup (which exists)? e.g. 'read:team' for its page. */
export function holdsOn(viewer: Viewer, grant: Grant, startupId: number): boolean {
	return Boolean(
		getDb()
			.select({ id: startups.id })
			.from(startups)
			.where(and(eq(startups.id, startupId), startupRows(viewer, grant)))
			.get(),
	)
}

/** Holds `grant` on some rows (any, own or assigned) — not merely on counts. */
export function holdsSome(viewer: Viewer | null | undefined, grant: Grant): boolean {
	return scopesOf(viewer, grant).some((scope) => scope !== 'summary')
}

/**
 * May the viewer read a mentoring session's notes? The TEKTOS team reads them all, the mentor
 * their own sessions', the startup's founder those the mentor has not marked private; another
 * mentor never.
 */
export function mayReadSessionNotes(
	viewer: Viewer,
	session: { mentorId: number; startupId: number; notesPrivate: boolean },
): boolean {
	if (can(viewer, 'read:session-notes:any')) return true
	if (linkedMentor(viewer, 'read:session-notes') === session.mentorId) return true
	return linkedStartup(viewer, 'read:session-notes') === session.startupId && !session.notesPrivate
}

// ---------------------------------------------------------------- for loaders and actions

/** The signed-in user if they hold `permission`; a 403 otherwise. */
export async function requirePermission(
	request: Request,
	permission: Permission,
): Promise<SessionUser> {
	const user = await requireUser(request)
	if (!can(user, permission)) throw forbidden(permission)
	return user
}

/**
 * The signed-in user if they hold `grant` on some rows (any, own or assigned); a 403 otherwise.
 * Which rows, the model decides: a mentor editing another mentor's session finds nothing (404).
 */
export async function requireGrant(request: Request, grant: Grant): Promise<SessionUser> {
	const user = await requireUser(request)
	if (!holdsSome(user, grant)) throw forbidden(refusalReason(grant))
	return user
}

/**
 * The signed-in user if they hold `grant` on this startup. Someone who holds it on some
 * startups but not this one — a founder asking for another startup's page, a mentor for a
 * startup they do not mentor — gets 404, as if it did not exist (a 403 would confirm that it
 * does); someone who never holds it (a partner editing milestones) gets 403; anyone asking for
 * a startup that does not exist gets 404.
 */
export async function requireStartupAccess(
	request: Request,
	startupId: number,
	grant: Grant,
): Promise<SessionUser> {
	const user = await requireUser(request)
	if (!holdsSome(user, grant)) throw forbidden(refusalReason(grant))
	if (!holdsOn(user, grant, startupId)) throw notFound('startup', startupId)
	return user
}

/**
 * The permission a 403 names, for its message: the narrowest one any role holds
 * ('update:milestone:own' — "only the startup's founders and the TEKTOS team…").
 */
function refusalReason(grant: Grant): Permission {
	const held = new Set<string>(Object.values(PERMISSIONS).flat())
	const scope = (['own', 'assigned', ...SCOPES] as const).find((s) => held.has(`${grant}:${s}`))
	return `${grant}:${scope ?? 'any'}` as Permission
}
