import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { parseScaleArg, seedDemo } from './seed'

function all<T>(query: ReturnType<typeof sql>) {
	return getDb().all<T>(query)
}

test('--scale 2 doubles the portfolio with unique names, still four users and sound numbers', () => {
	const { counts } = seedDemo({ scale: 2 })

	const names = all<{ name: string }>(sql`SELECT name FROM startups`).map((s) => s.name)
	const first = names.filter((n) => !n.endsWith(' · 2'))
	const second = names.filter((n) => n.endsWith(' · 2'))
	expect(first.length).toBeGreaterThan(10)
	expect(second.map((n) => n.slice(0, -4)).sort()).toEqual([...first].sort())
	expect(counts.startups).toBe(2 * first.length)

	// every replicated record keeps its unique keys
	const dupes = all(sql`
		SELECT 'cohort' FROM cohorts GROUP BY name HAVING count(*) > 1
		UNION ALL SELECT 'unit' FROM units GROUP BY code HAVING count(*) > 1
		UNION ALL SELECT 'siren' FROM startups WHERE siren IS NOT NULL GROUP BY siren HAVING count(*) > 1
		UNION ALL SELECT 'ch' FROM startups WHERE companies_house_number IS NOT NULL
			GROUP BY companies_house_number HAVING count(*) > 1
		UNION ALL SELECT 'contact' FROM contacts WHERE email IS NOT NULL
			GROUP BY lower(email) HAVING count(*) > 1`)
	expect(dupes).toEqual([])
	expect(all(sql`SELECT id FROM units`)).toHaveLength(counts.units!)
	expect(counts.units! % 2).toBe(0)

	const users = all<{ email: string }>(sql`SELECT email FROM users ORDER BY email`)
	expect(users.map((u) => u.email)).toEqual([
		'founder@tektos.example',
		'manager@tektos.example',
		'mentor@tektos.example',
		'partner@tektos.example',
	])

	const broken = all(sql`
		SELECT id FROM rent_statements WHERE rent_cents <> subsidy_cents + startup_share_cents
		UNION ALL
		SELECT rs.id FROM rent_statements rs JOIN payments p ON p.statement_id = rs.id
		GROUP BY rs.id, p.payer
		HAVING sum(p.amount_cents) > max(CASE p.payer WHEN 'startup' THEN rs.startup_share_cents
			ELSE rs.subsidy_cents END)`)
	expect(broken).toEqual([])
	// one subsidy budget per year, covering both replicas
	expect(all(sql`SELECT year FROM subsidy_budgets GROUP BY year HAVING count(*) > 1`)).toEqual([])
	expect(getDb().all(sql`PRAGMA foreign_key_check`)).toEqual([])
})

test('the network around the replicas has the volume and the shape of a real contact base', () => {
	const one = <T>(query: ReturnType<typeof sql>) => getDb().get<T>(query)!
	// scale 2 (seeded by the test above, same worker database): 1,000 people and 5,000 interactions a unit
	expect(one<{ n: number }>(sql`SELECT count(*) AS n FROM contacts`).n).toBeGreaterThan(2_000)
	expect(one<{ n: number }>(sql`SELECT count(*) AS n FROM interactions`).n).toBeGreaterThan(10_000)
	// skewed: the biggest organisation holds far more people than the median one
	const sizes = all<{ n: number }>(sql`SELECT count(*) AS n FROM contacts
		WHERE organisation_id IS NOT NULL GROUP BY organisation_id ORDER BY n DESC`).map((r) => r.n)
	expect(sizes[0]!).toBeGreaterThan(20 * sizes[Math.floor(sizes.length / 2)]!)
	// a last contact is the latest interaction; a consent has its date and source
	expect(
		all(sql`SELECT c.id FROM contacts c JOIN interactions i ON i.contact_id = c.id
			GROUP BY c.id HAVING max(i.date) <> max(c.last_contact_on)`),
	).toEqual([])
	expect(
		all(sql`SELECT id FROM contacts WHERE lawful_basis = 'consent'
			AND (consent_on IS NULL OR consent_source IS NULL)`),
	).toEqual([])
	// a few likely duplicates, not thousands
	const flagged = one<{ n: number }>(
		sql`SELECT count(*) AS n FROM contacts WHERE likely_duplicate`,
	).n
	expect(flagged).toBeGreaterThan(0)
	expect(flagged).toBeLessThan(100)
})

test('--scale is a whole number', () => {
	expect(parseScaleArg([])).toBe(1)
	expect(parseScaleArg(['--scale', '10'])).toBe(10)
	expect(parseScaleArg(['--scale=3'])).toBe(3)
	expect(() => parseScaleArg(['--scale', 'ten'])).toThrow(/whole number/)
	expect(() => parseScaleArg(['--scale', '0'])).toThrow(/whole number/)
})
