import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { startups } from './startups'

export const mentors = sqliteTable(
	'mentors',
	{
		id: integer().primaryKey(),
		name: text().notNull(),
		organisation: text().notNull(),
		email: text(),
		// comma-separated tags, e.g. "finance,uk-market,legal"
		expertise: text().notNull().default(''),
		// comma-separated language codes, e.g. "fr,en"
		languages: text().notNull().default('fr'),
		capacityHoursPerMonth: integer('capacity_hours_per_month').notNull().default(4),
		bio: text(),
		active: integer({ mode: 'boolean' }).notNull().default(true),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		check('mentors_capacity', sql`${t.capacityHoursPerMonth} >= 0`),
		// the directory and every select of mentors, in the reader's order
		index('mentors_sort_key_idx').on(t.sortKey),
	],
)

export const mentorAssignments = sqliteTable(
	'mentor_assignments',
	{
		id: integer().primaryKey(),
		mentorId: integer('mentor_id')
			.notNull()
			.references(() => mentors.id, { onDelete: 'restrict' }),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
		focus: text().notNull(),
		startDate: text('start_date').notNull(),
		endDate: text('end_date'),
	},
	(t) => [
		// a mentor's startups; a startup's mentors
		index('mentor_assignments_mentor_idx').on(t.mentorId),
		index('mentor_assignments_startup_idx').on(t.startupId),
		check('mentor_assignments_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
	],
)

export const mentoringSessions = sqliteTable(
	'mentoring_sessions',
	{
		id: integer().primaryKey(),
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => mentorAssignments.id, { onDelete: 'cascade' }),
		date: text().notNull(),
		minutes: integer().notNull(),
		topic: text().notNull(),
		notes: text(),
		// the mentor may keep their notes from the founder
		notesPrivate: integer('notes_private', { mode: 'boolean' }).notNull().default(false),
		nextSteps: text('next_steps'),
	},
	(t) => [
		// sessions of an assignment by date; hours per month
		index('mentoring_sessions_assignment_date_idx').on(t.assignmentId, t.date),
		// the report's minutes by month, read from the index alone
		index('mentoring_sessions_date_idx').on(t.date, t.assignmentId, t.minutes),
		check('mentoring_sessions_minutes', sql`${t.minutes} > 0 AND ${t.minutes} < 720`),
	],
)
