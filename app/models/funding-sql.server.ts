import { sql } from 'drizzle-orm'
import { fundingEvents } from '#db/schema/index'

/**
 * A funding amount in euro cents: GBP converts at the latest rate on or before the
 * date it was secured (or applied, or planned). Null when no rate is recorded yet.
 */
export const amountInEurCents = sql<number | null>`CASE ${fundingEvents.currency}
	WHEN 'EUR' THEN ${fundingEvents.amountCents}
	ELSE (SELECT CAST(round(${fundingEvents.amountCents} * er.rate_micros / 1000000.0) AS INTEGER)
		FROM exchange_rates er
		WHERE er.from_currency = ${fundingEvents.currency} AND er.to_currency = 'EUR'
			AND er.date <= coalesce(${fundingEvents.securedOn}, ${fundingEvents.appliedOn}, ${fundingEvents.plannedOn})
		ORDER BY er.date DESC LIMIT 1)
	END`

export const isSecured = sql`${fundingEvents.status} IN ('secured', 'received')`
