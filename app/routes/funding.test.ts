import { eq } from 'drizzle-orm'
import { exchangeRates, fundingEvents, kpiReports, milestones } from '#db/schema/index'
import {
	createAssignment,
	createFundingEvent,
	createKpiReport,
	createMentor,
	createMilestone,
	createStartup,
	createUser,
} from '#tests/factories'
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
import { listStartupActivity } from '~/models/startup.server'
import type { Viewer } from '~/models/viewer'
import { lastFinishedQuarter, quarterOf } from '~/utils/calendar'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import { loader as fundingLoader } from './_app.funding._index'
import { loader as exportLoader } from './_app.funding.export[.csv]'
import { loader as followUpLoader } from './_app.funding.follow-up'
import { loader as fundLoader } from './_app.funding.innovation-fund'
import { action as ratesAction, loader as ratesLoader } from './_app.funding.rates'
import {
	action as editEventAction,
	loader as editEventLoader,
} from './_app.startups.$startupId_.funding.$eventId'
import {
	action as newEventAction,
	loader as newEventLoader,
} from './_app.startups.$startupId_.funding.new'
import { action as kpiAction, loader as kpiLoader } from './_app.startups.$startupId_.kpis'
import {
	action as editMilestoneAction,
	loader as editMilestoneLoader,
} from './_app.startups.$startupId_.milestones.$milestoneId'
import { action as newMilestoneAction } from './_app.startups.$startupId_.milestones.new'
import { activityText } from '#tests/activity'

/** Reads any startup's timeline, as a manager does. */
const TIMELINE_READER: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }

type Role = 'manager' | 'founder' | 'mentor' | 'partner'

async function as(role: Role, overrides = {}) {
	const user = createUser({ role, ...overrides })
	return { user, cookie: await sessionCookie(user.id) }
}

const eventForm = (values: Record<string, string> = {}) => ({
	kind: 'bank_loan',
	source: 'CIC Nord Ouest',
	origin: 'private',
	amount: '90 000',
	currency: 'EUR',
	status: 'planned',
	plannedOn: '2025-09-01',
	...values,
})

const eventsOf = (startupId: number) =>
	getDb().select().from(fundingEvents).where(eq(fundingEvents.startupId, startupId)).all()

type Reply = { error: Record<string, string[]>; initialValue: Record<string, string> }

function postNew(startupId: number, form: Record<string, string>, cookie: string) {
	return settle(() =>
		newEventAction(
			actionArgs(post(`/startups/${startupId}/funding/new`, form, cookie), {
				params: { startupId: String(startupId) },
			}),
		),
	)
}

function postEdit(
	startupId: number,
	eventId: number,
	form: Record<string, string>,
	cookie: string,
) {
	return settle(() =>
		editEventAction(
			actionArgs(post(`/startups/${startupId}/funding/${eventId}`, form, cookie), {
				params: { startupId: String(startupId), eventId: String(eventId) },
			}),
		),
	)
}

test('a founder records a grant and the bank loan it triggered; both are on the timeline', async () => {
	const startup = createStartup({ name: 'Fretmanche' })
	const { user, cookie } = await as('founder', { startupId: startup.id })
	const grant = await postNew(
		startup.id,
		eventForm({
			kind: 'innovation_fund_grant',
			source: "Cap Calaisis — fonds d'appui à l'innovation",
			origin: 'public',
			amount: '20 000',
			status: 'secured',
			plannedOn: '2025-01-06',
			securedOn: '2025-03-03',
		}),
		cookie,
	)
	expect(statusOf(grant)).toBe(302)
	expect((grant as Response).headers.get('Location')).toBe(`/startups/${startup.id}`)
	const [grantRow] = eventsOf(startup.id)
	expect(grantRow).toMatchObject({ amountCents: 2_000_000, isPublic: true, status: 'secured' })

	const loan = await postNew(
		startup.id,
		eventForm({
			status: 'secured',
			amount: '60 000,50',
			plannedOn: '2025-03-10',
			securedOn: '2025-05-02',
			triggeredById: String(grantRow!.id),
		}),
		cookie,
	)
	expect(statusOf(loan)).toBe(302)
	expect(eventsOf(startup.id).find((e) => e.kind === 'bank_loan')).toMatchObject({
		amountCents: 6_000_050,
		triggeredById: grantRow!.id,
	})
	const timeline = listStartupActivity({ startupId: startup.id, viewer: TIMELINE_READER })
	expect(timeline.filter((a) => a.entity === 'funding_event')).toHaveLength(2)
	expect(timeline[0]).toMatchObject({ userName: user.name, action: 'create' })
})

test('bad funding input comes back with field messages and writes nothing', async () => {
	const startup = createStartup()
	const { cookie } = await as('founder', { startupId: startup.id })
	const later = createFundingEvent({ startupId: startup.id, plannedOn: '2026-01-01' })
	const cases: [Record<string, string>, string, string][] = [
		[{ amount: '-500' }, 'amount', 'errors.amountNegative'],
		[{ amount: 'lots' }, 'amount', 'errors.amount'],
		[{ amount: '' }, 'amount', 'errors.required'],
		[{ currency: 'USD' }, 'currency', 'errors.invalidChoice'],
		[{ status: 'secured' }, 'securedOn', 'funding:errors.statusDate'],
		[{ securedOn: '2025-10-01' }, 'securedOn', 'funding:errors.stepNotReached'],
		[{ status: 'applied', appliedOn: '2025-08-01' }, 'appliedOn', 'funding:errors.dateOrder'],
		[{ status: 'received', receivedOn: '2025-12-01' }, 'securedOn', 'funding:errors.securedDate'],
		[{ kind: 'innovation_fund_grant', origin: 'private' }, 'origin', 'funding:errors.fundIsPublic'],
		[{ triggeredById: String(later.id) }, 'triggeredById', 'funding:errors.triggerLater'],
		[{ source: '' }, 'source', 'errors.required'],
		[{ plannedOn: '2025-02-30' }, 'plannedOn', 'errors.date'],
	]
	for (const [values, field, message] of cases) {
		const result = await postNew(startup.id, eventForm(values), cookie)
		expect(statusOf(result), JSON.stringify(values)).toBe(400)
		const reply = dataOf(result) as Reply
		expect(reply.error[field] ?? [], JSON.stringify(values)).toContain(message)
		// what the user typed comes back
		const typed = Object.entries(eventForm(values)).filter(([, v]) => v !== '')
		expect(reply.initialValue).toMatchObject(Object.fromEntries(typed))
	}
	expect(eventsOf(startup.id)).toHaveLength(1)
})

test("a founder cannot touch another startup's funding, by URL, by form field or by trigger", async () => {
	const mine = createStartup()
	const theirs = createStartup({ name: 'Secret Rival' })
	const { cookie } = await as('founder', { startupId: mine.id })
	const theirGrant = createFundingEvent({ startupId: theirs.id, plannedOn: '2024-01-01' })
	const theirLoan = createFundingEvent({
		startupId: theirs.id,
		kind: 'bank_loan',
		isPublic: false,
		plannedOn: '2024-02-01',
		note: 'confidential',
	})
	const before = JSON.stringify(getDb().select().from(fundingEvents).all())

	// another startup in the address: there is no such startup for them
	expect(statusOf(await postNew(theirs.id, eventForm(), cookie))).toBe(404)
	expect(
		statusOf(
			await settle(() =>
				newEventLoader(
					loaderArgs(get(`/startups/${theirs.id}/funding/new`, cookie), {
						params: { startupId: String(theirs.id) },
					}),
				),
			),
		),
	).toBe(404)
	// their event, through their address or through mine
	expect(statusOf(await postEdit(theirs.id, theirLoan.id, eventForm(), cookie))).toBe(404)
	expect(statusOf(await postEdit(mine.id, theirLoan.id, eventForm(), cookie))).toBe(404)
	expect(statusOf(await postEdit(mine.id, theirLoan.id, { intent: 'delete' }, cookie))).toBe(404)
	expect(
		statusOf(
			await settle(() =>
				editEventLoader(
					loaderArgs(get(`/startups/${mine.id}/funding/${theirLoan.id}`, cookie), {
						params: { startupId: String(mine.id), eventId: String(theirLoan.id) },
					}),
				),
			),
		),
	).toBe(404)
	// their events as "triggered by", even an innovation-fund grant
	for (const trigger of [theirLoan, theirGrant]) {
		const result = await postNew(mine.id, eventForm({ triggeredById: String(trigger.id) }), cookie)
		expect(statusOf(result)).toBe(400)
		expect((dataOf(result) as Reply).error.triggeredById).toEqual(['funding:errors.unknownTrigger'])
	}
	expect(JSON.stringify(getDb().select().from(fundingEvents).all())).toBe(before)

	// a startupId slipped into the form is not read: the event lands on their own startup
	expect(
		statusOf(await postNew(mine.id, eventForm({ startupId: String(theirs.id) }), cookie)),
	).toBe(302)
	expect(eventsOf(theirs.id)).toHaveLength(2)
	expect(eventsOf(mine.id)).toHaveLength(1)
})

test('mentors and partners never write; a manager writes any startup', async () => {
	const startup = createStartup()
	const event = createFundingEvent({ startupId: startup.id, plannedOn: '2025-01-01' })
	const mentor = createMentor()
	createAssignment({ mentorId: mentor.id, startupId: startup.id })
	for (const [role, overrides] of [
		['mentor', { mentorId: mentor.id }],
		['partner', {}],
	] as const) {
		const { cookie } = await as(role, overrides)
		const params = { startupId: String(startup.id) }
		expect(statusOf(await postNew(startup.id, eventForm(), cookie)), role).toBe(403)
		expect(statusOf(await postEdit(startup.id, event.id, eventForm(), cookie)), role).toBe(403)
		expect(
			statusOf(
				await settle(() =>
					newEventLoader(
						loaderArgs(get(`/startups/${startup.id}/funding/new`, cookie), { params }),
					),
				),
			),
		).toBe(403)
		expect(
			statusOf(
				await settle(() =>
					newMilestoneAction(
						actionArgs(post('/', { kind: 'product', title: 'x', status: 'planned' }, cookie), {
							params,
						}),
					),
				),
			),
		).toBe(403)
		expect(statusOf(await settle(() => kpiLoader(loaderArgs(get('/', cookie), { params }))))).toBe(
			403,
		)
	}
	expect(eventsOf(startup.id)).toHaveLength(1)

	const { cookie } = await as('manager')
	const saved = await postEdit(
		startup.id,
		event.id,
		eventForm({ status: 'declined', plannedOn: '2025-01-01', declinedOn: '2025-03-01' }),
		cookie,
	)
	expect(statusOf(saved)).toBe(302)
	expect(eventsOf(startup.id)[0]).toMatchObject({ status: 'declined', declinedOn: '2025-03-01' })
	expect(statusOf(await postEdit(startup.id, event.id, { intent: 'delete' }, cookie))).toBe(302)
	expect(eventsOf(startup.id)).toHaveLength(0)
	expect(
		listStartupActivity({ startupId: startup.id, viewer: TIMELINE_READER }).map((a) => a.action),
	).toEqual(['delete', 'update'])
})

test('a founder keeps milestones up to date; done needs its date; another startup is a 404', async () => {
	const mine = createStartup()
	const theirs = createStartup()
	const { cookie } = await as('founder', { startupId: mine.id })
	const created = await settle(() =>
		newMilestoneAction(
			actionArgs(
				post(
					'/',
					{
						kind: 'uk_market_entry',
						title: 'First UK customer',
						dueOn: '2026-06-30',
						status: 'planned',
					},
					cookie,
				),
				{ params: { startupId: String(mine.id) } },
			),
		),
	)
	expect(statusOf(created)).toBe(302)
	const [milestone] = getDb()
		.select()
		.from(milestones)
		.where(eq(milestones.startupId, mine.id))
		.all()
	const edit = (startupId: number, form: Record<string, string>) =>
		settle(() =>
			editMilestoneAction(
				actionArgs(post('/', form, cookie), {
					params: { startupId: String(startupId), milestoneId: String(milestone!.id) },
				}),
			),
		)
	const base = { kind: 'uk_market_entry', title: 'First UK customer', dueOn: '2026-06-30' }
	const noDate = await edit(mine.id, { ...base, status: 'done' })
	expect(statusOf(noDate)).toBe(400)
	expect((dataOf(noDate) as Reply).error.doneOn).toEqual(['funding:errors.doneOnRequired'])
	const future = await edit(mine.id, { ...base, status: 'done', doneOn: '2999-01-01' })
	expect((dataOf(future) as Reply).error.doneOn).toEqual(['funding:errors.doneInFuture'])
	expect(statusOf(await edit(mine.id, { ...base, status: 'done', doneOn: today() }))).toBe(302)
	expect(
		getDb().select().from(milestones).where(eq(milestones.id, milestone!.id)).get(),
	).toMatchObject({
		status: 'done',
		doneOn: today(),
	})
	expect(
		activityText(listStartupActivity({ startupId: mine.id, viewer: TIMELINE_READER })[0]),
	).toMatch(/^reached the milestone “.+” on \d+ \w+ \d{4}/)

	const theirMilestone = createMilestone({ startupId: theirs.id, title: 'Theirs' })
	const theirs404 = await settle(() =>
		editMilestoneLoader(
			loaderArgs(get('/', cookie), {
				params: { startupId: String(mine.id), milestoneId: String(theirMilestone.id) },
			}),
		),
	)
	expect(statusOf(theirs404)).toBe(404)
	expect(statusOf(await edit(theirs.id, { ...base, status: 'dropped' }))).toBe(404)
})

test('one KPI report per quarter: a second one replaces it only after confirmation', async () => {
	const startup = createStartup({ status: 'incubated', enteredOn: '2020-01-01' })
	const { cookie } = await as('founder', { startupId: startup.id })
	const params = { startupId: String(startup.id) }
	const quarter = lastFinishedQuarter(today())
	const send = (form: Record<string, string>) =>
		settle(() => kpiAction(actionArgs(post('/', form, cookie), { params })))
	const page = await kpiLoader(loaderArgs(get('/', cookie), { params }))
	expect(page.missing[0]).toBe(quarter)
	expect(page.quarter).toBe(quarter)

	const form = {
		quarter,
		employees: '4',
		revenue: '12 500',
		ukCustomers: '2',
		comment: 'Bon trimestre',
	}
	expect(statusOf(await send(form))).toBe(302)
	const second = await send({ ...form, employees: '5' })
	expect(statusOf(second)).toBe(409)
	expect(
		(dataOf(second) as { confirm: { existing: { employees: number } } }).confirm.existing,
	).toMatchObject({ employees: 4 })
	const stored = () =>
		getDb().select().from(kpiReports).where(eq(kpiReports.startupId, startup.id)).all()
	expect(stored()).toEqual([expect.objectContaining({ employees: 4, revenueCents: 1_250_000 })])
	// confirming for another quarter is not confirming this one
	expect(statusOf(await send({ ...form, employees: '5', replace: '2001-Q1' }))).toBe(409)
	expect(statusOf(await send({ ...form, employees: '5', replace: quarter }))).toBe(302)
	expect(stored()).toEqual([expect.objectContaining({ employees: 5, quarter })])
	expect(
		activityText(listStartupActivity({ startupId: startup.id, viewer: TIMELINE_READER })[0], 'fr'),
	).toBe(
		`a remplacé le rapport d'indicateurs du T${quarter.slice(-1)}\u00a0${quarter.slice(0, 4)} — emplois\u202f: 4 → 5`,
	)

	const nextYear = `${Number(quarterOf(today()).slice(0, 4)) + 1}-Q1`
	const future = await send({ ...form, quarter: nextYear })
	expect(statusOf(future)).toBe(400)
	expect((dataOf(future) as { result: Reply }).result.error.quarter).toEqual([
		'funding:errors.futureQuarter',
	])
	const negative = await send({ ...form, quarter: '2024-Q1', employees: '-1', revenue: 'x' })
	expect((dataOf(negative) as { result: Reply }).result.error).toMatchObject({
		employees: ['funding:errors.negative'],
		revenue: ['errors.amount'],
	})
	expect(stored()).toHaveLength(1)

	// another startup's reports are not there for this founder
	const other = createStartup({ status: 'incubated' })
	const otherParams = { params: { startupId: String(other.id) } }
	expect(statusOf(await settle(() => kpiLoader(loaderArgs(get('/', cookie), otherParams))))).toBe(
		404,
	)
	expect(
		statusOf(await settle(() => kpiAction(actionArgs(post('/', form, cookie), otherParams)))),
	).toBe(404)
	expect(getDb().select().from(kpiReports).where(eq(kpiReports.startupId, other.id)).all()).toEqual(
		[],
	)
})

test('a partner reads funding sums only; founders and mentors do not open Funding', async () => {
	const startup = createStartup({ name: 'Noted Startup' })
	createFundingEvent({
		startupId: startup.id,
		note: 'Prêt d’honneur à Sophie',
		plannedOn: '2025-01-01',
	})
	const partner = await as('partner')
	const result = await fundingLoader(loaderArgs(get('/funding', partner.cookie)))
	expect(result.events).toBeNull()
	expect(result.byStartup!.rows.some((r) => r.startupName === 'Noted Startup')).toBe(true)
	const json = JSON.stringify(result)
	expect(json).not.toContain('"note"')
	expect(json).not.toContain('Sophie')
	expect(json).not.toContain('"source"')
	expect(JSON.stringify(await fundLoader(loaderArgs(get('/', partner.cookie))))).not.toContain(
		'"note"',
	)
	expect(statusOf(await settle(() => exportLoader(loaderArgs(get('/', partner.cookie)))))).toBe(403)
	expect(statusOf(await settle(() => ratesLoader(loaderArgs(get('/', partner.cookie)))))).toBe(403)
	expect(statusOf(await settle(() => followUpLoader(loaderArgs(get('/', partner.cookie)))))).toBe(
		403,
	)

	for (const role of ['founder', 'mentor'] as const) {
		const { cookie } = await as(role, role === 'founder' ? { startupId: startup.id } : {})
		expect(statusOf(await settle(() => fundingLoader(loaderArgs(get('/funding', cookie)))))).toBe(
			403,
		)
		expect(statusOf(await settle(() => fundLoader(loaderArgs(get('/', cookie)))))).toBe(403)
	}

	const manager = await as('manager')
	const managerView = await fundingLoader(loaderArgs(get('/funding?currency=EUR', manager.cookie)))
	expect(managerView.events!.some((e) => e.note === 'Prêt d’honneur à Sophie')).toBe(true)
	expect(managerView.summary!.totalEurCents).toBe(
		managerView.events!.reduce((s, e) => s + (e.amountEurCents ?? 0), 0),
	)
	const csv = await (
		(await exportLoader(loaderArgs(get('/funding/export.csv?q=Noted', manager.cookie)))) as Response
	).text()
	expect(csv.split('\r\n')[0]).toContain('amount_eur')
	expect(csv).toContain('Noted Startup')
	expect(csv).toContain('Prêt d’honneur à Sophie')
})

test('a manager maintains GBP rates; one rate per date, a second one replaces it', async () => {
	const { cookie } = await as('manager')
	const save = (form: Record<string, string>) =>
		settle(() => ratesAction(actionArgs(post('/funding/rates', form, cookie))))
	const ratesOn = (date: string) =>
		getDb().select().from(exchangeRates).where(eq(exchangeRates.date, date)).all()
	expect(statusOf(await save({ date: '2099-02-01', rate: '1,1685' }))).toBe(302)
	expect(statusOf(await save({ date: '2099-02-01', rate: '1.17' }))).toBe(302)
	expect(ratesOn('2099-02-01')).toEqual([expect.objectContaining({ rateMicros: 1_170_000 })])
	const bad = await save({ date: '2099-02-01', rate: '117' })
	expect(statusOf(bad)).toBe(400)
	expect((dataOf(bad) as Reply).error.rate).toEqual(['funding:errors.rateRange'])
	expect(ratesOn('2099-02-01')[0]!.rateMicros).toBe(1_170_000)
	const removed = await save({ intent: 'delete', id: String(ratesOn('2099-02-01')[0]!.id) })
	expect(statusOf(removed)).toBe(302)
	expect(ratesOn('2099-02-01')).toEqual([])

	const { cookie: founderCookie } = await as('founder', { startupId: createStartup().id })
	const refused = await settle(() =>
		ratesAction(
			actionArgs(post('/funding/rates', { date: '2099-03-01', rate: '1.2' }, founderCookie)),
		),
	)
	expect(statusOf(refused)).toBe(403)
	expect(ratesOn('2099-03-01')).toEqual([])
})

test('the follow-up lists overdue milestones and startups whose last quarterly report is missing', async () => {
	const late = createStartup({ name: 'Late Lab', status: 'incubated', enteredOn: '2020-01-01' })
	const ontime = createStartup({
		name: 'On Time Lab',
		status: 'incubated',
		enteredOn: '2020-01-01',
	})
	const gone = createStartup({ name: 'Gone Lab', status: 'left', enteredOn: '2020-01-01' })
	createMilestone({
		startupId: late.id,
		title: 'Overdue launch',
		dueOn: '2020-06-30',
		status: 'in_progress',
	})
	createMilestone({ startupId: gone.id, title: 'Not followed', dueOn: '2020-06-30' })
	createKpiReport({ startupId: ontime.id, quarter: lastFinishedQuarter(today()) })
	const { cookie } = await as('manager')
	const data = await followUpLoader(loaderArgs(get('/funding/follow-up', cookie)))
	const titles = data.milestones.overdue.map((m) => m.title)
	expect(titles).toContain('Overdue launch')
	expect(titles).not.toContain('Not followed')
	const missing = data.kpi.startups.map((s) => s.name)
	expect(missing).toContain('Late Lab')
	expect(missing).not.toContain('On Time Lab')
	expect(missing).not.toContain('Gone Lab')
})

test("a founder keeps a link a manager made to another startup's grant, without seeing the grant", async () => {
	const granted = createStartup({ name: 'Granted Elsewhere' })
	const mine = createStartup()
	const grant = createFundingEvent({
		startupId: granted.id,
		amountCents: 4_242_400,
		plannedOn: '2025-01-01',
	})
	const manager = await as('manager')
	const linked = await postNew(
		mine.id,
		eventForm({ plannedOn: '2025-06-01', triggeredById: String(grant.id) }),
		manager.cookie,
	)
	expect(statusOf(linked)).toBe(302)
	const [loan] = eventsOf(mine.id)
	expect(loan!.triggeredById).toBe(grant.id)

	const { cookie } = await as('founder', { startupId: mine.id })
	const params = { params: { startupId: String(mine.id), eventId: String(loan!.id) } }
	const page = await editEventLoader(loaderArgs(get('/', cookie), params))
	const json = JSON.stringify(page.triggers)
	expect(json).not.toContain('Granted Elsewhere')
	expect(json).not.toContain('4242400')
	expect(page.triggers!.find((o) => o.id === grant.id)).toMatchObject({ restricted: true })
	const saved = await postEdit(
		mine.id,
		loan!.id,
		eventForm({ plannedOn: '2025-06-01', amount: '95 000', triggeredById: String(grant.id) }),
		cookie,
	)
	expect(statusOf(saved)).toBe(302)
	expect(eventsOf(mine.id)[0]).toMatchObject({ amountCents: 9_500_000, triggeredById: grant.id })
})
