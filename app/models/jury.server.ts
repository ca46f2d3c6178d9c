import { and, asc, eq, inArray, isNull, ne, notExists, type SQL, sql } from 'drizzle-orm'
import {
	applicationAnswers,
	applicationFiles,
	applicationFounders,
	applicationReviews,
	applications,
	callCommittee,
	calls,
	cohorts,
	committeeConflicts,
	reviewScores,
	users,
} from '#db/schema/index'
import { now } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { recordAudit } from './audit.server'
import { callStatus, type Criterion, listCallCriteria, listCallQuestions } from './call.server'
import type { Viewer } from './viewer'

/*
 * The jury, in one place. Sitting on a call's selection committee is a permission scoped per
 * call ('score:application:committee' in the permission map, for managers, mentors and partner
 * representatives): a member sees the calls they sit on and those calls' submitted
 * applications, nothing else of the CRM. A conflict of interest hides an application from the
 * member who declared it, everywhere (jury pages, manager pages, files, ranking): it is a 404.
 *
 * Managers follow every application of every call, except those they declared a conflict on.
 * A member sees the others' scores of an application only once they have submitted their own.
 */

type JuryViewer = Pick<Viewer, 'id' | 'role'>

const mayJudge = (viewer: JuryViewer) => can(viewer, 'score:application:committee')

/** The ids of the calls whose committee the viewer sits on. */
export function committeeCallIds(viewer: JuryViewer): number[] {
	if (!mayJudge(viewer)) return []
	return getDb()
		.select({ callId: callCommittee.callId })
		.from(callCommittee)
		.where(eq(callCommittee.userId, viewer.id))
		.all()
		.map((r) => r.callId)
}

export function sitsOnAnyCommittee(viewer: JuryViewer) {
	return committeeCallIds(viewer).length > 0
}

export function isCommitteeMember(viewer: JuryViewer, callId: number) {
	if (!mayJudge(viewer)) return false
	return Boolean(
		getDb()
			.select({ callId: callCommittee.callId })
			.from(callCommittee)
			.where(and(eq(callCommittee.callId, callId), eq(callCommittee.userId, viewer.id)))
			.get(),
	)
}

/** For loaders and actions: a call the viewer does not sit on does not exist for them. */
export function requireCommitteeMember(viewer: JuryViewer, callId: number) {
	if (!isCommitteeMember(viewer, callId)) throw notFound('call', callId)
}

/** "Not an application this viewer declared a conflict on." */
export function notConflicted(viewer: JuryViewer): SQL {
	return notExists(
		getDb()
			.select({ one: sql`1` })
			.from(committeeConflicts)
			.where(
				and(
					eq(committeeConflicts.applicationId, applications.id),
					eq(committeeConflicts.userId, viewer.id),
				),
			),
	)
}

/**
 * The applications of a call that a viewer may open: for a committee member the submitted
 * (and not erased) ones, for a manager all of them; never one they declared a conflict on.
 * Null when the viewer may open none.
 */
export function committeeScope(viewer: JuryViewer, callId: number): SQL | null {
	if (can(viewer, 'read:call:any')) {
		return and(eq(applications.callId, callId), notConflicted(viewer))!
	}
	if (!isCommitteeMember(viewer, callId)) return null
	return and(
		eq(applications.callId, callId),
		ne(applications.status, 'draft'),
		isNull(applications.erasedAt),
		notConflicted(viewer),
	)!
}

export function hasConflict(viewer: JuryViewer, applicationId: number) {
	return Boolean(
		getDb()
			.select({ id: committeeConflicts.applicationId })
			.from(committeeConflicts)
			.where(
				and(
					eq(committeeConflicts.applicationId, applicationId),
					eq(committeeConflicts.userId, viewer.id),
				),
			)
			.get(),
	)
}

/**
 * A partner representative judges the projects, but never receives a person's name from the
 * CRM (the partners' rule): fellow members show to them by role only. The applicants' team,
 * which the committee must judge, is the one exception, and only for the calls they sit on.
 */
function membersFor<T extends { name: string | null }>(viewer: JuryViewer, rows: T[]): T[] {
	return can(viewer, 'read:committee-names:committee')
		? rows
		: rows.map((r) => ({ ...r, name: null }))
}

function rankingFor(viewer: JuryViewer, rows: RankingRow[]): RankingRow[] {
	return rows.map((r) => ({ ...r, missing: membersFor(viewer, r.missing) }))
}

// ---------------------------------------------------------------- the member's calls

/** The calls the viewer sits on, with how far they are. */
export function listJuryCalls({ viewer }: { viewer: JuryViewer }) {
	const ids = committeeCallIds(viewer)
	if (!ids.length) return []
	return getDb()
		.all<{
			id: number
			titleFr: string
			titleEn: string
			opensOn: string
			closesOn: string
			published: number
			cohortName: string
			applications: number
			submitted: number
			conflicts: number
		}>(
			sql`
			SELECT c.id, c.title_fr AS titleFr, c.title_en AS titleEn, c.opens_on AS opensOn,
				c.closes_on AS closesOn, c.published, co.name AS cohortName,
				(SELECT count(*) FROM applications a WHERE a.call_id = c.id AND a.status <> 'draft'
					AND a.erased_at IS NULL) AS applications,
				(SELECT count(*) FROM application_reviews r JOIN applications a ON a.id = r.application_id
					WHERE a.call_id = c.id AND r.user_id = ${viewer.id} AND r.submitted_at IS NOT NULL
					AND a.erased_at IS NULL) AS submitted,
				(SELECT count(*) FROM committee_conflicts k JOIN applications a ON a.id = k.application_id
					WHERE a.call_id = c.id AND k.user_id = ${viewer.id} AND a.erased_at IS NULL) AS conflicts
			FROM calls c JOIN cohorts co ON co.id = c.cohort_id
			WHERE c.id IN (${sql.join(ids, sql`, `)})
			ORDER BY c.opens_on DESC, c.id DESC`,
		)
		.map((c) => ({ ...c, published: Boolean(c.published) }))
		.map((c) => ({ ...c, status: callStatus(c) }))
}

const SCORABLE = ['submitted', 'waitlisted'] as const

/** One call for a member: its applications (conflicts named, not opened) and their ranking. */
export function getJuryCall({ viewer, callId }: { viewer: JuryViewer; callId: number }) {
	if (!isCommitteeMember(viewer, callId)) return null
	const db = getDb()
	const call = db
		.select({
			id: calls.id,
			titleFr: calls.titleFr,
			titleEn: calls.titleEn,
			opensOn: calls.opensOn,
			closesOn: calls.closesOn,
			published: calls.published,
			cohortName: cohorts.name,
		})
		.from(calls)
		.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
		.where(eq(calls.id, callId))
		.get()
	if (!call) return null
	const rows = db
		.select({
			id: applications.id,
			projectName: applications.projectName,
			origin: applications.origin,
			stage: applications.stage,
			sector: applications.sector,
			status: applications.status,
			submittedAt: applications.submittedAt,
			conflict: sql<number>`EXISTS (SELECT 1 FROM committee_conflicts k
				WHERE k.application_id = ${applications.id} AND k.user_id = ${viewer.id})`,
			review: sql<
				string | null
			>`(SELECT CASE WHEN r.submitted_at IS NULL THEN 'draft' ELSE 'submitted' END
				FROM application_reviews r WHERE r.application_id = ${applications.id} AND r.user_id = ${viewer.id})`,
		})
		.from(applications)
		.where(
			and(
				eq(applications.callId, callId),
				ne(applications.status, 'draft'),
				isNull(applications.erasedAt),
			),
		)
		.orderBy(asc(applications.submittedAt), asc(applications.id))
		.all()
		.map((r) => ({
			...r,
			conflict: Boolean(r.conflict),
			review: (r.review ?? 'none') as 'none' | 'draft' | 'submitted',
			scorable: (SCORABLE as readonly string[]).includes(r.status),
		}))
	// a conflicted application keeps only its name in the list: enough to know which one it is
	const list = rows.map((r) =>
		r.conflict ? { ...r, origin: null, stage: null, sector: null, submittedAt: null } : r,
	)
	const mine = rows.filter((r) => !r.conflict && r.review === 'submitted').map((r) => r.id)
	return {
		call: { ...call, status: callStatus(call) },
		criteria: listCallCriteria(callId),
		applications: list,
		ranking: rankingFor(viewer, rankApplications(callId, mine)),
	}
}

// ---------------------------------------------------------------- one application

function loadScores(reviewIds: number[]) {
	if (!reviewIds.length) return []
	return getDb()
		.select({
			reviewId: reviewScores.reviewId,
			criterionId: reviewScores.criterionId,
			score: reviewScores.score,
			comment: reviewScores.comment,
		})
		.from(reviewScores)
		.where(inArray(reviewScores.reviewId, reviewIds))
		.all()
}

/** A review's weighted score out of 5; null until every criterion has a score. */
export function weightedScore(
	criteria: readonly Pick<Criterion, 'id' | 'weight'>[],
	scores: ReadonlyMap<number, number>,
) {
	let total = 0
	let weights = 0
	for (const c of criteria) {
		const score = scores.get(c.id)
		if (score === undefined) return null
		total += score * c.weight
		weights += c.weight
	}
	return weights ? total / weights : null
}

/** Every review of an application with its scores, members' names beside them. */
export function listReviews(applicationId: number, criteria: readonly Criterion[]) {
	const reviews = getDb()
		.select({
			id: applicationReviews.id,
			userId: applicationReviews.userId,
			submittedAt: applicationReviews.submittedAt,
			name: users.name,
			role: users.role,
			organisation: users.organisation,
		})
		.from(applicationReviews)
		.innerJoin(users, eq(users.id, applicationReviews.userId))
		.where(eq(applicationReviews.applicationId, applicationId))
		.orderBy(asc(users.sortKey))
		.all()
	const scores = loadScores(reviews.map((r) => r.id))
	return reviews.map((r) => {
		const own = scores.filter((s) => s.reviewId === r.id)
		const byCriterion = new Map(own.map((s) => [s.criterionId, s.score]))
		return {
			...r,
			name: r.name as string | null,
			scores: own.map(({ criterionId, score, comment }) => ({ criterionId, score, comment })),
			weighted: weightedScore(criteria, byCriterion),
		}
	})
}

export type Review = ReturnType<typeof listReviews>[number]

/** The application's content, as the committee reads it: never the contact's email or phone. */
export function loadApplicationContent(applicationId: number) {
	const db = getDb()
	const application = db
		.select({
			id: applications.id,
			callId: applications.callId,
			status: applications.status,
			locale: applications.locale,
			projectName: applications.projectName,
			origin: applications.origin,
			sector: applications.sector,
			stage: applications.stage,
			website: applications.website,
			pitch: applications.pitch,
			ukFocus: applications.ukFocus,
			submittedAt: applications.submittedAt,
			decidedAt: applications.decidedAt,
			erasedAt: applications.erasedAt,
		})
		.from(applications)
		.where(eq(applications.id, applicationId))
		.get()
	if (!application) return null
	return {
		...application,
		founders: db
			.select({ name: applicationFounders.name, role: applicationFounders.role })
			.from(applicationFounders)
			.where(eq(applicationFounders.applicationId, applicationId))
			.orderBy(asc(applicationFounders.position))
			.all(),
		answers: Object.fromEntries(
			db
				.select({ questionId: applicationAnswers.questionId, value: applicationAnswers.value })
				.from(applicationAnswers)
				.where(eq(applicationAnswers.applicationId, applicationId))
				.all()
				.map((a) => [a.questionId, a.value]),
		) as Record<number, string>,
		files: db
			.select({
				id: applicationFiles.id,
				questionId: applicationFiles.questionId,
				originalName: applicationFiles.originalName,
				sizeBytes: applicationFiles.sizeBytes,
			})
			.from(applicationFiles)
			.where(eq(applicationFiles.applicationId, applicationId))
			.all(),
	}
}

/**
 * An application for a committee member: null (a 404) when they do not sit on its call, when it
 * is a draft or erased, or when they declared a conflict on it. Others' scores come only once
 * the member's own are submitted.
 */
export function getJuryApplication({
	viewer,
	callId,
	applicationId,
}: {
	viewer: JuryViewer
	callId: number
	applicationId: number
}) {
	if (!isCommitteeMember(viewer, callId)) return null
	const visible = getDb()
		.select({ id: applications.id })
		.from(applications)
		.where(
			and(
				eq(applications.id, applicationId),
				eq(applications.callId, callId),
				ne(applications.status, 'draft'),
				isNull(applications.erasedAt),
				notConflicted(viewer),
			),
		)
		.get()
	if (!visible) return null
	const content = loadApplicationContent(applicationId)
	if (!content) return null
	const criteria = listCallCriteria(callId)
	const reviews = listReviews(applicationId, criteria)
	const mine = reviews.find((r) => r.userId === viewer.id) ?? null
	const mineSubmitted = Boolean(mine?.submittedAt)
	return {
		application: content,
		questions: listCallQuestions(callId),
		criteria,
		scorable: (SCORABLE as readonly string[]).includes(content.status) && !mineSubmitted,
		mine,
		others: mineSubmitted
			? membersFor(
					viewer,
					reviews.filter((r) => r.userId !== viewer.id && r.submittedAt),
				)
			: null,
		ranking: mineSubmitted
			? (rankingFor(viewer, rankApplications(callId, [applicationId]))[0] ?? null)
			: null,
	}
}

export type JuryResult =
	| { ok: true }
	| { ok: false; error: 'notFound' | 'alreadySubmitted' | 'notScorable' | 'incomplete' }

/**
 * A member declares a conflict of interest: from then on the application is hidden from them,
 * and a score they had given is withdrawn (it must not weigh on the ranking).
 */
export function declareConflict({
	viewer,
	callId,
	applicationId,
}: {
	viewer: JuryViewer
	callId: number
	applicationId: number
}): JuryResult {
	const scope = committeeScope(viewer, callId)
	if (!scope || !isCommitteeMember(viewer, callId)) return { ok: false, error: 'notFound' }
	return writeTransaction((tx): JuryResult => {
		const application = tx
			.select({ id: applications.id })
			.from(applications)
			.where(and(eq(applications.id, applicationId), scope, ne(applications.status, 'draft')))
			.get()
		if (!application) return { ok: false, error: 'notFound' }
		tx.insert(committeeConflicts)
			.values({ applicationId, userId: viewer.id })
			.onConflictDoNothing()
			.run()
		tx.delete(applicationReviews)
			.where(
				and(
					eq(applicationReviews.applicationId, applicationId),
					eq(applicationReviews.userId, viewer.id),
				),
			)
			.run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'conflict',
			entityId: applicationId,
		})
		return { ok: true }
	})
}

export type ScoreInput = { criterionId: number; score?: number; comment?: string }

/**
 * Saves a member's scores; with `submit`, every criterion must have one and the review is
 * final (the member then sees the others' scores, and could be swayed by them).
 */
export function saveReview({
	viewer,
	callId,
	applicationId,
	scores,
	submit,
}: {
	viewer: JuryViewer
	callId: number
	applicationId: number
	scores: ScoreInput[]
	submit: boolean
}): JuryResult {
	if (!isCommitteeMember(viewer, callId)) return { ok: false, error: 'notFound' }
	const criteria = listCallCriteria(callId)
	const known = new Set(criteria.map((c) => c.id))
	const given = scores.filter((s) => known.has(s.criterionId) && s.score !== undefined)
	// the schema asks for every score; a criterion added meanwhile must be scored too
	if (submit && criteria.some((c) => !given.some((s) => s.criterionId === c.id))) {
		return { ok: false, error: 'incomplete' }
	}
	return writeTransaction((tx): JuryResult => {
		const application = tx
			.select({ id: applications.id, status: applications.status })
			.from(applications)
			.where(
				and(
					eq(applications.id, applicationId),
					eq(applications.callId, callId),
					ne(applications.status, 'draft'),
					isNull(applications.erasedAt),
					notConflicted(viewer),
				),
			)
			.get()
		if (!application) return { ok: false, error: 'notFound' }
		if (!(SCORABLE as readonly string[]).includes(application.status)) {
			return { ok: false, error: 'notScorable' }
		}
		let review = tx
			.select({ id: applicationReviews.id, submittedAt: applicationReviews.submittedAt })
			.from(applicationReviews)
			.where(
				and(
					eq(applicationReviews.applicationId, applicationId),
					eq(applicationReviews.userId, viewer.id),
				),
			)
			.get()
		if (review?.submittedAt) return { ok: false, error: 'alreadySubmitted' }
		review ??= tx
			.insert(applicationReviews)
			.values({ applicationId, userId: viewer.id })
			.returning({ id: applicationReviews.id, submittedAt: applicationReviews.submittedAt })
			.get()
		const reviewId = review.id
		tx.delete(reviewScores).where(eq(reviewScores.reviewId, reviewId)).run()
		for (const s of given) {
			tx.insert(reviewScores)
				.values({
					reviewId,
					criterionId: s.criterionId,
					score: s.score!,
					comment: s.comment ?? null,
				})
				.run()
		}
		if (submit) {
			tx.update(applicationReviews)
				.set({ submittedAt: now() })
				.where(eq(applicationReviews.id, reviewId))
				.run()
			recordAudit(tx, {
				userId: viewer.id,
				action: 'update',
				entity: 'review',
				entityId: reviewId,
				verb: 'submit',
			})
		}
		return { ok: true }
	})
}

// ---------------------------------------------------------------- the ranking

export type RankingRow = {
	applicationId: number
	projectName: string | null
	origin: string | null
	status: string
	average: number | null
	spread: number | null
	min: number | null
	max: number | null
	scored: number
	missing: { userId: number; name: string | null; role: string }[]
	conflicts: number
	criteria: { criterionId: number; average: number | null }[]
}

/**
 * The ranking of some applications of a call: the mean of the members' weighted scores (each
 * out of 5), the spread between the lowest and the highest, per-criterion means, and the members
 * who have not submitted yet (a member with a conflict on it is not waiting to score it).
 * Best first; applications nobody has scored come last.
 */
export function rankApplications(callId: number, applicationIds: readonly number[]): RankingRow[] {
	if (!applicationIds.length) return []
	const db = getDb()
	const criteria = listCallCriteria(callId)
	const rows = db
		.select({
			id: applications.id,
			projectName: applications.projectName,
			origin: applications.origin,
			status: applications.status,
		})
		.from(applications)
		.where(and(eq(applications.callId, callId), inArray(applications.id, [...applicationIds])))
		.all()
	const members = db
		.select({ userId: callCommittee.userId, name: users.name, role: users.role })
		.from(callCommittee)
		.innerJoin(users, eq(users.id, callCommittee.userId))
		.where(eq(callCommittee.callId, callId))
		.orderBy(asc(users.sortKey))
		.all()
	const conflicts = db
		.select({ applicationId: committeeConflicts.applicationId, userId: committeeConflicts.userId })
		.from(committeeConflicts)
		.where(inArray(committeeConflicts.applicationId, [...applicationIds]))
		.all()
	const reviews = db
		.select({
			id: applicationReviews.id,
			applicationId: applicationReviews.applicationId,
			userId: applicationReviews.userId,
		})
		.from(applicationReviews)
		.where(
			and(
				inArray(applicationReviews.applicationId, [...applicationIds]),
				sql`${applicationReviews.submittedAt} IS NOT NULL`,
			),
		)
		.all()
	const scores = loadScores(reviews.map((r) => r.id))
	const ranked = rows.map((row): RankingRow => {
		const own = reviews.filter((r) => r.applicationId === row.id)
		const conflicted = new Set(
			conflicts.filter((c) => c.applicationId === row.id).map((c) => c.userId),
		)
		const weighted = own
			.map((r) =>
				weightedScore(
					criteria,
					new Map(scores.filter((s) => s.reviewId === r.id).map((s) => [s.criterionId, s.score])),
				),
			)
			.filter((w): w is number => w !== null)
		const reviewed = new Set(own.map((r) => r.userId))
		const mean = (values: number[]) =>
			values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
		const min = weighted.length ? Math.min(...weighted) : null
		const max = weighted.length ? Math.max(...weighted) : null
		return {
			applicationId: row.id,
			projectName: row.projectName,
			origin: row.origin,
			status: row.status,
			average: mean(weighted),
			spread: min === null || max === null ? null : max - min,
			min,
			max,
			scored: weighted.length,
			missing: members
				.filter((m) => !reviewed.has(m.userId) && !conflicted.has(m.userId))
				.map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
			conflicts: conflicted.size,
			criteria: criteria.map((c) => ({
				criterionId: c.id,
				average: mean(
					scores
						.filter((s) => s.criterionId === c.id && own.some((r) => r.id === s.reviewId))
						.map((s) => s.score),
				),
			})),
		}
	})
	return ranked.sort(
		(a, b) =>
			(b.average ?? -1) - (a.average ?? -1) ||
			b.scored - a.scored ||
			a.applicationId - b.applicationId,
	)
}

/** A file of an application the viewer may open; null (a 404) otherwise. */
export function getApplicationFileFor({
	viewer,
	callId,
	fileId,
}: {
	viewer: JuryViewer
	callId: number
	fileId: number
}) {
	const scope = committeeScope(viewer, callId)
	if (!scope) return null
	return (
		getDb()
			.select({
				storedName: applicationFiles.storedName,
				sha256: applicationFiles.sha256,
				originalName: applicationFiles.originalName,
				contentType: applicationFiles.contentType,
			})
			.from(applicationFiles)
			.innerJoin(applications, eq(applications.id, applicationFiles.applicationId))
			.where(and(eq(applicationFiles.id, fileId), scope))
			.get() ?? null
	)
}
