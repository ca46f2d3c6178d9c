import fc from 'fast-check'
import { safeRedirect } from './safe-redirect'

const ORIGIN = 'https://crm.tektos.example'

/** Where a browser would land with this Location header, as the WHATWG URL parser reads it. */
function landsOn(location: string) {
	return new URL(location, `${ORIGIN}/login`).origin
}

// Known ways of leaving a site through a "same-origin path" check: each must give the fallback.
const BYPASSES = [
	'https://evil.example/',
	'http://evil.example',
	'HTTPS://evil.example',
	'//evil.example',
	'///evil.example',
	'////evil.example/x',
	'/\\evil.example',
	'\\\\evil.example',
	'\\/evil.example',
	'/\\/evil.example',
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r/evil.example',
	'/\r\n/evil.example',
	'\t//evil.example',
	'/\t\\evil.example',
	' //evil.example',
	'/\u0000/evil.example',
	'/\u000b/evil.example',
	'/\u000c/evil.example',
	'/\u007f/evil.example',
	'/.//evil.example',
	'/..//evil.example',
	'/./\\evil.example',
	'/%2e%2e//evil.example',
	'%2F%2Fevil.example',
	'%2F%09%2Fevil.example',
	'javascript:alert(1)',
	'JaVaScRiPt:alert(document.cookie)',
	'\tjavascript:alert(1)',
	'java\nscript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'vbscript:msgbox(1)',
	'evil.example',
	'.evil.example',
	'@evil.example',
	'https:evil.example',
	'http:/evil.example',
	'http:\\\\evil.example',
	'ht\ttps://evil.example',
	'/x\r\nSet-Cookie: tektos_session=planted',
	`/${'a'.repeat(3000)}`,
	'',
]

test('every known bypass gives the fallback', () => {
	for (const target of BYPASSES) {
		expect(safeRedirect(target), JSON.stringify(target)).toBe('/')
		expect(safeRedirect(target, '/startups/7'), JSON.stringify(target)).toBe('/startups/7')
	}
	for (const value of [null, undefined, 42, {}, new File(['x'], 'x.txt')]) {
		expect(safeRedirect(value)).toBe('/')
	}
})

test('the bypasses as they arrive in a query string, once decoded', () => {
	for (const query of [
		'redirectTo=%2F%09%2Fevil.example',
		'redirectTo=%2F%0A%2Fevil.example',
		'redirectTo=%2F%0D%2Fevil.example',
		'redirectTo=%2F%0D%0A%2Fevil.example',
		'redirectTo=%2F%5Cevil.example',
		'redirectTo=%2F%2Fevil.example',
		'redirectTo=%2F%2E%2F%2Fevil.example',
		'redirectTo=https%3A%2F%2Fevil.example',
		'redirectTo=%20%2F%2Fevil.example',
	]) {
		const target = new URLSearchParams(query).get('redirectTo')
		expect(safeRedirect(target), query).toBe('/')
	}
})

test('encoded forms stay harmless paths on this site', () => {
	for (const target of ['/%2F%2Fevil.example', '/%5Cevil.example', '/%09/evil.example']) {
		expect(safeRedirect(target)).toBe(target)
		expect(landsOn(safeRedirect(target))).toBe(ORIGIN)
	}
})

test('paths of the site are kept, with their query and fragment', () => {
	expect(safeRedirect('/startups?status=incubated&page=2#list')).toBe(
		'/startups?status=incubated&page=2#list',
	)
	expect(safeRedirect('/contacts/12')).toBe('/contacts/12')
	expect(safeRedirect('/reports?from=2025-01-01&to=2025-12-31')).toBe(
		'/reports?from=2025-01-01&to=2025-12-31',
	)
	// written the way a Location header can carry it
	expect(safeRedirect('/contacts?q=Hervé')).toBe('/contacts?q=Herv%C3%A9')
	expect(safeRedirect('/javascript:alert(1)')).toBe('/javascript:alert(1)')
	expect(landsOn('/javascript:alert(1)')).toBe(ORIGIN)
})

test('whatever the text, the result is a path a browser resolves on this site', () => {
	const tricky = fc.constantFrom(
		'/',
		'\\',
		'\t',
		'\n',
		'\r',
		' ',
		'.',
		'@',
		':',
		'%',
		'2F',
		'5C',
		'09',
		'?',
		'#',
		'e',
		'evil.example',
		'javascript',
		'\u0000',
		'\u3000',
		'\u2028',
		'é',
	)
	fc.assert(
		fc.property(
			fc.oneof(
				fc.string({ unit: 'grapheme' }),
				fc.array(tricky).map((parts) => parts.join('')),
			),
			(target) => {
				const result = safeRedirect(target)
				expect(result.startsWith('/')).toBe(true)
				expect(result.startsWith('//')).toBe(false)
				// printable ASCII only: nothing a Location header refuses, nothing a browser strips
				expect(result).toMatch(/^[\x21-\x7e]+$/)
				expect(landsOn(result)).toBe(ORIGIN)
			},
		),
		{ numRuns: 2000 },
	)
})
