import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import {
	applicationAnswers,
	applicationFiles,
	applicationFounders,
	applications,
	calls,
	cohorts,
	type Decision,
	teamMembers,
	users,
} from '#db/schema/index'
import type { ApplicationFormValue, FormQuestion } from '~/schemas/application'
import { questionField } from '~/schemas/application'
import { now, today } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { getPublicUrl } from '~/utils/env.server'
import { isLocale, type Locale } from '~/utils/i18n'
import { hashPassword } from '~/utils/password.server'
import { can, rolesWith } from '~/utils/permissions'
import { createSecretToken, hashToken, isTokenShaped } from '~/utils/tokens.server'
import { deleteStoredFile, storeFile } from '~/utils/uploads.server'
import { recordAudit } from './audit.server'
import { callStatus, listCallCriteria, listCallQuestions } from './call.server'
import {
	applicationLinkEmail,
	applicationReceivedEmail,
	decisionEmail,
	newApplicationEmail,
} from './emails.server'
import {
	committeeScope,
	listReviews,
	loadApplicationContent,
	rankApplications,
} from './jury.server'
import { deliverSoon, queueEmail } from './outbox.server'
import { inviteUser } from './password-token.server'
import { insertStartup } from './startup.server'
import type { Viewer } from './viewer'

/*
 * Applications: a visitor applies without an account, through a private link (a draft they
 * come back to, then submit); managers decide; accepting makes the startup and invites its
 * founders. The committee's side is in jury.server.ts, which also says who may open what.
 */

/** A private link works for 30 days at most, and never after the call's closing day. */
export const DRAFT_LINK_DAYS = 30

function parisOffsetMs(at: Date) {
	const zone =
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' })
			.formatToParts(at)
			.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+1'
	const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(zone)
	if (!m) return 0
	const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
	return (m[1] === '-' ? -1 : 1) * minutes * 60_000
}

/** The instant a Calais calendar day ends (midnight in Calais the next day). */
export function endOfCalaisDay(date: string) {
	const next = new Date(`${date}T00:00:00Z`)
	next.setUTCDate(next.getUTCDate() + 1)
	const guess = next.getTime() - parisOffsetMs(next)
	return new Date(next.getTime() - parisOffsetMs(new Date(guess)))
}

export function draftLinkExpiry(closesOn: string, from = now()) {
	const cap = from.getTime() + DRAFT_LINK_DAYS * 24 * 60 * 60 * 1000
	return new Date(Math.min(cap, endOfCalaisDay(closesOn).getTime()))
}

function callTitle(call: { titleFr: string; titleEn: string }, locale: Locale) {
	return locale === 'en' ? call.titleEn : call.titleFr
}

/** The call an application is for, in both languages: each reader's line names it in theirs. */
function callSubject(call: { titleFr: string; titleEn: string }) {
	return { call: call.titleFr, callEn: call.titleEn }
}

export function applicationLink(token: string) {
	return `${getPublicUrl()}/application/${token}`
}

function openCall(callId: number) {
	const call = getDb()
		.select({
			id: calls.id,
			titleFr: calls.titleFr,
			titleEn: calls.titleEn,
			opensOn: calls.opensOn,
			closesOn: calls.closesOn,
			published: calls.published,
		})
		.from(calls)
		.where(eq(calls.id, callId))
		.get()
	return call && callStatus(call) === 'open' ? call : null
}

export type StartResult = { ok: true; token: string } | { ok: false; error: 'closed' }

/** A visitor starts an application: a draft, its private link, and the link by email. */
export function startApplication({
	callId,
	input,
	locale,
}: {
	callId: number
	input: { contactName: string; contactEmail: string; projectName: string }
	locale: Locale
}): StartResult {
	const call = openCall(callId)
	if (!call) return { ok: false, error: 'closed' }
	const { token, hash } = createSecretToken()
	const expiresAt = draftLinkExpiry(call.closesOn)
	writeTransaction((tx) => {
		const application = tx
			.insert(applications)
			.values({
				callId,
				locale,
				contactName: input.contactName,
				contactEmail: input.contactEmail,
				projectName: input.projectName,
				tokenHash: hash,
				tokenExpiresAt: expiresAt,
			})
			.returning({ id: applications.id })
			.get()
		tx.insert(applicationFounders)
			.values({
				applicationId: application.id,
				position: 0,
				name: input.contactName,
				email: input.contactEmail,
			})
			.run()
		queueEmail(
			tx,
			applicationLinkEmail({
				to: input.contactEmail,
				locale,
				name: input.contactName,
				projectName: input.projectName,
				callTitle: callTitle(call, locale),
				link: applicationLink(token),
				expiresOn: today(expiresAt),
			}),
		)
		recordAudit(tx, {
			action: 'create',
			entity: 'application',
			entityId: application.id,
			subject: callSubject(call),
		})
	})
	deliverSoon()
	return { ok: true, token }
}

/**
 * "I lost my link": a new link for the latest application with this email on an open call
 * (the old link stops working). Nothing happens for an unknown address, and the page says the
 * same either way.
 */
export function resendApplicationLink({ callId, email }: { callId: number; email: string }) {
	const call = openCall(callId)
	if (!call) return
	const application = getDb()
		.select({
			id: applications.id,
			locale: applications.locale,
			contactName: applications.contactName,
			contactEmail: applications.contactEmail,
			projectName: applications.projectName,
		})
		.from(applications)
		.where(
			and(
				eq(applications.callId, callId),
				sql`lower(${applications.contactEmail}) = lower(${email.trim()})`,
				isNull(applications.erasedAt),
			),
		)
		.orderBy(desc(applications.id))
		.get()
	if (!application?.contactEmail) return
	const { token, hash } = createSecretToken()
	const expiresAt = draftLinkExpiry(call.closesOn)
	writeTransaction((tx) => {
		tx.update(applications)
			.set({ tokenHash: hash, tokenExpiresAt: expiresAt })
			.where(eq(applications.id, application.id))
			.run()
		queueEmail(
			tx,
			applicationLinkEmail({
				to: application.contactEmail!,
				locale: application.locale,
				name: application.contactName ?? '',
				projectName: application.projectName ?? '',
				callTitle: callTitle(call, application.locale),
				link: applicationLink(token),
				expiresOn: today(expiresAt),
			}),
		)
	})
	deliverSoon()
}

const ownColumns = {
	id: applications.id,
	callId: applications.callId,
	status: applications.status,
	locale: applications.locale,
	contactName: applications.contactName,
	contactEmail: applications.contactEmail,
	contactPhone: applications.contactPhone,
	projectName: applications.projectName,
	origin: applications.origin,
	sector: applications.sector,
	stage: applications.stage,
	website: applications.website,
	pitch: applications.pitch,
	ukFocus: applications.ukFocus,
	privacyAcceptedAt: applications.privacyAcceptedAt,
	submittedAt: applications.submittedAt,
	tokenExpiresAt: applications.tokenExpiresAt,
}

function applicationByToken(token: string | undefined) {
	if (!isTokenShaped(token)) return null
	return (
		getDb()
			.select(ownColumns)
			.from(applications)
			.where(
				and(
					eq(applications.tokenHash, hashToken(token)),
					isNull(applications.erasedAt),
					sql`${applications.tokenExpiresAt} > ${now().getTime()}`,
				),
			)
			.get() ?? null
	)
}

/** The applicant's own application behind a private link; null when unknown or expired. */
export function getApplicationByToken(token: string | undefined) {
	const application = applicationByToken(token)
	if (!application) return null
	const db = getDb()
	const call = db
		.select({
			id: calls.id,
			titleFr: calls.titleFr,
			titleEn: calls.titleEn,
			opensOn: calls.opensOn,
			closesOn: calls.closesOn,
			published: calls.published,
			lawfulBasis: calls.lawfulBasis,
			retentionMonths: calls.retentionMonths,
			cohortName: cohorts.name,
		})
		.from(calls)
		.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
		.where(eq(calls.id, application.callId))
		.get()
	if (!call) return null
	const content = loadApplicationContent(application.id)
	return {
		application,
		call: { ...call, status: callStatus(call) },
		questions: listCallQuestions(call.id),
		founders: db
			.select({
				name: applicationFounders.name,
				role: applicationFounders.role,
				email: applicationFounders.email,
			})
			.from(applicationFounders)
			.where(eq(applicationFounders.applicationId, application.id))
			.orderBy(asc(applicationFounders.position))
			.all(),
		answers: content?.answers ?? {},
		files: content?.files ?? [],
	}
}

export type NewFile = { questionId: number; bytes: Uint8Array; name: string }

export type SaveResult =
	| { ok: true; submitted: boolean }
	| { ok: false; error: 'expired' | 'closed' | 'alreadySubmitted' }
	| { ok: false; error: 'missingFiles'; questionIds: number[] }

/** What the form's answer becomes in the database: text, or nothing. */
function answerText(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null
	return String(value)
}

function cleanFileName(name: string) {
	const base = name
		.replace(/[\\/]/g, '_')
		.replace(/[^\p{L}\p{N} ._()-]/gu, '')
		.trim()
	return (base || 'document.pdf').slice(0, 120)
}

/**
 * Saves the draft behind a private link, and submits it when asked. New files go to disk
 * first and become rows in the same transaction as the answers; if that transaction fails,
 * they are deleted, and replaced files are deleted only once it has committed.
 */
export function saveApplication({
	token,
	value,
	questions,
	newFiles,
	removeFiles,
}: {
	token: string
	value: ApplicationFormValue
	questions: readonly FormQuestion[]
	newFiles: NewFile[]
	removeFiles: number[]
}): SaveResult {
	const application = applicationByToken(token)
	if (!application) return { ok: false, error: 'expired' }
	if (application.status !== 'draft') return { ok: false, error: 'alreadySubmitted' }
	const call = openCall(application.callId)
	if (!call) return { ok: false, error: 'closed' }
	const submit = value.intent === 'submit'
	const fileQuestions = questions.filter((q) => q.kind === 'file')
	const db = getDb()
	const existingFiles = db
		.select({
			id: applicationFiles.id,
			questionId: applicationFiles.questionId,
			storedName: applicationFiles.storedName,
		})
		.from(applicationFiles)
		.where(eq(applicationFiles.applicationId, application.id))
		.all()
	const uploads = newFiles.filter((f) => fileQuestions.some((q) => q.id === f.questionId))
	const removed = new Set(
		removeFiles.filter((questionId) => !uploads.some((u) => u.questionId === questionId)),
	)
	if (submit) {
		const missing = fileQuestions
			.filter((q) => q.required)
			.filter(
				(q) =>
					!uploads.some((u) => u.questionId === q.id) &&
					!existingFiles.some((f) => f.questionId === q.id && !removed.has(q.id)),
			)
			.map((q) => q.id)
		if (missing.length) return { ok: false, error: 'missingFiles', questionIds: missing }
	}

	const stored = uploads.map((u) => ({ ...u, ...storeFile(u.bytes) }))
	const replaced = existingFiles.filter(
		(f) => removed.has(f.questionId) || uploads.some((u) => u.questionId === f.questionId),
	)
	const values = value as Record<string, unknown>
	let written: boolean
	try {
		written = writeTransaction((tx) => {
			const at = now()
			const updated = tx
				.update(applications)
				.set({
					contactName: value.contactName,
					contactEmail: value.contactEmail,
					contactPhone: value.contactPhone ?? null,
					projectName: value.projectName,
					origin: value.origin ?? null,
					sector: value.sector ?? null,
					stage: value.stage ?? null,
					website: value.website ?? null,
					pitch: value.pitch ?? null,
					ukFocus: value.ukFocus,
					updatedAt: at,
					...(submit
						? { status: 'submitted' as const, submittedAt: at, privacyAcceptedAt: at }
						: {}),
				})
				.where(and(eq(applications.id, application.id), eq(applications.status, 'draft')))
				.run()
			// submitted meanwhile (another tab): nothing of this form is written
			if (updated.changes !== 1) return false
			tx.delete(applicationFounders)
				.where(eq(applicationFounders.applicationId, application.id))
				.run()
			value.founders
				.filter((f) => f.name)
				.forEach((f, position) =>
					tx
						.insert(applicationFounders)
						.values({
							applicationId: application.id,
							position,
							name: f.name!,
							role: f.role ?? null,
							email: f.email ?? null,
						})
						.run(),
				)
			tx.delete(applicationAnswers)
				.where(eq(applicationAnswers.applicationId, application.id))
				.run()
			for (const q of questions) {
				if (q.kind === 'file') continue
				const text = answerText(values[questionField(q.id)])
				if (text !== null) {
					tx.insert(applicationAnswers)
						.values({ applicationId: application.id, questionId: q.id, value: text })
						.run()
				}
			}
			if (replaced.length) {
				tx.delete(applicationFiles)
					.where(
						inArray(
							applicationFiles.id,
							replaced.map((f) => f.id),
						),
					)
					.run()
			}
			for (const file of stored) {
				tx.insert(applicationFiles)
					.values({
						applicationId: application.id,
						questionId: file.questionId,
						storedName: file.storedName,
						originalName: cleanFileName(file.name),
						contentType: 'application/pdf',
						sizeBytes: file.sizeBytes,
						sha256: file.sha256,
					})
					.run()
			}
			if (submit) {
				const title = callTitle(call, application.locale)
				queueEmail(
					tx,
					applicationReceivedEmail({
						to: value.contactEmail,
						locale: application.locale,
						name: value.contactName,
						projectName: value.projectName,
						callTitle: title,
					}),
				)
				const managers = tx
					.select({ email: users.email, locale: users.locale })
					.from(users)
					.where(
						and(inArray(users.role, rolesWith('decide:application:any')), isNull(users.disabledAt)),
					)
					.all()
				for (const manager of managers) {
					const locale = isLocale(manager.locale) ? manager.locale : 'fr'
					queueEmail(
						tx,
						newApplicationEmail({
							to: manager.email,
							locale,
							projectName: value.projectName,
							callTitle: callTitle(call, locale),
							link: `${getPublicUrl()}/calls/${call.id}/applications/${application.id}`,
						}),
					)
				}
				recordAudit(tx, {
					action: 'update',
					entity: 'application',
					entityId: application.id,
					verb: 'submit',
					subject: callSubject(call),
				})
			}
			return true
		})
	} catch (error) {
		for (const file of stored) deleteStoredFile(file.storedName)
		throw error
	}
	if (!written) {
		for (const file of stored) deleteStoredFile(file.storedName)
		return { ok: false, error: 'alreadySubmitted' }
	}
	for (const file of replaced) deleteStoredFile(file.storedName)
	if (submit) deliverSoon()
	return { ok: true, submitted: submit }
}

// ---------------------------------------------------------------- managers

const mayDecide = (viewer: Viewer) => can(viewer, 'decide:application:any')

/** A call's applications for a manager (never one they declared a conflict on), newest first. */
export function listCallApplications({ viewer, callId }: { viewer: Viewer; callId: number }) {
	if (!can(viewer, 'read:call:any')) return { rows: [], ranking: [], hidden: 0 }
	const scope = committeeScope(viewer, callId)
	if (!scope) return { rows: [], ranking: [], hidden: 0 }
	const db = getDb()
	const rows = db
		.select({
			id: applications.id,
			status: applications.status,
			projectName: applications.projectName,
			contactName: applications.contactName,
			origin: applications.origin,
			submittedAt: applications.submittedAt,
			decidedAt: applications.decidedAt,
			erasedAt: applications.erasedAt,
			startupId: applications.startupId,
		})
		.from(applications)
		.where(scope)
		.orderBy(desc(applications.submittedAt), desc(applications.id))
		.all()
	const all =
		db
			.select({ n: sql<number>`count(*)` })
			.from(applications)
			.where(eq(applications.callId, callId))
			.get()?.n ?? 0
	const rankable = rows.filter((r) => r.status !== 'draft' && !r.erasedAt).map((r) => r.id)
	return { rows, ranking: rankApplications(callId, rankable), hidden: all - rows.length }
}

/**
 * An application as a manager sees it: everything the applicant wrote, every member's scores,
 * the decision. Null when there is none, or the manager declared a conflict on it.
 */
export function getApplicationForManager({
	viewer,
	callId,
	applicationId,
}: {
	viewer: Viewer
	callId: number
	applicationId: number
}) {
	if (!can(viewer, 'read:call:any')) return null
	const scope = committeeScope(viewer, callId)
	if (!scope) return null
	const db = getDb()
	const row = db
		.select({
			...ownColumns,
			decidedAt: applications.decidedAt,
			decisionReason: applications.decisionReason,
			decidedByName: users.name,
			startupId: applications.startupId,
			erasedAt: applications.erasedAt,
			createdAt: applications.createdAt,
		})
		.from(applications)
		.leftJoin(users, eq(users.id, applications.decidedBy))
		.where(and(eq(applications.id, applicationId), scope))
		.get()
	if (!row) return null
	const content = loadApplicationContent(applicationId)!
	const criteria = listCallCriteria(callId)
	const { tokenExpiresAt: _t, ...application } = row
	return {
		application,
		founders: db
			.select({
				name: applicationFounders.name,
				role: applicationFounders.role,
				email: applicationFounders.email,
			})
			.from(applicationFounders)
			.where(eq(applicationFounders.applicationId, applicationId))
			.orderBy(asc(applicationFounders.position))
			.all(),
		answers: content.answers,
		files: content.files,
		questions: listCallQuestions(callId),
		criteria,
		reviews: listReviews(applicationId, criteria).filter((r) => r.submittedAt),
		ranking:
			row.status === 'draft' || row.erasedAt
				? null
				: (rankApplications(callId, [applicationId])[0] ?? null),
	}
}

export type DecisionResult =
	| { ok: true; startupId: number | null; invited: number }
	| { ok: false; error: 'notFound' | 'notDecidable' }

/** A decision is taken on a submitted application, or one on the waiting list. */
const DECIDABLE = ['submitted', 'waitlisted'] as const

/**
 * The manager's decision, told to the applicant in their language with the manager's reason
 * as written. Accepting creates the startup in the call's cohort from the application (its
 * team from the founders) and invites each founder with an email to set their password:
 * an account whose password nobody knows until they choose one.
 */
export async function decideApplication({
	viewer,
	callId,
	applicationId,
	decision,
	reason,
}: {
	viewer: Viewer
	callId: number
	applicationId: number
	decision: Decision
	reason: string | null
}): Promise<DecisionResult> {
	if (!mayDecide(viewer)) return { ok: false, error: 'notFound' }
	const scope = committeeScope(viewer, callId)
	if (!scope) return { ok: false, error: 'notFound' }
	// nobody knows this password: the founder sets their own from the invitation
	const lockedHash = decision === 'accepted' ? await hashPassword(createSecretToken().token) : ''
	const result = writeTransaction((tx): DecisionResult => {
		const application = tx
			.select({
				...ownColumns,
				erasedAt: applications.erasedAt,
				cohortId: calls.cohortId,
				cohortStart: cohorts.startDate,
				titleFr: calls.titleFr,
				titleEn: calls.titleEn,
			})
			.from(applications)
			.innerJoin(calls, eq(calls.id, applications.callId))
			.innerJoin(cohorts, eq(cohorts.id, calls.cohortId))
			.where(and(eq(applications.id, applicationId), scope))
			.get()
		if (!application || application.erasedAt) return { ok: false, error: 'notFound' }
		if (!(DECIDABLE as readonly string[]).includes(application.status)) {
			return { ok: false, error: 'notDecidable' }
		}
		const decidedAt = now()
		let startupId: number | null = null
		let invited = 0
		if (decision === 'accepted') {
			const day = today(decidedAt)
			const startup = insertStartup(
				tx,
				{
					name: application.projectName ?? `#${application.id}`,
					sector: application.sector ?? '—',
					stage: application.stage ?? 'idea',
					website: application.website ?? undefined,
					pitchFr: application.locale === 'fr' ? (application.pitch ?? undefined) : undefined,
					pitchEn: application.locale === 'en' ? (application.pitch ?? undefined) : undefined,
					ukFocus: application.ukFocus,
					status: 'incubated',
					cohortId: application.cohortId,
					// a startup accepted before its cohort starts enters with it
					enteredOn: application.cohortStart > day ? application.cohortStart : day,
				},
				viewer.id,
			)
			startupId = startup.id
			const founders = tx
				.select({
					name: applicationFounders.name,
					role: applicationFounders.role,
					email: applicationFounders.email,
				})
				.from(applicationFounders)
				.where(eq(applicationFounders.applicationId, applicationId))
				.orderBy(asc(applicationFounders.position))
				.all()
			const seen = new Set<string>()
			for (const founder of founders) {
				const email = founder.email?.trim()
				const key = email?.toLowerCase()
				let userId: number | null = null
				if (email && key && !seen.has(key)) {
					seen.add(key)
					const existing = tx
						.select({ id: users.id })
						.from(users)
						.where(sql`lower(${users.email}) = ${key}`)
						.get()
					// someone who already has an account keeps it: they join the team, no invitation
					if (!existing) {
						const user = tx
							.insert(users)
							.values({
								email,
								name: founder.name,
								role: 'founder',
								startupId: startup.id,
								passwordHash: lockedHash,
								locale: application.locale,
							})
							.returning({ id: users.id })
							.get()
						userId = user.id
						inviteUser(tx, {
							id: user.id,
							email,
							name: founder.name,
							locale: application.locale,
							startupName: startup.name,
						})
						invited++
					}
				}
				tx.insert(teamMembers)
					.values({
						startupId: startup.id,
						name: founder.name,
						role: founder.role ?? (application.locale === 'en' ? 'Founder' : 'Fondateur'),
						email: founder.email,
						userId,
					})
					.run()
			}
		}
		tx.update(applications)
			.set({
				status: decision,
				decidedAt,
				decidedBy: viewer.id,
				decisionReason: reason,
				startupId,
				updatedAt: decidedAt,
			})
			.where(eq(applications.id, applicationId))
			.run()
		if (application.contactEmail) {
			queueEmail(
				tx,
				decisionEmail({
					to: application.contactEmail,
					locale: application.locale,
					name: application.contactName ?? '',
					projectName: application.projectName ?? '',
					callTitle: callTitle(application, application.locale),
					decision,
					reason,
				}),
			)
		}
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'application',
			entityId: applicationId,
			startupId,
			verb: 'decide',
			subject: callSubject(application),
			changes: { status: [application.status, decision] },
		})
		return { ok: true, startupId, invited }
	})
	if (result.ok) deliverSoon()
	return result
}

// ---------------------------------------------------------------- GDPR

/** A draft never submitted is kept one month after its call closed: there is nothing to decide. */
export const ABANDONED_DRAFT_MONTHS = 1

/**
 * Applications whose retention period is over: refused (or left on the waiting list) longer
 * ago than their call's retention period, and drafts abandoned a month after the call closed.
 * Accepted applications became startups: they are not on the list.
 */
export function listApplicationsForReview({
	viewer,
	date = today(),
}: {
	viewer: Viewer
	date?: string
}) {
	if (!can(viewer, 'erase:application:any')) return []
	return getDb().all<{
		id: number
		callId: number
		titleFr: string
		titleEn: string
		projectName: string | null
		status: 'draft' | 'waitlisted' | 'rejected'
		decidedAt: number | null
		closesOn: string
		retentionMonths: number
		dueOn: string
	}>(sql`
		SELECT a.id, a.call_id AS callId, c.title_fr AS titleFr, c.title_en AS titleEn,
			a.project_name AS projectName, a.status, a.decided_at AS decidedAt, c.closes_on AS closesOn,
			c.retention_months AS retentionMonths,
			CASE WHEN a.status = 'draft'
				THEN date(c.closes_on, '+${sql.raw(String(ABANDONED_DRAFT_MONTHS))} months')
				ELSE date(a.decided_at / 1000, 'unixepoch', '+' || c.retention_months || ' months')
			END AS dueOn
		FROM applications a JOIN calls c ON c.id = a.call_id
		WHERE a.erased_at IS NULL AND a.status IN ('draft', 'waitlisted', 'rejected')
			AND NOT EXISTS (SELECT 1 FROM committee_conflicts k WHERE k.application_id = a.id AND k.user_id = ${viewer.id})
			AND dueOn < ${date}
		ORDER BY dueOn, a.id`)
}

/**
 * Erasure: the applicant's personal data goes (names, email, phone, project, answers, files,
 * founders, committee comments); what remains is anonymous — the call, the origin, the stage,
 * the dates, the decision and the scores — so that the call's figures stay true.
 */
export function eraseApplications({ viewer, ids }: { viewer: Viewer; ids: number[] }) {
	if (!can(viewer, 'erase:application:any') || !ids.length) return 0
	const files: string[] = []
	const erased = writeTransaction((tx) => {
		const rows = tx
			.select({
				id: applications.id,
				status: applications.status,
				titleFr: calls.titleFr,
				titleEn: calls.titleEn,
			})
			.from(applications)
			.innerJoin(calls, eq(calls.id, applications.callId))
			.where(
				and(
					inArray(applications.id, ids),
					isNull(applications.erasedAt),
					ne(applications.status, 'accepted'),
				),
			)
			.all()
		for (const row of rows) {
			files.push(
				...tx
					.select({ storedName: applicationFiles.storedName })
					.from(applicationFiles)
					.where(eq(applicationFiles.applicationId, row.id))
					.all()
					.map((f) => f.storedName),
			)
			tx.delete(applicationFiles).where(eq(applicationFiles.applicationId, row.id)).run()
			tx.delete(applicationAnswers).where(eq(applicationAnswers.applicationId, row.id)).run()
			tx.delete(applicationFounders).where(eq(applicationFounders.applicationId, row.id)).run()
			tx.run(sql`UPDATE review_scores SET comment = NULL WHERE review_id IN
				(SELECT id FROM application_reviews WHERE application_id = ${row.id})`)
			tx.update(applications)
				.set({
					tokenHash: null,
					tokenExpiresAt: null,
					contactName: null,
					contactEmail: null,
					contactPhone: null,
					projectName: null,
					website: null,
					pitch: null,
					decisionReason: null,
					erasedAt: now(),
				})
				.where(eq(applications.id, row.id))
				.run()
			recordAudit(tx, {
				userId: viewer.id,
				action: 'erase',
				entity: 'application',
				entityId: row.id,
				subject: { ...callSubject(row), status: row.status },
			})
		}
		return rows.length
	})
	for (const storedName of files) deleteStoredFile(storedName)
	if (erased) getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	return erased
}
