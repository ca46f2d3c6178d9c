import { and, eq } from 'drizzle-orm'
import { auditLog, cohorts } from '#db/schema/index'
import { createCohort, createStartup, createUser } from '#tests/factories'
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
import { action as editAction, loader as editLoader } from './_app.cohorts.$cohortId_.edit'
import { loader as cohortLoader } from './_app.cohorts.$cohortId'
import { loader as listLoader } from './_app.cohorts._index'
import { action as newAction, loader as newLoader } from './_app.cohorts.new'

async function signedIn(role: 'manager' | 'founder' | 'mentor' | 'partner') {
	const user = createUser({ role })
	return { user, cookie: await sessionCookie(user.id) }
}

const counts = () => ({
	cohorts: getDb().select().from(cohorts).all().length,
	audit: getDb().select().from(auditLog).where(eq(auditLog.entity, 'cohort')).all().length,
})

const validForm = (overrides: Record<string, string> = {}) => ({
	name: 'Promotion 2031',
	programme: 'incubation',
	startDate: '2031-09-01',
	endDate: '2033-08-31',
	...overrides,
})

test('founders, mentors and partners get 403 on every cohort page and form', async () => {
	const cohort = createCohort({ name: 'Promotion fermée' })
	const params = { cohortId: String(cohort.id) }
	const before = counts()
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const { cookie } = await signedIn(role)
		const attempts: (() => Promise<unknown>)[] = [
			() => listLoader(loaderArgs(get('/cohorts', cookie))),
			() => cohortLoader(loaderArgs(get(`/cohorts/${cohort.id}`, cookie), { params })),
			() => newLoader(loaderArgs(get('/cohorts/new', cookie))),
			() => newAction(actionArgs(post('/cohorts/new', validForm({ name: `By ${role}` }), cookie))),
			() => editLoader(loaderArgs(get(`/cohorts/${cohort.id}/edit`, cookie), { params })),
			() =>
				editAction(
					actionArgs(post(`/cohorts/${cohort.id}/edit`, validForm({ name: 'Hijacked' }), cookie), {
						params,
					}),
				),
		]
		for (const attempt of attempts) expect(statusOf(await settle(attempt))).toBe(403)
	}
	expect(counts()).toEqual(before)
	expect(
		getDb().select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, cohort.id)).get(),
	).toEqual({ name: 'Promotion fermée' })
})

test('signed-out visitors are sent to sign in', async () => {
	const res = (await settle(() => listLoader(loaderArgs(get('/cohorts'))))) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fcohorts')
})

test('a manager creates a cohort, with its audit row, and lands on its page', async () => {
	const { user, cookie } = await signedIn('manager')
	const res = (await settle(() =>
		newAction(
			actionArgs(
				post(
					'/cohorts/new',
					validForm({ name: '  Accélérateur UK 2031 ', programme: 'acceleration' }),
					cookie,
				),
			),
		),
	)) as Response
	expect(res.status).toBe(302)
	const created = getDb()
		.select()
		.from(cohorts)
		.where(eq(cohorts.name, 'Accélérateur UK 2031'))
		.get()
	expect(created).toMatchObject({
		programme: 'acceleration',
		startDate: '2031-09-01',
		endDate: '2033-08-31',
	})
	expect(res.headers.get('Location')).toBe(`/cohorts/${created!.id}`)
	expect(res.headers.get('Set-Cookie')).toContain('tektos_toast')
	expect(
		getDb()
			.select({ action: auditLog.action, userId: auditLog.userId })
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'cohort'), eq(auditLog.entityId, created!.id)))
			.all(),
	).toEqual([{ action: 'create', userId: user.id }])

	// it is in the list, and its page opens
	const list = await listLoader(loaderArgs(get('/cohorts?programme=acceleration', cookie)))
	expect(list.cohorts.map((c) => c.name)).toContain('Accélérateur UK 2031')
	expect(list.cohorts.every((c) => c.programme === 'acceleration')).toBe(true)
	const page = await cohortLoader(
		loaderArgs(get(`/cohorts/${created!.id}`, cookie), {
			params: { cohortId: String(created!.id) },
		}),
	)
	expect(page.cohort.name).toBe('Accélérateur UK 2031')
	expect(page.summary.startups).toBe(0)
})

test('a bad cohort form comes back with field messages and writes nothing', async () => {
	const { cookie } = await signedIn('manager')
	createCohort({ name: 'Promotion 2030' })
	const before = counts()
	const submit = async (form: Record<string, string>) =>
		settle(() => newAction(actionArgs(post('/cohorts/new', form, cookie))))

	const backwards = await submit(validForm({ startDate: '2031-09-01', endDate: '2031-08-31' }))
	expect(statusOf(backwards)).toBe(400)
	expect(JSON.stringify(dataOf(backwards))).toContain('cohorts:errors.endBeforeStart')
	// what was typed comes back, to be corrected rather than retyped
	expect(JSON.stringify(dataOf(backwards))).toContain('Promotion 2031')

	// the same name in another case is the same cohort
	const duplicate = await submit(validForm({ name: 'promotion 2030' }))
	expect(statusOf(duplicate)).toBe(400)
	expect(JSON.stringify(dataOf(duplicate))).toContain('cohorts:errors.nameTaken')

	const empty = await submit(validForm({ name: '   ' }))
	expect(statusOf(empty)).toBe(400)
	expect(JSON.stringify(dataOf(empty))).toContain('errors.required')

	const nonsense = await submit(validForm({ programme: 'bootcamp', startDate: '2031-02-30' }))
	expect(statusOf(nonsense)).toBe(400)
	expect(JSON.stringify(dataOf(nonsense))).toContain('errors.invalidChoice')
	expect(JSON.stringify(dataOf(nonsense))).toContain('errors.date')

	expect(counts()).toEqual(before)
})

test('a manager edits a cohort; its own name is not a clash, another one’s is', async () => {
	const { cookie } = await signedIn('manager')
	const cohort = createCohort({
		name: 'Promotion 2032',
		startDate: '2032-09-01',
		endDate: '2034-08-31',
	})
	createCohort({ name: 'Promotion 2033' })
	const params = { cohortId: String(cohort.id) }
	const edit = (form: Record<string, string>) =>
		settle(() =>
			editAction(actionArgs(post(`/cohorts/${cohort.id}/edit`, form, cookie), { params })),
		)

	const ok = (await edit(
		validForm({ name: 'Promotion 2032', startDate: '2032-09-01', endDate: '2034-06-30' }),
	)) as Response
	expect(ok.status).toBe(302)
	expect(ok.headers.get('Location')).toBe(`/cohorts/${cohort.id}`)
	expect(getDb().select().from(cohorts).where(eq(cohorts.id, cohort.id)).get()?.endDate).toBe(
		'2034-06-30',
	)

	const before = counts()
	const clash = await edit(validForm({ name: 'Promotion 2033' }))
	expect(statusOf(clash)).toBe(400)
	expect(JSON.stringify(dataOf(clash))).toContain('cohorts:errors.nameTaken')
	const backwards = await edit(validForm({ startDate: '2032-09-01', endDate: '2032-01-01' }))
	expect(statusOf(backwards)).toBe(400)
	expect(JSON.stringify(dataOf(backwards))).toContain('cohorts:errors.endBeforeStart')
	expect(counts()).toEqual(before)
	expect(getDb().select().from(cohorts).where(eq(cohorts.id, cohort.id)).get()?.name).toBe(
		'Promotion 2032',
	)
})

test('unknown or malformed cohort ids are 404s', async () => {
	const { cookie } = await signedIn('manager')
	for (const id of ['999999', 'abc', '0', '-3', '1.5']) {
		const params = { cohortId: id }
		const page = await settle(() =>
			cohortLoader(loaderArgs(get(`/cohorts/${id}`, cookie), { params })),
		)
		expect(statusOf(page)).toBe(404)
		const form = await settle(() =>
			editLoader(loaderArgs(get(`/cohorts/${id}/edit`, cookie), { params })),
		)
		expect(statusOf(form)).toBe(404)
		const write = await settle(() =>
			editAction(actionArgs(post(`/cohorts/${id}/edit`, validForm(), cookie), { params })),
		)
		expect(statusOf(write)).toBe(404)
	}
	const res = (await settle(() =>
		cohortLoader(loaderArgs(get('/cohorts/999999', cookie), { params: { cohortId: '999999' } })),
	)) as Response
	expect(await res.json()).toEqual({ entity: 'cohort', id: 999999 })
})

test('the cohort page shows its startups and who needs attention', async () => {
	const { cookie } = await signedIn('manager')
	const cohort = createCohort()
	createStartup({ name: 'Calais Drones', cohortId: cohort.id, enteredOn: '2020-01-06' })
	createStartup({ name: 'Not in this cohort' })
	const page = await cohortLoader(
		loaderArgs(get(`/cohorts/${cohort.id}`, cookie), { params: { cohortId: String(cohort.id) } }),
	)
	expect(page.startups.map((s) => s.name)).toEqual(['Calais Drones'])
	// no KPI report at all: the last finished quarter's is missing
	expect(page.startups[0]).toMatchObject({ needsAttention: true, kpiReportMissing: true })
	expect(page.canEdit).toBe(true)
})
