import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'

/**
 * How the columns of a file shape were matched last time (one row per importer and shape, the
 * shape being the file's normalised headers), so that next month's export of the same tool
 * comes back already matched. Shared by the whole team: the shape is the tool's, not a person's.
 */
export const importMappings = sqliteTable(
	'import_mappings',
	{
		id: integer().primaryKey(),
		kind: text().notNull(),
		shape: text().notNull(),
		// JSON: { columns: { [headerKey]: fieldKey | null }, constants, dateOrder }
		settings: text().notNull(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [
		// the mapping offered for a file of this importer and shape
		uniqueIndex('import_mappings_kind_shape_unique').on(t.kind, t.shape),
	],
)
