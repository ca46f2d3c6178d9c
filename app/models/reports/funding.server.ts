import { and, eq, sql } from 'drizzle-orm'
import { fundingEvents, startups } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { amountInEurCents, conversionDate, isSecured } from '../funding-sql.server'
import { innovationFundLeverage, portfolioLeverage } from '../leverage'
import { type ReportPeriod, yearsOf } from './period'

/**
 * Funding: money secured in the period by year and by kind, public against private and bank,
 * in euros; the innovation fund's grants and what they triggered down the chain; leverage per
 * year. The leverage rules are those of leverage.ts, the one place they live.
 */
export function getFundingReport(period: ReportPeriod) {
	const db = getDb()
	const inPeriod = sql`${conversionDate} BETWEEN ${period.from} AND ${period.to}`
	const cohort = period.cohortId ? eq(startups.cohortId, period.cohortId) : undefined
	const secured = db
		.select({
			id: fundingEvents.id,
			kind: fundingEvents.kind,
			isPublic: fundingEvents.isPublic,
			status: fundingEvents.status,
			amountEurCents: amountInEurCents,
			triggeredById: fundingEvents.triggeredById,
			date: conversionDate,
		})
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.where(and(isSecured, inPeriod, cohort))
		.all()

	const byYear = yearsOf(period).map((year) => {
		const ofYear = secured.filter((e) => e.date?.startsWith(String(year)))
		const l = portfolioLeverage(ofYear)
		return {
			year,
			publicCents: l.publicCents,
			privateCents: l.privateAndBankCents,
			leverage: l.leverage === null ? null : Math.round(l.leverage * 100) / 100,
		}
	})
	const kinds = new Map<string, number>()
	for (const e of secured) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + (e.amountEurCents ?? 0))

	// the fund's chains run through every year: take all of them, keep the grants of the period
	const chain = db
		.select({
			id: fundingEvents.id,
			kind: fundingEvents.kind,
			isPublic: fundingEvents.isPublic,
			status: fundingEvents.status,
			amountEurCents: amountInEurCents,
			triggeredById: fundingEvents.triggeredById,
			date: conversionDate,
			cohortId: startups.cohortId,
		})
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.all()
	const fund = innovationFundLeverage(chain)
	const byId = new Map(chain.map((n) => [n.id, n]))
	const grants = fund.grants.filter((g) => {
		const grant = byId.get(g.id)!
		return (
			grant.date !== null &&
			grant.date >= period.from &&
			grant.date <= period.to &&
			(!period.cohortId || grant.cohortId === period.cohortId)
		)
	})
	const fundByYear = yearsOf(period).map((year) => {
		const ofYear = grants.filter((g) => byId.get(g.id)!.date!.startsWith(String(year)))
		return {
			year,
			grants: ofYear.length,
			grantedCents: ofYear.reduce((s, g) => s + g.grantedCents, 0),
			triggeredCents: ofYear.reduce((s, g) => s + g.triggeredCents, 0),
		}
	})
	const total = portfolioLeverage(secured)
	const grantedCents = fundByYear.reduce((s, y) => s + y.grantedCents, 0)
	const triggeredCents = fundByYear.reduce((s, y) => s + y.triggeredCents, 0)
	return {
		byYear,
		byKind: [...kinds].map(([kind, cents]) => ({ kind, cents })).sort((a, b) => b.cents - a.cents),
		fundByYear,
		totals: {
			publicCents: total.publicCents,
			privateCents: total.privateAndBankCents,
			securedCents: total.totalCents,
			leverage: total.leverage,
			missingRates: total.missingRates,
			grants: grants.length,
			grantedCents,
			triggeredCents,
			fundLeverage: grantedCents > 0 ? triggeredCents / grantedCents : null,
		},
	}
}
