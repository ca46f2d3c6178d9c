import { eq } from 'drizzle-orm'
import {
	applicationReviews,
	applications,
	outbox,
	passwordTokens,
	startups,
	teamMembers,
	users,
} from '#db/schema/index'
import { createCohort, createMentor, createUser } from '#tests/factories'
import { createApplication, createCall, createConflict, createReview } from '#tests/factories-calls'
import { actionArgs, get, loaderArgs, post, sessionCookie, settle, statusOf } from '#tests/request'
import { rankApplications } from '~/models/jury.server'
import { getDb } from '~/utils/db.server'
import { storeFile } from '~/utils/uploads.server'
import { applicationFiles } from '#db/schema/index'
import {
	action as managerAction,
	loader as managerLoader,
} from './_app.calls.$callId_.applications.$applicationId'
import { loader as fileLoader } from './_app.calls.$callId_.files.$fileId'
import { loader as juryCallLoader } from './_app.jury.$callId'
import { action as juryAction, loader as juryLoader } from './_app.jury.$callId_.$applicationId'
import { loader as juryListLoader } from './_app.jury._index'

async function member(role: 'manager' | 'mentor' | 'partner', overrides = {}) {
	const user = createUser({
		role,
		...(role === 'mentor' ? { mentorId: createMentor().id } : {}),
		...(role === 'partner' ? { organisation: "CCI Côte d'Opale" } : {}),
		...overrides,
	})
	return { user, cookie: await sessionCookie(user.id) }
}

const p = (values: Record<string, number>) => ({
	params: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
})

function juryPage(cookie: string, callId: number, applicationId: number) {
	return settle(() =>
		juryLoader(
			loaderArgs(get(`/jury/${callId}/${applicationId}`, cookie), p({ callId, applicationId })),
		),
	)
}

function score(
	cookie: string,
	call: ReturnType<typeof createCall>,
	applicationId: number,
	scores: number[],
	intent = 'submit-review',
) {
	const form: Record<string, string> = { intent }
	call.criteria.forEach((c, i) => {
		if (scores[i] !== undefined) form[`score${c.id}`] = String(scores[i])
		form[`comment${c.id}`] = `Comment on ${c.labelEn}`
	})
	return settle(() =>
		juryAction(
			actionArgs(
				post(`/jury/${call.id}/${applicationId}`, form, cookie),
				p({ callId: call.id, applicationId }),
			),
		),
	)
}

test('a committee member sees the calls they sit on and those applications only', async () => {
	const mentor = await member('mentor')
	const mine = createCall({ committee: [mentor.user.id] })
	const other = createCall()
	const a = createApplication({ callId: mine.id, projectName: 'Dover Drones' })
	const draft = createApplication({ callId: mine.id, status: 'draft', projectName: 'Half Written' })
	const elsewhere = createApplication({ callId: other.id, projectName: 'Someone Else' })

	const list = await juryListLoader(loaderArgs(get('/jury', mentor.cookie)))
	expect(list.calls.map((c) => c.id)).toEqual([mine.id])
	const page = (await juryCallLoader(
		loaderArgs(get(`/jury/${mine.id}`, mentor.cookie), p({ callId: mine.id })),
	)) as {
		applications: { projectName: string | null }[]
	}
	expect(page.applications.map((x) => x.projectName)).toEqual(['Dover Drones'])

	expect(statusOf(await juryPage(mentor.cookie, mine.id, a.id))).toBe(200)
	// a draft, another call's application, a call they do not sit on: 404
	expect(statusOf(await juryPage(mentor.cookie, mine.id, draft.id))).toBe(404)
	expect(statusOf(await juryPage(mentor.cookie, mine.id, elsewhere.id))).toBe(404)
	expect(statusOf(await juryPage(mentor.cookie, other.id, elsewhere.id))).toBe(404)
	expect(
		statusOf(
			await settle(() =>
				juryCallLoader(
					loaderArgs(get(`/jury/${other.id}`, mentor.cookie), p({ callId: other.id })),
				),
			),
		),
	).toBe(404)
	// and the manager's pages stay closed to them
	expect(
		statusOf(
			await settle(() =>
				managerLoader(
					loaderArgs(
						get(`/calls/${mine.id}/applications/${a.id}`, mentor.cookie),
						p({ callId: mine.id, applicationId: a.id }),
					),
				),
			),
		),
	).toBe(403)
})

test('a partner representative on the committee reads the project, never the applicant’s email or phone', async () => {
	const partner = await member('partner')
	const call = createCall({ committee: [partner.user.id] })
	const a = createApplication({
		callId: call.id,
		contactEmail: 'secret.person@apply.example',
		contactPhone: '+44 7700 900123',
		founders: [{ name: 'Ada Brook', role: 'CEO', email: 'ada.brook@apply.example' }],
	})
	const page = await juryPage(partner.cookie, call.id, a.id)
	const body = JSON.stringify(page)
	expect(body).toContain(a.projectName!)
	expect(body).toContain('Ada Brook')
	for (const secret of [
		'secret.person@apply.example',
		'+44 7700 900123',
		'ada.brook@apply.example',
	]) {
		expect(body).not.toContain(secret)
	}
})

test('a member who declares a conflict of interest gets a 404 on that application, its file, and loses their score', async () => {
	const mentor = await member('mentor')
	const manager = await member('manager')
	const call = createCall({ committee: [mentor.user.id, manager.user.id] })
	const a = createApplication({ callId: call.id })
	const stored = storeFile(new TextEncoder().encode('%PDF-1.4\nhello\n%%EOF\n'))
	const file = getDb()
		.insert(applicationFiles)
		.values({
			applicationId: a.id,
			questionId: call.questions[0]!.id,
			originalName: 'deck.pdf',
			contentType: 'application/pdf',
			...stored,
		})
		.returning()
		.get()
	const download = (cookie: string) =>
		settle(() =>
			fileLoader(
				loaderArgs(
					get(`/calls/${call.id}/files/${file.id}`, cookie),
					p({ callId: call.id, fileId: file.id }),
				),
			),
		)
	const fileRes = (await download(mentor.cookie)) as Response
	expect(fileRes.status).toBe(200)
	expect(fileRes.headers.get('Content-Type')).toBe('application/pdf')
	expect(new TextDecoder().decode(await fileRes.arrayBuffer())).toContain('%PDF-1.4')

	expect(statusOf(await score(mentor.cookie, call, a.id, [3, 3], 'save-review'))).toBe(302)
	const declared = (await settle(() =>
		juryAction(
			actionArgs(
				post(`/jury/${call.id}/${a.id}`, { intent: 'declare-conflict' }, mentor.cookie),
				p({ callId: call.id, applicationId: a.id }),
			),
		),
	)) as Response
	expect(declared.status).toBe(302)
	expect(declared.headers.get('Location')).toBe(`/jury/${call.id}`)

	expect(statusOf(await juryPage(mentor.cookie, call.id, a.id))).toBe(404)
	expect(statusOf(await download(mentor.cookie))).toBe(404)
	expect(statusOf(await score(mentor.cookie, call, a.id, [5, 5, 5]))).toBe(404)
	// the score they had started is gone; the list names the application without opening it
	expect(
		getDb()
			.select()
			.from(applicationReviews)
			.where(eq(applicationReviews.userId, mentor.user.id))
			.all(),
	).toEqual([])
	const list = (await juryCallLoader(
		loaderArgs(get(`/jury/${call.id}`, mentor.cookie), p({ callId: call.id })),
	)) as {
		applications: { id: number; conflict: boolean; sector: string | null }[]
	}
	expect(list.applications.find((x) => x.id === a.id)).toMatchObject({
		conflict: true,
		sector: null,
	})
	// the manager still sees it, and the ranking does not wait for the conflicted member
	expect(statusOf(await download(manager.cookie))).toBe(200)
	expect(rankApplications(call.id, [a.id])[0]!.missing.map((m) => m.userId)).toEqual([
		manager.user.id,
	])

	// a manager with a conflict is treated the same
	createConflict({ applicationId: a.id, userId: manager.user.id })
	expect(
		statusOf(
			await settle(() =>
				managerLoader(
					loaderArgs(
						get(`/calls/${call.id}/applications/${a.id}`, manager.cookie),
						p({ callId: call.id, applicationId: a.id }),
					),
				),
			),
		),
	).toBe(404)
	expect(statusOf(await download(manager.cookie))).toBe(404)
})

test("a member sees the others' scores only after submitting their own, which are then final", async () => {
	const mentor = await member('mentor')
	const partner = await member('partner')
	const call = createCall({ committee: [mentor.user.id, partner.user.id] })
	const a = createApplication({ callId: call.id })
	const [team, market, fb] = call.criteria
	createReview({
		applicationId: a.id,
		userId: mentor.user.id,
		scores: { [team!.id]: 4, [market!.id]: 2, [fb!.id]: 5 },
		comments: { [team!.id]: 'Solid founders' },
	})

	const before = (await juryPage(partner.cookie, call.id, a.id)) as {
		others: unknown
		ranking: unknown
	}
	expect(before.others).toBeNull()
	expect(before.ranking).toBeNull()
	expect(JSON.stringify(before)).not.toContain('Solid founders')

	// a half-filled submission is refused and reveals nothing
	const half = await score(partner.cookie, call, a.id, [3])
	expect(statusOf(half)).toBe(400)
	expect(JSON.stringify(half)).toContain('calls:errors.scoreAll')
	expect(JSON.stringify(half)).not.toContain('Solid founders')
	// out of range
	expect(statusOf(await score(partner.cookie, call, a.id, [6, 2, 2]))).toBe(400)

	expect(statusOf(await score(partner.cookie, call, a.id, [2, 3, 4]))).toBe(302)
	const after = (await juryPage(partner.cookie, call.id, a.id)) as {
		others: { name: string | null; role: string; weighted: number }[]
		ranking: { average: number; scored: number }
	}
	// a partner representative sees fellow members by role, never by name (the partners' rule)
	expect(after.others.map((o) => [o.name, o.role])).toEqual([[null, 'mentor']])
	expect(JSON.stringify(after)).not.toContain(mentor.user.name)
	expect(JSON.stringify(after)).toContain('Solid founders')
	// weights 50/30/20: mentor 4·.5+2·.3+5·.2 = 3.6, partner 2·.5+3·.3+4·.2 = 2.7
	expect(after.others[0]!.weighted).toBeCloseTo(3.6, 10)
	expect(after.ranking.average).toBeCloseTo(3.15, 10)
	expect(after.ranking.scored).toBe(2)

	// no second thoughts after seeing the others
	const again = await score(partner.cookie, call, a.id, [5, 5, 5])
	expect(statusOf(again)).toBe(409)
	expect(JSON.stringify(again)).toContain('calls:errors.alreadySubmitted')
})

test('the ranking gives weighted averages, the spread, and who has not scored yet', () => {
	const [m1, m2, m3] = [
		createUser({ role: 'manager' }),
		createUser({ role: 'partner' }),
		createUser({ role: 'manager' }),
	]
	const call = createCall({ committee: [m1.id, m2.id, m3.id] })
	const [c1, c2, c3] = call.criteria
	const strong = createApplication({ callId: call.id, projectName: 'Strong' })
	const split = createApplication({ callId: call.id, projectName: 'Split' })
	const unscored = createApplication({ callId: call.id, projectName: 'Unscored' })
	createReview({
		applicationId: strong.id,
		userId: m1.id,
		scores: { [c1!.id]: 5, [c2!.id]: 5, [c3!.id]: 4 },
	})
	createReview({
		applicationId: strong.id,
		userId: m2.id,
		scores: { [c1!.id]: 4, [c2!.id]: 4, [c3!.id]: 4 },
	})
	createReview({
		applicationId: split.id,
		userId: m1.id,
		scores: { [c1!.id]: 5, [c2!.id]: 5, [c3!.id]: 5 },
	})
	createReview({
		applicationId: split.id,
		userId: m2.id,
		scores: { [c1!.id]: 1, [c2!.id]: 1, [c3!.id]: 1 },
	})
	// a review saved but not submitted does not count
	createReview({
		applicationId: split.id,
		userId: m3.id,
		scores: { [c1!.id]: 0 },
		submitted: false,
	})
	createConflict({ applicationId: unscored.id, userId: m3.id })

	const rows = rankApplications(call.id, [strong.id, split.id, unscored.id])
	expect(rows.map((r) => r.projectName)).toEqual(['Strong', 'Split', 'Unscored'])
	const [first, second, third] = rows
	// Strong: (5·50+5·30+4·20)/100 = 4.8 and 4.0 → 4.4, spread 0.8
	expect(first!.average).toBeCloseTo(4.4, 10)
	expect(first!.spread).toBeCloseTo(0.8, 10)
	expect(first!.missing.map((m) => m.userId)).toEqual([m3.id])
	expect(second!.average).toBeCloseTo(3, 10)
	expect(second!.spread).toBeCloseTo(4, 10)
	expect(second!.missing.map((m) => m.userId)).toEqual([m3.id])
	expect(second!.criteria.find((c) => c.criterionId === c1!.id)!.average).toBe(3)
	expect(third!.average).toBeNull()
	expect(third!.conflicts).toBe(1)
	expect(third!.missing.map((m) => m.userId).sort()).toEqual([m1.id, m2.id].sort())
})

test('accepting creates the startup in the cohort from the application and invites its founders', async () => {
	const manager = await member('manager')
	const cohort = createCohort({
		name: 'Promotion 2027',
		startDate: '2027-09-01',
		endDate: '2029-08-31',
	})
	const call = createCall({ cohortId: cohort.id })
	createUser({ role: 'partner', email: 'already@tektos.example' })
	const a = createApplication({
		callId: call.id,
		locale: 'en',
		projectName: 'Dover Drones',
		sector: 'Drones',
		stage: 'prototype',
		pitch: 'Drones that inspect lorry seals before the crossing.',
		ukFocus: true,
		contactEmail: 'emma@doverdrones.example',
		founders: [
			{ name: 'Emma Walsh', role: 'CEO', email: 'emma@doverdrones.example' },
			{ name: 'Tom Reid', role: 'CTO', email: 'tom@doverdrones.example' },
			{ name: 'Someone Known', role: 'Adviser', email: 'Already@tektos.example' },
			{ name: 'No Email', role: 'Designer' },
		],
	})
	const decide = (form: Record<string, string>) =>
		settle(() =>
			managerAction(
				actionArgs(
					post(`/calls/${call.id}/applications/${a.id}`, form, manager.cookie),
					p({ callId: call.id, applicationId: a.id }),
				),
			),
		)
	// a mentor cannot decide by posting the form
	const mentor = await member('mentor')
	const refused = await settle(() =>
		managerAction(
			actionArgs(
				post(
					`/calls/${call.id}/applications/${a.id}`,
					{ intent: 'decide', decision: 'accepted' },
					mentor.cookie,
				),
				p({ callId: call.id, applicationId: a.id }),
			),
		),
	)
	expect(statusOf(refused)).toBe(403)

	const res = (await decide({
		intent: 'decide',
		decision: 'accepted',
		reason: 'Welcome aboard.',
	})) as Response
	expect(res.status).toBe(302)
	const row = getDb().select().from(applications).where(eq(applications.id, a.id)).get()!
	expect(row.status).toBe('accepted')
	const startup = getDb().select().from(startups).where(eq(startups.id, row.startupId!)).get()!
	expect(startup).toMatchObject({
		name: 'Dover Drones',
		sector: 'Drones',
		stage: 'prototype',
		status: 'incubated',
		cohortId: cohort.id,
		// accepted before its cohort starts: it enters with the cohort
		enteredOn: '2027-09-01',
		pitchEn: 'Drones that inspect lorry seals before the crossing.',
		ukFocus: true,
	})
	const team = getDb()
		.select()
		.from(teamMembers)
		.where(eq(teamMembers.startupId, startup.id))
		.orderBy(teamMembers.id)
		.all()
	expect(team.map((t) => t.name)).toEqual(['Emma Walsh', 'Tom Reid', 'Someone Known', 'No Email'])
	// two new founder accounts (the known address keeps its own account), each with an invitation
	const founders = getDb().select().from(users).where(eq(users.startupId, startup.id)).all()
	expect(founders.map((u) => u.email).sort()).toEqual([
		'emma@doverdrones.example',
		'tom@doverdrones.example',
	])
	expect(founders.every((u) => u.role === 'founder' && u.locale === 'en')).toBe(true)
	const invitations = getDb().select().from(outbox).where(eq(outbox.kind, 'invitation')).all()
	expect(invitations.map((m) => m.toAddress).sort()).toEqual([
		'emma@doverdrones.example',
		'tom@doverdrones.example',
	])
	expect(invitations[0]!.body).toMatch(/\/password\/[A-Za-z0-9_-]{43}/)
	expect(
		getDb()
			.select()
			.from(passwordTokens)
			.all()
			.filter((t) => t.purpose === 'invitation'),
	).toHaveLength(2)
	// the applicant reads the manager's words, in their language
	const decision = getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.kind, 'application_decision'))
		.get()!
	expect(decision).toMatchObject({ toAddress: 'emma@doverdrones.example', locale: 'en' })
	expect(decision.body).toContain('Welcome aboard.')

	// a decision is taken once
	const twice = await decide({ intent: 'decide', decision: 'rejected', reason: 'No.' })
	expect(statusOf(twice)).toBe(409)
	expect(
		getDb().select().from(startups).where(eq(startups.name, 'Dover Drones')).all(),
	).toHaveLength(1)
})

test('a refusal needs a reason, and the applicant receives only that reason, never the committee’s comments', async () => {
	const manager = await member('manager')
	const call = createCall()
	const a = createApplication({ callId: call.id, contactEmail: 'refused@apply.example' })
	createReview({
		applicationId: a.id,
		userId: manager.user.id,
		scores: { [call.criteria[0]!.id]: 1 },
		comments: { [call.criteria[0]!.id]: 'Weak team, frankly' },
	})
	const decide = (form: Record<string, string>) =>
		settle(() =>
			managerAction(
				actionArgs(
					post(`/calls/${call.id}/applications/${a.id}`, form, manager.cookie),
					p({ callId: call.id, applicationId: a.id }),
				),
			),
		)
	const noReason = await decide({ intent: 'decide', decision: 'rejected' })
	expect(statusOf(noReason)).toBe(400)
	expect(JSON.stringify(noReason)).toContain('calls:errors.reasonRequired')
	expect(getDb().select().from(applications).where(eq(applications.id, a.id)).get()!.status).toBe(
		'submitted',
	)

	expect(
		statusOf(
			await decide({
				intent: 'decide',
				decision: 'rejected',
				reason: 'The project needs a first customer.',
			}),
		),
	).toBe(302)
	const mail = getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.toAddress, 'refused@apply.example'))
		.get()!
	expect(mail.body).toContain('The project needs a first customer.')
	expect(mail.body).not.toContain('Weak team')
	expect(
		getDb().select().from(users).where(eq(users.email, 'refused@apply.example')).all(),
	).toEqual([])
})
