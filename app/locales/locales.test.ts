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

test('every message key the code uses exists in both languages', async () => {
	const fs = await import('node:fs')
	const path = await import('node:path')
	const files = (fs.readdirSync('app', { recursive: true }) as string[])
		.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts'))
		.map((f) => path.join('app', f))
	const used = new Set<string>()
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8')
		// error messages and toasts are keys in quotes: 'errors.x', 'startups:errors.x', messageKey: '…'
		for (const m of text.matchAll(/'((?:[a-z]+:)?errors\.[A-Za-z.]+)'/g)) used.add(m[1]!)
		for (const m of text.matchAll(/messageKey: '([a-z]+:[A-Za-z.]+|[A-Za-z.]+)'/g)) used.add(m[1]!)
	}
	const lookup = (lng: 'fr' | 'en', key: string) => {
		const [ns, rest] = key.includes(':') ? key.split(':') : ['common', key]
		return rest!
			.split('.')
			.reduce<unknown>(
				(node, part) => (node as Record<string, unknown> | undefined)?.[part],
				(resources[lng] as Record<string, unknown>)[ns!],
			)
	}
	const missing = [...used].filter(
		(key) => typeof lookup('fr', key) !== 'string' || typeof lookup('en', key) !== 'string',
	)
	expect(missing).toEqual([])
})
