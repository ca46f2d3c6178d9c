import { sql } from 'drizzle-orm'
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import {
	APPLICATION_STATUSES,
	COUNTRIES,
	LAWFUL_BASES,
	LOCALES,
	QUESTION_KINDS,
	STARTUP_STAGES,
} from './enums'
import { users } from './auth'
import { cohorts, startups } from './startups'

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`)

/**
 * A call for applications (appel à candidatures) for a cohort. It is public from opensOn to
 * closesOn (Calais dates, both included) once published.
 */
export const calls = sqliteTable(
	'calls',
	{
		id: integer().primaryKey(),
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'restrict' }),
		titleFr: text('title_fr').notNull(),
		titleEn: text('title_en').notNull(),
		textFr: text('text_fr').notNull(),
		textEn: text('text_en').notNull(),
		opensOn: text('opens_on').notNull(),
		closesOn: text('closes_on').notNull(),
		published: integer({ mode: 'boolean' }).notNull().default(false),
		// why the applicants' data is held (GDPR art. 6) and how long after a refusal
		lawfulBasis: text('lawful_basis', { enum: LAWFUL_BASES }).notNull().default('contract'),
		retentionMonths: integer('retention_months').notNull().default(24),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
	},
	(t) => [
		// the public list of open calls
		index('calls_dates_idx').on(t.opensOn, t.closesOn),
		check('calls_dates', sql`${t.closesOn} >= ${t.opensOn}`),
		check('calls_retention', sql`${t.retentionMonths} BETWEEN 1 AND 120`),
	],
)

/** A question of a call's form; `options` is JSON [{ fr, en }] for a choice. */
export const callQuestions = sqliteTable(
	'call_questions',
	{
		id: integer().primaryKey(),
		callId: integer('call_id')
			.notNull()
			.references(() => calls.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		kind: text({ enum: QUESTION_KINDS }).notNull(),
		labelFr: text('label_fr').notNull(),
		labelEn: text('label_en').notNull(),
		helpFr: text('help_fr'),
		helpEn: text('help_en'),
		required: integer({ mode: 'boolean' }).notNull().default(false),
		options: text(),
	},
	(t) => [
		// a call's form, in order
		index('call_questions_call_idx').on(t.callId, t.position),
		check('call_questions_options', sql`(${t.kind} = 'choice') = (${t.options} IS NOT NULL)`),
	],
)

/** A scoring criterion with its weight (a whole number; the weights need not add up to 100). */
export const callCriteria = sqliteTable(
	'call_criteria',
	{
		id: integer().primaryKey(),
		callId: integer('call_id')
			.notNull()
			.references(() => calls.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		labelFr: text('label_fr').notNull(),
		labelEn: text('label_en').notNull(),
		weight: integer().notNull(),
	},
	(t) => [
		// a call's criteria, in order
		index('call_criteria_call_idx').on(t.callId, t.position),
		check('call_criteria_weight', sql`${t.weight} BETWEEN 1 AND 100`),
	],
)

/** Who sits on a call's selection committee: managers, mentors, partner representatives. */
export const callCommittee = sqliteTable(
	'call_committee',
	{
		callId: integer('call_id')
			.notNull()
			.references(() => calls.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		addedAt: integer('added_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [
		primaryKey({ columns: [t.callId, t.userId] }),
		// "the calls I sit on"
		index('call_committee_user_idx').on(t.userId),
	],
)

/**
 * One application to a call. Personal fields are nulled on erasure (erasedAt keeps the row, so
 * that the counts of a call stay true). The private link's token is kept only as its SHA-256.
 */
export const applications = sqliteTable(
	'applications',
	{
		id: integer().primaryKey(),
		callId: integer('call_id')
			.notNull()
			.references(() => calls.id, { onDelete: 'restrict' }),
		status: text({ enum: APPLICATION_STATUSES }).notNull().default('draft'),
		tokenHash: text('token_hash'),
		tokenExpiresAt: integer('token_expires_at', { mode: 'timestamp_ms' }),
		// the applicant's language: their form and their emails
		locale: text({ enum: LOCALES }).notNull(),
		contactName: text('contact_name'),
		contactEmail: text('contact_email'),
		contactPhone: text('contact_phone'),
		projectName: text('project_name'),
		// where the project comes from, for the reports: France, the UK or elsewhere
		origin: text({ enum: COUNTRIES }),
		sector: text(),
		stage: text({ enum: STARTUP_STAGES }),
		website: text(),
		pitch: text(),
		ukFocus: integer('uk_focus', { mode: 'boolean' }).notNull().default(false),
		privacyAcceptedAt: integer('privacy_accepted_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
		// sent to the applicant exactly as the manager wrote it
		decisionReason: text('decision_reason'),
		startupId: integer('startup_id').references(() => startups.id, { onDelete: 'set null' }),
		erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [
		// a call's applications by status; the report counts them
		index('applications_call_status_idx').on(t.callId, t.status),
		// the private link
		uniqueIndex('applications_token_unique')
			.on(t.tokenHash)
			.where(sql`${t.tokenHash} IS NOT NULL`),
		// "resend my link": a call's drafts by email
		index('applications_email_idx').on(t.callId, sql`lower(${t.contactEmail})`),
		// the GDPR review: refused applications by decision date
		index('applications_status_decided_idx').on(t.status, t.decidedAt),
		check('applications_submitted', sql`(${t.status} = 'draft') = (${t.submittedAt} IS NULL)`),
		check(
			'applications_decided',
			sql`(${t.status} IN ('accepted', 'waitlisted', 'rejected')) = (${t.decidedAt} IS NOT NULL)`,
		),
	],
)

export const applicationFounders = sqliteTable(
	'application_founders',
	{
		id: integer().primaryKey(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		name: text().notNull(),
		role: text(),
		email: text(),
	},
	(t) => [
		// an application's team, in order
		index('application_founders_application_idx').on(t.applicationId, t.position),
	],
)

/** The answer to one question, as text: numbers as digits, amounts in cents, dates ISO. */
export const applicationAnswers = sqliteTable(
	'application_answers',
	{
		applicationId: integer('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => callQuestions.id, { onDelete: 'cascade' }),
		value: text().notNull(),
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.questionId] })],
)

/** A file answer: the bytes live in the uploads folder under storedName, checked by sha256. */
export const applicationFiles = sqliteTable(
	'application_files',
	{
		id: integer().primaryKey(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => callQuestions.id, { onDelete: 'cascade' }),
		storedName: text('stored_name').notNull(),
		originalName: text('original_name').notNull(),
		contentType: text('content_type').notNull(),
		sizeBytes: integer('size_bytes').notNull(),
		sha256: text().notNull(),
		uploadedAt: createdAt(),
	},
	(t) => [
		// one file per question of an application
		uniqueIndex('application_files_question_unique').on(t.applicationId, t.questionId),
		uniqueIndex('application_files_stored_unique').on(t.storedName),
		check('application_files_size', sql`${t.sizeBytes} > 0`),
	],
)

/** A committee member who may not judge an application (a link with the team, a competitor…). */
export const committeeConflicts = sqliteTable(
	'committee_conflicts',
	{
		applicationId: integer('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		declaredAt: createdAt(),
	},
	(t) => [
		primaryKey({ columns: [t.applicationId, t.userId] }),
		// a member's conflicts across a call
		index('committee_conflicts_user_idx').on(t.userId),
	],
)

/** One member's scoring of one application; others' scores show once submittedAt is set. */
export const applicationReviews = sqliteTable(
	'application_reviews',
	{
		id: integer().primaryKey(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('application_reviews_unique').on(t.applicationId, t.userId),
		// a member's progress through a call
		index('application_reviews_user_idx').on(t.userId),
	],
)

export const reviewScores = sqliteTable(
	'review_scores',
	{
		reviewId: integer('review_id')
			.notNull()
			.references(() => applicationReviews.id, { onDelete: 'cascade' }),
		criterionId: integer('criterion_id')
			.notNull()
			.references(() => callCriteria.id, { onDelete: 'cascade' }),
		score: integer().notNull(),
		comment: text(),
	},
	(t) => [
		primaryKey({ columns: [t.reviewId, t.criterionId] }),
		check('review_scores_range', sql`${t.score} BETWEEN 0 AND 5`),
	],
)
