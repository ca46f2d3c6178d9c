import { eq } from 'drizzle-orm'
import { outbox, passwordTokens, sessions, users } from '#db/schema/index'
import { createStartup, createUser } from '#tests/factories'
import { createPasswordToken } from '#tests/factories-calls'
import { actionArgs, get, loaderArgs, post, sessionCookie, settle, statusOf } from '#tests/request'
import { verifyLogin } from '~/models/user.server'
import { getDb } from '~/utils/db.server'
import { action as forgotAction } from './forgot-password'
import { loader as homeLoader } from './_app._index/route'
import { action as loginAction } from './login'
import { action as passwordAction, loader as passwordLoader } from './password.$token'

let ip = 0
const nextIp = () => `10.17.${Math.floor(++ip / 250)}.${ip % 250}`

function setPassword(token: string, password: string, confirm = password, cookie?: string) {
	return settle(() =>
		passwordAction(
			actionArgs(post(`/password/${token}`, { password, confirm }, cookie), {
				params: { token },
				ipAddress: nextIp(),
			}),
		),
	)
}

function forgot(email: string, ipAddress = nextIp()) {
	return settle(() => forgotAction(actionArgs(post('/forgot-password', { email }), { ipAddress })))
}

test('an invited founder sets a password with their link, once, and lands on their startup', async () => {
	const startup = createStartup({ name: 'Dover Drones' })
	const founder = createUser({
		role: 'founder',
		startupId: startup.id,
		email: 'emma@doverdrones.example',
	})
	const { token } = createPasswordToken({ userId: founder.id })

	const page = await passwordLoader(loaderArgs(get(`/password/${token}`), { params: { token } }))
	expect(page.link).toMatchObject({ purpose: 'invitation', email: 'emma@doverdrones.example' })

	// a mismatch or a short password is refused and spends nothing
	expect(statusOf(await setPassword(token, 'a-long-password', 'another-password'))).toBe(400)
	expect(statusOf(await setPassword(token, 'short'))).toBe(400)

	const res = (await setPassword(token, 'dover-drones-2027')) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/')
	expect((await verifyLogin('emma@doverdrones.example', 'dover-drones-2027'))?.id).toBe(founder.id)
	// signed in at once: the home of a founder is their startup's page
	const cookie = res.headers
		.getSetCookie()
		.find((c) => c.startsWith('tektos_session=') && !c.startsWith('tektos_session=;'))!
		.split(';')[0]!
	const home = (await settle(() => homeLoader(loaderArgs(get('/', cookie))))) as Response
	expect(home.headers.get('Location')).toBe(`/startups/${startup.id}`)

	// single use: the same link again does nothing
	const again = await setPassword(token, 'someone-elses-password')
	expect(statusOf(again)).toBe(410)
	expect((await verifyLogin('emma@doverdrones.example', 'dover-drones-2027'))?.id).toBe(founder.id)
	expect(
		(await passwordLoader(loaderArgs(get(`/password/${token}`), { params: { token } }))).link,
	).toBeNull()
})

test('a link expires, and a disabled account cannot use one', async () => {
	const user = createUser({ role: 'manager' })
	const expired = createPasswordToken({
		userId: user.id,
		purpose: 'reset',
		createdAt: new Date('2026-11-29T08:00:00Z'),
		expiresAt: new Date('2026-11-29T09:00:00Z'),
	})
	expect(statusOf(await setPassword(expired.token, 'a-new-password-1'))).toBe(410)
	const disabled = createUser({ role: 'mentor', disabledAt: new Date('2026-11-01T00:00:00Z') })
	const live = createPasswordToken({ userId: disabled.id, purpose: 'reset' })
	expect(statusOf(await setPassword(live.token, 'a-new-password-1'))).toBe(410)
	expect(await verifyLogin(disabled.email, 'a-new-password-1')).toBeNull()
})

test('"forgot password": the same answer for any address, a one-hour link for a real account, old sessions end', async () => {
	const user = createUser({
		role: 'partner',
		email: 'antoine.forgetful@capcalaisis.example',
		locale: 'en',
	})
	const oldSession = await sessionCookie(user.id)
	expect(oldSession).toBeTruthy()

	const known = await forgot('Antoine.Forgetful@capcalaisis.example')
	const unknown = await forgot('nobody-here@capcalaisis.example')
	expect(statusOf(known)).toBe(200)
	expect(JSON.stringify(known)).toBe(JSON.stringify(unknown))

	const mails = getDb().select().from(outbox).where(eq(outbox.kind, 'password_reset')).all()
	expect(mails.map((m) => m.toAddress)).toEqual(['antoine.forgetful@capcalaisis.example'])
	expect(mails[0]!.locale).toBe('en')
	const token = /\/password\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.body)![1]!
	const row = getDb().select().from(passwordTokens).where(eq(passwordTokens.userId, user.id)).get()!
	expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000)

	// a second request voids the first link
	await forgot('antoine.forgetful@capcalaisis.example')
	expect(statusOf(await setPassword(token, 'a-new-password-1'))).toBe(410)
	const latest = getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.kind, 'password_reset'))
		.all()
		.at(-1)!
	const fresh = /\/password\/([A-Za-z0-9_-]{43})/.exec(latest.body)![1]!
	expect(statusOf(await setPassword(fresh, 'a-new-password-1'))).toBe(302)
	// every session opened before the reset ends
	expect(getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1)
	const login = await settle(() =>
		loginAction(
			actionArgs(post('/login', { email: user.email, password: 'a-new-password-1' }), {
				ipAddress: nextIp(),
			}),
		),
	)
	expect(statusOf(login)).toBe(302)

	// a disabled account gets no link
	getDb()
		.update(users)
		.set({ disabledAt: new Date('2026-11-28T00:00:00Z') })
		.where(eq(users.id, user.id))
		.run()
	const before = getDb().select().from(outbox).all().length
	await forgot('antoine.forgetful@capcalaisis.example')
	expect(getDb().select().from(outbox).all().length).toBe(before)
})

test('"forgot password" is throttled per address', async () => {
	const address = nextIp()
	for (let i = 0; i < 5; i++)
		expect(statusOf(await forgot(`someone${i}@example.com`, address))).toBe(200)
	const blocked = await forgot('someone@example.com', address)
	expect(statusOf(blocked)).toBe(429)
})

test('someone already signed in who asks for a reset link is sent home', async () => {
	const user = createUser({ role: 'manager' })
	const cookie = await sessionCookie(user.id)
	const res = await settle(() =>
		forgotAction(actionArgs(post('/forgot-password', { email: user.email }, cookie))),
	)
	expect(statusOf(res)).toBe(302)
})
