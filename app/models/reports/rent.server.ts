import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { lastDayOf } from '~/utils/calendar'
import { monthsOf, type ReportPeriod, yearsOf } from './period'

/**
 * Rent subsidy: what Cap Calaisis's share of the statements came to each year (credit notes
 * deducted) against the budget it voted, and how full the nursery was, month by month.
 * With a cohort chosen, the subsidy is that cohort's share and the budget is not compared.
 */
export function getRentReport(period: ReportPeriod) {
	const db = getDb()
	const cohort = period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
	// without a cohort, the covering index rent_statements_month_amounts_idx answers alone
	const ofCohort = period.cohortId
		? sql`JOIN leases l ON l.id = rs.lease_id JOIN startups s ON s.id = l.startup_id`
		: sql``
	const subsidy = db.all<{ year: string; cents: number; rentCents: number }>(sql`
		SELECT substr(rs.month, 1, 4) AS year,
			sum(CASE rs.kind WHEN 'credit_note' THEN -rs.subsidy_cents ELSE rs.subsidy_cents END) AS cents,
			sum(CASE rs.kind WHEN 'credit_note' THEN -rs.rent_cents ELSE rs.rent_cents END) AS rentCents
		FROM rent_statements rs ${ofCohort}
		WHERE rs.month BETWEEN ${period.from.slice(0, 7)} AND ${period.to.slice(0, 7)} ${cohort}
		GROUP BY year`)
	const budgets = db.all<{ year: number; cents: number }>(
		sql`SELECT year, amount_cents AS cents FROM subsidy_budgets`,
	)
	const byYear = yearsOf(period).map((year) => {
		const row = subsidy.find((s) => s.year === String(year))
		return {
			year,
			subsidyCents: row?.cents ?? 0,
			rentCents: row?.rentCents ?? 0,
			budgetCents: period.cohortId ? null : (budgets.find((b) => b.year === year)?.cents ?? null),
		}
	})
	const totalUnits = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM units`)?.n ?? 0
	const months = monthsOf(period)
	// Occupied units per month: a lease occupies its unit in every month from the month it starts
	// to the month it ends (it overlaps the month). Counted here over the leases of the period,
	// once each, rather than by a query per month.
	const leases = months.length
		? db.all<{ unitId: number; startMonth: string; endMonth: string | null }>(sql`
			SELECT l.unit_id AS unitId, substr(l.start_date, 1, 7) AS startMonth,
				substr(l.end_date, 1, 7) AS endMonth
			FROM leases l JOIN startups s ON s.id = l.startup_id
			WHERE l.start_date <= ${lastDayOf(months.at(-1)!)}
				AND (l.end_date IS NULL OR l.end_date >= ${`${months[0]}-01`}) ${cohort}`)
		: []
	const unitsByMonth = months.map(() => new Set<number>())
	for (const lease of leases) {
		for (let i = 0; i < months.length; i++) {
			const month = months[i]!
			if (lease.startMonth > month) continue
			// months go forward: past its end, the lease occupies nothing more
			if (lease.endMonth !== null && lease.endMonth < month) break
			unitsByMonth[i]!.add(lease.unitId)
		}
	}
	const occupancy = months.map((month, i) => ({ month, occupied: unitsByMonth[i]!.size }))
	return {
		byYear,
		occupancy,
		totalUnits,
		totals: {
			subsidyCents: byYear.reduce((s, y) => s + y.subsidyCents, 0),
			rentCents: byYear.reduce((s, y) => s + y.rentCents, 0),
			budgetCents: period.cohortId ? null : byYear.reduce((s, y) => s + (y.budgetCents ?? 0), 0),
		},
	}
}
