import { loaderArgs } from '#tests/request'
import { loader as rootLoader } from '~/root'
import { now } from './clock'
import { checkFormToken, FORM_TOKEN_MAX_AGE_MS, issueFormToken } from './form-token.server'

test('every page load carries a new token of its own, signed by the server', async () => {
	const load = async () =>
		(await rootLoader(loaderArgs(new Request('http://localhost/')))).data.formToken
	const [a, b] = [await load(), await load()]
	expect(a).not.toBe(b)
	expect(checkFormToken(`${a}~:r1:`)).toBe('valid')
	expect(checkFormToken(`${b}~:r7:`)).toBe('valid')
})

test('a token the server did not issue, changed, or too old is refused', () => {
	const token = issueFormToken()
	expect(checkFormToken(null)).toBe('missing')
	expect(checkFormToken('')).toBe('missing')
	expect(checkFormToken('abc')).toBe('invalid')
	const [issued, random, signature] = token.split('.') as [string, string, string]
	expect(
		checkFormToken(
			`${issued}.${random.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${signature}`,
		),
	).toBe('invalid')
	// a later issue date under the old signature
	expect(checkFormToken(`${(parseInt(issued, 36) + 1).toString(36)}.${random}.${signature}`)).toBe(
		'invalid',
	)
	const old = issueFormToken(new Date(now().getTime() - FORM_TOKEN_MAX_AGE_MS - 60_000))
	expect(checkFormToken(old)).toBe('expired')
	const monthOld = issueFormToken(new Date(now().getTime() - FORM_TOKEN_MAX_AGE_MS + 60_000))
	expect(checkFormToken(monthOld)).toBe('valid')
})

test('a token signed with a secret being rotated out still counts', () => {
	const original = process.env.SESSION_SECRET
	const token = issueFormToken()
	try {
		process.env.SESSION_SECRET = `a-brand-new-secret-of-2027,${original}`
		expect(checkFormToken(token)).toBe('valid')
		process.env.SESSION_SECRET = 'a-brand-new-secret-of-2027'
		expect(checkFormToken(token)).toBe('invalid')
	} finally {
		process.env.SESSION_SECRET = original
	}
})
