import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { passwordTokens, type PasswordTokenPurpose, sessions, users } from '#db/schema/index'
import { now, today } from '~/utils/clock'
import { getDb, type Tx, writeTransaction } from '~/utils/db.server'
import { getPublicUrl } from '~/utils/env.server'
import { isLocale } from '~/utils/i18n'
import { hashPassword } from '~/utils/password.server'
import { createSecretToken, hashToken, isTokenShaped } from '~/utils/tokens.server'
import { recordAudit } from './audit.server'
import { invitationEmail, passwordResetEmail } from './emails.server'
import { deliverSoon, queueEmail } from './outbox.server'

/*
 * One mechanism for both ways of setting a password without knowing the old one: the
 * invitation a new founder receives when their application is accepted, and "I forgot my
 * password" for every user. A link is single-use, expires, and a newer link or a new password
 * voids the older ones.
 */
export const TOKEN_TTL_MS: Record<PasswordTokenPurpose, number> = {
	invitation: 7 * 24 * 60 * 60 * 1000,
	reset: 60 * 60 * 1000,
}

export function passwordLink(token: string) {
	return `${getPublicUrl()}/password/${token}`
}

/** A new link for a user, inside the caller's transaction; their older unused links stop working. */
export function issuePasswordToken(
	tx: Tx,
	{ userId, purpose }: { userId: number; purpose: PasswordTokenPurpose },
) {
	const issuedAt = now()
	tx.update(passwordTokens)
		.set({ usedAt: issuedAt })
		.where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)))
		.run()
	const { token, hash } = createSecretToken()
	const expiresAt = new Date(issuedAt.getTime() + TOKEN_TTL_MS[purpose])
	tx.insert(passwordTokens)
		.values({ userId, purpose, tokenHash: hash, expiresAt, createdAt: issuedAt })
		.run()
	return { token, expiresAt }
}

/** Invites a user to set their password: the link and its email, in the caller's transaction. */
export function inviteUser(
	tx: Tx,
	user: { id: number; email: string; name: string; locale: string | null; startupName: string },
) {
	const { token, expiresAt } = issuePasswordToken(tx, { userId: user.id, purpose: 'invitation' })
	queueEmail(
		tx,
		invitationEmail({
			to: user.email,
			locale: isLocale(user.locale) ? user.locale : 'fr',
			name: user.name,
			startupName: user.startupName,
			link: passwordLink(token),
			expiresOn: today(expiresAt),
		}),
	)
}

/**
 * "I forgot my password": an email with a link when the address belongs to an active user;
 * nothing otherwise. The caller answers the same either way, so the page reveals no account.
 */
export function requestPasswordReset({ email }: { email: string }) {
	const user = getDb()
		.select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(users)
		.where(and(sql`lower(${users.email}) = lower(${email.trim()})`, isNull(users.disabledAt)))
		.get()
	if (!user) return
	writeTransaction((tx) => {
		const { token } = issuePasswordToken(tx, { userId: user.id, purpose: 'reset' })
		queueEmail(
			tx,
			passwordResetEmail({
				to: user.email,
				locale: isLocale(user.locale) ? user.locale : 'fr',
				name: user.name,
				link: passwordLink(token),
			}),
		)
		recordAudit(tx, {
			userId: user.id,
			action: 'update',
			entity: 'user',
			entityId: user.id,
			verb: 'reset_link',
		})
	})
	deliverSoon()
}

function liveToken(token: string) {
	return and(
		eq(passwordTokens.tokenHash, hashToken(token)),
		isNull(passwordTokens.usedAt),
		gt(passwordTokens.expiresAt, now()),
		isNull(users.disabledAt),
	)
}

/** Whose link this is, while it can still be used; null when unknown, used or expired. */
export function getPasswordLink(token: string | undefined) {
	if (!isTokenShaped(token)) return null
	return (
		getDb()
			.select({
				purpose: passwordTokens.purpose,
				name: users.name,
				email: users.email,
				expiresAt: passwordTokens.expiresAt,
			})
			.from(passwordTokens)
			.innerJoin(users, eq(users.id, passwordTokens.userId))
			.where(liveToken(token))
			.get() ?? null
	)
}

export type SetPasswordResult = { ok: true; userId: number } | { ok: false }

/**
 * Sets the password with a link: the link is spent in the same transaction (two tabs racing
 * cannot both use it), the user's other links and sessions end, the change is audited.
 */
export async function setPasswordWithToken({
	token,
	password,
}: {
	token: string
	password: string
}): Promise<SetPasswordResult> {
	if (!isTokenShaped(token)) return { ok: false }
	// hashing may be slow (and, one day, asynchronous): done before the write lock is taken
	const passwordHash = await hashPassword(password)
	return writeTransaction((tx): SetPasswordResult => {
		const row = tx
			.select({
				id: passwordTokens.id,
				userId: passwordTokens.userId,
				purpose: passwordTokens.purpose,
			})
			.from(passwordTokens)
			.innerJoin(users, eq(users.id, passwordTokens.userId))
			.where(liveToken(token))
			.get()
		if (!row) return { ok: false }
		const spent = tx
			.update(passwordTokens)
			.set({ usedAt: now() })
			.where(and(eq(passwordTokens.id, row.id), isNull(passwordTokens.usedAt)))
			.run()
		if (spent.changes !== 1) return { ok: false }
		tx.update(passwordTokens)
			.set({ usedAt: now() })
			.where(and(eq(passwordTokens.userId, row.userId), isNull(passwordTokens.usedAt)))
			.run()
		tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run()
		tx.delete(sessions).where(eq(sessions.userId, row.userId)).run()
		recordAudit(tx, {
			userId: row.userId,
			action: 'update',
			entity: 'user',
			entityId: row.userId,
			verb: row.purpose === 'invitation' ? 'invitation_password' : 'new_password',
		})
		return { ok: true, userId: row.userId }
	})
}
