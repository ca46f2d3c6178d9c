import { and, desc, eq, sql } from 'drizzle-orm'
import { exchangeRates, fundingEvents, startups } from '#db/schema/index'
import type { ExchangeRateInput } from '~/schemas/funding'
import { getDb, writeTransaction } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { written } from '~/utils/write-result'
import { recordAudit } from './audit.server'
import { conversionDate, rateUsedOn } from './funding-sql.server'
import type { Viewer } from './viewer'

/*
 * GBP→EUR rates by date. A GBP amount converts at the latest rate on or before the date it was
 * secured (funding-sql.server.ts): recording or removing a rate changes the euro value of the
 * amounts that fall on it, which is why the page shows how many each rate converts.
 */
const mayWrite = (viewer: Viewer) => can(viewer, 'update:funding:any')

const gbpToEur = and(eq(exchangeRates.fromCurrency, 'GBP'), eq(exchangeRates.toCurrency, 'EUR'))

export function listExchangeRates({ viewer }: { viewer: Viewer }) {
	if (!can(viewer, 'read:funding:any')) return []
	const db = getDb()
	const usage = new Map(
		db
			.select({ date: rateUsedOn, n: sql<number>`count(*)` })
			.from(fundingEvents)
			.where(eq(fundingEvents.currency, 'GBP'))
			.groupBy(rateUsedOn)
			.all()
			.map((r) => [r.date, r.n]),
	)
	return db
		.select({
			id: exchangeRates.id,
			date: exchangeRates.date,
			rateMicros: exchangeRates.rateMicros,
		})
		.from(exchangeRates)
		.where(gbpToEur)
		.orderBy(desc(exchangeRates.date))
		.all()
		.map((r) => ({ ...r, eventsConverted: usage.get(r.date) ?? 0 }))
}

/** GBP amounts that no rate converts yet: their date is before the first rate. */
export function listAmountsWithoutRate({ viewer }: { viewer: Viewer }) {
	if (!can(viewer, 'read:funding:any')) return []
	return getDb()
		.select({
			id: fundingEvents.id,
			startupId: fundingEvents.startupId,
			startupName: startups.name,
			amountCents: fundingEvents.amountCents,
			date: conversionDate,
		})
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.where(and(eq(fundingEvents.currency, 'GBP'), sql`${rateUsedOn} IS NULL`))
		.orderBy(conversionDate)
		.all()
}

/** The rate a GBP amount dated `date` converts at: the latest on or before it. */
export function rateOn(date: string) {
	return (
		getDb()
			.select({ date: exchangeRates.date, rateMicros: exchangeRates.rateMicros })
			.from(exchangeRates)
			.where(and(gbpToEur, sql`${exchangeRates.date} <= ${date}`))
			.orderBy(desc(exchangeRates.date))
			.limit(1)
			.get() ?? null
	)
}

/** One rate per date: recording a date that has one replaces it. Null when not a manager. */
export function saveExchangeRate({ viewer, input }: { viewer: Viewer; input: ExchangeRateInput }) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const before = tx
			.select({ id: exchangeRates.id, rateMicros: exchangeRates.rateMicros })
			.from(exchangeRates)
			.where(and(gbpToEur, eq(exchangeRates.date, input.date)))
			.get()
		if (before?.rateMicros === input.rate) {
			return written({ status: 'unchanged' as const, id: before.id })
		}
		if (before) {
			tx.update(exchangeRates)
				.set({ rateMicros: input.rate })
				.where(eq(exchangeRates.id, before.id))
				.run()
			recordAudit(tx, {
				userId: viewer.id,
				action: 'update',
				entity: 'exchange_rate',
				entityId: before.id,
				subject: { date: input.date },
				changes: { rateMicros: [before.rateMicros, input.rate] },
			})
			return written({ status: 'updated' as const, id: before.id })
		}
		const rate = tx
			.insert(exchangeRates)
			.values({ date: input.date, fromCurrency: 'GBP', toCurrency: 'EUR', rateMicros: input.rate })
			.returning({ id: exchangeRates.id })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'exchange_rate',
			entityId: rate.id,
			subject: { date: input.date, rateMicros: input.rate },
		})
		return written({ status: 'created' as const, id: rate.id })
	})
}

export function deleteExchangeRate({ viewer, id }: { viewer: Viewer; id: number }) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const before = tx
			.select({ date: exchangeRates.date, rateMicros: exchangeRates.rateMicros })
			.from(exchangeRates)
			.where(and(gbpToEur, eq(exchangeRates.id, id)))
			.get()
		if (!before) return null
		tx.delete(exchangeRates).where(eq(exchangeRates.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'delete',
			entity: 'exchange_rate',
			entityId: id,
			subject: { date: before.date, rateMicros: before.rateMicros },
		})
		return written({ id, date: before.date })
	})
}
