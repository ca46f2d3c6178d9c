import fs from 'node:fs'
import path from 'node:path'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { applicationFiles, sessions, users } from '#db/schema/index'
import { createAssignment, createMentor, createStartup, createUser } from '#tests/factories'
import { createApplication, createCall } from '#tests/factories-calls'
import { actionArgs, get, loaderArgs, post, sessionCookie, settle, statusOf } from '#tests/request'
import { getDb } from '~/utils/db.server'
import { storeFile } from '~/utils/uploads.server'
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
	expect(JSON.stringify(result)).not.toContain('$argon2')
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

// ---------------------------------------------------------------- the jury × every route

/**
 * Sitting on a selection committee opens a call's applications and nothing else of the CRM.
 * Every loader of the app is called as a mentor and as a partner who sit on a committee, and
 * as a mentor and a partner who do not: outside the committee's own pages (/jury…, and the
 * files of the applications they judge) both get the same answer, and nobody outside the
 * committee ever reads an applicant's project, name, email or phone.
 */
describe('the jury sees nothing else of the CRM', () => {
	const people = {
		juryMentor: createUser({ role: 'mentor', mentorId: createMentor().id }),
		juryPartner: createUser({ role: 'partner', organisation: "CCI Côte d'Opale" }),
		mentor: createUser({ role: 'mentor', mentorId: createMentor().id }),
		partner: createUser({ role: 'partner', organisation: 'Cap Calaisis' }),
		founder: createUser({ role: 'founder' }),
	}
	const call = createCall({ committee: [people.juryMentor.id, people.juryPartner.id] })
	const application = createApplication({
		callId: call.id,
		projectName: 'Sweep Secret Project',
		contactName: 'Sweep Applicant',
		contactEmail: 'sweep.applicant@apply.example',
		contactPhone: '+44 7700 900999',
		founders: [{ name: 'Sweep Founder', role: 'CEO', email: 'sweep.founder@apply.example' }],
	})
	const file = getDb()
		.insert(applicationFiles)
		.values({
			applicationId: application.id,
			questionId: call.questions[0]!.id,
			originalName: 'sweep.pdf',
			contentType: 'application/pdf',
			...storeFile(new TextEncoder().encode('%PDF-1.4\nsweep\n%%EOF\n')),
		})
		.returning()
		.get()
	const params: Record<string, string> = {
		callId: String(call.id),
		applicationId: String(application.id),
		fileId: String(file.id),
		token: 'x',
	}
	const projectAndTeam = ['Sweep Secret Project', 'Sweep Founder']
	const contact = [
		'Sweep Applicant',
		'sweep.applicant@apply.example',
		'+44 7700 900999',
		'sweep.founder@apply.example',
	]

	const routesDir = path.resolve('app/routes')
	const routeFiles = fs
		.readdirSync(routesDir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory()
				? [path.join(entry.name, 'route.tsx')]
				: /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')
					? [entry.name]
					: [],
		)
	const isJuryRoute = (file: string) => file.startsWith('_app.jury') || file.includes('.files.')

	async function visit(file: string, userId: number) {
		const module = (await import(path.join(routesDir, file))) as {
			loader?: (args: LoaderFunctionArgs) => Promise<unknown>
		}
		const routeParams = Object.fromEntries(
			[...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => [m[1]!, params[m[1]!] ?? '1']),
		)
		const url = `/${file
			.replace(/\/route\.tsx$|\.tsx?$/g, '')
			.replace(/\$([A-Za-z0-9]+)_?/g, (_, k: string) => routeParams[k] ?? '1')
			.replace(/\[|\]/g, '')}`
		const cookie = await sessionCookie(userId)
		const result = await settle(() =>
			module.loader!({ request: get(url, cookie), params: routeParams, context: {} }),
		)
		const body =
			result instanceof Response
				? result.status < 300
					? await result.clone().text()
					: ''
				: JSON.stringify(result)
		return { status: statusOf(result), body }
	}

	test('the sweep covers the committee pages and the rest of the app', () => {
		expect(routeFiles.filter(isJuryRoute).length).toBeGreaterThanOrEqual(4)
		expect(routeFiles.length).toBeGreaterThan(80)
	})

	test.each(routeFiles)('%s', async (file) => {
		const module = (await import(path.join(routesDir, file))) as { loader?: unknown }
		if (!module.loader) return
		for (const role of ['mentor', 'partner'] as const) {
			const juror = await visit(
				file,
				role === 'mentor' ? people.juryMentor.id : people.juryPartner.id,
			)
			const outsider = await visit(file, people[role].id)
			if (isJuryRoute(file)) {
				// the committee's own pages: open to members, a 404 (or an empty list) for others
				expect(juror.status, `${role} on the committee`).toBe(200)
				expect([200, 404], `${role} off the committee`).toContain(outsider.status)
			} else {
				// everywhere else, sitting on a committee changes nothing
				expect(juror.status, `${role} on the committee`).toBe(outsider.status)
				expect(projectAndTeam.filter((s) => juror.body.includes(s))).toEqual([])
			}
			// the applicant's contact details never reach a member, and nothing reaches an outsider
			expect(contact.filter((s) => juror.body.includes(s))).toEqual([])
			expect([...projectAndTeam, ...contact].filter((s) => outsider.body.includes(s))).toEqual([])
		}
		const founder = await visit(file, people.founder.id)
		expect([...projectAndTeam, ...contact].filter((s) => founder.body.includes(s))).toEqual([])
	})
})
