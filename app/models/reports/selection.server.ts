import { sql } from 'drizzle-orm'
import { COUNTRIES } from '#db/schema/enums'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import type { ReportPeriod } from './period'

const DAY_MS = 24 * 60 * 60 * 1000

type Row = {
	callId: number
	titleFr: string
	titleEn: string
	status: string
	origin: string | null
	submittedAt: number
	decidedAt: number | null
}

type Counts = {
	submitted: number
	accepted: number
	waitlisted: number
	rejected: number
	pending: number
	/** accepted ÷ decided, in percent; null before any decision */
	acceptanceRate: number | null
}

function count(rows: Row[]): Counts {
	const n = (status: string) => rows.filter((r) => r.status === status).length
	const accepted = n('accepted')
	const decided = accepted + n('waitlisted') + n('rejected')
	return {
		submitted: rows.length,
		accepted,
		waitlisted: n('waitlisted'),
		rejected: n('rejected'),
		pending: n('submitted'),
		acceptanceRate: decided ? Math.round((accepted / decided) * 1000) / 10 : null,
	}
}

function median(values: number[]) {
	if (!values.length) return null
	const sorted = [...values].sort((a, b) => a - b)
	const mid = Math.floor(sorted.length / 2)
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Selection: the applications submitted in the period (a Calais date), per call and by origin
 * (France, the UK, elsewhere), how many were accepted of those decided, and the days from
 * submission to decision. Counts only: no applicant is ever named here.
 */
export function getSelectionReport(period: ReportPeriod) {
	const cohort = period.cohortId ? sql`AND c.cohort_id = ${period.cohortId}` : sql``
	const rows = getDb()
		.all<Row>(
			sql`
		SELECT c.id AS callId, c.title_fr AS titleFr, c.title_en AS titleEn, a.status, a.origin,
			a.submitted_at AS submittedAt, a.decided_at AS decidedAt
		FROM applications a JOIN calls c ON c.id = a.call_id
		WHERE a.status <> 'draft' AND a.submitted_at IS NOT NULL ${cohort}
		ORDER BY c.opens_on, c.id`,
		)
		.filter((r) => {
			const day = today(new Date(r.submittedAt))
			return day >= period.from && day <= period.to
		})
	const calls = new Map<number, { titleFr: string; titleEn: string; rows: Row[] }>()
	for (const r of rows) {
		const call = calls.get(r.callId) ?? { titleFr: r.titleFr, titleEn: r.titleEn, rows: [] }
		call.rows.push(r)
		calls.set(r.callId, call)
	}
	const days = rows
		.filter((r) => r.decidedAt !== null)
		.map((r) => Math.round(((r.decidedAt! - r.submittedAt) / DAY_MS) * 10) / 10)
	return {
		byCall: [...calls].map(([callId, c]) => ({
			callId,
			titleFr: c.titleFr,
			titleEn: c.titleEn,
			...count(c.rows),
		})),
		byOrigin: COUNTRIES.map((origin) => ({
			origin,
			...count(rows.filter((r) => (r.origin ?? 'other') === origin)),
		})),
		totals: count(rows),
		medianDaysToDecision: median(days),
		averageDaysToDecision: days.length
			? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
			: null,
	}
}
