import { sql } from 'drizzle-orm'
import {
	type AnySQLiteColumn,
	check,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import {
	CURRENCIES,
	FUNDING_KINDS,
	FUNDING_STATUSES,
	MILESTONE_KINDS,
	MILESTONE_STATUSES,
} from './enums'
import { startups } from './startups'

export const fundingEvents = sqliteTable(
	'funding_events',
	{
		id: integer().primaryKey(),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
		kind: text({ enum: FUNDING_KINDS }).notNull(),
		// the named organisation that provides the money
		source: text().notNull(),
		isPublic: integer('is_public', { mode: 'boolean' }).notNull(),
		amountCents: integer('amount_cents').notNull(),
		currency: text({ enum: CURRENCIES }).notNull().default('EUR'),
		status: text({ enum: FUNDING_STATUSES }).notNull(),
		plannedOn: text('planned_on'),
		appliedOn: text('applied_on'),
		securedOn: text('secured_on'),
		receivedOn: text('received_on'),
		declinedOn: text('declined_on'),
		// the leverage chain: the earlier funding that unlocked this one
		triggeredById: integer('triggered_by_id').references((): AnySQLiteColumn => fundingEvents.id, {
			onDelete: 'set null',
		}),
		note: text(),
	},
	(t) => [
		// a startup's funding on its page
		index('funding_events_startup_idx').on(t.startupId),
		// portfolio funding filtered by status and period
		index('funding_events_status_secured_idx').on(t.status, t.securedOn),
		// walking the leverage chain downwards
		index('funding_events_triggered_by_idx').on(t.triggeredById),
		check('funding_events_amount', sql`${t.amountCents} >= 0`),
		check(
			'funding_events_not_self',
			sql`${t.triggeredById} IS NULL OR ${t.triggeredById} <> ${t.id}`,
		),
	],
)

/** GBP→EUR by date; the rate is stored in millionths (1.17 = 1170000) to stay exact. */
export const exchangeRates = sqliteTable(
	'exchange_rates',
	{
		id: integer().primaryKey(),
		date: text().notNull(),
		fromCurrency: text('from_currency', { enum: CURRENCIES }).notNull(),
		toCurrency: text('to_currency', { enum: CURRENCIES }).notNull(),
		rateMicros: integer('rate_micros').notNull(),
	},
	(t) => [
		// "the latest rate on or before a date"
		uniqueIndex('exchange_rates_pair_date_unique').on(t.fromCurrency, t.toCurrency, t.date),
		check('exchange_rates_positive', sql`${t.rateMicros} > 0`),
	],
)

export const milestones = sqliteTable(
	'milestones',
	{
		id: integer().primaryKey(),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
		kind: text({ enum: MILESTONE_KINDS }).notNull(),
		title: text().notNull(),
		dueOn: text('due_on'),
		status: text({ enum: MILESTONE_STATUSES }).notNull().default('planned'),
		doneOn: text('done_on'),
		note: text(),
	},
	(t) => [
		// a startup's milestones by due date
		index('milestones_startup_due_idx').on(t.startupId, t.dueOn),
		// portfolio view of what is due or overdue
		index('milestones_status_due_idx').on(t.status, t.dueOn),
		check('milestones_done', sql`(${t.status} = 'done') = (${t.doneOn} IS NOT NULL)`),
	],
)

export const kpiReports = sqliteTable(
	'kpi_reports',
	{
		id: integer().primaryKey(),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
		// YYYY-Qn
		quarter: text().notNull(),
		employees: integer().notNull(),
		revenueCents: integer('revenue_cents').notNull(),
		ukCustomers: integer('uk_customers').notNull().default(0),
		comment: text(),
		submittedOn: text('submitted_on').notNull(),
	},
	(t) => [
		// one report per startup and quarter; the latest report of each startup
		uniqueIndex('kpi_reports_startup_quarter_unique').on(t.startupId, t.quarter),
		check(
			'kpi_reports_values',
			sql`${t.employees} >= 0 AND ${t.revenueCents} >= 0 AND ${t.ukCustomers} >= 0`,
		),
		check('kpi_reports_quarter', sql`${t.quarter} GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'`),
	],
)
