import { loaderArgs } from '#tests/request'
import { loader } from './root'

async function rootFor(path: string, headers: Record<string, string> = {}) {
	const result = await loader(loaderArgs(new Request(`http://localhost${path}`, { headers })))
	return {
		locale: result.data.locale,
		setCookie: new Headers(result.init?.headers).get('Set-Cookie'),
	}
}

test('French by default, English for a browser that asks for it', async () => {
	expect((await rootFor('/')).locale).toBe('fr')
	expect((await rootFor('/', { 'Accept-Language': 'en-GB,en;q=0.9' })).locale).toBe('en')
	expect((await rootFor('/', { 'Accept-Language': 'de-DE' })).locale).toBe('fr')
})

test('?lng=en switches any page to English and keeps the choice in a cookie', async () => {
	const switched = await rootFor('/users?lng=en')
	expect(switched.locale).toBe('en')
	expect(switched.setCookie).toMatch(/^tektos_lng=/)
	const cookie = switched.setCookie!.split(';')[0]!
	// the cookie wins over the browser's language on the next visit
	expect((await rootFor('/', { Cookie: cookie, 'Accept-Language': 'fr-FR' })).locale).toBe('en')
})

test('a language that does not exist falls back to French and sets nothing', async () => {
	const result = await rootFor('/?lng=klingon')
	expect(result.locale).toBe('fr')
	expect(result.setCookie).toBeNull()
})
