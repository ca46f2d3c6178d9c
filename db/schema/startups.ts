import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { now } from '../../app/utils/clock'
import { PROGRAMMES, STARTUP_STAGES, STARTUP_STATUSES } from './enums'
import { users } from './auth'

export const cohorts = sqliteTable(
	'cohorts',
	{
		id: integer().primaryKey(),
		name: text().notNull(),
		programme: text({ enum: PROGRAMMES }).notNull(),
		startDate: text('start_date').notNull(),
		endDate: text('end_date').notNull(),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		uniqueIndex('cohorts_name_unique').on(t.name),
		// every list and select of cohorts, in the reader's order
		index('cohorts_sort_key_idx').on(t.sortKey),
		check('cohorts_dates', sql`${t.endDate} >= ${t.startDate}`),
	],
)

export const startups = sqliteTable(
	'startups',
	{
		id: integer().primaryKey(),
		name: text().notNull(),
		legalName: text('legal_name'),
		// French company number: 9 digits
		siren: text(),
		// UK company number: 8 characters
		companiesHouseNumber: text('companies_house_number'),
		sector: text().notNull(),
		stage: text({ enum: STARTUP_STAGES }).notNull(),
		status: text({ enum: STARTUP_STATUSES }).notNull(),
		cohortId: integer('cohort_id').references(() => cohorts.id, {
			onDelete: 'restrict',
		}),
		enteredOn: text('entered_on'),
		leftOn: text('left_on'),
		website: text(),
		pitchFr: text('pitch_fr'),
		pitchEn: text('pitch_en'),
		ukFocus: integer('uk_focus', { mode: 'boolean' }).notNull().default(false),
		targetMarkets: text('target_markets'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
			.$onUpdate(() => now()),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		// the portfolio list filters by cohort and status
		index('startups_cohort_idx').on(t.cohortId),
		index('startups_status_idx').on(t.status),
		// the portfolio list sorts and searches by name
		index('startups_name_idx').on(t.name),
		// the portfolio and every select of startups, in the reader's order
		index('startups_sort_key_idx').on(t.sortKey),
		uniqueIndex('startups_siren_unique')
			.on(t.siren)
			.where(sql`${t.siren} IS NOT NULL`),
		check(
			'startups_siren_format',
			sql`${t.siren} IS NULL OR (length(${t.siren}) = 9 AND ${t.siren} NOT GLOB '*[^0-9]*')`,
		),
		uniqueIndex('startups_companies_house_unique')
			.on(t.companiesHouseNumber)
			.where(sql`${t.companiesHouseNumber} IS NOT NULL`),
		check(
			'startups_companies_house_format',
			sql`${t.companiesHouseNumber} IS NULL OR ${t.companiesHouseNumber} GLOB '[A-Z0-9][A-Z0-9][0-9][0-9][0-9][0-9][0-9][0-9]'`,
		),
		check(
			'startups_dates',
			sql`${t.leftOn} IS NULL OR ${t.enteredOn} IS NULL OR ${t.leftOn} >= ${t.enteredOn}`,
		),
	],
)

export const teamMembers = sqliteTable(
	'team_members',
	{
		id: integer().primaryKey(),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		role: text().notNull(),
		email: text(),
		// set when this member signs in as the startup's founder
		userId: integer('user_id').references(() => users.id, {
			onDelete: 'set null',
		}),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		// the startup page lists its team, in the reader's order
		index('team_members_startup_idx').on(t.startupId, t.sortKey),
	],
)
