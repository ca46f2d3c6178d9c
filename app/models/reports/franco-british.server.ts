import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { type ReportPeriod, yearsOf } from './period'

const STAGES = ['proposed', 'made', 'meeting_held', 'deal'] as const

/**
 * Franco-British: UK contacts, introductions to UK contacts and deals by year, the funnel from
 * introduction to deal, and UK market entry milestones reached. Introductions count by the day
 * they were made, deals by the day they were concluded (the deal's status date), so that a year
 * already reported does not change when an old introduction turns into a deal. The funnel follows
 * the introductions made in the period: each counts at every stage up to the one it reached ("no
 * fit" stops at "made"). docs/report-definitions.md says the same for the partners.
 */
export function getFrancoBritishReport(period: ReportPeriod) {
	const db = getDb()
	const cohort = period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
	const introductions = db.all<{
		year: string
		status: string
		ukContact: number
		dealValueCents: number | null
		dealCurrency: string | null
	}>(sql`
		SELECT substr(i.introduced_on, 1, 4) AS year, i.status,
			(coalesce(o.country, c.country) = 'GB') AS ukContact,
			i.deal_value_cents AS dealValueCents, i.deal_currency AS dealCurrency
		FROM introductions i
		JOIN contacts c ON c.id = i.contact_id
		LEFT JOIN organisations o ON o.id = c.organisation_id
		JOIN startups s ON s.id = i.startup_id
		WHERE i.introduced_on BETWEEN ${period.from} AND ${period.to} ${cohort}`)
	const deals = db.all<{ year: string }>(sql`
		SELECT substr(i.status_on, 1, 4) AS year
		FROM introductions i
		JOIN contacts c ON c.id = i.contact_id
		LEFT JOIN organisations o ON o.id = c.organisation_id
		JOIN startups s ON s.id = i.startup_id
		WHERE i.status = 'deal' AND coalesce(o.country, c.country) = 'GB'
			AND i.status_on BETWEEN ${period.from} AND ${period.to} ${cohort}`)
	// contacts belong to no cohort: these two figures are the whole network's
	const createdOn = sql`date(c.created_at / 1000, 'unixepoch')`
	const ukContactRows = sql`FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
		WHERE coalesce(o.country, c.country) = 'GB' AND c.erased_at IS NULL`
	const newUkContacts = db.all<{ year: string; n: number }>(sql`
		SELECT substr(${createdOn}, 1, 4) AS year, count(*) AS n ${ukContactRows}
			AND ${createdOn} BETWEEN ${period.from} AND ${period.to}
		GROUP BY year`)
	const ukContacts =
		db.get<{ n: number }>(
			sql`SELECT count(*) AS n ${ukContactRows} AND ${createdOn} <= ${period.to}`,
		)?.n ?? 0
	const ukEntries = db.all<{ year: string; n: number }>(sql`
		SELECT substr(m.done_on, 1, 4) AS year, count(*) AS n
		FROM milestones m JOIN startups s ON s.id = m.startup_id
		WHERE m.kind = 'uk_market_entry' AND m.status = 'done'
			AND m.done_on BETWEEN ${period.from} AND ${period.to} ${cohort}
		GROUP BY year`)

	const uk = introductions.filter((i) => i.ukContact)
	const reached = (status: string) =>
		status === 'no_fit' ? 1 : STAGES.indexOf(status as (typeof STAGES)[number])
	const funnel = STAGES.map((stage, index) => ({
		stage,
		all: introductions.filter((i) => reached(i.status) >= index).length,
		uk: uk.filter((i) => reached(i.status) >= index).length,
	}))
	const byYear = yearsOf(period).map((year) => {
		const y = String(year)
		return {
			year,
			introductions: uk.filter((i) => i.year === y).length,
			deals: deals.filter((d) => d.year === y).length,
			ukEntries: ukEntries.find((e) => e.year === y)?.n ?? 0,
			newUkContacts: newUkContacts.find((c) => c.year === y)?.n ?? 0,
		}
	})
	return {
		ukContacts,
		byYear,
		funnel,
		totals: {
			introductions: introductions.length,
			ukIntroductions: uk.length,
			ukDeals: deals.length,
			ukEntries: ukEntries.reduce((sum, r) => sum + r.n, 0),
			newUkContacts: newUkContacts.reduce((sum, r) => sum + r.n, 0),
		},
	}
}
