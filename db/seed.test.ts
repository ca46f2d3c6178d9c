import fs from 'node:fs'
import crypto from 'node:crypto'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { now as clockNow } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import { verifyPassword } from '~/utils/password.server'
import { computeStatement, roundHalfUpDiv } from '~/utils/rent'
import { migrateDatabase } from './migrate'
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './seed'

function all<T>(query: ReturnType<typeof sql>) {
	return getDb().all<T>(query)
}

function isoDate(d: Date) {
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

// The incubated startups are placed relative to "today": check the story on the real day and
// on awkward ones (New Year's Day, a 16th, a leap day, New Year's Eve), each in its own file.
describe.each([
	['today', null],
	['2025-01-01', '2025-01-01'],
	['2026-09-16', '2026-09-16'],
	['2028-02-29', '2028-02-29'],
	['2031-12-31', '2031-12-31'],
])('the demo seeded on %s', (_label, day) => {
	const now = day ? new Date(`${day}T12:00:00`) : clockNow()
	const today = isoDate(now)
	const testDatabase = process.env.DATABASE_PATH
	const ownDatabase = day
		? path.resolve('tests/.tmp', `seed-${day}-${crypto.randomUUID()}.db`)
		: null

	beforeAll(() => {
		if (ownDatabase) {
			process.env.DATABASE_PATH = ownDatabase
			migrateDatabase(getDb())
		}
		expect(isDatabaseEmpty()).toBe(true)
		seedDemo({ today: now })
		expect(isDatabaseEmpty()).toBe(false)
	})

	afterAll(() => {
		if (ownDatabase) {
			getDb().$client.close()
			globalThis.__tektosDb = undefined
			for (const suffix of ['', '-wal', '-shm'])
				fs.rmSync(`${ownDatabase}${suffix}`, { force: true })
		}
		process.env.DATABASE_PATH = testDatabase
	})

	test('the four demo logins exist with their roles and links', async () => {
		const users = all<{
			email: string
			role: string
			passwordHash: string
			organisation: string | null
			startupName: string | null
			startupStatus: string | null
			mentorOrganisation: string | null
		}>(sql`
			SELECT u.email, u.role, u.password_hash AS passwordHash, u.organisation,
				s.name AS startupName, s.status AS startupStatus, m.organisation AS mentorOrganisation
			FROM users u
			LEFT JOIN startups s ON s.id = u.startup_id
			LEFT JOIN mentors m ON m.id = u.mentor_id
			ORDER BY u.id`)
		expect(users.map((u) => [u.email, u.role]).sort()).toEqual(
			DEMO_LOGINS.map((l) => [l.email, l.role]).sort(),
		)
		const byRole = Object.fromEntries(users.map((u) => [u.role, u]))
		expect(byRole.founder).toMatchObject({ startupName: 'Fretmanche', startupStatus: 'incubated' })
		expect(byRole.mentor).toMatchObject({ mentorOrganisation: 'SNCF Développement' })
		expect(byRole.partner).toMatchObject({ organisation: 'Cap Calaisis' })
		expect(byRole.manager!.passwordHash).toMatch(/^\$argon2id\$/)
		expect(await verifyPassword(DEMO_PASSWORD, byRole.manager!.passwordHash)).toBe(true)

		// the founder is also on their startup's team
		const team = all<{ name: string }>(sql`
			SELECT tm.name FROM team_members tm JOIN users u ON u.id = tm.user_id
			WHERE u.email = 'founder@tektos.example' AND tm.startup_id = u.startup_id`)
		expect(team).toEqual([{ name: 'Sophie Lefebvre' }])

		// the mentor follows two startups incubated now
		const mentored = all<{ name: string }>(sql`
			SELECT s.name FROM mentor_assignments a
			JOIN users u ON u.mentor_id = a.mentor_id
			JOIN startups s ON s.id = a.startup_id
			WHERE u.email = 'mentor@tektos.example' AND a.end_date IS NULL AND s.status = 'incubated'
			ORDER BY s.name`)
		expect(mentored.map((s) => s.name)).toEqual(['Fretmanche', 'Opale Fibre Lab'])
	})

	test('the portfolio spans every promotion since June 2013', () => {
		const cohorts = all<{ name: string; startDate: string; n: number }>(sql`
			SELECT c.name, c.start_date AS startDate, count(s.id) AS n
			FROM cohorts c LEFT JOIN startups s ON s.cohort_id = c.id
			GROUP BY c.id ORDER BY c.start_date`)
		expect(cohorts[0]).toMatchObject({ name: 'Promotion 2013', startDate: '2013-06-03' })
		expect(cohorts.every((c) => c.startDate <= today)).toBe(true)
		expect(cohorts.some((c) => c.name.startsWith('Accélération'))).toBe(true)

		const byStatus = all<{ status: string; n: number }>(sql`
			SELECT status, count(*) AS n FROM startups GROUP BY status`)
		const counts = Object.fromEntries(byStatus.map((s) => [s.status, s.n]))
		expect(counts.incubated).toBe(4)
		expect(counts.left).toBe(1)
		expect(counts.graduated).toBeGreaterThanOrEqual(5)

		const numbers = all<{
			siren: string | null
			ch: string | null
			pitchFr: string
			pitchEn: string
		}>(
			sql`SELECT siren, companies_house_number AS ch, pitch_fr AS pitchFr, pitch_en AS pitchEn
				FROM startups`,
		)
		expect(numbers.every((s) => s.pitchFr && s.pitchEn && s.pitchFr !== s.pitchEn)).toBe(true)
		const sirens = numbers.flatMap((s) => (s.siren ? [s.siren] : []))
		expect(sirens.every((s) => /^\d{9}$/.test(s))).toBe(true)
		expect(new Set(sirens).size).toBe(sirens.length)
		const ch = numbers.flatMap((s) => (s.ch ? [s.ch] : []))
		expect(ch.length).toBeGreaterThanOrEqual(2)
		expect(ch.every((n) => n.length === 8)).toBe(true)
	})

	test('every rent statement splits its rent exactly, as the schedule says', () => {
		const statements = all<{
			month: string
			rentCents: number
			subsidyCents: number
			startupShareCents: number
			leaseId: number
			startDate: string
			endDate: string | null
			monthlyRentCents: number
		}>(sql`
			SELECT rs.month, rs.rent_cents AS rentCents, rs.subsidy_cents AS subsidyCents,
				rs.startup_share_cents AS startupShareCents, l.id AS leaseId, l.start_date AS startDate,
				l.end_date AS endDate, l.monthly_rent_cents AS monthlyRentCents
			FROM rent_statements rs JOIN leases l ON l.id = rs.lease_id`)
		const steps = all<{
			leaseId: number
			fromMonth: number
			toMonth: number | null
			kind: 'percent' | 'fixed'
			percentBasisPoints: number | null
			amountCents: number | null
		}>(sql`
			SELECT lease_id AS leaseId, from_month AS fromMonth, to_month AS toMonth, kind,
				percent_basis_points AS percentBasisPoints, amount_cents AS amountCents
			FROM lease_subsidy_steps`)
		expect(statements.length).toBeGreaterThan(100)
		for (const s of statements) {
			expect(s.subsidyCents + s.startupShareCents).toBe(s.rentCents)
			const expected = computeStatement({
				monthlyRentCents: s.monthlyRentCents,
				leaseStartDate: s.startDate,
				leaseEndDate: s.endDate,
				month: s.month,
				steps: steps.filter((step) => step.leaseId === s.leaseId),
			})
			expect(expected).toMatchObject({
				rentCents: s.rentCents,
				subsidyCents: s.subsidyCents,
				startupShareCents: s.startupShareCents,
			})
		}
		// a lease that started on the 16th of a 30-day month pays half its first month
		const halfMonth = all<{ rentCents: number; monthlyRentCents: number }>(sql`
			SELECT rs.rent_cents AS rentCents, l.monthly_rent_cents AS monthlyRentCents
			FROM rent_statements rs JOIN leases l ON l.id = rs.lease_id
			WHERE substr(l.start_date, 9, 2) = '16' AND rs.month = substr(l.start_date, 1, 7)`)
		expect(halfMonth).toHaveLength(1)
		expect(halfMonth[0]!.rentCents * 2).toBe(halfMonth[0]!.monthlyRentCents)
		// the founder's lease has passed month 12: Cap Calaisis now pays 30 %, not 50 %
		const fret = all<{ month: string; rentCents: number; subsidyCents: number }>(sql`
			SELECT rs.month, rs.rent_cents AS rentCents, rs.subsidy_cents AS subsidyCents
			FROM rent_statements rs JOIN leases l ON l.id = rs.lease_id
			JOIN startups s ON s.id = l.startup_id WHERE s.name = 'Fretmanche' ORDER BY rs.month`)
		expect(fret.length).toBeGreaterThanOrEqual(13)
		expect(fret[11]!.subsidyCents * 2).toBe(fret[11]!.rentCents)
		expect(fret[12]!.subsidyCents).toBe(roundHalfUpDiv(fret[12]!.rentCents * 3, 10))
	})

	test('one statement per lease and month, from the lease start to this month or its end', () => {
		const leases = all<{
			startDate: string
			endDate: string | null
			n: number
			first: string
			last: string
		}>(
			sql`SELECT l.start_date AS startDate, l.end_date AS endDate, count(rs.id) AS n,
				min(rs.month) AS first, max(rs.month) AS last
			FROM leases l LEFT JOIN rent_statements rs ON rs.lease_id = l.id GROUP BY l.id`,
		)
		for (const l of leases) {
			const lastDay = l.endDate && l.endDate < today ? l.endDate : today
			const expectedLast = lastDay.slice(0, 7)
			const months =
				(Number(expectedLast.slice(0, 4)) - Number(l.startDate.slice(0, 4))) * 12 +
				Number(expectedLast.slice(5, 7)) -
				Number(l.startDate.slice(5, 7)) +
				1
			expect(l).toMatchObject({ first: l.startDate.slice(0, 7), last: expectedLast, n: months })
		}
	})

	test('payments never exceed what each payer owes, and a little arrears remains', () => {
		const shares = all<{
			startup: string
			dueOn: string
			payer: 'startup' | 'cap_calaisis'
			due: number
			paid: number
		}>(sql`
			SELECT s.name AS startup, rs.due_on AS dueOn, p.payer, p.due,
				coalesce((SELECT sum(amount_cents) FROM payments
					WHERE statement_id = rs.id AND payer = p.payer), 0) AS paid
			FROM rent_statements rs
			JOIN leases l ON l.id = rs.lease_id
			JOIN startups s ON s.id = l.startup_id
			JOIN (SELECT 'startup' AS payer, id, startup_share_cents AS due FROM rent_statements
				UNION ALL SELECT 'cap_calaisis', id, subsidy_cents FROM rent_statements) p ON p.id = rs.id`)
		for (const s of shares) expect(s.paid).toBeLessThanOrEqual(s.due)
		// both payers pay most statements
		const paidShares = shares.filter((s) => s.due > 0 && s.paid === s.due)
		expect(paidShares.filter((s) => s.payer === 'startup').length).toBeGreaterThan(200)
		expect(paidShares.filter((s) => s.payer === 'cap_calaisis').length).toBeGreaterThan(200)
		// arrears: due before today and not fully paid
		const arrears = shares.filter((s) => s.dueOn < today && s.paid < s.due)
		const owing = [...new Set(arrears.map((s) => s.startup))].sort()
		expect(owing).toEqual(['Blue Strait Robotics', 'Opale Fibre Lab', 'Tunnel Vision AR'])
		expect(arrears.every((s) => s.payer === 'startup')).toBe(true)
		expect(arrears.length).toBeLessThanOrEqual(5)
		// a payment is never recorded in the future
		const future = all(sql`SELECT id FROM payments WHERE paid_on > ${today}`)
		expect(future).toEqual([])
	})

	test('Cap Calaisis votes a subsidy budget for every year it pays rent, since 2013', () => {
		const budgets = all<{ year: number; amountCents: number }>(sql`
			SELECT year, amount_cents AS amountCents FROM subsidy_budgets ORDER BY year`)
		const years = all<{ year: number }>(sql`
			SELECT DISTINCT CAST(substr(month, 1, 4) AS INTEGER) AS year FROM rent_statements
			WHERE subsidy_cents > 0 ORDER BY year`)
		expect(budgets.map((b) => b.year)).toEqual(years.map((y) => y.year))
		expect(budgets[0]!.year).toBe(2013)
		expect(budgets.at(-1)!.year).toBe(now.getFullYear())
		expect(budgets.every((b) => b.amountCents > 0 && b.amountCents % 100_000 === 0)).toBe(true)
	})

	test('an innovation-fund grant triggered a chain of funding at least three levels deep', () => {
		const chains = all<{ depth: number; secured: number }>(sql`
			WITH RECURSIVE chain(root, id, depth, amount) AS (
				SELECT id, id, 0, 0 FROM funding_events
				WHERE kind = 'innovation_fund_grant' AND is_public = 1
					AND source = 'Cap Calaisis — fonds d''appui à l''innovation'
				UNION ALL
				SELECT chain.root, fe.id, chain.depth + 1, fe.amount_cents
				FROM funding_events fe JOIN chain ON fe.triggered_by_id = chain.id
			)
			SELECT max(depth) AS depth, sum(amount) AS secured FROM chain GROUP BY root
			ORDER BY depth DESC`)
		expect(chains[0]!.depth).toBeGreaterThanOrEqual(3)
		expect(chains.filter((c) => c.depth >= 2).length).toBeGreaterThanOrEqual(3)
	})

	test('funding step dates follow each status, and nothing happened in the future', () => {
		const events = all<{
			status: string
			plannedOn: string | null
			appliedOn: string | null
			securedOn: string | null
			receivedOn: string | null
			declinedOn: string | null
		}>(sql`
			SELECT status, planned_on AS plannedOn, applied_on AS appliedOn, secured_on AS securedOn,
				received_on AS receivedOn, declined_on AS declinedOn FROM funding_events`)
		const statuses = new Set(events.map((e) => e.status))
		expect([...statuses].sort()).toEqual(['applied', 'declined', 'planned', 'received', 'secured'])
		for (const e of events) {
			const steps = {
				planned: [e.plannedOn],
				applied: [e.plannedOn, e.appliedOn],
				secured: [e.plannedOn, e.appliedOn, e.securedOn],
				received: [e.plannedOn, e.appliedOn, e.securedOn, e.receivedOn],
				declined: [e.plannedOn, e.appliedOn, e.declinedOn],
			}[e.status]!
			expect(steps.every((date) => date !== null && date <= today)).toBe(true)
			expect([...steps].sort()).toEqual(steps)
			const set = [e.plannedOn, e.appliedOn, e.securedOn, e.receivedOn, e.declinedOn]
			expect(set.filter((x) => x !== null)).toHaveLength(steps.length)
		}
	})

	test('every sterling amount has an exchange rate on or before its date', () => {
		const gbp = all<{ date: string; rate: number | null }>(sql`
			SELECT coalesce(fe.secured_on, fe.applied_on, fe.planned_on) AS date,
				(SELECT rate_micros FROM exchange_rates er
					WHERE er.from_currency = 'GBP' AND er.to_currency = 'EUR'
						AND er.date <= coalesce(fe.secured_on, fe.applied_on, fe.planned_on)
					ORDER BY er.date DESC LIMIT 1) AS rate
			FROM funding_events fe WHERE fe.currency = 'GBP'
			UNION ALL
			SELECT i.status_on, (SELECT rate_micros FROM exchange_rates er
				WHERE er.from_currency = 'GBP' AND er.date <= i.status_on ORDER BY er.date DESC LIMIT 1)
			FROM introductions i WHERE i.deal_currency = 'GBP'`)
		expect(gbp.length).toBeGreaterThanOrEqual(5)
		for (const g of gbp) {
			expect(g.rate).toBeGreaterThanOrEqual(1_130_000)
			expect(g.rate).toBeLessThanOrEqual(1_200_000)
		}
	})

	test('mentoring sessions lie within their assignment and never in the future', () => {
		const outside = all(sql`
			SELECT ms.id FROM mentoring_sessions ms JOIN mentor_assignments a ON a.id = ms.assignment_id
			WHERE ms.date > ${today} OR ms.date < a.start_date
				OR (a.end_date IS NOT NULL AND ms.date > a.end_date)
				OR ms.minutes <= 0 OR ms.minutes >= 720`)
		expect(outside).toEqual([])
		const organisations = all<{ organisation: string }>(sql`
			SELECT DISTINCT organisation FROM mentors`).map((m) => m.organisation)
		for (const supporter of ['Vivendi', 'SNCF Développement', "CCI Côte d'Opale", 'Cap Calaisis']) {
			expect(organisations).toContain(supporter)
		}
		expect(organisations.some((o) => o.startsWith('ULCO'))).toBe(true)
	})

	test('milestones and KPI reports show what a manager should chase', () => {
		const overdue = all(sql`
			SELECT id FROM milestones WHERE status IN ('planned', 'in_progress') AND due_on < ${today}`)
		expect(overdue.length).toBeGreaterThanOrEqual(2)
		const ukDone = all(sql`
			SELECT id FROM milestones WHERE kind = 'uk_market_entry' AND status = 'done'
				AND done_on <= ${today}`)
		expect(ukDone.length).toBeGreaterThanOrEqual(1)

		// reports are due two weeks after a quarter ends: every startup incubated at the end of
		// the latest such quarter has sent it, except Blue Strait Robotics
		let quarter = { year: now.getFullYear(), q: Math.floor(now.getMonth() / 3) + 1 }
		const endOf = ({ year, q }: typeof quarter) => isoDate(new Date(year, q * 3, 0))
		const dueOf = ({ year, q }: typeof quarter) => isoDate(new Date(year, q * 3, 14))
		while (dueOf(quarter) > today) {
			quarter =
				quarter.q === 1 ? { year: quarter.year - 1, q: 4 } : { ...quarter, q: quarter.q - 1 }
		}
		const latest = all<{ name: string; reported: number }>(sql`
			SELECT s.name, EXISTS (SELECT 1 FROM kpi_reports k WHERE k.startup_id = s.id
				AND k.quarter = ${`${quarter.year}-Q${quarter.q}`}) AS reported
			FROM startups s WHERE s.status = 'incubated' AND s.entered_on <= ${endOf(quarter)}`)
		expect(latest.filter((s) => !s.reported).map((s) => s.name)).toEqual(['Blue Strait Robotics'])
		expect(latest.length).toBeGreaterThanOrEqual(2)
		expect(all(sql`SELECT id FROM kpi_reports WHERE submitted_on > ${today}`)).toEqual([])
	})

	test('contacts on both sides of the Channel, held lawfully', () => {
		const contacts = all<{
			country: string
			lawfulBasis: string
			consentOn: string | null
			consentSource: string | null
			optedOutOn: string | null
			lastContactOn: string
		}>(sql`
			SELECT country, lawful_basis AS lawfulBasis, consent_on AS consentOn,
				consent_source AS consentSource, opted_out_on AS optedOutOn,
				last_contact_on AS lastContactOn
			FROM contacts`)
		expect(new Set(contacts.map((c) => c.country))).toEqual(new Set(['FR', 'GB']))
		const consent = contacts.filter((c) => c.lawfulBasis === 'consent')
		expect(consent.length).toBeGreaterThanOrEqual(1)
		expect(consent.every((c) => c.consentOn && c.consentSource)).toBe(true)
		expect(contacts.filter((c) => c.optedOutOn !== null)).toHaveLength(1)
		const threeYearsAgo = `${now.getFullYear() - 3}${today.slice(4)}`
		expect(contacts.filter((c) => c.lastContactOn < threeYearsAgo)).toHaveLength(1)

		// last contact is the latest interaction, and interactions mention startups
		const mismatch = all(sql`
			SELECT c.id FROM contacts c
			WHERE c.last_contact_on IS NOT (SELECT max(date) FROM interactions WHERE contact_id = c.id)`)
		expect(mismatch).toEqual([])
		expect(all(sql`SELECT 1 FROM interaction_startups`).length).toBeGreaterThanOrEqual(5)

		const statuses = all<{ status: string; dealValueCents: number | null }>(sql`
			SELECT status, deal_value_cents AS dealValueCents FROM introductions`)
		expect(new Set(statuses.map((s) => s.status))).toEqual(
			new Set(['proposed', 'made', 'meeting_held', 'deal', 'no_fit']),
		)
		expect(statuses.filter((s) => s.status === 'deal').every((s) => s.dealValueCents! > 0)).toBe(
			true,
		)
	})

	test('the database has no dangling reference', () => {
		expect(getDb().all(sql`PRAGMA foreign_key_check`)).toEqual([])
	})
})
