import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'
import { monthsOf, type ReportPeriod } from './period'
import { compareNames } from '~/utils/sort-key'

/** Mentoring: minutes given in the period, by month and by the mentors' organisation. */
export function getMentoringReport(period: ReportPeriod) {
	const cohort = period.cohortId ? sql`AND s.cohort_id = ${period.cohortId}` : sql``
	const rows = getDb().all<{
		month: string
		organisation: string
		minutes: number
		sessions: number
	}>(sql`
		WITH by_assignment AS (
			-- from mentoring_sessions_date_idx alone: the sessions are not read
			SELECT substr(ms.date, 1, 7) AS month, ms.assignment_id,
				sum(ms.minutes) AS minutes, count(*) AS sessions
			FROM mentoring_sessions ms
			WHERE ms.date BETWEEN ${period.from} AND ${period.to}
			GROUP BY month, ms.assignment_id
		)
		SELECT g.month, m.organisation, sum(g.minutes) AS minutes, sum(g.sessions) AS sessions
		FROM by_assignment g
		JOIN mentor_assignments a ON a.id = g.assignment_id
		JOIN mentors m ON m.id = a.mentor_id
		JOIN startups s ON s.id = a.startup_id
		WHERE 1 ${cohort}
		GROUP BY g.month, m.organisation`)
	const byMonth = monthsOf(period).map((month) => {
		const inMonth = rows.filter((r) => r.month === month)
		return {
			month,
			minutes: inMonth.reduce((sum, r) => sum + r.minutes, 0),
			sessions: inMonth.reduce((sum, r) => sum + r.sessions, 0),
		}
	})
	const organisations = new Map<string, { minutes: number; sessions: number }>()
	for (const r of rows) {
		const o = organisations.get(r.organisation) ?? { minutes: 0, sessions: 0 }
		organisations.set(r.organisation, {
			minutes: o.minutes + r.minutes,
			sessions: o.sessions + r.sessions,
		})
	}
	return {
		byMonth,
		byOrganisation: [...organisations]
			.map(([organisation, v]) => ({ organisation, ...v }))
			.sort((a, b) => b.minutes - a.minutes || compareNames(a.organisation, b.organisation)),
		totalMinutes: rows.reduce((sum, r) => sum + r.minutes, 0),
		totalSessions: rows.reduce((sum, r) => sum + r.sessions, 0),
	}
}
