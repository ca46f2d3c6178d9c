import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { type ReportPeriod, yearsOf } from './period'

const STAGES = ['proposed', 'made', 'meeting_held', 'deal'] as const

/**
 * Franco-British: UK contacts, introductions to UK contacts and deals by year, the funnel from
 * introduction to deal, and UK market entry milestones reached. An introduction counts in the
 * funnel at every stage up to the one it reached ("no fit" stops at "made").
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
	const ukContacts = db.all<{ year: string; n: number }>(sql`
		SELECT substr(date(c.created_at / 1000, 'unixepoch'), 1, 4) AS year, count(*) AS n
		FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
		WHERE coalesce(o.country, c.country) = 'GB' AND c.erased_at IS NULL
			AND date(c.created_at / 1000, 'unixepoch') <= ${period.to}
		GROUP BY year`)
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
			deals: uk.filter((i) => i.year === y && i.status === 'deal').length,
			ukEntries: ukEntries.find((e) => e.year === y)?.n ?? 0,
			newUkContacts: ukContacts.find((c) => c.year === y)?.n ?? 0,
		}
	})
	return {
		ukContacts: ukContacts.reduce((sum, r) => sum + r.n, 0),
		byYear,
		funnel,
		totals: {
			introductions: introductions.length,
			ukIntroductions: uk.length,
			ukDeals: uk.filter((i) => i.status === 'deal').length,
			ukEntries: ukEntries.reduce((sum, r) => sum + r.n, 0),
		},
	}
}
