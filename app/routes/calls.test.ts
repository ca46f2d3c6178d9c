import fs from 'node:fs'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { eq } from 'drizzle-orm'
import {
	applicationFiles,
	applicationFounders,
	applicationReviews,
	applications,
	callCommittee,
	callCriteria,
	callQuestions,
	calls,
	outbox,
	reviewScores,
} from '#db/schema/index'
import { createCohort, createMentor, createUser } from '#tests/factories'
import { createApplication, createCall, createReview } from '#tests/factories-calls'
import { actionArgs, get, loaderArgs, post, sessionCookie, settle, statusOf } from '#tests/request'
import { deliverOutbox, queueEmail } from '~/models/outbox.server'
import { getReport } from '~/models/reports/index.server'
import { parseReportPeriod } from '~/models/reports/period'
import { getDb, writeTransaction } from '~/utils/db.server'
import { getUploadsDir } from '~/utils/env.server'
import { storeFile } from '~/utils/uploads.server'
import { action as callAction, loader as callLoader } from './_app.calls.$callId/route'
import { action as editAction } from './_app.calls.$callId_.edit'
import { loader as callsLoader } from './_app.calls._index'
import { action as newAction } from './_app.calls.new'
import { action as reviewAction, loader as reviewLoader } from './_app.calls.review'
import { loader as outboxLoader } from './_app.outbox'
import { loader as exportLoader } from './_app.reports.export.$section'
import { loader as reportLoader } from './_app.reports._index/route'

async function signedIn(role: 'manager' | 'mentor' | 'partner' | 'founder') {
	const user = createUser({ role, ...(role === 'mentor' ? { mentorId: createMentor().id } : {}) })
	return { user, cookie: await sessionCookie(user.id) }
}

const p = (values: Record<string, number>) => ({
	params: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
})

function callForm(cohortId: number, extra: Record<string, string> = {}) {
	return {
		cohortId: String(cohortId),
		titleFr: 'Promotion 2027 — appel à candidatures',
		titleEn: 'Intake 2027 — call for applications',
		textFr: 'Rejoignez la pépinière.',
		textEn: 'Join the nursery.',
		opensOn: '2027-03-01',
		closesOn: '2027-05-31',
		published: 'on',
		retentionMonths: '24',
		'questions[0].kind': 'file',
		'questions[0].labelFr': 'Pitch deck',
		'questions[0].labelEn': 'Pitch deck',
		'questions[0].required': 'on',
		'questions[1].kind': 'choice',
		'questions[1].labelFr': 'Forme juridique',
		'questions[1].labelEn': 'Legal form',
		'questions[1].options': 'SAS | SAS\nLtd | Limited company',
		'criteria[0].labelFr': 'Équipe',
		'criteria[0].labelEn': 'Team',
		'criteria[0].weight': '60',
		'criteria[1].labelFr': 'Marché',
		'criteria[1].labelEn': 'Market',
		'criteria[1].weight': '40',
		...extra,
	}
}

test('a manager opens a call with its questions, weighted criteria and committee; others cannot', async () => {
	const manager = await signedIn('manager')
	const cohort = createCohort()
	const res = (await settle(() =>
		newAction(actionArgs(post('/calls/new', callForm(cohort.id), manager.cookie))),
	)) as Response
	expect(res.status).toBe(302)
	const call = getDb()
		.select()
		.from(calls)
		.where(eq(calls.titleEn, 'Intake 2027 — call for applications'))
		.get()!
	expect(res.headers.get('Location')).toBe(`/calls/${call.id}`)
	const questions = getDb()
		.select()
		.from(callQuestions)
		.where(eq(callQuestions.callId, call.id))
		.all()
	expect(questions.map((q) => [q.kind, q.labelEn, q.required])).toEqual([
		['file', 'Pitch deck', true],
		['choice', 'Legal form', false],
	])
	expect(JSON.parse(questions[1]!.options!)).toEqual([
		{ fr: 'SAS', en: 'SAS' },
		{ fr: 'Ltd', en: 'Limited company' },
	])
	expect(
		getDb()
			.select({ w: callCriteria.weight })
			.from(callCriteria)
			.where(eq(callCriteria.callId, call.id))
			.all(),
	).toEqual([{ w: 60 }, { w: 40 }])
	// its author sits on the committee; the manager adds a mentor and a partner representative
	const mentor = await signedIn('mentor')
	const partner = await signedIn('partner')
	const founder = await signedIn('founder')
	const committee = (intent: string, userId: number) =>
		settle(() =>
			callAction(
				actionArgs(
					post(`/calls/${call.id}`, { intent, userId: String(userId) }, manager.cookie),
					p({ callId: call.id }),
				),
			),
		)
	expect(statusOf(await committee('add-member', mentor.user.id))).toBe(302)
	expect(statusOf(await committee('add-member', partner.user.id))).toBe(302)
	const notEligible = await committee('add-member', founder.user.id)
	expect(statusOf(notEligible)).toBe(400)
	expect(JSON.stringify(notEligible)).toContain('calls:errors.notEligible')
	const members = () =>
		getDb()
			.select({ id: callCommittee.userId })
			.from(callCommittee)
			.where(eq(callCommittee.callId, call.id))
			.all()
			.map((m) => m.id)
			.sort()
	expect(members()).toEqual([manager.user.id, mentor.user.id, partner.user.id].sort())

	const page = await callLoader(
		loaderArgs(get(`/calls/${call.id}`, manager.cookie), p({ callId: call.id })),
	)
	expect(page.committee.map((m) => m.name).sort()).toEqual(
		[manager.user.name, mentor.user.name, partner.user.name].sort(),
	)

	// bad input comes back with messages; nothing is written
	const bad = await settle(() =>
		newAction(
			actionArgs(
				post(
					'/calls/new',
					callForm(cohort.id, {
						closesOn: '2027-01-01',
						'criteria[0].weight': '0',
						'questions[1].options': 'only one',
					}),
					manager.cookie,
				),
			),
		),
	)
	expect(statusOf(bad)).toBe(400)
	for (const key of [
		'calls:errors.closesBeforeOpens',
		'calls:errors.weight',
		'calls:errors.twoOptions',
	]) {
		expect(JSON.stringify(bad)).toContain(key)
	}
	expect(JSON.stringify(bad)).toContain('Intake 2027')
	expect(getDb().select().from(calls).all()).toHaveLength(1)

	for (const who of [mentor, partner, founder]) {
		expect(
			statusOf(
				await settle(() =>
					newAction(actionArgs(post('/calls/new', callForm(cohort.id), who.cookie))),
				),
			),
		).toBe(403)
		expect(statusOf(await settle(() => callsLoader(loaderArgs(get('/calls', who.cookie)))))).toBe(
			403,
		)
	}
	// a member who has scored stays on the committee
	const a = createApplication({ callId: call.id })
	const criteria = getDb().select().from(callCriteria).where(eq(callCriteria.callId, call.id)).all()
	createReview({
		applicationId: a.id,
		userId: mentor.user.id,
		scores: { [criteria[0]!.id]: 3, [criteria[1]!.id]: 3 },
	})
	expect(statusOf(await committee('remove-member', mentor.user.id))).toBe(400)
	expect(statusOf(await committee('remove-member', partner.user.id))).toBe(302)
	expect(members()).toEqual([manager.user.id, mentor.user.id].sort())
})

test('once someone has applied the questions stay as they are; once someone has scored, the criteria too', async () => {
	const manager = await signedIn('manager')
	const call = createCall({ committee: [manager.user.id] })
	const edit = (extra: Record<string, string>) =>
		settle(() =>
			editAction(
				actionArgs(
					post(`/calls/${call.id}/edit`, callForm(call.cohortId, extra), manager.cookie),
					p({ callId: call.id }),
				),
			),
		)
	createApplication({ callId: call.id, status: 'draft' })
	expect(statusOf(await edit({ titleEn: 'Renamed call' }))).toBe(302)
	const after = getDb().select().from(calls).where(eq(calls.id, call.id)).get()!
	expect(after.titleEn).toBe('Renamed call')
	expect(
		getDb()
			.select({ label: callQuestions.labelEn })
			.from(callQuestions)
			.where(eq(callQuestions.callId, call.id))
			.all()
			.map((q) => q.label),
	).toEqual(call.questions.map((q) => q.labelEn))
	// criteria could still change: no score yet
	expect(
		getDb()
			.select({ w: callCriteria.weight })
			.from(callCriteria)
			.where(eq(callCriteria.callId, call.id))
			.all(),
	).toEqual([{ w: 60 }, { w: 40 }])
	const a = createApplication({ callId: call.id })
	const criteria = getDb().select().from(callCriteria).where(eq(callCriteria.callId, call.id)).all()
	createReview({ applicationId: a.id, userId: manager.user.id, scores: { [criteria[0]!.id]: 4 } })
	expect(statusOf(await edit({ 'criteria[0].weight': '10' }))).toBe(302)
	expect(
		getDb()
			.select({ w: callCriteria.weight })
			.from(callCriteria)
			.where(eq(callCriteria.callId, call.id))
			.all(),
	).toEqual([{ w: 60 }, { w: 40 }])
	const review = getDb()
		.select()
		.from(applicationReviews)
		.where(eq(applicationReviews.applicationId, a.id))
		.get()!
	expect(
		getDb().select().from(reviewScores).where(eq(reviewScores.reviewId, review.id)).all(),
	).toHaveLength(1)
})

test('rejected applications past their retention period are listed and erased; the figures stay', async () => {
	const manager = await signedIn('manager')
	const call = createCall({ retentionMonths: 12, opensOn: '2025-01-01', closesOn: '2025-03-31' })
	const old = createApplication({
		callId: call.id,
		status: 'rejected',
		origin: 'FR',
		submittedAt: new Date('2025-03-01T09:00:00Z'),
		decidedAt: new Date('2025-04-10T09:00:00Z'),
		decisionReason: 'Not this time, Jeanne.',
		contactEmail: 'jeanne@old.example',
	})
	const recent = createApplication({
		callId: call.id,
		status: 'rejected',
		decidedAt: new Date('2026-10-01T09:00:00Z'),
	})
	const accepted = createApplication({
		callId: call.id,
		status: 'accepted',
		decidedAt: new Date('2025-04-10T09:00:00Z'),
	})
	const abandoned = createApplication({ callId: call.id, status: 'draft' })
	const stored = storeFile(new TextEncoder().encode('%PDF-1.4\nx\n%%EOF\n'))
	getDb()
		.insert(applicationFiles)
		.values({
			applicationId: old.id,
			questionId: call.questions[0]!.id,
			originalName: 'deck.pdf',
			contentType: 'application/pdf',
			...stored,
		})
		.run()
	createReview({
		applicationId: old.id,
		userId: manager.user.id,
		scores: { [call.criteria[0]!.id]: 2 },
		comments: { [call.criteria[0]!.id]: 'Jeanne seemed unsure' },
	})

	const list = await reviewLoader(loaderArgs(get('/calls/review', manager.cookie)))
	expect(list.rows.map((r) => r.id).sort()).toEqual([old.id, abandoned.id].sort())
	expect(list.rows.find((r) => r.id === old.id)!.dueOn).toBe('2026-04-10')
	const reportBefore = getReport(
		parseReportPeriod(new URLSearchParams('year=2025'), '2026-11-29'),
	).selection

	const erase = (form: Record<string, string>) =>
		settle(() => reviewAction(actionArgs(post('/calls/review', form, manager.cookie))))
	// an id that is not due erases nothing
	expect(statusOf(await erase({ intent: 'erase', id: String(recent.id) }))).toBe(302)
	expect(
		getDb().select().from(applications).where(eq(applications.id, recent.id)).get()!.erasedAt,
	).toBeNull()
	expect(statusOf(await erase({ intent: 'erase' }))).toBe(302)

	const row = getDb().select().from(applications).where(eq(applications.id, old.id)).get()!
	expect(row).toMatchObject({
		contactName: null,
		contactEmail: null,
		contactPhone: null,
		projectName: null,
		pitch: null,
		decisionReason: null,
		tokenHash: null,
		status: 'rejected',
		origin: 'FR',
	})
	expect(row.erasedAt).toBeInstanceOf(Date)
	expect(
		getDb()
			.select()
			.from(applicationFounders)
			.where(eq(applicationFounders.applicationId, old.id))
			.all(),
	).toEqual([])
	expect(
		getDb().select().from(applicationFiles).where(eq(applicationFiles.applicationId, old.id)).all(),
	).toEqual([])
	expect(fs.existsSync(path.join(getUploadsDir(), 'applications', stored.storedName))).toBe(false)
	expect(JSON.stringify(getDb().select().from(reviewScores).all())).not.toContain('Jeanne')
	expect(
		getDb().select().from(applications).where(eq(applications.id, accepted.id)).get()!.erasedAt,
	).toBeNull()
	// the call's figures are the same after erasure
	expect(
		getReport(parseReportPeriod(new URLSearchParams('year=2025'), '2026-11-29')).selection,
	).toEqual(reportBefore)
	expect((await reviewLoader(loaderArgs(get('/calls/review', manager.cookie)))).rows).toEqual([])
})

test('the selection report counts applications per call and origin, acceptance and time to decision; partners get counts only', async () => {
	const cohort = createCohort()
	const call = createCall({ cohortId: cohort.id, titleEn: 'Intake report test' })
	const at = (day: string) => new Date(`${day}T09:00:00Z`)
	createApplication({
		callId: call.id,
		origin: 'FR',
		status: 'accepted',
		submittedAt: at('2026-03-01'),
		decidedAt: at('2026-03-11'),
		contactName: 'Zoé Private',
	})
	createApplication({
		callId: call.id,
		origin: 'GB',
		status: 'rejected',
		submittedAt: at('2026-03-02'),
		decidedAt: at('2026-03-22'),
	})
	createApplication({
		callId: call.id,
		origin: 'GB',
		status: 'rejected',
		submittedAt: at('2026-03-03'),
		decidedAt: at('2026-03-07'),
	})
	createApplication({
		callId: call.id,
		origin: 'other',
		status: 'submitted',
		submittedAt: at('2026-03-04'),
	})
	createApplication({ callId: call.id, status: 'draft' })
	createApplication({
		callId: call.id,
		origin: 'FR',
		status: 'submitted',
		submittedAt: at('2025-12-30'),
	})

	const partner = await signedIn('partner')
	const page = await reportLoader(
		loaderArgs(get(`/reports?year=2026&cohort=${cohort.id}`, partner.cookie)),
	)
	const s = page.report.selection
	expect(s.totals).toEqual({
		submitted: 4,
		accepted: 1,
		waitlisted: 0,
		rejected: 2,
		pending: 1,
		acceptanceRate: 33.3,
	})
	expect(s.byCall.map((c) => [c.titleEn, c.submitted])).toEqual([['Intake report test', 4]])
	expect(s.byOrigin.map((o) => [o.origin, o.submitted, o.accepted])).toEqual([
		['FR', 1, 1],
		['GB', 2, 0],
		['other', 1, 0],
	])
	// 10, 20 and 4 days: median 10
	expect(s.medianDaysToDecision).toBe(10)
	expect(s.averageDaysToDecision).toBeCloseTo(11.3, 5)
	expect(JSON.stringify(page)).not.toContain('Zoé Private')
	expect(JSON.stringify(page)).not.toContain('@apply.example')

	// the same figures as CSV
	const csv = (await exportLoader(
		loaderArgs(get(`/reports/export/selection.csv?year=2026&cohort=${cohort.id}`, partner.cookie), {
			params: { section: 'selection.csv' },
		}),
	)) as Response
	const text = await csv.text()
	expect(text).toContain('by_origin,GB,submitted,2')
	expect(text).toContain('by_call,total,acceptance_rate_percent,33.30')
	expect(text).toContain('days_to_decision,median,days,10')
	expect(text).not.toContain('Zoé')
})

test('emails wait in the outbox without SMTP_URL, and go out by SMTP when it is set', async () => {
	const manager = await signedIn('manager')
	writeTransaction((tx) =>
		queueEmail(tx, {
			kind: 'password_reset',
			to: 'someone@example.com',
			locale: 'en',
			subject: 'Hello',
			body: 'Link: http://localhost:3000/password/' + 'a'.repeat(43),
		}),
	)
	const saved = process.env.SMTP_URL
	try {
		delete process.env.SMTP_URL
		expect(await deliverOutbox()).toEqual({ sent: 0, failed: 0 })
		const page = await outboxLoader(loaderArgs(get('/outbox', manager.cookie)))
		expect(page.smtp).toBe(false)
		const row = page.list.rows.find((m) => m.toAddress === 'someone@example.com')!
		expect(row.sentAt).toBeNull()
		// managers read the message, but not the secret link in it
		expect(row.body).toContain('/password/…')
		expect(row.body).not.toContain('a'.repeat(43))

		const sent: { to: string; subject: string }[] = []
		let fail = true
		vi.spyOn(nodemailer, 'createTransport').mockReturnValue({
			sendMail: async (message: { to: string; subject: string }) => {
				if (fail) throw new Error('connection refused')
				sent.push(message)
				return {}
			},
		} as never)
		process.env.SMTP_URL = 'smtp://mail.example:587'
		expect(await deliverOutbox()).toEqual({ sent: 0, failed: 1 })
		const failed = getDb()
			.select()
			.from(outbox)
			.where(eq(outbox.toAddress, 'someone@example.com'))
			.get()!
		expect(failed).toMatchObject({ attempts: 1, lastError: 'connection refused', sentAt: null })
		fail = false
		expect(await deliverOutbox()).toEqual({ sent: 1, failed: 0 })
		expect(sent).toEqual([expect.objectContaining({ to: 'someone@example.com', subject: 'Hello' })])
		const done = getDb()
			.select()
			.from(outbox)
			.where(eq(outbox.toAddress, 'someone@example.com'))
			.get()!
		expect(done.sentAt).toBeInstanceOf(Date)
		// once sent, the outbox no longer holds the link
		expect(done.body).not.toContain('a'.repeat(43))
		expect(await deliverOutbox()).toEqual({ sent: 0, failed: 0 })
	} finally {
		if (saved === undefined) delete process.env.SMTP_URL
		else process.env.SMTP_URL = saved
	}
	const mentor = await signedIn('mentor')
	expect(
		statusOf(await settle(() => outboxLoader(loaderArgs(get('/outbox', mentor.cookie))))),
	).toBe(403)
})
