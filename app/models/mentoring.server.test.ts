import { and, eq } from 'drizzle-orm'
import { auditLog, mentorAssignments, mentoringSessions } from '#db/schema/index'
import {
	createAssignment,
	createMentor,
	createMentoringSession,
	createMilestone,
	createStartup,
} from '#tests/factories'
import { viewerFor } from '#tests/factories-mentors'
import { addDays } from '~/utils/calendar'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import {
	assignMentor,
	endAssignment,
	getMentorSuggestions,
	hoursByMentor,
	hoursByMonth,
	hoursByStartup,
	hoursTotal,
	listForgottenAssignments,
	logSession,
	periodOf,
	updateSession,
	yearBefore,
} from './mentoring.server'
import { activityText } from '#tests/activity'

const sessionCount = () => getDb().select().from(mentoringSessions).all().length

test('periods: the month and quarter of a date, a rolling year of months', () => {
	expect(periodOf('2026-05-10')).toEqual({
		month: '2026-05',
		monthStart: '2026-05-01',
		monthEnd: '2026-05-31',
		quarter: '2026-Q2',
		quarterStart: '2026-04-01',
		quarterEnd: '2026-06-30',
	})
	expect(periodOf('2024-02-29').monthEnd).toBe('2024-02-29')
	expect(periodOf('2026-12-31').quarterStart).toBe('2026-10-01')
	expect(yearBefore('2026-05-10')).toBe('2025-06-01')
	expect(yearBefore('2026-12-01')).toBe('2026-01-01')
})

test('hours per mentor, per startup and per month add up in SQL, to the minute', () => {
	// other rows first, so that startup, mentor and assignment ids never coincide
	for (let i = 0; i < 3; i++) createStartup()
	createMentor()
	const manager = viewerFor('manager')
	const fret = createStartup({ name: 'Fretmanche' })
	const opale = createStartup({ name: 'Opale Fibre Lab' })
	const marc = createMentor({ name: 'Marc Vasseur' })
	const james = createMentor({ name: 'James Whitfield' })
	const marcFret = createAssignment({
		mentorId: marc.id,
		startupId: fret.id,
		startDate: '2025-01-01',
	})
	const marcOpale = createAssignment({
		mentorId: marc.id,
		startupId: opale.id,
		startDate: '2025-01-01',
	})
	const jamesFret = createAssignment({
		mentorId: james.id,
		startupId: fret.id,
		startDate: '2025-01-01',
		endDate: '2025-06-30',
	})
	const log = (assignmentId: number, date: string, minutes: number) =>
		createMentoringSession({ assignmentId, date, minutes })
	log(marcFret.id, '2025-03-03', 60)
	log(marcFret.id, '2025-03-28', 90)
	log(marcOpale.id, '2025-03-15', 45)
	log(marcOpale.id, '2025-05-02', 120)
	log(jamesFret.id, '2025-05-20', 75)
	log(jamesFret.id, '2025-06-30', 30)
	// outside the period
	log(marcFret.id, '2024-12-31', 600)
	log(marcFret.id, '2025-07-01', 600)

	const scope = { viewer: manager, from: '2025-01-01', to: '2025-06-30' }
	expect(hoursByMentor(scope)).toEqual([
		{
			mentorId: marc.id,
			name: 'Marc Vasseur',
			organisation: "CCI Côte d'Opale",
			active: true,
			sessions: 4,
			minutes: 315,
		},
		{
			mentorId: james.id,
			name: 'James Whitfield',
			organisation: "CCI Côte d'Opale",
			active: true,
			sessions: 2,
			minutes: 105,
		},
	])
	expect(hoursByStartup(scope)).toEqual([
		{ startupId: fret.id, name: 'Fretmanche', sessions: 4, minutes: 255 },
		{ startupId: opale.id, name: 'Opale Fibre Lab', sessions: 2, minutes: 165 },
	])
	expect(hoursByMonth(scope)).toEqual([
		{ month: '2025-01', sessions: 0, minutes: 0 },
		{ month: '2025-02', sessions: 0, minutes: 0 },
		{ month: '2025-03', sessions: 3, minutes: 195 },
		{ month: '2025-04', sessions: 0, minutes: 0 },
		{ month: '2025-05', sessions: 2, minutes: 195 },
		{ month: '2025-06', sessions: 1, minutes: 30 },
	])
	expect(hoursTotal(scope)).toEqual({ sessions: 6, minutes: 420 })
	// one mentor, one startup
	expect(hoursTotal({ ...scope, mentorId: marc.id, startupId: fret.id })).toEqual({
		sessions: 2,
		minutes: 150,
	})

	// a mentor counts only their own sessions, whatever they ask for; others count nothing
	const marcViewer = viewerFor('mentor', { mentorId: marc.id })
	expect(hoursByStartup({ ...scope, viewer: marcViewer }).map((r) => r.minutes)).toEqual([165, 150])
	expect(hoursTotal({ ...scope, viewer: marcViewer, mentorId: james.id })).toEqual({
		sessions: 0,
		minutes: 0,
	})
	expect(hoursByMentor({ ...scope, viewer: viewerFor('founder', { startupId: fret.id }) })).toEqual(
		[],
	)
	expect(hoursTotal({ ...scope, viewer: viewerFor('partner') })).toEqual({
		sessions: 0,
		minutes: 0,
	})
})

test('assignments with no session for more than 60 days are listed, oldest first', () => {
	const manager = viewerFor('manager')
	const asOf = '2026-06-30'
	const mentor = createMentor({ name: 'Thierry Dufour' })
	const at = (name: string, startDate: string, endDate: string | null = null) =>
		createAssignment({
			mentorId: mentor.id,
			startupId: createStartup({ name }).id,
			startDate,
			endDate,
		})
	const quiet = at('Quiet', '2026-01-05')
	createMentoringSession({ assignmentId: quiet.id, date: addDays(asOf, -61) })
	createMentoringSession({ assignmentId: quiet.id, date: '2026-02-01' })
	const recent = at('Recent', '2026-01-05')
	createMentoringSession({ assignmentId: recent.id, date: addDays(asOf, -60) })
	const never = at('Never met', '2026-03-01')
	at('Just started', addDays(asOf, -10))
	const ended = at('Ended', '2025-01-01', '2026-06-01')
	createMentoringSession({ assignmentId: ended.id, date: '2025-02-01' })
	at('Starts later', '2026-09-01')

	const forgotten = listForgottenAssignments({ viewer: manager, asOf }).filter(
		(a) => a.mentorId === mentor.id,
	)
	expect(forgotten.map((a) => [a.startupName, a.lastSessionOn, a.daysSince])).toEqual([
		['Never met', null, 121],
		['Quiet', addDays(asOf, -61), 61],
	])
	expect(forgotten[0]?.assignmentId).toBe(never.id)
	expect(
		listForgottenAssignments({ viewer: viewerFor('mentor', { mentorId: mentor.id }), asOf }),
	).toEqual([])
})

test('a session must lie within a running assignment of its own mentor, and never in the future', () => {
	const date = today()
	const startup = createStartup()
	const mentor = createMentor()
	const viewer = viewerFor('mentor', { mentorId: mentor.id })
	const running = createAssignment({
		mentorId: mentor.id,
		startupId: startup.id,
		startDate: addDays(date, -30),
	})
	const ended = createAssignment({
		mentorId: mentor.id,
		startupId: createStartup().id,
		startDate: addDays(date, -300),
		endDate: addDays(date, -100),
	})
	const input = {
		assignmentId: running.id,
		date,
		minutes: 60,
		topic: 'Pitch',
		notesPrivate: false,
	}
	const before = sessionCount()
	expect(logSession({ viewer, input: { ...input, date: addDays(date, 1) } })).toEqual({
		ok: false,
		fieldErrors: { date: ['mentors:errors.futureDate'] },
		formErrors: [],
	})
	expect(logSession({ viewer, input: { ...input, date: addDays(date, -31) } })).toEqual({
		ok: false,
		fieldErrors: { date: ['mentors:errors.beforeAssignment'] },
		formErrors: [],
	})
	expect(
		logSession({ viewer, input: { ...input, assignmentId: ended.id, date: addDays(date, -150) } }),
	).toEqual({
		ok: false,
		fieldErrors: { assignmentId: ['mentors:errors.assignmentEnded'] },
		formErrors: [],
	})
	// another mentor's assignment does not exist for this one
	const other = createAssignment({ startupId: startup.id })
	expect(logSession({ viewer, input: { ...input, assignmentId: other.id } })).toBeNull()
	// a manager does not log sessions in a mentor's name
	expect(logSession({ viewer: viewerFor('manager'), input })).toBeNull()
	expect(sessionCount()).toBe(before)

	const ok = logSession({ viewer, input: { ...input, notes: 'Secret plan', notesPrivate: true } })
	expect(ok?.ok).toBe(true)
	expect(sessionCount()).toBe(before + 1)
	const audit = getDb()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'mentoring_session'), eq(auditLog.userId, viewer.id)))
		.get()
	expect(audit).toMatchObject({ action: 'create', startupId: startup.id })
	// the founder's timeline reads audit rows: a note's text never goes into them
	expect(JSON.stringify(audit)).not.toContain('Secret plan')
})

test('a mentor edits their own sessions only; the notes and next steps stay out of the audit', () => {
	const date = today()
	const mine = createAssignment({ startDate: addDays(date, -40) })
	const viewer = viewerFor('mentor', { mentorId: mine.mentorId })
	const session = createMentoringSession({
		assignmentId: mine.id,
		date: addDays(date, -10),
		notes: 'Old',
	})
	const theirs = createMentoringSession({
		assignmentId: createAssignment({ startDate: addDays(date, -40) }).id,
	})
	const input = {
		date: addDays(date, -9),
		minutes: 90,
		topic: 'Customs',
		notes: 'New private thought',
		notesPrivate: true,
		nextSteps: 'Quietly replace the CTO',
	}
	expect(updateSession({ viewer, sessionId: theirs.id, input })).toBeNull()
	const result = updateSession({ viewer, sessionId: session.id, input })
	expect(result).toEqual({ ok: true, value: { id: session.id, changed: true } })
	const row = getDb()
		.select()
		.from(mentoringSessions)
		.where(eq(mentoringSessions.id, session.id))
		.get()
	expect(row).toMatchObject({ minutes: 90, notes: 'New private thought', notesPrivate: true })
	const audit = getDb()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'mentoring_session'), eq(auditLog.entityId, session.id)))
		.all()
	expect(audit).toHaveLength(1)
	expect(audit[0]?.startupId).toBe(mine.startupId)
	expect(JSON.stringify(audit)).not.toContain('private thought')
	expect(JSON.stringify(audit)).not.toContain('Old')
	expect(JSON.stringify(audit)).not.toContain('replace the CTO')
	expect(JSON.stringify(audit)).not.toContain(session.nextSteps)
	expect(activityText(audit[0])).toContain('next steps')
	// the same values again change nothing and write no audit row
	expect(updateSession({ viewer, sessionId: session.id, input })).toMatchObject({
		value: { changed: false },
	})
})

test('assigning: one running assignment per mentor and startup, active mentors only', () => {
	const manager = viewerFor('manager')
	const startup = createStartup()
	const mentor = createMentor({ name: 'Nadia Benali' })
	const input = { mentorId: mentor.id, focus: 'Research', startDate: '2026-01-01' }
	const first = assignMentor({ viewer: manager, startupId: startup.id, input })
	expect(first?.ok).toBe(true)
	expect(
		assignMentor({
			viewer: manager,
			startupId: startup.id,
			input: { ...input, startDate: '2027-01-01' },
		}),
	).toEqual({
		ok: false,
		fieldErrors: { mentorId: ['mentors:errors.alreadyAssigned'] },
		formErrors: [],
	})
	const retired = createMentor({ active: false })
	expect(
		assignMentor({
			viewer: manager,
			startupId: startup.id,
			input: { ...input, mentorId: retired.id },
		}),
	).toEqual({
		ok: false,
		fieldErrors: { mentorId: ['mentors:errors.mentorInactive'] },
		formErrors: [],
	})
	expect(assignMentor({ viewer: viewerFor('partner'), startupId: startup.id, input })).toBeNull()
	expect(
		getDb()
			.select()
			.from(mentorAssignments)
			.where(eq(mentorAssignments.startupId, startup.id))
			.all(),
	).toHaveLength(1)
	expect(
		getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'mentor_assignment'), eq(auditLog.startupId, startup.id)))
			.all(),
	).toHaveLength(1)
})

test('ending an assignment keeps its sessions inside it', () => {
	const manager = viewerFor('manager')
	const date = today()
	const a = createAssignment({ startDate: addDays(date, -90) })
	createMentoringSession({ assignmentId: a.id, date: addDays(date, -20) })
	const end = (endDate: string, startupId = a.startupId) =>
		endAssignment({ viewer: manager, startupId, assignmentId: a.id, endDate })
	expect(end(addDays(date, -21))).toEqual({
		ok: false,
		fieldErrors: { endDate: ['mentors:errors.endBeforeLastSession'] },
		formErrors: [],
	})
	expect(end(addDays(date, -91))).toEqual({
		ok: false,
		fieldErrors: { endDate: ['mentors:errors.endBeforeStart'] },
		formErrors: [],
	})
	// through another startup's page, the assignment is not there
	expect(end(date, createStartup().id)).toBeNull()
	expect(end(addDays(date, -1))).toEqual({ ok: true, value: { id: a.id } })
	expect(
		getDb().select().from(mentorAssignments).where(eq(mentorAssignments.id, a.id)).get()?.endDate,
	).toBe(addDays(date, -1))
	// once ended, it stays ended
	expect(end(date)).toEqual({
		ok: false,
		fieldErrors: { endDate: ['mentors:errors.assignmentEnded'] },
		formErrors: [],
	})
})

test('suggestions read the startup’s open milestones and each mentor’s time this month', () => {
	const manager = viewerFor('manager')
	const asOf = '2026-05-20'
	const startup = createStartup({
		sector: 'Logistique transmanche',
		stage: 'growth',
		ukFocus: true,
	})
	createMilestone({ startupId: startup.id, kind: 'legal', status: 'in_progress' })
	createMilestone({ startupId: startup.id, kind: 'product', status: 'done' })
	const lawyer = createMentor({
		name: 'James',
		expertise: 'uk-law,company-formation',
		languages: 'en,fr',
		capacityHoursPerMonth: 2,
	})
	const rail = createMentor({
		name: 'Marc',
		expertise: 'logistics,rail-freight',
		languages: 'fr,en',
	})
	const maker = createMentor({ name: 'Maker', expertise: 'hardware,fablab', languages: 'fr' })
	const gone = createMentor({ name: 'Gone', expertise: 'uk-law', active: false })
	// James gave 2 hours this month elsewhere: full; last month does not count
	const elsewhere = createAssignment({ mentorId: lawyer.id, startDate: '2026-01-01' })
	createMentoringSession({ assignmentId: elsewhere.id, date: '2026-05-02', minutes: 120 })
	createMentoringSession({ assignmentId: elsewhere.id, date: '2026-04-30', minutes: 300 })
	// Marc already mentors this startup
	createAssignment({ mentorId: rail.id, startupId: startup.id, startDate: '2026-01-01' })

	const found = getMentorSuggestions({ viewer: manager, startupId: startup.id, asOf })!
	// mentors made by the other tests of this file are candidates too: look at this test's only
	const mine = new Set([lawyer.id, rail.id, maker.id, gone.id])
	const match = {
		...found,
		suggestions: found.suggestions.filter((s) => mine.has(s.mentor.id)),
		atCapacity: found.atCapacity.filter((s) => mine.has(s.mentor.id)),
		assignable: found.assignable.filter((m) => mine.has(m.id)),
	}
	expect(match.needs).toEqual({
		sector: 'Logistique transmanche',
		stage: 'growth',
		ukFocus: true,
		openMilestoneKinds: ['legal'],
	})
	expect(match.suggestions).toEqual([])
	expect(match.atCapacity.map((s) => [s.mentor.name, s.spareMinutes, s.score])).toEqual([
		// legal milestone 2 × 3, UK focus 2 × 2, French and English
		['James', 0, 12],
	])
	expect(match.assignable.map((m) => m.name).sort()).toEqual(['James', 'Maker'])
	expect(
		getMentorSuggestions({
			viewer: viewerFor('founder', { startupId: startup.id }),
			startupId: startup.id,
		}),
	).toBeNull()
})
