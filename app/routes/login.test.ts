import { eq } from 'drizzle-orm'
import { sessions, users } from '#db/schema/index'
import { createUser } from '#tests/factories'
import { actionArgs, dataOf, get, post, sessionCookie, settle, statusOf } from '#tests/request'
import { getUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { action as loginAction } from './login'
import { action as logoutAction } from './logout'

let ip = 0
// each test signs in from its own address so the throttle of one does not spill into another
const nextIp = () => `10.0.0.${++ip}`

async function signInWith(form: Record<string, string>, ipAddress = nextIp()) {
	return settle(() => loginAction(actionArgs(post('/login', form), { ipAddress })))
}

function cookieFrom(response: Response) {
	return response.headers.get('Set-Cookie')!.split(';')[0]!
}

test('a user signs in with the right password and lands where they were going', async () => {
	const user = createUser({ role: 'manager' })
	const response = await signInWith({
		email: user.email.toUpperCase(),
		password: user.password,
		redirectTo: '/users',
	})
	expect(response).toBeInstanceOf(Response)
	const res = response as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/users')
	const setCookie = res.headers.get('Set-Cookie')!
	expect(setCookie).toMatch(/HttpOnly/i)
	expect(setCookie).toMatch(/SameSite=Lax/i)
	const signedIn = await getUser(get('/', cookieFrom(res)))
	expect(signedIn?.id).toBe(user.id)
})

test('redirectTo only accepts same-origin paths', async () => {
	const user = createUser({ role: 'manager' })
	for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
		const res = (await signInWith({
			email: user.email,
			password: user.password,
			redirectTo: target,
		})) as Response
		expect(res.headers.get('Location')).toBe('/')
	}
})

test('a wrong password and an unknown email get the same generic message', async () => {
	const user = createUser({ role: 'founder' })
	const wrong = await signInWith({ email: user.email, password: 'not-the-password' })
	const unknown = await signInWith({
		email: 'nobody@tektos.example',
		password: 'whatever-password',
	})
	expect(statusOf(wrong)).toBe(400)
	expect(statusOf(unknown)).toBe(400)
	expect(dataOf(wrong)).toMatchObject({ error: { '': ['errors.invalidLogin'] } })
	expect(dataOf(unknown)).toMatchObject({ error: { '': ['errors.invalidLogin'] } })
	// what the user typed comes back, except the password
	expect(JSON.stringify(dataOf(wrong))).toContain(user.email)
	expect(JSON.stringify(dataOf(wrong))).not.toContain('not-the-password')
})

test('a malformed form gets field messages, not a 500', async () => {
	const result = await signInWith({ email: 'not an email' })
	expect(statusOf(result)).toBe(400)
	expect(dataOf(result)).toMatchObject({
		error: { email: ['errors.email'], password: ['errors.required'] },
	})
})

test('an address is throttled after 10 attempts in a minute', async () => {
	const user = createUser({ role: 'mentor' })
	const ipAddress = nextIp()
	for (let i = 0; i < 10; i++) {
		expect(
			statusOf(await signInWith({ email: user.email, password: 'wrong-password' }, ipAddress)),
		).toBe(400)
	}
	const blocked = await signInWith({ email: user.email, password: user.password }, ipAddress)
	expect(statusOf(blocked)).toBe(429)
	expect(dataOf(blocked)).toMatchObject({ error: { '': ['errors.tooManyAttempts'] } })
	// another address is not affected
	expect(statusOf(await signInWith({ email: user.email, password: user.password }))).toBe(302)
})

test('a disabled user cannot sign in, and their open sessions stop working', async () => {
	const user = createUser({ role: 'partner' })
	const cookie = await sessionCookie(user.id)
	expect(await getUser(get('/', cookie))).not.toBeNull()
	getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id)).run()
	expect(await getUser(get('/', cookie))).toBeNull()
	const result = await signInWith({ email: user.email, password: user.password })
	expect(statusOf(result)).toBe(400)
	expect(dataOf(result)).toMatchObject({ error: { '': ['errors.invalidLogin'] } })
})

test('signing out revokes the session in the database, so the old cookie is worthless', async () => {
	const user = createUser({ role: 'manager' })
	const cookie = await sessionCookie(user.id)
	const before = getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()
	expect(before).toHaveLength(1)
	const res = (await logoutAction(actionArgs(post('/logout', {}, cookie)))) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/login')
	expect(getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0)
	expect(await getUser(get('/', cookie))).toBeNull()
})

test('each sign-in gets a new session id', async () => {
	const user = createUser({ role: 'manager' })
	const first = cookieFrom(
		(await signInWith({ email: user.email, password: user.password })) as Response,
	)
	const second = cookieFrom(
		(await signInWith({ email: user.email, password: user.password })) as Response,
	)
	expect(first).not.toBe(second)
})

test('a tampered session cookie counts as signed out', async () => {
	const user = createUser({ role: 'manager' })
	const cookie = await sessionCookie(user.id)
	const tampered = cookie.slice(0, -3) + (cookie.endsWith('abc') ? 'xyz' : 'abc')
	expect(await getUser(get('/', tampered))).toBeNull()
	expect(await getUser(get('/', 'tektos_session=garbage'))).toBeNull()
})
