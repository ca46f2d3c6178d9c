import { and, eq } from 'drizzle-orm'
import { auditLog } from '#db/schema/index'
import {
	createCohort,
	createExchangeRate,
	createFundingEvent,
	createKpiReport,
	createMilestone,
	createStartup,
	createUser,
} from '#tests/factories'
import { getDb } from '~/utils/db.server'
import {
	createCohort as saveCohort,
	getCohortProgress,
	listCohorts,
	updateCohort,
} from './cohort.server'
import { activityText } from '#tests/activity'

// 2026-05-10: the last finished quarter is 2026-Q1, ended 2026-03-31
const AS_OF = '2026-05-10'

const manager = () => createUser({ role: 'manager' })

function progressOf(cohortId: number) {
	const progress = getCohortProgress({ id: cohortId, viewer: manager(), asOf: AS_OF })
	if (!progress) throw new Error('no progress')
	const row = (name: string) => {
		const found = progress.startups.find((s) => s.name === name)
		if (!found) throw new Error(`no row for ${name}`)
		return found
	}
	return { progress, row }
}

test('milestones count as done, due or overdue on the day of the view', () => {
	const cohort = createCohort()
	// a few other rows first, so that milestone ids never happen to equal startup ids
	const elsewhere = createStartup({ name: 'Elsewhere' })
	for (let i = 0; i < 3; i++) createMilestone({ startupId: elsewhere.id, dueOn: '2026-01-01' })
	const late = createStartup({ name: 'Late Freight', cohortId: cohort.id })
	createKpiReport({ startupId: late.id, quarter: '2026-Q1' })
	createMilestone({ startupId: late.id, status: 'done', dueOn: '2026-02-01' })
	createMilestone({ startupId: late.id, status: 'done', dueOn: '2026-09-01', doneOn: '2026-04-01' })
	createMilestone({ startupId: late.id, status: 'planned', dueOn: '2026-06-30' })
	createMilestone({ startupId: late.id, status: 'in_progress', dueOn: AS_OF })
	createMilestone({ startupId: late.id, status: 'planned', dueOn: null })
	createMilestone({ startupId: late.id, status: 'planned', dueOn: '2026-04-01' })
	createMilestone({ startupId: late.id, status: 'in_progress', dueOn: '2026-01-15' })
	// a dropped milestone is never late
	createMilestone({ startupId: late.id, status: 'dropped', dueOn: '2026-02-01' })

	const { row } = progressOf(cohort.id)
	expect(row('Late Freight')).toMatchObject({
		milestonesDone: 2,
		// due today, due later, or not dated yet: still to do, not late
		milestonesDue: 3,
		milestonesOverdue: 2,
		needsAttention: true,
		hasOverdueMilestones: true,
		kpiReportMissing: false,
	})
})

test('funds secured are converted from GBP at the rate recorded for their date', () => {
	const cohort = createCohort()
	const sterling = createStartup({ name: 'Sterling Data', cohortId: cohort.id })
	createExchangeRate({ date: '2025-11-01', rateMicros: 1_150_000 })
	createExchangeRate({ date: '2026-01-15', rateMicros: 1_200_000 })
	// £10,000 secured on 2025-12-01: the 2025-11-01 rate, 1.15 → €11,500
	createFundingEvent({
		startupId: sterling.id,
		currency: 'GBP',
		amountCents: 1_000_000,
		status: 'secured',
		plannedOn: '2025-10-02',
		securedOn: '2025-12-01',
	})
	// €30,000 received counts too
	createFundingEvent({ startupId: sterling.id, amountCents: 3_000_000, status: 'received' })
	// planned, applied and declined money is not secured
	createFundingEvent({ startupId: sterling.id, amountCents: 900_000, status: 'planned' })
	createFundingEvent({ startupId: sterling.id, amountCents: 800_000, status: 'applied' })
	createFundingEvent({ startupId: sterling.id, amountCents: 700_000, status: 'declined' })
	// a pound amount from before any recorded rate cannot be converted: left out, and said so
	createFundingEvent({
		startupId: sterling.id,
		currency: 'GBP',
		amountCents: 500_000,
		status: 'received',
		plannedOn: '2019-01-01',
	})
	const other = createStartup({ name: 'Other Startup', cohortId: cohort.id })
	createFundingEvent({ startupId: other.id, amountCents: 250_000, status: 'received' })
	// money of a startup in another cohort stays out
	createFundingEvent({ amountCents: 99_900_000, status: 'received' })

	const { progress, row } = progressOf(cohort.id)
	expect(row('Sterling Data').fundsSecuredEurCents).toBe(1_150_000 + 3_000_000)
	expect(row('Sterling Data').fundsWithoutRate).toBe(1)
	expect(row('Other Startup').fundsSecuredEurCents).toBe(250_000)
	expect(progress.summary.fundsSecuredEurCents).toBe(1_150_000 + 3_000_000 + 250_000)
	expect(progress.summary.fundsWithoutRate).toBe(1)
})

test('jobs come from each startup’s latest KPI report, whatever order they were filed in', () => {
	const cohort = createCohort()
	const growing = createStartup({ name: 'Growing', cohortId: cohort.id })
	createKpiReport({ startupId: growing.id, quarter: '2026-Q1', employees: 4 })
	// filed later, about an earlier quarter
	createKpiReport({ startupId: growing.id, quarter: '2025-Q3', employees: 9 })
	createKpiReport({ startupId: growing.id, quarter: '2025-Q4', employees: 6 })
	const small = createStartup({ name: 'Small', cohortId: cohort.id })
	createKpiReport({ startupId: small.id, quarter: '2026-Q1', employees: 2 })
	createStartup({ name: 'Silent', cohortId: cohort.id })

	const { progress, row } = progressOf(cohort.id)
	expect(row('Growing')).toMatchObject({ jobs: 4, latestKpiQuarter: '2026-Q1' })
	expect(row('Small')).toMatchObject({ jobs: 2, latestKpiQuarter: '2026-Q1' })
	expect(row('Silent')).toMatchObject({ jobs: null, latestKpiQuarter: null })
	expect(progress.summary).toMatchObject({ startups: 3, jobs: 6 })
})

test('a startup in the programme with overdue milestones or no report for last quarter needs attention', () => {
	const cohort = createCohort()
	const fine = createStartup({ name: 'Fine', cohortId: cohort.id })
	createKpiReport({ startupId: fine.id, quarter: '2026-Q1' })
	createMilestone({ startupId: fine.id, dueOn: '2026-07-01' })
	const quiet = createStartup({ name: 'Quiet', cohortId: cohort.id })
	createKpiReport({ startupId: quiet.id, quarter: '2025-Q4', employees: 3 })
	const late = createStartup({ name: 'Late', cohortId: cohort.id })
	createKpiReport({ startupId: late.id, quarter: '2026-Q1' })
	createMilestone({ startupId: late.id, dueOn: '2026-03-01' })
	// entered after 2026-Q1 ended: no report is owed for it yet
	createStartup({ name: 'Newcomer', cohortId: cohort.id, enteredOn: '2026-04-15' })
	// graduates are no longer followed, even with old loose ends
	const alumni = createStartup({
		name: 'Alumni',
		cohortId: cohort.id,
		status: 'graduated',
		leftOn: '2026-01-31',
	})
	createMilestone({ startupId: alumni.id, dueOn: '2026-01-01' })

	const { progress, row } = progressOf(cohort.id)
	expect(row('Fine')).toMatchObject({ needsAttention: false })
	expect(row('Quiet')).toMatchObject({
		needsAttention: true,
		kpiReportMissing: true,
		hasOverdueMilestones: false,
	})
	expect(row('Late')).toMatchObject({
		needsAttention: true,
		kpiReportMissing: false,
		hasOverdueMilestones: true,
	})
	expect(row('Newcomer')).toMatchObject({ needsAttention: false, kpiReportMissing: false })
	expect(row('Alumni')).toMatchObject({ needsAttention: false, milestonesOverdue: 1 })
	// the ones to help come first
	expect(progress.startups.slice(0, 2).map((s) => s.name)).toEqual(['Late', 'Quiet'])
	expect(progress.summary.needingAttention).toBe(2)
	expect(progress.lastQuarter).toBe('2026-Q1')
})

test('only managers get anything from the cohort model', () => {
	const cohort = createCohort()
	createStartup({ cohortId: cohort.id })
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const viewer = createUser({ role })
		expect(listCohorts({ viewer })).toEqual([])
		expect(getCohortProgress({ id: cohort.id, viewer })).toBeNull()
		const input = {
			name: `By a ${role}`,
			programme: 'incubation' as const,
			startDate: '2026-01-01',
			endDate: '2026-12-31',
		}
		expect(saveCohort({ input, viewer })).toBeNull()
		expect(updateCohort({ id: cohort.id, input, viewer })).toBeNull()
	}
	expect(listCohorts({ viewer: manager() }).map((c) => c.id)).toContain(cohort.id)
})

test('the list counts startups by status, newest cohort first, and filters by programme', () => {
	const older = createCohort({ name: 'Zeta 2019', startDate: '2019-09-01', endDate: '2021-08-31' })
	const newer = createCohort({
		name: 'Alpha 2024',
		programme: 'acceleration',
		startDate: '2024-03-01',
		endDate: '2024-09-30',
	})
	const alumni = { cohortId: older.id, enteredOn: '2019-09-01' }
	createStartup({ ...alumni, status: 'graduated', leftOn: '2021-08-31' })
	createStartup({ ...alumni, status: 'graduated', leftOn: '2021-08-31' })
	createStartup({ ...alumni, status: 'left', leftOn: '2020-06-30' })
	createStartup({ cohortId: newer.id, status: 'incubated' })
	createStartup({ cohortId: newer.id, status: 'applicant' })
	const viewer = manager()

	const rows = listCohorts({ viewer })
	const ids = rows.map((r) => r.id)
	expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id))
	expect(rows.find((r) => r.id === older.id)).toMatchObject({
		incubated: 0,
		graduated: 2,
		left: 1,
		startups: 3,
	})
	expect(rows.find((r) => r.id === newer.id)).toMatchObject({
		incubated: 1,
		graduated: 0,
		left: 0,
		startups: 2,
	})
	const accel = listCohorts({ viewer, programme: 'acceleration' })
	expect(accel.map((r) => r.id)).toContain(newer.id)
	expect(accel.every((r) => r.programme === 'acceleration')).toBe(true)
	const byName = listCohorts({ viewer, sort: 'name', dir: 'asc' }).map((r) => r.id)
	expect(byName.indexOf(newer.id)).toBeLessThan(byName.indexOf(older.id))
	const byGraduates = listCohorts({ viewer, sort: 'graduated', dir: 'desc' })
	expect(byGraduates[0]?.id).toBe(older.id)
})

test('a cohort and its audit row are written together; an unchanged form writes nothing', () => {
	const viewer = manager()
	const input = {
		name: 'Promotion Audit',
		programme: 'incubation' as const,
		startDate: '2026-09-01',
		endDate: '2028-08-31',
	}
	const saved = saveCohort({ input, viewer })
	if (!saved) throw new Error('not created')
	const created = saved.value
	const trail = () =>
		getDb()
			.select({
				action: auditLog.action,
				entity: auditLog.entity,
				userId: auditLog.userId,
				detail: auditLog.detail,
			})
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'cohort'), eq(auditLog.entityId, created.id)))
			.all()
			.map(({ userId, ...row }) => ({ userId, line: activityText(row, 'fr') }))
	expect(trail()).toEqual([{ userId: viewer.id, line: 'a créé la promotion Promotion Audit' }])
	expect(updateCohort({ id: created.id, input, viewer })).toMatchObject({
		ok: true,
		value: { changed: false },
	})
	expect(trail()).toHaveLength(1)
	updateCohort({ id: created.id, input: { ...input, endDate: '2028-06-30' }, viewer })
	expect(trail()[1]).toEqual({
		userId: viewer.id,
		line: 'a modifié la promotion Promotion Audit — fin\u202f: 31 août 2028 → 30 juin 2028',
	})
	expect(updateCohort({ id: 999_999, input, viewer })).toBeNull()
})
