import { and, asc, count, desc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import {
	mentorAssignments,
	mentoringSessions,
	mentors,
	milestones,
	startups,
} from '#db/schema/index'
import type { AssignMentorInput, LogSessionInput, SessionInput } from '~/schemas/mentor'
import {
	addMonths,
	firstDayOf,
	lastDayOf,
	monthOf,
	monthRange,
	quarterEnd,
	quarterOf,
	quarterStart,
} from '~/utils/calendar'
import { today } from '~/utils/clock'
import { cachedRead } from '~/utils/read-cache.server'
import { getDb, writeTransaction } from '~/utils/db.server'
import { pageOf } from '~/utils/list-params'
import {
	type FieldErrors,
	refused,
	refusedFields,
	type WriteResult,
	written,
} from '~/utils/write-result'
import { linkedMentor, rowsOf } from '~/utils/access.server'
import { can, type Grant } from '~/utils/permissions'
import { diffFields, recordAudit } from './audit.server'
import { type MentorCandidate, parseTags, suggestMentors } from './matching'
import type { Viewer } from './viewer'

/*
 * Assignments, sessions and hours. Scoping happens here, not only in the routes: a manager
 * reads everything, a mentor only their own assignments and sessions, anyone else nothing.
 */

const mayManage = (viewer: Viewer) => can(viewer, 'update:assignment:any')
/** The rows of mentor_assignments (and their sessions) the viewer holds `grant` on. */
const assignmentRows = (viewer: Viewer, grant: Grant) =>
	rowsOf(viewer, grant, { mentorId: mentorAssignments.mentorId })

// ---------------------------------------------------------------- periods

/** The month and quarter a date falls in, with their first and last days. */
export function periodOf(date: string) {
	const month = monthOf(date)
	const quarter = quarterOf(date)
	return {
		month,
		monthStart: firstDayOf(month),
		monthEnd: lastDayOf(month),
		quarter,
		quarterStart: quarterStart(quarter),
		quarterEnd: quarterEnd(quarter),
	}
}

/** The first day of the month eleven months before `date`'s: a rolling year of months. */
export function yearBefore(date: string) {
	return firstDayOf(addMonths(monthOf(date), -11))
}

/** Not ended on `asOf`: no end date, or an end date today or later. */
const notEndedOn = (asOf: string) =>
	or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, asOf))

/** Running on `asOf`: started, and not ended. */
export const runningOn = (asOf: string) =>
	and(lte(mentorAssignments.startDate, asOf), notEndedOn(asOf))

// ---------------------------------------------------------------- hours, in SQL

type HoursScope = {
	viewer: Viewer
	from: string
	to: string
	mentorId?: number
	startupId?: number
}

/** The sessions a viewer may count: a manager all of them, a mentor their own, anyone else none. */
function sessionScope({ viewer, from, to, mentorId, startupId }: HoursScope): SQL | undefined {
	return and(
		assignmentRows(viewer, 'read:session'),
		gte(mentoringSessions.date, from),
		lte(mentoringSessions.date, to),
		mentorId ? eq(mentorAssignments.mentorId, mentorId) : undefined,
		startupId ? eq(mentorAssignments.startupId, startupId) : undefined,
	)
}

const totals = {
	sessions: sql<number>`count(${mentoringSessions.id})`.mapWith(Number),
	minutes: sql<number>`coalesce(sum(${mentoringSessions.minutes}), 0)`.mapWith(Number),
}

function sessionsFrom() {
	return getDb()
		.select({ ...totals })
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
}

export function hoursTotal(scope: HoursScope) {
	const row = sessionsFrom().where(sessionScope(scope)).get()
	return { sessions: row?.sessions ?? 0, minutes: row?.minutes ?? 0 }
}

/** Minutes given by each mentor in the period, most first. */
export function hoursByMentor(scope: HoursScope) {
	return getDb()
		.select({
			mentorId: mentors.id,
			name: mentors.name,
			organisation: mentors.organisation,
			active: mentors.active,
			...totals,
		})
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.where(sessionScope(scope))
		.groupBy(mentors.id)
		.orderBy(desc(totals.minutes), asc(mentors.sortKey))
		.all()
}

/** Minutes each startup received in the period, most first. */
export function hoursByStartup(scope: HoursScope) {
	return getDb()
		.select({ startupId: startups.id, name: startups.name, ...totals })
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.innerJoin(startups, eq(startups.id, mentorAssignments.startupId))
		.where(sessionScope(scope))
		.groupBy(startups.id)
		.orderBy(desc(totals.minutes), asc(startups.sortKey))
		.all()
}

/** Every month of the period, with the minutes given in it (zero when none). */
export function hoursByMonth(scope: HoursScope) {
	const month = sql<string>`substr(${mentoringSessions.date}, 1, 7)`
	const rows = getDb()
		.select({ month, ...totals })
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.where(sessionScope(scope))
		.groupBy(month)
		.all()
	const byMonth = new Map(rows.map((r) => [r.month, r]))
	return monthRange(monthOf(scope.from), monthOf(scope.to)).map(
		(m) => byMonth.get(m) ?? { month: m, sessions: 0, minutes: 0 },
	)
}

/** The years that have sessions, newest first, for the hours page's year picker. */
export function listSessionYears(viewer: Viewer) {
	if (!can(viewer, 'read:session:any')) return []
	const year = sql<string>`substr(${mentoringSessions.date}, 1, 4)`
	return getDb()
		.selectDistinct({ year })
		.from(mentoringSessions)
		.orderBy(desc(year))
		.all()
		.map((r) => Number(r.year))
}

/**
 * Running assignments whose last session — or start, when there is none yet — is more than
 * `days` days before `asOf`: the startups nobody has met for a while.
 */
export function listForgottenAssignments({
	viewer,
	asOf = today(),
	days = 60,
}: {
	viewer: Viewer
	asOf?: string
	days?: number
}) {
	if (!can(viewer, 'read:assignment:any')) return []
	// the same list for every manager: kept until the next write (decision 0031)
	return cachedRead(`forgotten-assignments:${asOf}:${days}`, () => forgottenAssignments(asOf, days))
}

function forgottenAssignments(asOf: string, days: number) {
	const lastSession = sql<string | null>`max(${mentoringSessions.date})`
	const since = sql<string>`coalesce(max(${mentoringSessions.date}), ${mentorAssignments.startDate})`
	return getDb()
		.select({
			assignmentId: mentorAssignments.id,
			focus: mentorAssignments.focus,
			startDate: mentorAssignments.startDate,
			mentorId: mentors.id,
			mentorName: mentors.name,
			startupId: startups.id,
			startupName: startups.name,
			lastSessionOn: lastSession,
			daysSince: sql<number>`CAST(julianday(${asOf}) - julianday(${since}) AS INTEGER)`.mapWith(
				Number,
			),
		})
		.from(mentorAssignments)
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.innerJoin(startups, eq(startups.id, mentorAssignments.startupId))
		.leftJoin(mentoringSessions, eq(mentoringSessions.assignmentId, mentorAssignments.id))
		.where(runningOn(asOf))
		.groupBy(mentorAssignments.id)
		.having(sql`${since} < date(${asOf}, ${`-${days} days`})`)
		.orderBy(asc(since), asc(mentors.sortKey))
		.all()
}

// ---------------------------------------------------------------- assignments

const assignmentColumns = {
	id: mentorAssignments.id,
	mentorId: mentorAssignments.mentorId,
	startupId: mentorAssignments.startupId,
	focus: mentorAssignments.focus,
	startDate: mentorAssignments.startDate,
	endDate: mentorAssignments.endDate,
}

/** Assignments with their sessions counted: of a startup, of a mentor, or the viewer's own. */
export function listAssignments({
	viewer,
	startupId,
	mentorId,
}: {
	viewer: Viewer
	startupId?: number
	mentorId?: number
}) {
	return getDb()
		.select({
			...assignmentColumns,
			mentorName: mentors.name,
			mentorOrganisation: mentors.organisation,
			mentorActive: mentors.active,
			startupName: startups.name,
			startupStage: startups.stage,
			...totals,
			lastSessionOn: sql<string | null>`max(${mentoringSessions.date})`,
		})
		.from(mentorAssignments)
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.innerJoin(startups, eq(startups.id, mentorAssignments.startupId))
		.leftJoin(mentoringSessions, eq(mentoringSessions.assignmentId, mentorAssignments.id))
		.where(
			and(
				assignmentRows(viewer, 'read:assignment'),
				startupId ? eq(mentorAssignments.startupId, startupId) : undefined,
				mentorId ? eq(mentorAssignments.mentorId, mentorId) : undefined,
			),
		)
		.groupBy(mentorAssignments.id)
		.orderBy(
			// running ones first, then the most recent
			sql`${mentorAssignments.endDate} IS NOT NULL AND ${mentorAssignments.endDate} < ${today()}`,
			desc(mentorAssignments.startDate),
			asc(mentors.sortKey),
		)
		.all()
}

export type AssignmentRow = ReturnType<typeof listAssignments>[number]

/** Managers assign; null when the viewer may not or the startup does not exist. */
export function assignMentor({
	viewer,
	startupId,
	input,
}: {
	viewer: Viewer
	startupId: number
	input: Omit<AssignMentorInput, 'intent'>
}): WriteResult<{ id: number }> | null {
	if (!mayManage(viewer)) return null
	return writeTransaction((tx) => {
		const startup = tx
			.select({ name: startups.name })
			.from(startups)
			.where(eq(startups.id, startupId))
			.get()
		if (!startup) return null
		const mentor = tx
			.select({ name: mentors.name, active: mentors.active })
			.from(mentors)
			.where(eq(mentors.id, input.mentorId))
			.get()
		if (!mentor) return refused('mentorId', 'errors.unknownMentor')
		if (!mentor.active) return refused('mentorId', 'mentors:errors.mentorInactive')
		if (input.endDate && input.endDate < input.startDate) {
			return refused('endDate', 'mentors:errors.endBeforeStart')
		}
		// one mentor, one startup, one assignment at a time: periods may not overlap
		const clash = tx
			.select({ id: mentorAssignments.id })
			.from(mentorAssignments)
			.where(
				and(
					eq(mentorAssignments.mentorId, input.mentorId),
					eq(mentorAssignments.startupId, startupId),
					or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, input.startDate)),
					input.endDate ? lte(mentorAssignments.startDate, input.endDate) : undefined,
				),
			)
			.get()
		if (clash) return refused('mentorId', 'mentors:errors.alreadyAssigned')
		const assignment = tx
			.insert(mentorAssignments)
			.values({
				mentorId: input.mentorId,
				startupId,
				focus: input.focus,
				startDate: input.startDate,
				endDate: input.endDate ?? null,
			})
			.returning({ id: mentorAssignments.id })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'mentor_assignment',
			entityId: assignment.id,
			startupId,
			subject: {
				mentor: mentor.name,
				startup: startup.name,
				focus: input.focus,
				startDate: input.startDate,
			},
			changes: input.endDate ? { endDate: [null, input.endDate] } : undefined,
		})
		return written({ id: assignment.id })
	})
}

/**
 * Ends a running assignment of this startup on `endDate`. Its sessions must stay inside it,
 * so the end cannot come before the start or the last session. Null: not the viewer's to end.
 */
export function endAssignment({
	viewer,
	startupId,
	assignmentId,
	endDate,
}: {
	viewer: Viewer
	startupId: number
	assignmentId: number
	endDate: string
}): WriteResult<{ id: number }> | null {
	if (!mayManage(viewer)) return null
	return writeTransaction((tx) => {
		const assignment = tx
			.select({ ...assignmentColumns, mentorName: mentors.name })
			.from(mentorAssignments)
			.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
			.where(
				and(eq(mentorAssignments.id, assignmentId), eq(mentorAssignments.startupId, startupId)),
			)
			.get()
		if (!assignment) return null
		if (assignment.endDate && assignment.endDate < today()) {
			return refused('endDate', 'mentors:errors.assignmentEnded')
		}
		if (endDate < assignment.startDate) return refused('endDate', 'mentors:errors.endBeforeStart')
		const last = tx
			.select({ date: sql<string | null>`max(${mentoringSessions.date})` })
			.from(mentoringSessions)
			.where(eq(mentoringSessions.assignmentId, assignmentId))
			.get()?.date
		if (last && endDate < last) return refused('endDate', 'mentors:errors.endBeforeLastSession')
		tx.update(mentorAssignments)
			.set({ endDate })
			.where(eq(mentorAssignments.id, assignmentId))
			.run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'mentor_assignment',
			entityId: assignmentId,
			startupId,
			verb: 'end',
			subject: { mentor: assignment.mentorName },
			changes: { endDate: [assignment.endDate, endDate] },
		})
		return written({ id: assignmentId })
	})
}

// ---------------------------------------------------------------- suggestions

/** What the matching needs to know, read from the database; the ranking itself is pure. */
export function getMentorSuggestions({
	viewer,
	startupId,
	asOf = today(),
}: {
	viewer: Viewer
	startupId: number
	asOf?: string
}) {
	if (!mayManage(viewer)) return null
	const db = getDb()
	const startup = db
		.select({
			id: startups.id,
			name: startups.name,
			sector: startups.sector,
			stage: startups.stage,
			status: startups.status,
			ukFocus: startups.ukFocus,
		})
		.from(startups)
		.where(eq(startups.id, startupId))
		.get()
	if (!startup) return null
	const openMilestoneKinds = db
		.selectDistinct({ kind: milestones.kind })
		.from(milestones)
		.where(
			and(
				eq(milestones.startupId, startupId),
				sql`${milestones.status} IN ('planned', 'in_progress')`,
			),
		)
		.all()
		.map((m) => m.kind)
	const { monthStart, monthEnd } = periodOf(asOf)
	const monthMinutes = db
		.select({
			mentorId: mentorAssignments.mentorId,
			minutes: sql<number>`sum(${mentoringSessions.minutes})`.as('month_minutes'),
		})
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.where(and(gte(mentoringSessions.date, monthStart), lte(mentoringSessions.date, monthEnd)))
		.groupBy(mentorAssignments.mentorId)
		.as('month_minutes')
	const assignedHere = db
		.selectDistinct({ mentorId: mentorAssignments.mentorId })
		.from(mentorAssignments)
		.where(and(eq(mentorAssignments.startupId, startupId), notEndedOn(asOf)))
		.as('assigned_here')
	const candidates: MentorCandidate[] = db
		.select({
			id: mentors.id,
			name: mentors.name,
			organisation: mentors.organisation,
			expertise: mentors.expertise,
			languages: mentors.languages,
			capacityHoursPerMonth: mentors.capacityHoursPerMonth,
			active: mentors.active,
			minutesThisMonth: sql<number>`coalesce(${monthMinutes.minutes}, 0)`.mapWith(Number),
			alreadyAssigned: sql<boolean>`${assignedHere.mentorId} IS NOT NULL`.mapWith(Boolean),
		})
		.from(mentors)
		.leftJoin(monthMinutes, eq(monthMinutes.mentorId, mentors.id))
		.leftJoin(assignedHere, eq(assignedHere.mentorId, mentors.id))
		.where(eq(mentors.active, true))
		.orderBy(asc(mentors.sortKey))
		.all()
		.map((m) => ({ ...m, expertise: parseTags(m.expertise), languages: parseTags(m.languages) }))
	const needs = {
		sector: startup.sector,
		stage: startup.stage,
		ukFocus: startup.ukFocus,
		openMilestoneKinds,
	}
	return {
		startup,
		needs,
		...suggestMentors(needs, candidates),
		// the assign form offers every active mentor not already with this startup
		assignable: candidates
			.filter((m) => !m.alreadyAssigned)
			.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation })),
	}
}

// ---------------------------------------------------------------- sessions

type AssignmentDates = { startDate: string; endDate: string | null }

/** Where a session may lie: within its assignment, not after today, the assignment still on. */
export function sessionDateErrors(
	assignment: AssignmentDates,
	date: string,
	asOf: string,
): FieldErrors | null {
	if (assignment.endDate && assignment.endDate < asOf) {
		return { assignmentId: ['mentors:errors.assignmentEnded'] }
	}
	if (date > asOf) return { date: ['mentors:errors.futureDate'] }
	if (date < assignment.startDate) return { date: ['mentors:errors.beforeAssignment'] }
	if (assignment.endDate && date > assignment.endDate) {
		return { date: ['mentors:errors.afterAssignment'] }
	}
	return null
}

/** Audit rows reach the founder's timeline: a note's text never goes into them. */
/** What names a session in the activity history: its date, length and topic. */
function sessionSubject(input: SessionInput) {
	return { date: input.date, minutes: input.minutes, topic: input.topic }
}

/** A mentor logs a session on one of their own running assignments; null for anything else. */
export function logSession({
	viewer,
	input,
}: {
	viewer: Viewer
	input: LogSessionInput
}): WriteResult<{ id: number }> | null {
	return writeTransaction((tx) => {
		const assignment = tx
			.select(assignmentColumns)
			.from(mentorAssignments)
			.where(
				and(eq(mentorAssignments.id, input.assignmentId), assignmentRows(viewer, 'create:session')),
			)
			.get()
		if (!assignment) return null
		const errors = sessionDateErrors(assignment, input.date, today())
		if (errors) return refusedFields(errors)
		const session = tx
			.insert(mentoringSessions)
			.values({
				assignmentId: assignment.id,
				date: input.date,
				minutes: input.minutes,
				topic: input.topic,
				notes: input.notes ?? null,
				notesPrivate: input.notesPrivate,
				nextSteps: input.nextSteps ?? null,
			})
			.returning({ id: mentoringSessions.id })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'mentoring_session',
			entityId: session.id,
			startupId: assignment.startupId,
			subject: sessionSubject(input),
		})
		return written({ id: session.id })
	})
}

const sessionColumns = {
	id: mentoringSessions.id,
	assignmentId: mentoringSessions.assignmentId,
	date: mentoringSessions.date,
	minutes: mentoringSessions.minutes,
	topic: mentoringSessions.topic,
	notes: mentoringSessions.notes,
	notesPrivate: mentoringSessions.notesPrivate,
	nextSteps: mentoringSessions.nextSteps,
}

/** A mentor edits their own sessions, a manager any; everyone else gets null. */
const editableSession = (viewer: Viewer) => assignmentRows(viewer, 'update:session')

export function getSessionForEdit({ viewer, sessionId }: { viewer: Viewer; sessionId: number }) {
	const scope = editableSession(viewer)
	return (
		getDb()
			.select({
				...sessionColumns,
				startDate: mentorAssignments.startDate,
				endDate: mentorAssignments.endDate,
				focus: mentorAssignments.focus,
				mentorId: mentors.id,
				mentorName: mentors.name,
				startupId: startups.id,
				startupName: startups.name,
			})
			.from(mentoringSessions)
			.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
			.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
			.innerJoin(startups, eq(startups.id, mentorAssignments.startupId))
			.where(and(eq(mentoringSessions.id, sessionId), scope))
			.get() ?? null
	)
}

/**
 * Same rules as a new session: the assignment must still be on and the date inside it.
 * Null when the session is not the viewer's to edit.
 */
export function updateSession({
	viewer,
	sessionId,
	input,
}: {
	viewer: Viewer
	sessionId: number
	input: SessionInput
}): WriteResult<{ id: number; changed: boolean }> | null {
	const scope = editableSession(viewer)
	return writeTransaction((tx) => {
		const before = tx
			.select({
				...sessionColumns,
				startupId: mentorAssignments.startupId,
				startDate: mentorAssignments.startDate,
				endDate: mentorAssignments.endDate,
			})
			.from(mentoringSessions)
			.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
			.where(and(eq(mentoringSessions.id, sessionId), scope))
			.get()
		if (!before) return null
		// the assignment is not a field of the edit form: its problem is the whole form's
		const { assignmentId, ...errors } = sessionDateErrors(before, input.date, today()) ?? {}
		if (assignmentId) return { ok: false, fieldErrors: {}, formErrors: assignmentId }
		if (Object.keys(errors).length) return refusedFields(errors)
		const values = {
			date: input.date,
			minutes: input.minutes,
			topic: input.topic,
			notes: input.notes ?? null,
			notesPrivate: input.notesPrivate,
			nextSteps: input.nextSteps ?? null,
		}
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ id: sessionId, changed: false })
		tx.update(mentoringSessions).set(values).where(eq(mentoringSessions.id, sessionId)).run()
		// notes and next steps are kept by name only (audit.server.ts): the founder's timeline reads it
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'mentoring_session',
			entityId: sessionId,
			startupId: before.startupId,
			subject: sessionSubject(input),
			changes,
		})
		return written({ id: sessionId, changed: true })
	})
}

/** Sessions newest first, with the notes: a manager's (of a mentor) or a mentor's own. */
export function listSessions({
	viewer,
	mentorId,
	page = 1,
	perPage = 25,
}: {
	viewer: Viewer
	mentorId?: number
	page?: number
	perPage?: number
}) {
	const where = and(
		assignmentRows(viewer, 'read:session'),
		mentorId ? eq(mentorAssignments.mentorId, mentorId) : undefined,
	)
	const db = getDb()
	const total =
		db
			.select({ n: count() })
			.from(mentoringSessions)
			.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
			.where(where)
			.get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / perPage))
	const current = Math.min(Math.max(1, page), pageCount)
	const rows = db
		.select({
			...sessionColumns,
			startupId: startups.id,
			startupName: startups.name,
			mentorId: mentors.id,
			mentorName: mentors.name,
			// the mentor may still edit it while the assignment is on
			editable:
				sql<boolean>`${mentorAssignments.endDate} IS NULL OR ${mentorAssignments.endDate} >= ${today()}`.mapWith(
					Boolean,
				),
		})
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.innerJoin(startups, eq(startups.id, mentorAssignments.startupId))
		.where(where)
		.orderBy(desc(mentoringSessions.date), desc(mentoringSessions.id))
		.limit(perPage)
		.offset((current - 1) * perPage)
		.all()
	return pageOf(rows, total, current, perPage)
}

// ---------------------------------------------------------------- the mentor's own space

/** Everything on /mentoring, for the signed-in mentor only. */
export function getMentorSpace({
	viewer,
	page = 1,
	perPage = 25,
	asOf = today(),
}: {
	viewer: Viewer
	page?: number
	perPage?: number
	asOf?: string
}) {
	const own = linkedMentor(viewer, 'read:session')
	if (own === null) return null
	const mentor = getDb()
		.select({
			id: mentors.id,
			name: mentors.name,
			capacityHoursPerMonth: mentors.capacityHoursPerMonth,
			active: mentors.active,
		})
		.from(mentors)
		.where(eq(mentors.id, own))
		.get()
	if (!mentor) return null
	const period = periodOf(asOf)
	const assignments = listAssignments({ viewer })
	return {
		mentor,
		asOf,
		period,
		// the startups they may log a session for: running today
		running: assignments.filter(
			(a) => a.startDate <= asOf && (a.endDate === null || a.endDate >= asOf),
		),
		past: assignments.filter((a) => a.endDate !== null && a.endDate < asOf),
		month: hoursTotal({ viewer, from: period.monthStart, to: period.monthEnd }),
		quarter: hoursTotal({ viewer, from: period.quarterStart, to: period.quarterEnd }),
		byMonth: hoursByMonth({ viewer, from: yearBefore(asOf), to: period.monthEnd }),
		sessions: listSessions({ viewer, page, perPage }),
	}
}
