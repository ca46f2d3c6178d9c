import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'

/** A report period a manager shares with the partners: a name and the report's query string. */
export const reportViews = sqliteTable(
	'report_views',
	{
		id: integer().primaryKey(),
		// the shared address: /reports/views/<token>
		token: text().notNull(),
		name: text().notNull(),
		query: text().notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [
		uniqueIndex('report_views_token_unique').on(t.token),
		// the list of shared views, newest first
		index('report_views_created_idx').on(t.createdAt),
	],
)
