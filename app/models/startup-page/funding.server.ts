import { desc, eq, sql } from 'drizzle-orm'
import { fundingEvents } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { amountInEurCents } from '../funding-sql.server'

/** The startup page's funding panel: every event, newest first, with its euro value. */
export function getFunding(startupId: number) {
	return getDb()
		.select({
			id: fundingEvents.id,
			kind: fundingEvents.kind,
			source: fundingEvents.source,
			isPublic: fundingEvents.isPublic,
			amountCents: fundingEvents.amountCents,
			currency: fundingEvents.currency,
			amountEurCents: amountInEurCents,
			status: fundingEvents.status,
			securedOn: fundingEvents.securedOn,
			plannedOn: fundingEvents.plannedOn,
			appliedOn: fundingEvents.appliedOn,
			triggeredById: fundingEvents.triggeredById,
		})
		.from(fundingEvents)
		.where(eq(fundingEvents.startupId, startupId))
		.orderBy(
			desc(
				sql`coalesce(${fundingEvents.securedOn}, ${fundingEvents.appliedOn}, ${fundingEvents.plannedOn})`,
			),
		)
		.all()
}
