import { sql } from 'drizzle-orm'
import {
	type AnySQLiteColumn,
	check,
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { PAYERS, STATEMENT_KINDS, SUBSIDY_KINDS, UNIT_KINDS } from './enums'
import { users } from './auth'
import { startups } from './startups'

export const units = sqliteTable(
	'units',
	{
		id: integer().primaryKey(),
		code: text().notNull(),
		floor: integer().notNull(),
		kind: text({ enum: UNIT_KINDS }).notNull(),
		areaM2: real('area_m2').notNull(),
		desks: integer().notNull().default(1),
		marketRentCents: integer('market_rent_cents').notNull(),
	},
	(t) => [
		uniqueIndex('units_code_unique').on(t.code),
		check('units_rent', sql`${t.marketRentCents} >= 0`),
		check('units_area', sql`${t.areaM2} > 0`),
	],
)

export const leases = sqliteTable(
	'leases',
	{
		id: integer().primaryKey(),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'restrict' }),
		unitId: integer('unit_id')
			.notNull()
			.references(() => units.id, { onDelete: 'restrict' }),
		startDate: text('start_date').notNull(),
		// null while the lease runs with no end set
		endDate: text('end_date'),
		monthlyRentCents: integer('monthly_rent_cents').notNull(),
	},
	(t) => [
		// who occupies a unit on a date; overlap check on signing
		index('leases_unit_dates_idx').on(t.unitId, t.startDate),
		// a startup's lease on its page
		index('leases_startup_idx').on(t.startupId),
		check('leases_rent', sql`${t.monthlyRentCents} >= 0`),
		check('leases_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
	],
)

/**
 * One step of a degressive schedule: months fromMonth..toMonth of the lease
 * (1-based, toMonth null = open-ended) are subsidised by a percentage of the
 * rent (basis points, 5000 = 50 %) or by a fixed amount per month.
 */
export const leaseSubsidySteps = sqliteTable(
	'lease_subsidy_steps',
	{
		id: integer().primaryKey(),
		leaseId: integer('lease_id')
			.notNull()
			.references(() => leases.id, { onDelete: 'cascade' }),
		fromMonth: integer('from_month').notNull(),
		toMonth: integer('to_month'),
		kind: text({ enum: SUBSIDY_KINDS }).notNull(),
		percentBasisPoints: integer('percent_basis_points'),
		amountCents: integer('amount_cents'),
	},
	(t) => [
		index('lease_subsidy_steps_lease_idx').on(t.leaseId, t.fromMonth),
		check(
			'lease_subsidy_steps_months',
			sql`${t.fromMonth} >= 1 AND (${t.toMonth} IS NULL OR ${t.toMonth} >= ${t.fromMonth})`,
		),
		check(
			'lease_subsidy_steps_value',
			sql`(${t.kind} = 'percent' AND ${t.percentBasisPoints} BETWEEN 0 AND 10000 AND ${t.amountCents} IS NULL)
			 OR (${t.kind} = 'fixed' AND ${t.amountCents} >= 0 AND ${t.percentBasisPoints} IS NULL)`,
		),
	],
)

/**
 * A month's rent for one lease, split between Cap Calaisis and the startup.
 * A credit note carries positive amounts that cancel (part of) the statement
 * it corrects; an issued statement is never rewritten.
 */
export const rentStatements = sqliteTable(
	'rent_statements',
	{
		id: integer().primaryKey(),
		leaseId: integer('lease_id')
			.notNull()
			.references(() => leases.id, { onDelete: 'restrict' }),
		// YYYY-MM
		month: text().notNull(),
		kind: text({ enum: STATEMENT_KINDS }).notNull().default('statement'),
		correctsId: integer('corrects_id').references((): AnySQLiteColumn => rentStatements.id, {
			onDelete: 'restrict',
		}),
		rentCents: integer('rent_cents').notNull(),
		subsidyCents: integer('subsidy_cents').notNull(),
		startupShareCents: integer('startup_share_cents').notNull(),
		issuedOn: text('issued_on').notNull(),
		dueOn: text('due_on').notNull(),
		issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
	},
	(t) => [
		// issuing a month twice changes nothing: one statement per lease and month
		uniqueIndex('rent_statements_lease_month_unique')
			.on(t.leaseId, t.month)
			.where(sql`${t.kind} = 'statement'`),
		// the credit notes correcting a statement (its balance, the arrears)
		index('rent_statements_corrects_idx')
			.on(t.correctsId)
			.where(sql`${t.correctsId} IS NOT NULL`),
		// statements of a month across all leases; the report's subsidy by year reads the
		// amounts from the index alone
		index('rent_statements_month_amounts_idx').on(
			t.month,
			t.kind,
			t.leaseId,
			t.subsidyCents,
			t.rentCents,
		),
		check('rent_statements_month', sql`${t.month} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`),
		check('rent_statements_due', sql`${t.dueOn} >= ${t.issuedOn}`),
		check(
			'rent_statements_split',
			sql`${t.rentCents} = ${t.subsidyCents} + ${t.startupShareCents}`,
		),
		check('rent_statements_amounts', sql`${t.subsidyCents} >= 0 AND ${t.startupShareCents} >= 0`),
		check(
			'rent_statements_credit_link',
			sql`(${t.kind} = 'statement' AND ${t.correctsId} IS NULL) OR (${t.kind} = 'credit_note' AND ${t.correctsId} IS NOT NULL)`,
		),
	],
)

export const payments = sqliteTable(
	'payments',
	{
		id: integer().primaryKey(),
		statementId: integer('statement_id')
			.notNull()
			.references(() => rentStatements.id, { onDelete: 'restrict' }),
		payer: text({ enum: PAYERS }).notNull(),
		amountCents: integer('amount_cents').notNull(),
		paidOn: text('paid_on').notNull(),
		reference: text(),
		recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
	},
	(t) => [
		// what has been paid against a statement, per payer
		index('payments_statement_idx').on(t.statementId, t.payer),
		check('payments_amount', sql`${t.amountCents} > 0`),
	],
)

export const subsidyBudgets = sqliteTable(
	'subsidy_budgets',
	{
		id: integer().primaryKey(),
		year: integer().notNull(),
		amountCents: integer('amount_cents').notNull(),
		votedOn: text('voted_on'),
		note: text(),
	},
	(t) => [
		uniqueIndex('subsidy_budgets_year_unique').on(t.year),
		check('subsidy_budgets_amount', sql`${t.amountCents} >= 0`),
	],
)
