import en from './en.json'
import fr from './fr.json'

function keys(value: unknown, prefix = ''): string[] {
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
	}
	return [prefix]
}

test('French and English have exactly the same messages', () => {
	const frKeys = keys(fr).sort()
	const enKeys = keys(en).sort()
	expect(enKeys.filter((k) => !frKeys.includes(k))).toEqual([])
	expect(frKeys.filter((k) => !enKeys.includes(k))).toEqual([])
})

test('no message is left empty', () => {
	const empty = (obj: unknown): boolean =>
		typeof obj === 'string' ? obj.trim() === '' : Object.values(obj as object).some(empty)
	expect(empty(fr)).toBe(false)
	expect(empty(en)).toBe(false)
})
