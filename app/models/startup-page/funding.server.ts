import { desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { fundingEvents } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import {
	amountInEurCents,
	conversionDate,
	isSecured,
	rateUsedMicros,
	rateUsedOn,
} from '../funding-sql.server'

const trigger = alias(fundingEvents, 'trigger')

/** Events shown at once on the startup page; the others are a page away. */
export const FUNDING_PER_PAGE = 20

/**
 * The startup page's funding panel: one page of events, newest first, with its euro value and
 * the rate that converted it, and the startup's totals over every event (summed in SQL: a startup
 * with two hundred crowdfunding contributions does not send them all). Every role that sees the
 * page sees this panel: no note here (notes may name a person). A trigger from another startup
 * (an innovation-fund grant) shows as its kind.
 */
export function getFunding(startupId: number, page = 1) {
	const db = getDb()
	const totals = db
		.select({
			events: sql<number>`count(*)`,
			securedEvents: sql<number>`count(*) FILTER (WHERE ${isSecured})`,
			securedEurCents: sql<number>`coalesce(sum(CASE WHEN ${isSecured} THEN ${amountInEurCents} END), 0)`,
			inProgress: sql<number>`count(*) FILTER (WHERE ${fundingEvents.status} IN ('planned', 'applied'))`,
		})
		.from(fundingEvents)
		.where(eq(fundingEvents.startupId, startupId))
		.get()!
	const pageCount = Math.max(1, Math.ceil(totals.events / FUNDING_PER_PAGE))
	const current = Math.min(Math.max(1, page), pageCount)
	const rows = db
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
			// the trigger's source is shown only when it is this startup's own event
			triggerSource: sql<
				string | null
			>`CASE WHEN ${trigger.startupId} = ${startupId} THEN ${trigger.source} END`,
		})
		.from(fundingEvents)
		.leftJoin(trigger, eq(trigger.id, fundingEvents.triggeredById))
		.where(eq(fundingEvents.startupId, startupId))
		.orderBy(desc(conversionDate), desc(fundingEvents.id))
		.limit(FUNDING_PER_PAGE)
		.offset((current - 1) * FUNDING_PER_PAGE)
		.all()
	return { rows, ...totals, page: current, pageCount, perPage: FUNDING_PER_PAGE }
}
