import { eq, inArray } from 'drizzle-orm'
import { fundingEvents, introductions, rentStatements, startups } from '#db/schema/index'
import {
	createIntroduction,
	createLease,
	createPayment,
	createStartup,
	createStatement,
	createUser,
} from '#tests/factories'
import { createCall } from '#tests/factories-calls'
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
import { getDb } from '~/utils/db.server'
import { loader as callLoader } from './_app.calls.$callId/route'
import { loader as statementLoader } from './_app.nursery.statements.$statementId'
import {
	action as statementsAction,
	loader as statementsLoader,
} from './_app.nursery.statements._index'
import { action as startupAction } from './_app.startups.$startupId/route'
import {
	action as newEventAction,
	loader as newEventLoader,
} from './_app.startups.$startupId_.funding.new'
import { action as introductionAction } from './_app.startups.$startupId_.introductions.$introductionId'
import { loader as usersLoader } from './_app.users._index'

/*
 * Issue 13 §12: forms that help the user. Each test fails on the code before it: the payment
 * form started empty, a new funding event undated, a month's statements were issued on one
 * click, a status form came with a status chosen, and people were listed by role first.
 */

type Reply = { error: Record<string, string[] | null> | null }
const errorsOf = (result: unknown) => (dataOf(result) as Reply).error ?? {}

async function manager(name = 'Claire Delattre') {
	const user = createUser({ role: 'manager', name })
	return { user, cookie: await sessionCookie(user.id) }
}

test('the payment form starts from what the payer still owes, written the reader’s way', async () => {
	const { cookie } = await manager()
	// 2 500,00 € a month, half of it Cap Calaisis's; the startup has paid 100,00 € of its half
	const lease = createLease({
		startDate: '2026-11-01',
		endDate: '2026-11-30',
		monthlyRentCents: 250_000,
	})
	const statement = createStatement({ leaseId: lease.id, month: '2026-11' })
	createPayment({ statementId: statement.id, payer: 'startup', amountCents: 10_000 })
	const params = { params: { statementId: String(statement.id) } }
	const path = `/nursery/statements/${statement.id}`

	const fr = await statementLoader(loaderArgs(get(`${path}?lng=fr`, cookie), params))
	expect(fr.stillDue).toEqual({ startup: '1 150,00', cap_calaisis: '1 250,00' })
	const en = await statementLoader(loaderArgs(get(`${path}?lng=en`, cookie), params))
	expect(en.stillDue).toEqual({ startup: '1,150.00', cap_calaisis: '1,250.00' })

	// the pre-filled amount is taken as it is: the startup's share is then paid in full
	const paid = await statementsActionFor(statement.id, cookie, {
		intent: 'payment',
		payer: 'startup',
		amount: fr.stillDue.startup,
		paidOn: '2026-11-29',
	})
	expect(statusOf(paid)).toBe(302)
	const after = await statementLoader(loaderArgs(get(`${path}?lng=fr`, cookie), params))
	expect(after.statement.outstandingStartupCents).toBe(0)
	expect(after.stillDue.startup).toBe('0,00')
})

async function statementsActionFor(id: number, cookie: string, form: Record<string, string>) {
	const { action } = await import('./_app.nursery.statements.$statementId')
	return settle(() =>
		action(
			actionArgs(post(`/nursery/statements/${id}`, form, cookie), {
				params: { statementId: String(id) },
			}),
		),
	)
}

test('a new funding event is dated today at the step it starts at, and saves as it is', async () => {
	const { cookie } = await manager()
	const startup = createStartup({ name: 'Opale Hydrogène' })
	const params = { params: { startupId: String(startup.id) } }
	const path = `/startups/${startup.id}/funding/new`
	const page = await newEventLoader(loaderArgs(get(path, cookie), params))
	// the clock of the tests says 2026-11-29
	expect(page.defaults).toEqual({
		currency: 'EUR',
		status: 'planned',
		origin: 'public',
		plannedOn: '2026-11-29',
	})
	const saved = await settle(() =>
		newEventAction(
			actionArgs(
				post(
					path,
					{
						...page.defaults,
						kind: 'grant',
						source: 'Région Hauts-de-France',
						amount: '30 000',
						intent: 'save',
					},
					cookie,
				),
				params,
			),
		),
	)
	expect(statusOf(saved)).toBe(302)
	expect(
		getDb()
			.select({ plannedOn: fundingEvents.plannedOn, status: fundingEvents.status })
			.from(fundingEvents)
			.where(eq(fundingEvents.startupId, startup.id))
			.all(),
	).toEqual([{ plannedOn: '2026-11-29', status: 'planned' }])
})

test('a month’s statements are issued only once the manager confirms what the page showed', async () => {
	const { cookie } = await manager()
	const month = '2026-12'
	const first = createLease({
		startDate: '2026-12-01',
		endDate: '2026-12-31',
		monthlyRentCents: 60_000,
	})
	const statementsOf = (leaseIds: number[]) =>
		getDb().select().from(rentStatements).where(inArray(rentStatements.leaseId, leaseIds)).all()
	const issue = (form: Record<string, string>) =>
		settle(() =>
			statementsAction(
				actionArgs(post(`/nursery/statements?month=${month}&confirm=1`, form, cookie)),
			),
		)

	// the button asks first: the page then says how many statements, for which month, how much
	expect(
		(await statementsLoader(loaderArgs(get(`/nursery/statements?month=${month}`, cookie))))
			.confirming,
	).toBe(false)
	const step = await statementsLoader(
		loaderArgs(get(`/nursery/statements?month=${month}&confirm=1`, cookie)),
	)
	expect(step.confirming).toBe(true)
	expect(step.pending.map((p) => p.leaseId)).toEqual([first.id])
	expect(step.pendingTotals.rentCents).toBe(60_000)

	// a submission without the confirmation issues nothing and says why
	const unconfirmed = await issue({ intent: 'issue', month })
	expect(statusOf(unconfirmed)).toBe(400)
	expect(errorsOf(unconfirmed).confirmed).toEqual(['nursery:errors.confirmIssue'])
	expect(statementsOf([first.id])).toEqual([])

	// a lease signed between the confirmation and the click: nothing issued, confirm again
	const second = createLease({
		startDate: '2026-12-01',
		endDate: '2026-12-31',
		monthlyRentCents: 40_000,
	})
	const stale = await issue({
		intent: 'issue',
		month,
		confirmed: 'yes',
		expected: '1',
		expectedRentCents: '60000',
	})
	expect(statusOf(stale)).toBe(400)
	expect(errorsOf(stale).expected).toEqual(['nursery:errors.pendingChanged'])
	expect(statementsOf([first.id, second.id])).toEqual([])

	const confirmed = await issue({
		intent: 'issue',
		month,
		confirmed: 'yes',
		expected: '2',
		expectedRentCents: '100000',
	})
	expect(statusOf(confirmed)).toBe(302)
	expect(
		statementsOf([first.id, second.id])
			.map((s) => s.rentCents)
			.sort(),
	).toEqual([40_000, 60_000])
})

test('a status change comes with no status chosen: an empty choice is refused on its field', async () => {
	const { cookie } = await manager()
	const startup = createStartup({ status: 'applicant', enteredOn: null })
	const empty = await settle(() =>
		startupAction(
			actionArgs(
				post(
					`/startups/${startup.id}`,
					{ intent: 'change-status', status: '', date: '2026-11-29' },
					cookie,
				),
				{ params: { startupId: String(startup.id) } },
			),
		),
	)
	expect(statusOf(empty)).toBe(400)
	const reply = dataOf(empty) as { result: Reply }
	expect(reply.result.error?.status).toEqual(['errors.chooseStatus'])
	expect(
		getDb()
			.select({ status: startups.status })
			.from(startups)
			.where(eq(startups.id, startup.id))
			.get(),
	).toEqual({ status: 'applicant' })

	const intro = createIntroduction({ startupId: startup.id, introducedOn: '2026-10-01' })
	const path = `/startups/${startup.id}/introductions/${intro.id}`
	const noChoice = await settle(() =>
		introductionAction(
			actionArgs(post(path, { status: '', statusOn: '2026-11-20' }, cookie), {
				params: { startupId: String(startup.id), introductionId: String(intro.id) },
			}),
		),
	)
	expect(statusOf(noChoice)).toBe(400)
	expect(errorsOf(noChoice).status).toEqual(['errors.chooseStatus'])
	expect(
		getDb()
			.select({ status: introductions.status })
			.from(introductions)
			.where(eq(introductions.id, intro.id))
			.get(),
	).toEqual({ status: 'proposed' })
})

test('people are listed by their name as shown, whatever their role, accents aside', async () => {
	const { cookie } = await manager('Bruno Leroy')
	const names = ['Zoé Abel', 'Émile Martin', 'Anne Zola', 'Damien Caron']
	createUser({ role: 'founder', name: 'Zoé Abel' })
	createUser({ role: 'manager', name: 'Émile Martin' })
	createUser({ role: 'partner', name: 'Anne Zola', organisation: 'Cap Calaisis' })
	createUser({ role: 'mentor', name: 'Damien Caron' })
	const ours = (list: { name: string }[]) =>
		list.map((u) => u.name).filter((n) => n === 'Bruno Leroy' || names.includes(n))

	const { users } = await usersLoader(loaderArgs(get('/users', cookie)))
	expect(ours(users)).toEqual([
		'Anne Zola',
		'Bruno Leroy',
		'Damien Caron',
		'Émile Martin',
		'Zoé Abel',
	])

	// the selection committee's choice of members: founders never sit on it
	const call = createCall()
	const { candidates } = await callLoader(
		loaderArgs(get(`/calls/${call.id}`, cookie), { params: { callId: String(call.id) } }),
	)
	expect(ours(candidates)).toEqual(['Anne Zola', 'Bruno Leroy', 'Damien Caron', 'Émile Martin'])
})
