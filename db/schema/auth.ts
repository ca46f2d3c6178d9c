import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { LOCALES, ROLES } from './enums'
import { mentors } from './mentors'
import { startups } from './startups'

export const users = sqliteTable(
	'users',
	{
		id: integer().primaryKey(),
		email: text().notNull(),
		name: text().notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text({ enum: ROLES }).notNull(),
		// A founder sees one startup, a mentor is one mentor record: the link is the scope.
		startupId: integer('startup_id').references(() => startups.id, {
			onDelete: 'restrict',
		}),
		mentorId: integer('mentor_id').references(() => mentors.id, {
			onDelete: 'restrict',
		}),
		organisation: text(),
		locale: text({ enum: LOCALES }),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		// the users page and every select of people, in the reader's order
		index('users_sort_key_idx').on(t.sortKey),
		// sign-in looks a user up by email, case-insensitively
		uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
		check(
			'users_role_link',
			sql`(${t.role} = 'founder' AND ${t.startupId} IS NOT NULL AND ${t.mentorId} IS NULL)
			 OR (${t.role} = 'mentor' AND ${t.mentorId} IS NOT NULL AND ${t.startupId} IS NULL)
			 OR (${t.role} IN ('manager', 'partner') AND ${t.startupId} IS NULL AND ${t.mentorId} IS NULL)`,
		),
	],
)

export const sessions = sqliteTable(
	'sessions',
	{
		// 32 random bytes, base64url: the cookie carries only this id
		id: text().primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
	},
	(t) => [
		// revoke every session of a user when they are disabled or reset
		index('sessions_user_idx').on(t.userId),
	],
)

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer().primaryKey(),
		at: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		userId: integer('user_id').references(() => users.id, {
			onDelete: 'set null',
		}),
		action: text({ enum: ['create', 'update', 'delete', 'sign_in', 'erase'] }).notNull(),
		entity: text().notNull(),
		entityId: integer('entity_id'),
		// the startup a change concerns, so its page can show an activity timeline
		startupId: integer('startup_id').references(() => startups.id, {
			onDelete: 'set null',
		}),
		// rows written before 0007_audit_detail: an English line, and the fields that changed as
		// JSON { field: [before, after] }; null since (decision 0033)
		summary: text(),
		changes: text(),
		// what happened as data, worded in the reader's language when shown (app/utils/activity.ts):
		// JSON { verb?, subject?: { field: value }, changes?: { field: [before, after] | null } }
		detail: text(),
	},
	(t) => [
		// the startup page's activity timeline, newest first
		index('audit_log_startup_at_idx').on(t.startupId, t.at),
		// "what did this record go through"
		index('audit_log_entity_idx').on(t.entity, t.entityId),
		// every row says what happened: an old row in English, a new one as data
		check('audit_log_described', sql`${t.summary} IS NOT NULL OR ${t.detail} IS NOT NULL`),
	],
)
