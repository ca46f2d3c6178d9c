import * as argon2 from '@node-rs/argon2'
import bcrypt from 'bcryptjs'
import { eq } from 'drizzle-orm'
import { sessions, users } from '#db/schema/index'
import { createUser } from '#tests/factories'
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
import { getUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { action as loginAction, loader as loginLoader } from './login'
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

test('redirectTo only accepts same-origin paths, however it is disguised', async () => {
	const user = createUser({ role: 'manager' })
	for (const target of [
		'https://evil.example/',
		'//evil.example',
		'/\\evil.example',
		// what /login?redirectTo=%2F%09%2Fevil.example gives: a browser drops the tab
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/.//evil.example',
		'javascript:alert(1)',
	]) {
		const res = (await signInWith({
			email: user.email,
			password: user.password,
			redirectTo: target,
		})) as Response
		expect(res.status, JSON.stringify(target)).toBe(302)
		expect(res.headers.get('Location'), JSON.stringify(target)).toBe('/')
	}
})

test('a CR/LF in redirectTo signs in to the home page: no 500, no stray session', async () => {
	const user = createUser({ role: 'founder' })
	const res = await signInWith({
		email: user.email,
		password: user.password,
		redirectTo: '/startups\r\nSet-Cookie: planted=1',
	})
	expect(statusOf(res)).toBe(302)
	expect((res as Response).headers.get('Location')).toBe('/')
	expect((res as Response).headers.get('Set-Cookie')).not.toContain('planted')
	const rows = getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()
	expect(rows).toHaveLength(1)
	expect((await getUser(get('/', cookieFrom(res as Response))))?.id).toBe(user.id)
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

test('an address is throttled after 10 failed attempts in a minute', async () => {
	const user = createUser({ role: 'mentor' })
	const ipAddress = nextIp()
	// ten guesses at ten accounts: only the address's counter runs out
	for (let i = 0; i < 10; i++) {
		const email = `someone-${i}@tektos.example`
		expect(statusOf(await signInWith({ email, password: 'wrong-password' }, ipAddress))).toBe(400)
	}
	const blocked = await signInWith({ email: user.email, password: user.password }, ipAddress)
	expect(statusOf(blocked)).toBe(429)
	expect(Number((blocked as { init: ResponseInit }).init.headers!['Retry-After' as never])).toBe(60)
	expect(dataOf(blocked)).toMatchObject({ error: { '': ['errors.tooManyAttempts'] } })
	// another address is not affected
	expect(statusOf(await signInWith({ email: user.email, password: user.password }))).toBe(302)
})

test('an account is throttled after 10 failed attempts, whatever the addresses they come from', async () => {
	const manager = createUser({ role: 'manager' })
	for (let i = 0; i < 10; i++) {
		expect(statusOf(await signInWith({ email: manager.email, password: `guess-${i}` }))).toBe(400)
	}
	// an eleventh address, even with the right password, waits: the guesser cannot tell
	const blocked = await signInWith({
		email: manager.email.toUpperCase(),
		password: manager.password,
	})
	expect(statusOf(blocked)).toBe(429)
	// other accounts sign in as usual
	const founder = createUser({ role: 'founder' })
	expect(statusOf(await signInWith({ email: founder.email, password: founder.password }))).toBe(302)
	// unknown emails are counted the same way, so the answer says nothing of who has an account
	for (let i = 0; i < 10; i++) {
		await signInWith({ email: 'nobody-here@tektos.example', password: `guess-${i}` })
	}
	expect(
		statusOf(await signInWith({ email: 'nobody-here@tektos.example', password: 'guess' })),
	).toBe(429)
})

test("a founder's own sign-in does not give back the guesses made at another account", async () => {
	const manager = createUser({ role: 'manager' })
	const founder = createUser({ role: 'founder' })
	const ipAddress = nextIp()
	for (let i = 0; i < 9; i++) {
		expect(
			statusOf(await signInWith({ email: manager.email, password: `guess-${i}` }, ipAddress)),
		).toBe(400)
	}
	expect(
		statusOf(await signInWith({ email: founder.email, password: founder.password }, ipAddress)),
	).toBe(302)
	// one more guess fits in the minute, and that is all
	expect(statusOf(await signInWith({ email: manager.email, password: 'guess-9' }, ipAddress))).toBe(
		400,
	)
	expect(
		statusOf(await signInWith({ email: manager.email, password: 'guess-10' }, ipAddress)),
	).toBe(429)
	expect(
		statusOf(await signInWith({ email: manager.email, password: manager.password }, ipAddress)),
	).toBe(429)
})

test('a refused sign-in leaves one line in the log: the account and the address, never the password', async () => {
	const user = createUser({ role: 'partner' })
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
	const ipAddress = nextIp()
	await signInWith({ email: user.email, password: 'Secret-Guess-42' }, ipAddress)
	await signInWith(
		{ email: 'forged\r\nline@tektos.example', password: 'Secret-Guess-43' },
		ipAddress,
	)
	const lines = warn.mock.calls.map((call) => call.join(' '))
	expect(lines).toHaveLength(1)
	expect(lines[0]).toContain(user.email)
	expect(lines[0]).toContain(ipAddress)
	expect(lines[0]).toContain('wrong-credentials')
	expect(lines.join('\n')).not.toContain('Secret-Guess')
	// (the forged email is not an email: refused by the form, before any check or log)
	warn.mockClear()
	await signInWith({ email: user.email, password: user.password }, ipAddress)
	expect(warn).not.toHaveBeenCalled()
})

test('a password hashed with bcrypt before argon2id still signs in, and is rehashed with argon2id', async () => {
	const user = createUser({
		role: 'manager',
		passwordHash: bcrypt.hashSync('old-bcrypt-password', 4),
	})
	const hashOf = () =>
		getDb().select({ h: users.passwordHash }).from(users).where(eq(users.id, user.id)).get()!.h
	expect(statusOf(await signInWith({ email: user.email, password: 'wrong-password' }))).toBe(400)
	expect(hashOf()).toMatch(/^\$2[ab]\$/)
	expect(statusOf(await signInWith({ email: user.email, password: 'old-bcrypt-password' }))).toBe(
		302,
	)
	expect(hashOf()).toMatch(/^\$argon2id\$/)
	expect(statusOf(await signInWith({ email: user.email, password: 'old-bcrypt-password' }))).toBe(
		302,
	)
})

test('ten wrong sign-ins at once do not hold up a page asked for meanwhile', async () => {
	// a hash at the production cost: checking it takes real work
	const user = createUser({ role: 'manager', passwordHash: await argon2.hash('the-real-password') })
	const finished: string[] = []
	const attempts = Array.from({ length: 10 }, (_, i) =>
		signInWith({ email: user.email, password: `wrong-${i}` }).then((result) => {
			finished.push('sign-in')
			return result
		}),
	)
	// once the ten are under way, someone asks for the sign-in page
	await new Promise((resolve) => setImmediate(resolve))
	const page = settle(() => loginLoader(loaderArgs(get('/login')))).then(() => {
		finished.push('page')
	})
	await Promise.all([page, ...attempts])
	expect(finished).toHaveLength(11)
	// the page was served while the passwords were being checked, not after them
	expect(finished[0]).toBe('page')
	for (const result of await Promise.all(attempts)) expect(statusOf(result)).toBe(400)
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
