import { resources } from '~/utils/i18n'

function keys(value: unknown, prefix = ''): string[] {
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
	}
	return [prefix]
}

const namespaces = Object.keys(resources.fr) as (keyof typeof resources.fr)[]

test.each(namespaces)('French and English have exactly the same messages in %s', (ns) => {
	const frKeys = keys(resources.fr[ns]).sort()
	const enKeys = keys(resources.en[ns]).sort()
	expect(enKeys.filter((k) => !frKeys.includes(k))).toEqual([])
	expect(frKeys.filter((k) => !enKeys.includes(k))).toEqual([])
})

test('every area has both languages, and no message is left empty', () => {
	expect(Object.keys(resources.en).sort()).toEqual(namespaces.slice().sort())
	const empty = (obj: unknown): boolean =>
		typeof obj === 'string' ? obj.trim() === '' : Object.values(obj as object).some(empty)
	expect(empty(resources.fr)).toBe(false)
	expect(empty(resources.en)).toBe(false)
})
