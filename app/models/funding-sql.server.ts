import { sql } from 'drizzle-orm'
import { fundingEvents } from '#db/schema/index'

/*
 * Inside the subqueries below, unqualified names can only be funding_events' own columns
 * (exchange_rates is aliased `er` and has no currency, amount_cents or *_on columns), so they
 * stay correct even where drizzle leaves the table name out (a select from a single table).
 */

/**
 * The date an event's amount is counted on: when it was secured, else applied, else planned
 * (then declined, received, for rows that only have those). Also the date of its exchange rate.
 */
export const conversionDate = sql<
	string | null
>`coalesce(${fundingEvents.securedOn}, ${fundingEvents.appliedOn}, ${fundingEvents.plannedOn}, ${fundingEvents.declinedOn}, ${fundingEvents.receivedOn})`

const latestRate = (column: 'rate_micros' | 'date') =>
	sql`${sql.raw(`er.${column}`)} FROM exchange_rates er
		WHERE er.from_currency = ${fundingEvents.currency} AND er.to_currency = 'EUR'
			AND er.date <= ${conversionDate}
		ORDER BY er.date DESC LIMIT 1`

/**
 * A funding amount in euro cents: GBP converts at the latest rate on or before the
 * date it was secured (or applied, or planned), rounded half up to the cent. Null when no
 * rate is recorded yet.
 */
export const amountInEurCents = sql<number | null>`CASE ${fundingEvents.currency}
	WHEN 'EUR' THEN ${fundingEvents.amountCents}
	ELSE (SELECT CAST(round(${fundingEvents.amountCents} * er.rate_micros / 1000000.0) AS INTEGER)
		FROM exchange_rates er
		WHERE er.from_currency = ${fundingEvents.currency} AND er.to_currency = 'EUR'
			AND er.date <= ${conversionDate}
		ORDER BY er.date DESC LIMIT 1)
	END`

/** The rate that converted a GBP amount (millionths), and the date it was recorded for; null for EUR. */
export const rateUsedMicros = sql<number | null>`CASE ${fundingEvents.currency}
	WHEN 'EUR' THEN NULL ELSE (SELECT ${latestRate('rate_micros')}) END`

export const rateUsedOn = sql<string | null>`CASE ${fundingEvents.currency}
	WHEN 'EUR' THEN NULL ELSE (SELECT ${latestRate('date')}) END`

export const isSecured = sql`${fundingEvents.status} IN ('secured', 'received')`

/**
 * Public money (leverage.ts `isPublicMoney`, the one definition): from a public body and not a
 * bank loan — Bpifrance lends, it does not give.
 */
export const isPublicMoney = sql<boolean>`(${fundingEvents.isPublic} AND ${fundingEvents.kind} <> 'bank_loan')`
