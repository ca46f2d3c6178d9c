import { desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { fundingEvents } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { amountInEurCents, conversionDate, rateUsedMicros, rateUsedOn } from '../funding-sql.server'

const trigger = alias(fundingEvents, 'trigger')

/**
 * The startup page's funding panel: every event, newest first, with its euro value and the rate
 * that converted it. Every role that sees the page sees this panel: no note here (notes may
 * name a person). A trigger from another startup (an innovation-fund grant) shows as its kind.
 */
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
			rateMicros: rateUsedMicros,
			rateOn: rateUsedOn,
			status: fundingEvents.status,
			date: conversionDate,
			plannedOn: fundingEvents.plannedOn,
			appliedOn: fundingEvents.appliedOn,
			securedOn: fundingEvents.securedOn,
			receivedOn: fundingEvents.receivedOn,
			declinedOn: fundingEvents.declinedOn,
			triggeredById: fundingEvents.triggeredById,
			triggerKind: trigger.kind,
		})
		.from(fundingEvents)
		.leftJoin(trigger, eq(trigger.id, fundingEvents.triggeredById))
		.where(eq(fundingEvents.startupId, startupId))
		.orderBy(desc(conversionDate), desc(fundingEvents.id))
		.all()
}
