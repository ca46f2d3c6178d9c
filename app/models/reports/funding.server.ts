import { and, eq, sql } from 'drizzle-orm'
import { fundingEvents, startups } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { amountInEurCents, conversionDate, isSecured } from '../funding-sql.server'
import { computeInnovationFund } from '../innovation-fund.server'
import { type FundingNode, portfolioLeverage } from '../leverage'
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
	// summed in SQL by year, kind and public funder (a few dozen rows whatever the volume);
	// the amounts with no exchange rate yet are counted apart, as leverage.ts wants them
	const groups = db
		.all<{
			year: string
			kind: FundingNode['kind']
			isPublic: number
			cents: number
			withRate: number
			missing: number
		}>(
			sql`SELECT year, kind, is_public AS isPublic, coalesce(sum(eur), 0) AS cents,
				count(eur) AS withRate, count(*) - count(eur) AS missing
			FROM (
				-- the euro amount once per event (a pound's rate is looked up in a subquery)
				SELECT substr(${conversionDate}, 1, 4) AS year, ${fundingEvents.kind} AS kind,
					${fundingEvents.isPublic} AS is_public, ${amountInEurCents} AS eur
				FROM ${fundingEvents}
				JOIN ${startups} ON ${startups.id} = ${fundingEvents.startupId}
				WHERE ${and(isSecured, inPeriod, cohort)}
			)
			GROUP BY year, kind, is_public`,
		)
		.map((g) => ({ ...g, isPublic: Boolean(g.isPublic), status: 'secured' as const }))
	/** each group as funding nodes for leverage.ts: its known euros as one, each missing rate as one */
	const nodesOf = (rows: typeof groups): FundingNode[] =>
		rows.flatMap((g) => [
			...(g.withRate
				? [{ ...g, id: 0, amountEurCents: g.cents, triggeredById: null } as FundingNode]
				: []),
			...Array.from(
				{ length: g.missing },
				() => ({ ...g, id: 0, amountEurCents: null, triggeredById: null }) as FundingNode,
			),
		])
	const secured = nodesOf(groups)

	const byYear = yearsOf(period).map((year) => {
		const l = portfolioLeverage(nodesOf(groups.filter((g) => g.year === String(year))))
		return {
			year,
			publicCents: l.publicCents,
			privateCents: l.privateAndBankCents,
			leverage: l.leverage === null ? null : Math.round(l.leverage * 100) / 100,
		}
	})
	const kinds = new Map<string, number>()
	for (const g of groups) kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + g.cents)

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
