import { type SQL, sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { type ReportPeriod, yearsOf } from './period'

const STAGES = ['proposed', 'made', 'meeting_held', 'deal'] as const

const DAY_MS = 86_400_000
/** contacts.created_at (ms) of midnight UTC starting a day: the day a contact was created is its UTC date */
const startOfDay = (date: string) => Date.parse(`${date}T00:00:00Z`)

/**
 * How many live UK contacts were created in [start, end) (ms): a British organisation's, or a
 * British person's without one (the organisation's country wins). Two counts over index ranges —
 * contacts_organisation_created_idx per British organisation, contacts_unattached_country_created_idx
 * — that never read a contact row.
 */
function ukContactsCreated(start: SQL | number, end: SQL | number) {
	return sql`(SELECT count(*) FROM organisations o
			JOIN contacts c ON c.organisation_id = o.id AND c.erased_at IS NULL
			WHERE o.country = 'GB' AND c.created_at >= ${start} AND c.created_at < ${end})
		+ (SELECT count(*) FROM contacts c
			WHERE c.organisation_id IS NULL AND c.erased_at IS NULL AND c.country = 'GB'
				AND c.created_at >= ${start} AND c.created_at < ${end})`
}

function countUkContactsUpTo(to: string) {
	const n = getDb().get<{ n: number }>(
		sql`SELECT ${ukContactsCreated(0, startOfDay(to) + DAY_MS)} AS n`,
	)?.n
	return n ?? 0
}

/** New UK contacts in each year of the period (within the period's dates). */
function countUkContactsByYear(period: ReportPeriod) {
	const years = yearsOf(period)
	if (years.length === 0) return []
	const bounds = years.map((year) => {
		const from = `${year}-01-01` > period.from ? `${year}-01-01` : period.from
		const to = `${year}-12-31` < period.to ? `${year}-12-31` : period.to
		return sql`(${String(year)}, ${startOfDay(from)}, ${startOfDay(to) + DAY_MS})`
	})
	return getDb()
		.all<{ year: string; n: number }>(
			sql`WITH years(year, start_ms, end_ms) AS (VALUES ${sql.join(bounds, sql`, `)})
			SELECT y.year, ${ukContactsCreated(sql`y.start_ms`, sql`y.end_ms`)} AS n FROM years y`,
		)
		.filter((r) => r.n > 0)
}

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
	// counted in SQL by year, status and side of the Channel: a few dozen rows whatever the volume
	const introductions = db.all<{ year: string; status: string; ukContact: number; n: number }>(sql`
		SELECT substr(i.introduced_on, 1, 4) AS year, i.status,
			(coalesce(o.country, c.country) = 'GB') AS ukContact, count(*) AS n
		FROM introductions i
		JOIN contacts c ON c.id = i.contact_id
		LEFT JOIN organisations o ON o.id = c.organisation_id
		JOIN startups s ON s.id = i.startup_id
		WHERE i.introduced_on BETWEEN ${period.from} AND ${period.to} ${cohort}
		GROUP BY year, i.status, ukContact`)
	const deals = db.all<{ year: string; n: number }>(sql`
		SELECT substr(i.status_on, 1, 4) AS year, count(*) AS n
		FROM introductions i
		JOIN contacts c ON c.id = i.contact_id
		LEFT JOIN organisations o ON o.id = c.organisation_id
		JOIN startups s ON s.id = i.startup_id
		WHERE i.status = 'deal' AND coalesce(o.country, c.country) = 'GB'
			AND i.status_on BETWEEN ${period.from} AND ${period.to} ${cohort}
		GROUP BY year`)
	// contacts belong to no cohort: these two figures are the whole network's
	const newUkContacts = countUkContactsByYear(period)
	const ukContacts = countUkContactsUpTo(period.to)
	const ukEntries = db.all<{ year: string; n: number }>(sql`
		SELECT substr(m.done_on, 1, 4) AS year, count(*) AS n
		FROM milestones m JOIN startups s ON s.id = m.startup_id
		WHERE m.kind = 'uk_market_entry' AND m.status = 'done'
			AND m.done_on BETWEEN ${period.from} AND ${period.to} ${cohort}
		GROUP BY year`)

	const uk = introductions.filter((i) => i.ukContact)
	const count = (rows: { n: number }[]) => rows.reduce((sum, r) => sum + r.n, 0)
	const reached = (status: string) =>
		status === 'no_fit' ? 1 : STAGES.indexOf(status as (typeof STAGES)[number])
	const funnel = STAGES.map((stage, index) => ({
		stage,
		all: count(introductions.filter((i) => reached(i.status) >= index)),
		uk: count(uk.filter((i) => reached(i.status) >= index)),
	}))
	const byYear = yearsOf(period).map((year) => {
		const y = String(year)
		return {
			year,
			introductions: count(uk.filter((i) => i.year === y)),
			deals: count(deals.filter((d) => d.year === y)),
			ukEntries: ukEntries.find((e) => e.year === y)?.n ?? 0,
			newUkContacts: newUkContacts.find((c) => c.year === y)?.n ?? 0,
		}
	})
	return {
		ukContacts,
		byYear,
		funnel,
		totals: {
			introductions: count(introductions),
			ukIntroductions: count(uk),
			ukDeals: count(deals),
			ukEntries: ukEntries.reduce((sum, r) => sum + r.n, 0),
			newUkContacts: newUkContacts.reduce((sum, r) => sum + r.n, 0),
		},
	}
}
