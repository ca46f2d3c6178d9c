import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { LOCALES, OUTBOX_KINDS, PASSWORD_TOKEN_PURPOSES } from './enums'
import { users } from './auth'

/**
 * Every email the app sends is first a row here, written in the same transaction as what it
 * tells; it is sent by SMTP when SMTP_URL is set, and managers can read it either way.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer().primaryKey(),
		kind: text({ enum: OUTBOX_KINDS }).notNull(),
		toAddress: text('to_address').notNull(),
		locale: text({ enum: LOCALES }).notNull(),
		subject: text().notNull(),
		body: text().notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		attempts: integer().notNull().default(0),
		lastError: text('last_error'),
	},
	(t) => [
		// the sender picks unsent messages, oldest first; the outbox page lists newest first
		index('outbox_unsent_idx').on(t.sentAt, t.id),
		index('outbox_created_idx').on(t.createdAt),
	],
)

/** A single-use link to set a password; only the SHA-256 of its token is stored. */
export const passwordTokens = sqliteTable(
	'password_tokens',
	{
		id: integer().primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text({ enum: PASSWORD_TOKEN_PURPOSES }).notNull(),
		tokenHash: text('token_hash').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [
		uniqueIndex('password_tokens_hash_unique').on(t.tokenHash),
		// a new link or a new password voids the user's other links
		index('password_tokens_user_idx').on(t.userId),
		check('password_tokens_expiry', sql`${t.expiresAt} > ${t.createdAt}`),
	],
)
