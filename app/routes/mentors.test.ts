import { and, eq } from 'drizzle-orm'
import { auditLog, mentorAssignments, mentoringSessions, mentors } from '#db/schema/index'
import {
	createAssignment,
	createMentor,
	createMentoringSession,
	createMilestone,
	createStartup,
	createUser,
} from '#tests/factories'
import { addDays } from '~/utils/calendar'
import {
	actionArgs,
	dataOf,
	get,
	loaderArgs,
	post,
	sessionCookie,
	settle,
	statusOf,
} from '#tests/request'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import { loader as homeLoader } from './_app._index/route'
import { action as profileAction, loader as profileLoader } from './_app.mentors.$mentorId'
import { action as editAction, loader as editLoader } from './_app.mentors.$mentorId_.edit'
import { loader as listLoader } from './_app.mentors._index'
import { loader as hoursLoader } from './_app.mentors.hours'
import { action as newAction, loader as newLoader } from './_app.mentors.new'
import { action as spaceAction, loader as spaceLoader } from './_app.mentoring._index'
import {
	action as sessionAction,
	loader as sessionLoader,
} from './_app.mentoring.sessions.$sessionId'
import {
	action as startupMentorsAction,
	loader as startupMentorsLoader,
} from './_app.startups.$startupId_.mentors'
import { loader as recordsLoader } from './_app.reports.records'
import { loader as startupLoader } from './_app.startups.$startupId/route'

type Role = 'manager' | 'founder' | 'mentor' | 'partner'

async function as(role: Role, overrides: { startupId?: number; mentorId?: number } = {}) {
	const user = createUser({ role, ...overrides })
	return { user, cookie: await sessionCookie(user.id) }
}

const DATE = today()
const count = (table: typeof mentors | typeof mentorAssignments | typeof mentoringSessions) =>
	getDb().select().from(table).all().length

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }
const errorsOf = (result: unknown) => (dataOf(result) as Reply).error ?? {}

/** A startup with a founder, a mentor with a login assigned to it 30 days ago, and a session. */
async function mentoredStartup(name = 'Fretmanche') {
	const startup = createStartup({ name })
	const mentor = createMentor({ name: `Mentor of ${name}`, expertise: 'logistics,uk-market' })
	const assignment = createAssignment({
		mentorId: mentor.id,
		startupId: startup.id,
		startDate: addDays(DATE, -30),
	})
	const founder = await as('founder', { startupId: startup.id })
	const mentorUser = await as('mentor', { mentorId: mentor.id })
	return { startup, mentor, assignment, founder, mentorUser }
}

const sessionForm = (assignmentId: number, values: Record<string, string> = {}) => ({
	assignmentId: String(assignmentId),
	date: DATE,
	minutes: '90',
	topic: 'Tarifs des traversées',
	notes: 'Le fondateur hésite sur les prix.',
	nextSteps: 'Appeler deux transitaires de Douvres.',
	...values,
})

test('only managers reach the mentors pages and the assign page', async () => {
	const startup = createStartup()
	const mentor = createMentor()
	const pages: ((args: ReturnType<typeof loaderArgs>) => Promise<unknown>)[] = [
		listLoader,
		newLoader,
		hoursLoader,
	]
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const { cookie } = await as(role, role === 'founder' ? { startupId: startup.id } : {})
		for (const page of pages) {
			expect(statusOf(await settle(() => page(loaderArgs(get('/mentors', cookie)))))).toBe(403)
		}
		const withMentor = { params: { mentorId: String(mentor.id) } }
		const withStartup = { params: { startupId: String(startup.id) } }
		const attempts: (() => Promise<unknown>)[] = [
			() => profileLoader(loaderArgs(get(`/mentors/${mentor.id}`, cookie), withMentor)),
			() => editLoader(loaderArgs(get(`/mentors/${mentor.id}/edit`, cookie), withMentor)),
			() =>
				profileAction(
					actionArgs(post(`/mentors/${mentor.id}`, { intent: 'deactivate' }, cookie), withMentor),
				),
			() =>
				editAction(
					actionArgs(post(`/mentors/${mentor.id}/edit`, { name: 'X' }, cookie), withMentor),
				),
			() => newAction(actionArgs(post('/mentors/new', { name: 'X' }, cookie))),
			() =>
				startupMentorsLoader(
					loaderArgs(get(`/startups/${startup.id}/mentors`, cookie), withStartup),
				),
			() =>
				startupMentorsAction(
					actionArgs(
						post(
							`/startups/${startup.id}/mentors`,
							{ intent: 'assign', mentorId: String(mentor.id), focus: 'x', startDate: DATE },
							cookie,
						),
						withStartup,
					),
				),
		]
		for (const run of attempts) expect(statusOf(await settle(run)), role).toBe(403)
	}
	expect(getDb().select().from(mentors).where(eq(mentors.id, mentor.id)).get()?.active).toBe(true)
	expect(
		getDb()
			.select()
			.from(mentorAssignments)
			.where(eq(mentorAssignments.startupId, startup.id))
			.all(),
	).toEqual([])

	const { cookie } = await as('manager')
	const list = await listLoader(loaderArgs(get('/mentors?expertise=uk-market', cookie)))
	expect(list.mentors.some((m) => m.id === mentor.id)).toBe(true)
})

test('a manager creates a mentor; bad input comes back with field messages and writes nothing', async () => {
	const { cookie } = await as('manager')
	const form = {
		name: 'Claire Fontaine',
		organisation: 'Getlink',
		expertise: 'UK market, customs',
		languages: 'fr, EN',
		capacityHoursPerMonth: '5',
	}
	const before = count(mentors)
	const cases: [Record<string, string>, string, string][] = [
		[{ capacityHoursPerMonth: '-1' }, 'capacityHoursPerMonth', 'mentors:errors.capacity'],
		[{ capacityHoursPerMonth: 'lots' }, 'capacityHoursPerMonth', 'errors.number'],
		[{ languages: 'french' }, 'languages', 'mentors:errors.languageCode'],
		[{ languages: ' , ' }, 'languages', 'mentors:errors.languagesRequired'],
		[{ expertise: 'uk market!' }, 'expertise', 'mentors:errors.expertiseTag'],
		[{ email: 'not-an-email' }, 'email', 'errors.email'],
		[{ name: '' }, 'name', 'errors.required'],
	]
	for (const [values, field, message] of cases) {
		const result = await settle(() =>
			newAction(actionArgs(post('/mentors/new', { ...form, ...values }, cookie))),
		)
		expect(statusOf(result), JSON.stringify(values)).toBe(400)
		expect(errorsOf(result)[field] ?? [], field).toContain(message)
		// what the user typed comes back
		expect((dataOf(result) as Reply).initialValue?.organisation).toBe('Getlink')
	}
	expect(count(mentors)).toBe(before)

	const res = (await newAction(actionArgs(post('/mentors/new', form, cookie)))) as Response
	expect(res.status).toBe(302)
	const id = Number(res.headers.get('Location')!.split('/').pop())
	expect(getDb().select().from(mentors).where(eq(mentors.id, id)).get()).toMatchObject({
		expertise: 'uk-market,customs',
		languages: 'fr,en',
		capacityHoursPerMonth: 5,
		active: true,
	})
})

test('a manager assigns a mentor from the suggestions, then ends the assignment', async () => {
	const { user, cookie } = await as('manager')
	const startup = createStartup({ name: 'Blue Strait Robotics', ukFocus: true, sector: 'Maritime' })
	createMilestone({ startupId: startup.id, kind: 'uk_market_entry', status: 'planned' })
	const mentor = createMentor({ name: 'Thierry Dufour', expertise: 'export,customs,uk-market' })
	const params = { params: { startupId: String(startup.id) } }
	const page = await startupMentorsLoader(
		loaderArgs(get(`/startups/${startup.id}/mentors?mentor=${mentor.id}`, cookie), params),
	)
	const suggestion = page.suggestions.find((s) => s.mentor.id === mentor.id)
	expect(suggestion?.reasons.map((r) => r.kind)).toEqual([
		'milestone',
		'uk',
		'language',
		'language',
	])
	expect(page.preselected).toBe(mentor.id)

	const assign = (values: Record<string, string>) =>
		settle(() =>
			startupMentorsAction(
				actionArgs(
					post(
						`/startups/${startup.id}/mentors`,
						{
							intent: 'assign',
							mentorId: String(mentor.id),
							focus: 'Douane post-Brexit',
							startDate: addDays(DATE, -10),
							...values,
						},
						cookie,
					),
					params,
				),
			),
		)
	const bad = await assign({ endDate: addDays(DATE, -20) })
	expect(statusOf(bad)).toBe(400)
	expect((dataOf(bad) as { result: Reply }).result.error?.endDate).toEqual([
		'mentors:errors.endBeforeStart',
	])
	expect(statusOf(await assign({ mentorId: '999999' }))).toBe(400)
	expect(statusOf(await assign({}))).toBe(302)
	// twice is once too many
	const again = await assign({})
	expect((dataOf(again) as { result: Reply }).result.error?.mentorId).toEqual([
		'mentors:errors.alreadyAssigned',
	])
	const assignment = getDb()
		.select()
		.from(mentorAssignments)
		.where(eq(mentorAssignments.startupId, startup.id))
		.all()
	expect(assignment).toHaveLength(1)
	expect(assignment[0]).toMatchObject({
		mentorId: mentor.id,
		focus: 'Douane post-Brexit',
		endDate: null,
	})
	const audit = getDb()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'mentor_assignment'), eq(auditLog.startupId, startup.id)))
		.all()
	expect(audit).toMatchObject([{ action: 'create', userId: user.id }])

	// the mentor now shows among the startup's mentors, not among the suggestions
	const after = await startupMentorsLoader(
		loaderArgs(get(`/startups/${startup.id}/mentors`, cookie), params),
	)
	expect(after.suggestions.some((s) => s.mentor.id === mentor.id)).toBe(false)
	expect(after.assignments.map((a) => a.mentorName)).toEqual(['Thierry Dufour'])

	// deactivating a mentor who still mentors someone is refused
	const deactivate = () =>
		profileAction(
			actionArgs(post(`/mentors/${mentor.id}`, { intent: 'deactivate' }, cookie), {
				params: { mentorId: String(mentor.id) },
			}),
		)
	expect(statusOf(await settle(deactivate))).toBe(400)

	const end = (values: Record<string, string>) =>
		settle(() =>
			startupMentorsAction(
				actionArgs(
					post(`/startups/${startup.id}/mentors`, { intent: 'end', ...values }, cookie),
					params,
				),
			),
		)
	const otherStartups = createAssignment()
	expect(statusOf(await end({ assignmentId: String(otherStartups.id), endDate: DATE }))).toBe(404)
	expect(statusOf(await end({ assignmentId: String(assignment[0]!.id), endDate: 'soon' }))).toBe(
		400,
	)
	expect(statusOf(await end({ assignmentId: String(assignment[0]!.id), endDate: DATE }))).toBe(302)
	expect(
		getDb().select().from(mentorAssignments).where(eq(mentorAssignments.id, otherStartups.id)).get()
			?.endDate,
	).toBeNull()
	// ended today, it still runs today; from tomorrow the mentor may go
	expect(statusOf(await settle(deactivate))).toBe(400)
})

test('a mentor logs a session on their startup; the founder sees it, private notes excepted', async () => {
	const { startup, assignment, founder, mentorUser } = await mentoredStartup()
	const log = (values: Record<string, string>, cookie = mentorUser.cookie) =>
		settle(() =>
			spaceAction(actionArgs(post('/mentoring', sessionForm(assignment.id, values), cookie))),
		)
	const before = count(mentoringSessions)
	const cases: [Record<string, string>, string, string][] = [
		[{ minutes: '0' }, 'minutes', 'mentors:errors.duration'],
		[{ minutes: '720' }, 'minutes', 'mentors:errors.duration'],
		[{ minutes: '1.5' }, 'minutes', 'mentors:errors.duration'],
		[{ minutes: 'two hours' }, 'minutes', 'errors.number'],
		[{ date: addDays(DATE, 1) }, 'date', 'mentors:errors.futureDate'],
		[{ date: addDays(DATE, -31) }, 'date', 'mentors:errors.beforeAssignment'],
		[{ date: '2026-02-30' }, 'date', 'errors.date'],
		[{ topic: ' ' }, 'topic', 'errors.required'],
	]
	for (const [values, field, message] of cases) {
		const result = await log(values)
		expect(statusOf(result), JSON.stringify(values)).toBe(400)
		expect(errorsOf(result)[field] ?? [], field).toContain(message)
		expect((dataOf(result) as Reply).initialValue?.topic).toBe(sessionForm(0, values).topic)
	}
	expect(count(mentoringSessions)).toBe(before)

	expect(statusOf(await log({ notesPrivate: 'on', notes: 'Équipe fragile, à surveiller.' }))).toBe(
		302,
	)
	expect(statusOf(await log({ topic: 'Préparer Thames Bridge', notes: 'Pitch prêt.' }))).toBe(302)
	expect(count(mentoringSessions)).toBe(before + 2)
	const audit = getDb()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'mentoring_session'), eq(auditLog.startupId, startup.id)))
		.all()
	expect(audit).toHaveLength(2)

	// the founder's page: date and topic; notes and next steps only when not private
	const page = await startupLoader(
		loaderArgs(get(`/startups/${startup.id}`, founder.cookie), {
			params: { startupId: String(startup.id) },
		}),
	)
	const sessions = page.mentoring!.sessions
	expect(sessions.map((s) => s.topic).sort()).toEqual([
		'Préparer Thames Bridge',
		'Tarifs des traversées',
	])
	expect(sessions.find((s) => s.topic === 'Préparer Thames Bridge')).toMatchObject({
		date: DATE,
		notes: 'Pitch prêt.',
		nextSteps: 'Appeler deux transitaires de Douvres.',
	})
	expect(sessions.find((s) => s.topic === 'Tarifs des traversées')).toMatchObject({
		notes: null,
		nextSteps: null,
	})
	// not in the timeline either, nor anywhere in the page's data
	expect(JSON.stringify(page)).not.toContain('Équipe fragile')
	expect(page.mentoring!.canAssign).toBe(false)

	// the mentor's own space shows it, notes included, and their hours
	const space = await spaceLoader(loaderArgs(get('/mentoring', mentorUser.cookie)))
	expect(space.sessions.rows.map((s) => s.notes)).toContain('Équipe fragile, à surveiller.')
	expect(space.month.minutes).toBe(180)
	expect(space.running.map((a) => a.startupName)).toEqual(['Fretmanche'])
	const mentorView = await startupLoader(
		loaderArgs(get(`/startups/${startup.id}`, mentorUser.cookie), {
			params: { startupId: String(startup.id) },
		}),
	)
	expect(mentorView.mentoring!.myAssignmentId).toBe(assignment.id)
})

test('private covers the next steps too: the founder never reads them, another mentor reads no one’s', async () => {
	const { startup, assignment, founder, mentorUser } = await mentoredStartup('Calais Cargo')
	const colleague = createMentor({ name: 'Another mentor' })
	createAssignment({ mentorId: colleague.id, startupId: startup.id, startDate: addDays(DATE, -30) })
	const colleagueUser = await as('mentor', { mentorId: colleague.id })
	createMentoringSession({
		assignmentId: assignment.id,
		date: addDays(DATE, -2),
		topic: 'Open session',
		notes: 'Open notes',
		nextSteps: 'Open next step',
	})
	createMentoringSession({
		assignmentId: assignment.id,
		date: addDays(DATE, -1),
		topic: 'Private session',
		notes: 'Private notes',
		notesPrivate: true,
		nextSteps: 'Private next step',
	})
	const manager = await as('manager')
	const sessionsFor = async (cookie: string) => {
		const page = await startupLoader(
			loaderArgs(get(`/startups/${startup.id}`, cookie), {
				params: { startupId: String(startup.id) },
			}),
		)
		return Object.fromEntries(
			page.mentoring!.sessions.map((s) => [s.topic, [s.notes, s.nextSteps, s.private]]),
		)
	}
	expect(await sessionsFor(founder.cookie)).toEqual({
		'Open session': ['Open notes', 'Open next step', false],
		'Private session': [null, null, false],
	})
	// another mentor of the same startup sees that sessions happened, not what was said
	expect(await sessionsFor(colleagueUser.cookie)).toEqual({
		'Open session': [null, null, false],
		'Private session': [null, null, false],
	})
	for (const reader of [manager, mentorUser]) {
		expect(await sessionsFor(reader.cookie)).toEqual({
			'Open session': ['Open notes', 'Open next step', false],
			'Private session': ['Private notes', 'Private next step', true],
		})
	}
	// nowhere else in what the founder's or the colleague's page loads
	for (const reader of [founder, colleagueUser]) {
		const page = await startupLoader(
			loaderArgs(get(`/startups/${startup.id}`, reader.cookie), {
				params: { startupId: String(startup.id) },
			}),
		)
		expect(JSON.stringify(page)).not.toContain('Private next step')
	}
	// the report's drill-down names a session by its topic, never what was said in it
	for (const reader of [manager, await as('partner')]) {
		for (const month of new Set([addDays(DATE, -1).slice(0, 7), addDays(DATE, -2).slice(0, 7)])) {
			const records = await recordsLoader(
				loaderArgs(
					get(
						`/reports/records?metric=mentoring.month&key=${month}&from=${addDays(DATE, -40)}&to=${DATE}`,
						reader.cookie,
					),
				),
			)
			expect(records.records.rows.length).toBeGreaterThan(0)
			const json = JSON.stringify(records)
			expect(json).not.toMatch(/Private notes|Private next step|Open notes|Open next step/)
		}
	}
})

test('nobody logs a session on an assignment that is not theirs', async () => {
	const mine = await mentoredStartup('Opale Fibre Lab')
	const theirs = await mentoredStartup('Secret Rival')
	const before = count(mentoringSessions)
	// a mentor posting for another mentor's assignment
	const res = await settle(() =>
		spaceAction(
			actionArgs(post('/mentoring', sessionForm(theirs.assignment.id), mine.mentorUser.cookie)),
		),
	)
	expect(statusOf(res)).toBe(404)
	// a founder, even for their own startup's assignment
	const byFounder = await settle(() =>
		spaceAction(
			actionArgs(post('/mentoring', sessionForm(mine.assignment.id), mine.founder.cookie)),
		),
	)
	expect(statusOf(byFounder)).toBe(403)
	// a partner, a manager
	for (const role of ['partner', 'manager'] as const) {
		const { cookie } = await as(role)
		const result = await settle(() =>
			spaceAction(actionArgs(post('/mentoring', sessionForm(mine.assignment.id), cookie))),
		)
		expect(statusOf(result), role).toBe(403)
		expect(statusOf(await settle(() => spaceLoader(loaderArgs(get('/mentoring', cookie)))))).toBe(
			403,
		)
	}
	expect(count(mentoringSessions)).toBe(before)

	// an ended assignment takes no more sessions
	getDb()
		.update(mentorAssignments)
		.set({ endDate: addDays(DATE, -1) })
		.where(eq(mentorAssignments.id, mine.assignment.id))
		.run()
	const ended = await settle(() =>
		spaceAction(
			actionArgs(
				post(
					'/mentoring',
					sessionForm(mine.assignment.id, { date: addDays(DATE, -2) }),
					mine.mentorUser.cookie,
				),
			),
		),
	)
	expect(statusOf(ended)).toBe(400)
	expect(errorsOf(ended).assignmentId).toEqual(['mentors:errors.assignmentEnded'])
	expect(count(mentoringSessions)).toBe(before)

	// and a mentor's space never shows another mentor's startups or notes
	const space = await spaceLoader(loaderArgs(get('/mentoring', theirs.mentorUser.cookie)))
	expect(JSON.stringify(space)).not.toContain('Opale Fibre Lab')
})

test('a mentor edits their own session, never another mentor’s; a founder none', async () => {
	const mine = await mentoredStartup('Dover Data')
	const theirs = await mentoredStartup('Kent Côte')
	const own = createMentoringSession({ assignmentId: mine.assignment.id, date: addDays(DATE, -5) })
	const other = createMentoringSession({
		assignmentId: theirs.assignment.id,
		date: addDays(DATE, -5),
		notes: 'Their private notes',
		notesPrivate: true,
	})
	const edit = (sessionId: number, cookie: string, values: Record<string, string> = {}) =>
		settle(() =>
			sessionAction(
				actionArgs(
					post(
						`/mentoring/sessions/${sessionId}`,
						{ date: addDays(DATE, -4), minutes: '45', topic: 'Edited', ...values },
						cookie,
					),
					{ params: { sessionId: String(sessionId) } },
				),
			),
		)
	const open = (sessionId: number, cookie: string) =>
		settle(() =>
			sessionLoader(
				loaderArgs(get(`/mentoring/sessions/${sessionId}`, cookie), {
					params: { sessionId: String(sessionId) },
				}),
			),
		)
	const otherBefore = getDb()
		.select()
		.from(mentoringSessions)
		.where(eq(mentoringSessions.id, other.id))
		.get()
	expect(statusOf(await open(other.id, mine.mentorUser.cookie))).toBe(404)
	expect(statusOf(await edit(other.id, mine.mentorUser.cookie))).toBe(404)
	expect(statusOf(await open(own.id, mine.founder.cookie))).toBe(403)
	expect(statusOf(await edit(own.id, mine.founder.cookie))).toBe(403)
	expect(statusOf(await edit(own.id, (await as('partner')).cookie))).toBe(403)
	expect(
		getDb().select().from(mentoringSessions).where(eq(mentoringSessions.id, other.id)).get(),
	).toEqual(otherBefore)

	const bad = await edit(own.id, mine.mentorUser.cookie, { minutes: '800' })
	expect(statusOf(bad)).toBe(400)
	expect(errorsOf(bad).minutes).toEqual(['mentors:errors.duration'])
	const loaded = (await open(own.id, mine.mentorUser.cookie)) as { session: { topic: string } }
	expect(loaded.session.topic).toBe('Go-to-market in Kent')
	const ok = (await edit(own.id, mine.mentorUser.cookie)) as Response
	expect(ok.status).toBe(302)
	expect(ok.headers.get('Location')).toBe('/mentoring')
	expect(
		getDb().select().from(mentoringSessions).where(eq(mentoringSessions.id, own.id)).get(),
	).toMatchObject({ topic: 'Edited', minutes: 45, date: addDays(DATE, -4) })

	// a manager may correct any session
	const manager = await as('manager')
	expect(statusOf(await edit(other.id, manager.cookie, { topic: 'Fixed by TEKTOS' }))).toBe(302)
})

test('hours page and mentor home add up the same sessions', async () => {
	const { mentor, assignment, mentorUser } = await mentoredStartup('Halio')
	createMentoringSession({ assignmentId: assignment.id, date: DATE, minutes: 75 })
	createMentoringSession({ assignmentId: assignment.id, date: addDays(DATE, -1), minutes: 30 })
	const { cookie } = await as('manager')
	const hours = await hoursLoader(
		loaderArgs(get(`/mentors/hours?year=${DATE.slice(0, 4)}`, cookie)),
	)
	const row = hours.byMentor.find((m) => m.mentorId === mentor.id)
	expect(row).toMatchObject({ sessions: 2, minutes: 105 })
	expect(hours.byMonth.reduce((sum, m) => sum + m.minutes, 0)).toBe(hours.total.minutes)
	expect(hours.byMentor.reduce((sum, m) => sum + m.minutes, 0)).toBe(hours.total.minutes)
	expect(hours.byStartup.reduce((sum, m) => sum + m.minutes, 0)).toBe(hours.total.minutes)

	const home = await homeLoader(loaderArgs(get('/', mentorUser.cookie)))
	if (home.view !== 'mentees') throw new Error('expected the mentor home')
	const sameMonth = addDays(DATE, -1).slice(0, 7) === DATE.slice(0, 7)
	expect(home.home.minutesThisMonth).toBe(sameMonth ? 105 : 75)
	expect(home.home.assignments.map((a) => a.startupName)).toEqual(['Halio'])

	const profile = await profileLoader(
		loaderArgs(get(`/mentors/${mentor.id}`, cookie), { params: { mentorId: String(mentor.id) } }),
	)
	expect(profile.allTime).toEqual({ sessions: 2, minutes: 105 })
	expect(profile.assignments[0]).toMatchObject({ sessions: 2, minutes: 105, lastSessionOn: DATE })
})
