import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { outbox, type OutboxKind } from '#db/schema/index'
import { now } from '~/utils/clock'
import { getDb, type Tx } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import type { Locale } from '~/utils/i18n'
import { pageOf } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import type { Viewer } from './viewer'

/*
 * Every email is first a row of the outbox, written in the transaction of what it tells (a
 * submitted application, a decision, an invitation): no message for a write that rolled back,
 * no write without its message. Sending happens after the commit, by SMTP when SMTP_URL is set;
 * without it the messages wait in the outbox, where managers can read them. A failed send is
 * retried at the next delivery, up to MAX_ATTEMPTS times.
 */
export const MAX_ATTEMPTS = 5

export type Email = {
	kind: OutboxKind
	to: string
	locale: Locale
	subject: string
	body: string
}

export function queueEmail(tx: Tx, email: Email) {
	tx.insert(outbox)
		.values({
			kind: email.kind,
			toAddress: email.to,
			locale: email.locale,
			subject: email.subject.slice(0, 200),
			body: email.body,
		})
		.run()
}

/** Secret links in a message, shown (and kept, once sent) without their token. */
const SECRET_LINK = /(\/(?:password|application)\/)[A-Za-z0-9_-]{43}/g
export function maskSecretLinks(text: string) {
	return text.replace(SECRET_LINK, '$1…')
}

export function isSmtpConfigured() {
	return Boolean(getEnv().SMTP_URL)
}

/** Managers read what was sent, and what waits; the secret links are masked. */
export function listOutbox({
	viewer,
	page,
	perPage,
}: {
	viewer: Viewer
	page: number
	perPage: number
}) {
	if (!can(viewer, 'read:outbox:any')) return pageOf([], 0, 1, perPage)
	const db = getDb()
	const total = db.select({ n: count() }).from(outbox).get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / perPage))
	const current = Math.min(page, pageCount)
	const rows = db
		.select({
			id: outbox.id,
			kind: outbox.kind,
			toAddress: outbox.toAddress,
			locale: outbox.locale,
			subject: outbox.subject,
			body: outbox.body,
			createdAt: outbox.createdAt,
			sentAt: outbox.sentAt,
			attempts: outbox.attempts,
			lastError: outbox.lastError,
		})
		.from(outbox)
		.orderBy(desc(outbox.createdAt), desc(outbox.id))
		.limit(perPage)
		.offset((current - 1) * perPage)
		.all()
		.map((row) => ({ ...row, body: maskSecretLinks(row.body) }))
	return pageOf(rows, total, current, perPage)
}

export function countUnsent() {
	return getDb().select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)).get()?.n ?? 0
}

let transport: { url: string; transporter: Transporter } | undefined
function getTransport(url: string) {
	if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) }
	return transport.transporter
}

let delivering: Promise<{ sent: number; failed: number }> | null = null

/**
 * Sends what waits in the outbox, oldest first. One delivery at a time in this process, so a
 * message is never sent twice by two overlapping calls. Without SMTP_URL it does nothing.
 */
export function deliverOutbox({ limit = 50 }: { limit?: number } = {}) {
	delivering ??= sendPending(limit).finally(() => {
		delivering = null
	})
	return delivering
}

async function sendPending(limit: number) {
	const { SMTP_URL, MAIL_FROM } = getEnv()
	if (!SMTP_URL) return { sent: 0, failed: 0 }
	const db = getDb()
	const pending = db
		.select()
		.from(outbox)
		.where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
		.orderBy(outbox.id)
		.limit(limit)
		.all()
	let sent = 0
	let failed = 0
	for (const message of pending) {
		try {
			await getTransport(SMTP_URL).sendMail({
				from: MAIL_FROM,
				to: message.toAddress,
				subject: message.subject,
				text: message.body,
			})
			// once sent, the outbox keeps the message without its secret link
			db.update(outbox)
				.set({
					sentAt: now(),
					attempts: sql`${outbox.attempts} + 1`,
					lastError: null,
					body: maskSecretLinks(message.body),
				})
				.where(eq(outbox.id, message.id))
				.run()
			sent++
		} catch (error) {
			db.update(outbox)
				.set({
					attempts: sql`${outbox.attempts} + 1`,
					lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
				})
				.where(eq(outbox.id, message.id))
				.run()
			failed++
		}
	}
	return { sent, failed }
}

/** After a write that queued emails: send them now, without making the visitor wait. */
export function deliverSoon() {
	if (!isSmtpConfigured()) return
	void deliverOutbox().catch((error: unknown) => console.error('Outbox delivery failed:', error))
}
