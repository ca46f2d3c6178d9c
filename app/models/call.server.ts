import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import {
	applicationReviews,
	applications,
	callCommittee,
	callCriteria,
	callQuestions,
	calls,
	cohorts,
	users,
} from '#db/schema/index'
import type { FormQuestion } from '~/schemas/application'
import {
	type CallInput,
	type ChoiceOption,
	type CriterionInput,
	parseOptions,
	type QuestionInput,
} from '~/schemas/call'
import { today } from '~/utils/clock'
import { getDb, type Tx, writeTransaction } from '~/utils/db.server'
import { can, rolesWith } from '~/utils/permissions'
import { diffFields, recordAudit } from './audit.server'
import type { Viewer } from './viewer'

/*
 * Calls for applications: managers prepare, publish and follow them; the public sees a published
 * call while it is open. The committee's side (who sits, conflicts, scores) is in jury.server.ts.
 */
const mayRead = (viewer: Viewer) => can(viewer, 'read:call:any')
const mayWrite = (viewer: Viewer) => can(viewer, 'update:call:any')

export type CallStatus = 'draft' | 'upcoming' | 'open' | 'closed'

/** Where a call stands on a Calais date: both its dates are included in the opening. */
export function callStatus(
	call: { published: boolean; opensOn: string; closesOn: string },
	date = today(),
): CallStatus {
	if (!call.published) return 'draft'
	if (date < call.opensOn) return 'upcoming'
	if (date > call.closesOn) return 'closed'
	return 'open'
}

const callColumns = {
	id: calls.id,
	cohortId: calls.cohortId,
	titleFr: calls.titleFr,
	titleEn: calls.titleEn,
	textFr: calls.textFr,
	textEn: calls.textEn,
	opensOn: calls.opensOn,
	closesOn: calls.closesOn,
	published: calls.published,
	lawfulBasis: calls.lawfulBasis,
	retentionMonths: calls.retentionMonths,
}

const submittedCount = sql<number>`count(CASE WHEN ${applications.status} <> 'draft' THEN 1 END)`
const draftCount = sql<number>`count(CASE WHEN ${applications.status} = 'draft' AND ${applications.erasedAt} IS NULL THEN 1 END)`
const decidedCount = sql<number>`count(CASE WHEN ${applications.status} IN ('accepted', 'waitlisted', 'rejected') THEN 1 END)`

/** Every call, newest first, with its applications counted. */
export function listCalls({ viewer }: { viewer: Viewer }) {
	if (!mayRead(viewer)) return []
	return getDb()
		.select({
			...callColumns,
			cohortName: cohorts.name,
			submitted: submittedCount,
			drafts: draftCount,
			decided: decidedCount,
		})
		.from(calls)
		.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
		.leftJoin(applications, eq(applications.callId, calls.id))
		.groupBy(calls.id)
		.orderBy(desc(calls.opensOn), desc(calls.id))
		.all()
		.map((c) => ({ ...c, status: callStatus(c) }))
}

function parseStoredOptions(options: string | null): ChoiceOption[] | null {
	if (!options) return null
	try {
		const parsed = JSON.parse(options) as unknown
		return Array.isArray(parsed) ? (parsed as ChoiceOption[]) : null
	} catch {
		return null
	}
}

/** A call's questions in order, as the form shows them. */
export function listCallQuestions(callId: number): FormQuestion[] {
	return getDb()
		.select({
			id: callQuestions.id,
			kind: callQuestions.kind,
			labelFr: callQuestions.labelFr,
			labelEn: callQuestions.labelEn,
			helpFr: callQuestions.helpFr,
			helpEn: callQuestions.helpEn,
			required: callQuestions.required,
			options: callQuestions.options,
		})
		.from(callQuestions)
		.where(eq(callQuestions.callId, callId))
		.orderBy(asc(callQuestions.position), asc(callQuestions.id))
		.all()
		.map((q) => ({ ...q, options: parseStoredOptions(q.options) }))
}

export function listCallCriteria(callId: number) {
	return getDb()
		.select({
			id: callCriteria.id,
			labelFr: callCriteria.labelFr,
			labelEn: callCriteria.labelEn,
			weight: callCriteria.weight,
		})
		.from(callCriteria)
		.where(eq(callCriteria.callId, callId))
		.orderBy(asc(callCriteria.position), asc(callCriteria.id))
		.all()
}

export type Criterion = ReturnType<typeof listCallCriteria>[number]

/** What may still change: questions until the first application, criteria until the first score. */
export function callLocks(callId: number) {
	const db = getDb()
	const anyApplication = db
		.select({ id: applications.id })
		.from(applications)
		.where(eq(applications.callId, callId))
		.limit(1)
		.get()
	const anyReview = db
		.select({ id: applicationReviews.id })
		.from(applicationReviews)
		.innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
		.where(eq(applications.callId, callId))
		.limit(1)
		.get()
	return { questions: Boolean(anyApplication), criteria: Boolean(anyReview) }
}

/** A call with its cohort, questions and criteria; null for anyone but a manager. */
export function getCall({ id, viewer }: { id: number; viewer: Viewer }) {
	if (!mayRead(viewer)) return null
	const call = getDb()
		.select({ ...callColumns, cohortName: cohorts.name, cohortStartDate: cohorts.startDate })
		.from(calls)
		.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
		.where(eq(calls.id, id))
		.get()
	if (!call) return null
	return {
		...call,
		status: callStatus(call),
		questions: listCallQuestions(id),
		criteria: listCallCriteria(id),
		locks: callLocks(id),
	}
}

export function listCohortChoices({ viewer }: { viewer: Viewer }) {
	if (!mayRead(viewer)) return []
	return getDb()
		.select({ id: cohorts.id, name: cohorts.name, startDate: cohorts.startDate })
		.from(cohorts)
		.orderBy(desc(cohorts.startDate))
		.all()
}

export function cohortExists(id: number) {
	return Boolean(getDb().select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, id)).get())
}

function questionValues(q: QuestionInput, callId: number, position: number) {
	return {
		callId,
		position,
		kind: q.kind,
		labelFr: q.labelFr,
		labelEn: q.labelEn,
		helpFr: q.helpFr ?? null,
		helpEn: q.helpEn ?? null,
		required: q.required,
		options: q.kind === 'choice' ? JSON.stringify(parseOptions(q.options)) : null,
	}
}

function criterionValues(c: CriterionInput, callId: number, position: number) {
	return { callId, position, labelFr: c.labelFr, labelEn: c.labelEn, weight: c.weight }
}

/**
 * Rows of a list (questions or criteria) made to match the form: given ids are updated in
 * place, missing ones deleted, new ones inserted. Ids of another call are treated as new.
 */
function syncList<Row extends { id?: number | null }>(
	tx: Tx,
	table: typeof callQuestions | typeof callCriteria,
	callId: number,
	input: Row[],
	valuesOf: (row: Row, callId: number, position: number) => typeof table.$inferInsert,
) {
	// one of two tables of the same shape: drizzle types each on its own, the columns are alike
	const list = table as typeof callQuestions
	const existing = new Set(
		tx
			.select({ id: list.id })
			.from(list)
			.where(eq(list.callId, callId))
			.all()
			.map((r) => r.id),
	)
	const kept = input.map((r) => r.id).filter((id): id is number => !!id && existing.has(id))
	tx.delete(list)
		.where(and(eq(list.callId, callId), kept.length ? notInArray(list.id, kept) : undefined))
		.run()
	input.forEach((row, position) => {
		const values = valuesOf(row, callId, position) as typeof callQuestions.$inferInsert
		if (row.id && existing.has(row.id)) {
			tx.update(list).set(values).where(eq(list.id, row.id)).run()
		} else {
			tx.insert(list).values(values).run()
		}
	})
}

/** The call's titles, for the activity history's line in either language. */
function callTitles(tx: Tx, callId: number) {
	const call = tx
		.select({ title: calls.titleFr, titleEn: calls.titleEn })
		.from(calls)
		.where(eq(calls.id, callId))
		.get()
	return call ?? {}
}

function callValues(input: CallInput) {
	return {
		cohortId: input.cohortId,
		titleFr: input.titleFr,
		titleEn: input.titleEn,
		textFr: input.textFr,
		textEn: input.textEn,
		opensOn: input.opensOn,
		closesOn: input.closesOn,
		published: input.published,
		retentionMonths: input.retentionMonths,
	}
}

/** A new call with its questions and criteria; the manager who creates it sits on its committee. */
export function createCall({ input, viewer }: { input: CallInput; viewer: Viewer }) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const call = tx
			.insert(calls)
			.values({ ...callValues(input), createdBy: viewer.id })
			.returning({ id: calls.id })
			.get()
		input.questions.forEach((q, i) =>
			tx
				.insert(callQuestions)
				.values(questionValues(q, call.id, i))
				.run(),
		)
		input.criteria.forEach((c, i) =>
			tx
				.insert(callCriteria)
				.values(criterionValues(c, call.id, i))
				.run(),
		)
		tx.insert(callCommittee).values({ callId: call.id, userId: viewer.id }).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'call',
			entityId: call.id,
			subject: { title: input.titleFr, titleEn: input.titleEn },
		})
		return call
	})
}

/**
 * Texts, dates and publication change at any time; questions only until the first application
 * (answers refer to them), criteria until the first score. Locked lists are left as they are.
 */
export function updateCall({
	id,
	input,
	viewer,
}: {
	id: number
	input: CallInput
	viewer: Viewer
}) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const before = tx.select(callColumns).from(calls).where(eq(calls.id, id)).get()
		if (!before) return null
		const locks = callLocks(id)
		const values = callValues(input)
		const changes = diffFields(before, values)
		tx.update(calls).set(values).where(eq(calls.id, id)).run()
		if (!locks.questions) syncList(tx, callQuestions, id, input.questions, questionValues)
		if (!locks.criteria) syncList(tx, callCriteria, id, input.criteria, criterionValues)
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'call',
			entityId: id,
			subject: { title: input.titleFr, titleEn: input.titleEn },
			changes,
		})
		return { id, locks }
	})
}

// ---------------------------------------------------------------- the committee (managed)

const ELIGIBLE_ROLES = rolesWith('score:application:committee')

/** The members with how far they are: reviews submitted, conflicts declared. */
export function listCommittee({ callId, viewer }: { callId: number; viewer: Viewer }) {
	if (!mayRead(viewer)) return []
	return getDb().all<{
		userId: number
		name: string
		role: 'manager' | 'mentor' | 'partner'
		organisation: string | null
		submitted: number
		conflicts: number
	}>(sql`
		SELECT u.id AS userId, u.name, u.role, u.organisation,
			(SELECT count(*) FROM application_reviews r JOIN applications a ON a.id = r.application_id
				WHERE r.user_id = u.id AND a.call_id = ${callId} AND r.submitted_at IS NOT NULL) AS submitted,
			(SELECT count(*) FROM committee_conflicts c JOIN applications a ON a.id = c.application_id
				WHERE c.user_id = u.id AND a.call_id = ${callId}) AS conflicts
		FROM call_committee m JOIN users u ON u.id = m.user_id
		WHERE m.call_id = ${callId}
		ORDER BY u.sort_key`)
}

/** Active managers, mentors and partner representatives not yet on the committee. */
export function listCommitteeCandidates({ callId, viewer }: { callId: number; viewer: Viewer }) {
	if (!mayWrite(viewer)) return []
	const members = getDb()
		.select({ userId: callCommittee.userId })
		.from(callCommittee)
		.where(eq(callCommittee.callId, callId))
		.all()
		.map((m) => m.userId)
	// people by their name as shown, as everywhere (decision 0035): the role follows the name
	return getDb()
		.select({ id: users.id, name: users.name, role: users.role, organisation: users.organisation })
		.from(users)
		.where(
			and(
				inArray(users.role, ELIGIBLE_ROLES),
				isNull(users.disabledAt),
				members.length ? notInArray(users.id, members) : undefined,
			),
		)
		.orderBy(asc(users.sortKey), asc(users.id))
		.all()
}

export type CommitteeResult = { ok: true } | { ok: false; error: string }

export function addCommitteeMember({
	callId,
	userId,
	viewer,
}: {
	callId: number
	userId: number
	viewer: Viewer
}): CommitteeResult {
	if (!mayWrite(viewer)) return { ok: false, error: 'forbidden' }
	return writeTransaction((tx): CommitteeResult => {
		const user = tx
			.select({ role: users.role, disabledAt: users.disabledAt, name: users.name })
			.from(users)
			.where(eq(users.id, userId))
			.get()
		// founders never judge their peers
		if (!user || user.disabledAt || !can({ role: user.role }, 'score:application:committee')) {
			return { ok: false, error: 'calls:errors.notEligible' }
		}
		const inserted = tx.insert(callCommittee).values({ callId, userId }).onConflictDoNothing().run()
		if (inserted.changes) {
			recordAudit(tx, {
				userId: viewer.id,
				action: 'update',
				entity: 'call',
				entityId: callId,
				verb: 'committee_add',
				subject: { ...callTitles(tx, callId), member: user.name },
			})
		}
		return { ok: true }
	})
}

/** A member who has submitted a score stays: removing them would rewrite the ranking. */
export function removeCommitteeMember({
	callId,
	userId,
	viewer,
}: {
	callId: number
	userId: number
	viewer: Viewer
}): CommitteeResult {
	if (!mayWrite(viewer)) return { ok: false, error: 'forbidden' }
	return writeTransaction((tx): CommitteeResult => {
		const scored = tx
			.select({ n: count() })
			.from(applicationReviews)
			.innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
			.where(
				and(
					eq(applicationReviews.userId, userId),
					eq(applications.callId, callId),
					sql`${applicationReviews.submittedAt} IS NOT NULL`,
				),
			)
			.get()
		if (scored && scored.n > 0) return { ok: false, error: 'calls:errors.memberHasScored' }
		const removed = tx
			.delete(callCommittee)
			.where(and(eq(callCommittee.callId, callId), eq(callCommittee.userId, userId)))
			.run()
		if (removed.changes) {
			recordAudit(tx, {
				userId: viewer.id,
				action: 'update',
				entity: 'call',
				entityId: callId,
				verb: 'committee_remove',
				subject: {
					...callTitles(tx, callId),
					member: tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()
						?.name,
				},
			})
		}
		return { ok: true }
	})
}

// ---------------------------------------------------------------- public

const publicColumns = {
	id: calls.id,
	titleFr: calls.titleFr,
	titleEn: calls.titleEn,
	textFr: calls.textFr,
	textEn: calls.textEn,
	opensOn: calls.opensOn,
	closesOn: calls.closesOn,
	published: calls.published,
	lawfulBasis: calls.lawfulBasis,
	retentionMonths: calls.retentionMonths,
	cohortName: cohorts.name,
}

/** Published calls open today: the public list. */
export function listOpenCalls(date = today()) {
	return getDb()
		.select(publicColumns)
		.from(calls)
		.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
		.where(
			and(
				eq(calls.published, true),
				sql`${calls.opensOn} <= ${date}`,
				sql`${calls.closesOn} >= ${date}`,
			),
		)
		.orderBy(asc(calls.closesOn))
		.all()
}

/** A published call for anyone (open, upcoming or closed: the page says which); null if unpublished. */
export function getPublicCall(id: number) {
	const call = getDb()
		.select(publicColumns)
		.from(calls)
		.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
		.where(and(eq(calls.id, id), eq(calls.published, true)))
		.get()
	if (!call) return null
	return { ...call, status: callStatus(call), questions: listCallQuestions(id) }
}

export type PublicCall = NonNullable<ReturnType<typeof getPublicCall>>
