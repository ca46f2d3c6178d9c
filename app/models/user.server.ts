import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm'
import { mentors, type Role, sessions, startups, users } from '#db/schema/index'
import { getDb, writeTransaction } from '~/utils/db.server'
import { hashPassword, needsRehash, verifyPassword } from '~/utils/password.server'
import { accountLinkOf, can, rolesWith } from '~/utils/permissions'
import { diffFields, recordAudit } from './audit.server'
import { pickerOf, type PickSpec } from './pickers.server'
import type { Viewer } from './viewer'
import { now } from '~/utils/clock'

export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 30

/** What the app may know about the signed-in user: never the hash. */
const publicUserColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	startupId: users.startupId,
	mentorId: users.mentorId,
	organisation: users.organisation,
}

export type SessionUser = {
	id: number
	email: string
	name: string
	role: Role
	startupId: number | null
	mentorId: number | null
	organisation: string | null
}

/** The user behind a live session; null if the session expired, was revoked, or the user is disabled. */
export function getUserBySessionId(sessionId: string): SessionUser | null {
	const row = getDb()
		.select(publicUserColumns)
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(
			and(
				eq(sessions.id, sessionId),
				gt(sessions.expiresAt, now()),
				sql`${users.disabledAt} IS NULL`,
			),
		)
		.get()
	return row ?? null
}

/** Checks a password; the caller gives one generic message for any failure. */
export async function verifyLogin(email: string, password: string): Promise<SessionUser | null> {
	const row = getDb()
		.select({
			...publicUserColumns,
			passwordHash: users.passwordHash,
			disabledAt: users.disabledAt,
		})
		.from(users)
		.where(sql`lower(${users.email}) = lower(${email.trim()})`)
		.get()
	if (!row) {
		// spend the same time as a real check so that timing does not reveal which emails exist
		await verifyPassword(password, await dummyHash())
		return null
	}
	if (!(await verifyPassword(password, row.passwordHash)) || row.disabledAt) return null
	if (needsRehash(row.passwordHash)) await rehash(row.id, row.passwordHash, password)
	const { passwordHash: _h, disabledAt: _d, ...user } = row
	return user
}

let dummy: Promise<string> | undefined
function dummyHash() {
	dummy ??= hashPassword(crypto.randomUUID())
	return dummy
}

/**
 * A bcrypt hash from before argon2id (or an argon2id one with older settings) is replaced at the
 * first sign-in that proves the password; unless the password was reset in the meantime.
 */
async function rehash(userId: number, oldHash: string, password: string) {
	const passwordHash = await hashPassword(password)
	writeTransaction((tx) =>
		tx
			.update(users)
			.set({ passwordHash })
			.where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)))
			.run(),
	)
}

export function createSession(input: { userId: number; ipAddress?: string; userAgent?: string }) {
	const id = crypto.getRandomValues(new Uint8Array(32))
	const sessionId = Buffer.from(id).toString('base64url')
	return writeTransaction((tx) => {
		tx.insert(sessions)
			.values({
				id: sessionId,
				userId: input.userId,
				expiresAt: new Date(now().getTime() + SESSION_TTL_MS),
				ipAddress: input.ipAddress ?? null,
				userAgent: input.userAgent?.slice(0, 300) ?? null,
			})
			.run()
		recordAudit(tx, {
			userId: input.userId,
			action: 'sign_in',
			entity: 'user',
			entityId: input.userId,
		})
		return sessionId
	})
}

export function deleteSession(sessionId: string) {
	writeTransaction((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)).run())
}

/** Every account, for who manages users; nobody else reads them. */
export function listUsers({ viewer }: { viewer: Viewer }) {
	if (!can(viewer, 'manage:user:any')) return []
	// people by their name as shown, as everywhere (decision 0035): the role is a column
	return getDb()
		.select({
			...publicUserColumns,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt,
			startupName: startups.name,
			mentorName: mentors.name,
		})
		.from(users)
		.leftJoin(startups, eq(startups.id, users.startupId))
		.leftJoin(mentors, eq(mentors.id, users.mentorId))
		.orderBy(asc(users.sortKey), asc(users.id))
		.all()
}

export function getUser({ id, viewer }: { id: number; viewer: Viewer }) {
	if (!can(viewer, 'manage:user:any')) return null
	return (
		getDb()
			.select({ ...publicUserColumns, disabledAt: users.disabledAt })
			.from(users)
			.where(eq(users.id, id))
			.get() ?? null
	)
}

/** Startups and mentors a founder or mentor account can be linked to, for who manages users. */
/**
 * What an account may be linked to: the startups and mentor records, in selects while there are
 * few (null beyond: a name to type, decision 0044), with the words showing the current links.
 */
export function listLinkTargets({
	viewer,
	startupId,
	mentorId,
}: {
	viewer: Viewer
	startupId?: number | null
	mentorId?: number | null
}) {
	if (!can(viewer, 'manage:user:any')) {
		return { startups: [], mentors: [], startupLabel: undefined, mentorLabel: undefined }
	}
	const startupPick = pickerOf({ kind: 'startups', viewer, currentId: startupId })
	const mentorPick = pickerOf({ kind: 'mentors', viewer, currentId: mentorId })
	return {
		startups: startupPick.choices,
		mentors: mentorPick.choices
			? getDb()
					.select({ id: mentors.id, name: mentors.name, organisation: mentors.organisation })
					.from(mentors)
					.orderBy(asc(mentors.sortKey))
					.all()
			: null,
		startupLabel: startupPick.label,
		mentorLabel: mentorPick.label,
	}
}

/** Does this startup or mentor record exist, for an account's link? */
export function linkTargetExists(link: { startupId?: number; mentorId?: number }) {
	const db = getDb()
	if (
		link.startupId &&
		!db.select({ id: startups.id }).from(startups).where(eq(startups.id, link.startupId)).get()
	) {
		return 'startupId'
	}
	if (
		link.mentorId &&
		!db.select({ id: mentors.id }).from(mentors).where(eq(mentors.id, link.mentorId)).get()
	) {
		return 'mentorId'
	}
	return null
}

/** The link field a form for this role resolves by name: the startup's or the mentor's. */
export function linkPicks(role: FormDataEntryValue | null): Record<string, PickSpec> {
	const link = accountLinkOf(String(role ?? ''))
	if (link === 'startup') return { startupId: { kind: 'startups' } }
	if (link === 'mentor') return { mentorId: { kind: 'mentors' } }
	return {}
}

export function isEmailTaken(email: string, exceptUserId?: number) {
	const row = getDb()
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.email}) = lower(${email.trim()})`)
		.get()
	return Boolean(row && row.id !== exceptUserId)
}

type UserLink = { role: Role; startupId: number | null; mentorId: number | null }

/** A founder is linked to one startup, a mentor to one mentor record, others to neither. */
function normaliseLink(input: UserLink): UserLink {
	return {
		role: input.role,
		startupId: accountLinkOf(input.role) === 'startup' ? input.startupId : null,
		mentorId: accountLinkOf(input.role) === 'mentor' ? input.mentorId : null,
	}
}

export async function createUser(
	input: UserLink & { email: string; name: string; password: string; organisation?: string | null },
	actorId: number,
) {
	// hashed before the transaction: the write lock is never held while the thread pool works
	const passwordHash = await hashPassword(input.password)
	return writeTransaction((tx) => {
		const user = tx
			.insert(users)
			.values({
				email: input.email.trim(),
				name: input.name.trim(),
				passwordHash,
				organisation: input.organisation ?? null,
				...normaliseLink(input),
			})
			.returning({ id: users.id })
			.get()
		recordAudit(tx, {
			userId: actorId,
			action: 'create',
			entity: 'user',
			entityId: user.id,
			subject: { name: input.name.trim(), role: input.role },
		})
		return user
	})
}

export function updateUser(
	id: number,
	input: UserLink & { name: string; email: string; organisation?: string | null },
	actorId: number,
) {
	return writeTransaction((tx) => {
		const before = tx.select(publicUserColumns).from(users).where(eq(users.id, id)).get()
		if (!before) return null
		const values = {
			name: input.name.trim(),
			email: input.email.trim(),
			organisation: input.organisation ?? null,
			...normaliseLink(input),
		}
		tx.update(users).set(values).where(eq(users.id, id)).run()
		// a change of role or link must not leave an old session with the old scope
		if ((['role', 'startupId', 'mentorId'] as const).some((key) => before[key] !== values[key])) {
			tx.delete(sessions).where(eq(sessions.userId, id)).run()
		}
		recordAudit(tx, {
			userId: actorId,
			action: 'update',
			entity: 'user',
			entityId: id,
			subject: { name: values.name },
			changes: diffFields(before, values),
		})
		return { id }
	})
}

export async function resetPassword(id: number, password: string, actorId: number) {
	const passwordHash = await hashPassword(password)
	return writeTransaction((tx) => {
		const result = tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run()
		if (result.changes === 0) return false
		tx.delete(sessions).where(eq(sessions.userId, id)).run()
		recordAudit(tx, {
			userId: actorId,
			action: 'update',
			entity: 'user',
			entityId: id,
			verb: 'reset_password',
		})
		return true
	})
}

export function setUserDisabled(id: number, disabled: boolean, actorId: number) {
	return writeTransaction((tx) => {
		const result = tx
			.update(users)
			.set({ disabledAt: disabled ? now() : null })
			.where(eq(users.id, id))
			.run()
		if (result.changes === 0) return false
		if (disabled) tx.delete(sessions).where(eq(sessions.userId, id)).run()
		recordAudit(tx, {
			userId: actorId,
			action: 'update',
			entity: 'user',
			entityId: id,
			verb: disabled ? 'disable' : 'enable',
		})
		return true
	})
}

/** Enabled users who may manage users: the last one may not be disabled. */
export function countActiveManagers() {
	return (
		getDb()
			.select({ n: count() })
			.from(users)
			.where(
				and(inArray(users.role, rolesWith('manage:user:any')), sql`${users.disabledAt} IS NULL`),
			)
			.get()?.n ?? 0
	)
}
