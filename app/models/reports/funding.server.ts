import { and, eq, sql } from 'drizzle-orm'
import { fundingEvents, startups } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { amountInEurCents, conversionDate, isSecured } from '../funding-sql.server'
import { computeInnovationFund } from '../innovation-fund.server'
import { portfolioLeverage } from '../leverage'
import { type ReportPeriod, yearsOf } from './period'

/**
 * Funding: money secured in the period by year and by kind, public against private and bank,
 * in euros; the innovation fund's grants and what they triggered down the chain; leverage per
 * year. The leverage rules are those of leverage.ts, the one place they live; the fund's figures
 * are the innovation-fund page's (computeInnovationFund), so the two always agree.
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

	// the same computation as the innovation-fund page: the period's grants (of the cohort's
	// startups), each chain walked to its end whatever its dates and startups, each event once
	const fund = computeInnovationFund({
		from: period.from,
		to: period.to,
		cohortId: period.cohortId,
	})
	const fundByYear = fund.years(yearsOf(period)).map((y) => ({
		year: y.year,
		grants: y.grants,
		grantedCents: y.grantedCents,
		triggeredCents: y.triggeredCents,
	}))
	const total = portfolioLeverage(secured)
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
			grants: fund.totals.grants,
			grantedCents: fund.totals.grantedCents,
			triggeredCents: fund.totals.triggeredCents,
			fundLeverage: fund.totals.leverage,
			fundMissingRates: fund.totals.missingRates,
		},
	}
}
