import { eq } from 'drizzle-orm'
import { sessions, users } from '#db/schema/index'
import { createAssignment, createMentor, createStartup, createUser } from '#tests/factories'
import { actionArgs, get, loaderArgs, post, sessionCookie, settle, statusOf } from '#tests/request'
import { getDb } from '~/utils/db.server'
import { loader as appLoader } from './_app'
import { loader as homeLoader } from './_app._index/route'
import { action as userAction, loader as userLoader } from './_app.users.$userId'
import { loader as usersLoader } from './_app.users._index'
import { action as newUserAction } from './_app.users.new'
import { loader as notFoundLoader } from './$'

async function signedIn(role: 'manager' | 'founder' | 'mentor' | 'partner', overrides = {}) {
	const user = createUser({ role, ...overrides })
	return { user, cookie: await sessionCookie(user.id) }
}

test('signed-out visitors are sent to sign in, with the page they wanted', async () => {
	const res = (await settle(() => usersLoader(loaderArgs(get('/users?page=2'))))) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fusers%3Fpage%3D2')
	const home = (await settle(() => appLoader(loaderArgs(get('/'))))) as Response
	expect(home.headers.get('Location')).toBe('/login')
})

test('only managers open the Users page', async () => {
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const { cookie } = await signedIn(role)
		expect(statusOf(await settle(() => usersLoader(loaderArgs(get('/users', cookie)))))).toBe(403)
	}
	const { cookie } = await signedIn('manager')
	const result = await usersLoader(loaderArgs(get('/users', cookie)))
	expect(result.users.length).toBeGreaterThan(0)
	// never a password hash in the loader's data
	expect(JSON.stringify(result)).not.toContain('passwordHash')
	expect(JSON.stringify(result)).not.toContain('$2')
})

test('a founder cannot create users by posting the form directly', async () => {
	const { cookie } = await signedIn('founder')
	const before = getDb().select().from(users).all().length
	const res = await settle(() =>
		newUserAction(
			actionArgs(
				post(
					'/users/new',
					{ email: 'x@y.example', name: 'X', password: 'long-enough-pw', role: 'manager' },
					cookie,
				),
			),
		),
	)
	expect(statusOf(res)).toBe(403)
	expect(getDb().select().from(users).all().length).toBe(before)
})

test('each role gets its own home', async () => {
	const startup = createStartup({ name: 'Channel Freight Lab', status: 'incubated' })
	const mentor = createMentor({ name: 'Sophie Marchand' })
	createAssignment({ mentorId: mentor.id, startupId: startup.id })
	const other = createStartup({ name: 'Someone Else Ltd' })

	const manager = await signedIn('manager')
	expect((await homeLoader(loaderArgs(get('/', manager.cookie)))).view).toBe('dashboard')

	// a founder's home is their own startup's page
	const founder = await signedIn('founder', { startupId: startup.id })
	const founderHome = (await settle(() =>
		homeLoader(loaderArgs(get('/', founder.cookie))),
	)) as Response
	expect(founderHome.status).toBe(302)
	expect(founderHome.headers.get('Location')).toBe(`/startups/${startup.id}`)

	const mentorUser = await signedIn('mentor', { mentorId: mentor.id })
	const mentorHome = await homeLoader(loaderArgs(get('/', mentorUser.cookie)))
	expect(mentorHome.view).toBe('mentees')
	expect(JSON.stringify(mentorHome)).toContain('Channel Freight Lab')
	expect(JSON.stringify(mentorHome)).not.toContain(other.name)

	// a partner lands on the report
	const partner = await signedIn('partner')
	const partnerHome = (await settle(() =>
		homeLoader(loaderArgs(get('/', partner.cookie))),
	)) as Response
	expect(partnerHome.headers.get('Location')).toBe('/reports')
})

test('unknown routes and ids are 404s, never 500s', async () => {
	const { cookie } = await signedIn('manager')
	expect(statusOf(await settle(() => notFoundLoader()))).toBe(404)
	for (const id of ['999999', 'abc', '-1', '1.5', '0']) {
		const res = await settle(() =>
			userLoader(loaderArgs(get(`/users/${id}`, cookie), { params: { userId: id } })),
		)
		expect(statusOf(res)).toBe(404)
	}
})

test('a manager disables a user and their sessions end at once', async () => {
	const { user: manager, cookie } = await signedIn('manager')
	const { user: founder } = await signedIn('founder')
	const res = (await settle(() =>
		userAction(
			actionArgs(post(`/users/${founder.id}`, { intent: 'disable' }, cookie), {
				params: { userId: String(founder.id) },
			}),
		),
	)) as Response
	expect(res.status).toBe(302)
	expect(getDb().select().from(sessions).where(eq(sessions.userId, founder.id)).all()).toHaveLength(
		0,
	)
	const row = getDb()
		.select({ disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.id, founder.id))
		.get()
	expect(row?.disabledAt).toBeInstanceOf(Date)
	// a manager cannot lock themselves out
	await settle(() =>
		userAction(
			actionArgs(post(`/users/${manager.id}`, { intent: 'disable' }, cookie), {
				params: { userId: String(manager.id) },
			}),
		),
	)
	expect(
		getDb().select({ d: users.disabledAt }).from(users).where(eq(users.id, manager.id)).get()?.d,
	).toBeNull()
})

test('a bad user form comes back with field messages and writes nothing', async () => {
	const { cookie } = await signedIn('manager')
	const before = getDb().select().from(users).all().length
	const result = await settle(() =>
		newUserAction(
			actionArgs(
				post('/users/new', { email: 'nope', name: '', password: 'short', role: 'founder' }, cookie),
			),
		),
	)
	expect(statusOf(result)).toBe(400)
	expect(JSON.stringify(result)).toContain('errors.email')
	expect(JSON.stringify(result)).toContain('errors.passwordTooShort')
	const noStartup = await settle(() =>
		newUserAction(
			actionArgs(
				post(
					'/users/new',
					{ email: 'ok@tektos.example', name: 'Ok', password: 'long-enough-pw', role: 'founder' },
					cookie,
				),
			),
		),
	)
	expect(statusOf(noStartup)).toBe(400)
	expect(JSON.stringify(noStartup)).toContain('errors.founderNeedsStartup')
	expect(getDb().select().from(users).all().length).toBe(before)
	// an unknown intent is a 400 page, not a crash
	const weird = await settle(() =>
		userAction(
			actionArgs(post('/users/1', { intent: 'launch-rocket' }, cookie), {
				params: { userId: '1' },
			}),
		),
	)
	expect(statusOf(weird)).toBe(400)
})

test('a manager creates a founder linked to a startup, who can then sign in', async () => {
	const { cookie } = await signedIn('manager')
	const startup = createStartup({ name: 'Dover Data' })
	const res = (await settle(() =>
		newUserAction(
			actionArgs(
				post(
					'/users/new',
					{
						email: 'Nadia@DoverData.example',
						name: 'Nadia Okafor',
						password: 'a-good-password',
						role: 'founder',
						startupId: String(startup.id),
					},
					cookie,
				),
			),
		),
	)) as Response
	expect(res.status).toBe(302)
	const created = getDb()
		.select()
		.from(users)
		.where(eq(users.email, 'Nadia@DoverData.example'))
		.get()
	expect(created).toMatchObject({ role: 'founder', startupId: startup.id, mentorId: null })
	// the same email, in another case, is refused
	const again = await settle(() =>
		newUserAction(
			actionArgs(
				post(
					'/users/new',
					{
						email: 'nadia@doverdata.example',
						name: 'N',
						password: 'a-good-password',
						role: 'partner',
					},
					cookie,
				),
			),
		),
	)
	expect(statusOf(again)).toBe(400)
	expect(JSON.stringify(again)).toContain('errors.emailTaken')
})
