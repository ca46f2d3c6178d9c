/*
 * Factories for calls for applications, applications, the committee and its scores, the outbox
 * and password links. Like tests/factories.ts: one row (or one small family of rows) each,
 * parents created when not given, deterministic defaults, synchronous (usable inside
 * writeTransaction, as the demo seed does).
 */
import { eq } from 'drizzle-orm'
import {
	applicationAnswers,
	applicationFounders,
	applicationReviews,
	applications,
	callCommittee,
	callCriteria,
	callQuestions,
	calls,
	committeeConflicts,
	passwordTokens,
	reviewScores,
} from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createSecretToken } from '~/utils/tokens.server'
import { createCohort, nextId } from './factories'

export type NewCall = typeof calls.$inferInsert
export type NewQuestion = Omit<typeof callQuestions.$inferInsert, 'callId' | 'position'>
export type NewCriterion = Omit<typeof callCriteria.$inferInsert, 'callId' | 'position'>
export type NewApplication = typeof applications.$inferInsert

export const DEFAULT_TEST_CRITERIA: NewCriterion[] = [
	{ labelFr: 'Équipe', labelEn: 'Team', weight: 50 },
	{ labelFr: 'Marché', labelEn: 'Market', weight: 30 },
	{ labelFr: 'Potentiel franco-britannique', labelEn: 'Franco-British potential', weight: 20 },
]

export const DEFAULT_TEST_QUESTIONS: NewQuestion[] = [
	{
		kind: 'file',
		labelFr: 'Pitch deck (PDF)',
		labelEn: 'Pitch deck (PDF)',
		required: true,
	},
	{
		kind: 'short_text',
		labelFr: 'Forme juridique',
		labelEn: 'Legal form',
		required: false,
	},
]

/**
 * A published call open on the tests' date (2026-11-29) unless dates are given, with its
 * questions, criteria and committee (user ids).
 */
export function createCall(
	overrides: Partial<NewCall> & {
		questions?: NewQuestion[]
		criteria?: NewCriterion[]
		committee?: number[]
	} = {},
) {
	const {
		questions = DEFAULT_TEST_QUESTIONS,
		criteria = DEFAULT_TEST_CRITERIA,
		committee = [],
		...values
	} = overrides
	const n = nextId()
	const db = getDb()
	const cohortId = values.cohortId ?? createCohort().id
	const call = db
		.insert(calls)
		.values({
			titleFr: `Appel à candidatures ${n}`,
			titleEn: `Call for applications ${n}`,
			textFr: 'Rejoignez la pépinière de Calais.',
			textEn: 'Join the Calais business nursery.',
			opensOn: '2026-11-01',
			closesOn: '2026-12-31',
			published: true,
			retentionMonths: 24,
			...values,
			cohortId,
		})
		.returning()
		.get()
	const questionRows = questions.map((q, position) =>
		db
			.insert(callQuestions)
			.values({
				...q,
				options:
					q.kind === 'choice'
						? (q.options ??
							JSON.stringify([
								{ fr: 'Oui', en: 'Yes' },
								{ fr: 'Non', en: 'No' },
							]))
						: null,
				callId: call.id,
				position,
			})
			.returning()
			.get(),
	)
	const criterionRows = criteria.map((c, position) =>
		db
			.insert(callCriteria)
			.values({ ...c, callId: call.id, position })
			.returning()
			.get(),
	)
	for (const userId of committee) addToCommittee(call.id, userId)
	return { ...call, questions: questionRows, criteria: criterionRows }
}

export function addToCommittee(callId: number, userId: number) {
	getDb().insert(callCommittee).values({ callId, userId }).onConflictDoNothing().run()
}

/**
 * An application; submitted by default (with its dates), with one founder and the given
 * answers ({ questionId: value }). `token` gives the private link's token, live until
 * `tokenExpiresAt` (default: a month after the tests' date).
 */
export function createApplication(
	overrides: Partial<NewApplication> & {
		founders?: { name: string; role?: string; email?: string }[]
		answers?: Record<number, string>
	} = {},
) {
	const { founders, answers = {}, ...values } = overrides
	const n = nextId()
	const db = getDb()
	const callId = values.callId ?? createCall().id
	const status = values.status ?? 'submitted'
	const { token, hash } = createSecretToken()
	const submittedAt =
		status === 'draft' ? null : (values.submittedAt ?? new Date('2026-11-20T09:00:00Z'))
	const decided = status === 'accepted' || status === 'waitlisted' || status === 'rejected'
	const application = db
		.insert(applications)
		.values({
			locale: 'en',
			contactName: `Applicant ${n}`,
			contactEmail: `applicant${n}@apply.example`,
			contactPhone: `+44 1303 55${String(n).padStart(4, '0')}`,
			projectName: `Project ${n}`,
			origin: 'GB',
			sector: 'Logistics',
			stage: 'prototype',
			website: `https://project${n}.example`,
			pitch: `Project ${n} moves freight across the Strait with fewer empty lorries.`,
			ukFocus: true,
			tokenHash: hash,
			tokenExpiresAt: new Date('2026-12-29T10:00:00Z'),
			privacyAcceptedAt: submittedAt,
			decidedAt: decided ? new Date('2026-11-25T09:00:00Z') : null,
			...values,
			callId,
			status,
			submittedAt,
		})
		.returning()
		.get()
	const team = founders ?? [
		{
			name: application.contactName ?? `Founder ${n}`,
			role: 'CEO',
			email: application.contactEmail ?? undefined,
		},
	]
	team.forEach((f, position) =>
		db
			.insert(applicationFounders)
			.values({
				applicationId: application.id,
				position,
				name: f.name,
				role: f.role ?? null,
				email: f.email ?? null,
			})
			.run(),
	)
	for (const [questionId, value] of Object.entries(answers)) {
		db.insert(applicationAnswers)
			.values({ applicationId: application.id, questionId: Number(questionId), value })
			.run()
	}
	return { ...application, token }
}

/** A member's review: `scores` by criterion id; submitted unless said otherwise. */
export function createReview({
	applicationId,
	userId,
	scores,
	comments = {},
	submitted = true,
}: {
	applicationId: number
	userId: number
	scores: Record<number, number>
	comments?: Record<number, string>
	submitted?: boolean
}) {
	const db = getDb()
	const application = db
		.select({ callId: applications.callId })
		.from(applications)
		.where(eq(applications.id, applicationId))
		.get()
	if (application) addToCommittee(application.callId, userId)
	const review = db
		.insert(applicationReviews)
		.values({
			applicationId,
			userId,
			submittedAt: submitted ? new Date('2026-11-26T09:00:00Z') : null,
		})
		.returning()
		.get()
	for (const [criterionId, score] of Object.entries(scores)) {
		db.insert(reviewScores)
			.values({
				reviewId: review.id,
				criterionId: Number(criterionId),
				score,
				comment: comments[Number(criterionId)] ?? null,
			})
			.run()
	}
	return review
}

export function createConflict({
	applicationId,
	userId,
}: {
	applicationId: number
	userId: number
}) {
	return getDb().insert(committeeConflicts).values({ applicationId, userId }).returning().get()
}

/** A password link (invitation by default) and its token, live for a week unless given. */
export function createPasswordToken(
	overrides: Partial<typeof passwordTokens.$inferInsert> & { userId: number },
) {
	const { token, hash } = createSecretToken()
	const row = getDb()
		.insert(passwordTokens)
		.values({
			purpose: 'invitation',
			expiresAt: new Date('2026-12-06T10:00:00Z'),
			createdAt: new Date('2026-11-29T09:00:00Z'),
			...overrides,
			tokenHash: hash,
		})
		.returning()
		.get()
	return { ...row, token }
}
