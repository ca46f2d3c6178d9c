import fs from 'node:fs'
import path from 'node:path'

/*
 * Decision 0003: one design (app.css: tokens, base, shared components, print), each area's own
 * classes in styles/<area>.css, all linked once from root.tsx. Two files must never style the
 * same selector, or which one wins depends on the order of the links.
 */
const dir = 'app/styles'
const sheets = fs.readdirSync(dir).filter((f) => f.endsWith('.css'))
const read = (file: string) =>
	fs.readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')

/** Every selector a sheet styles, with the at-rule it sits in: '@media print | .page'. */
function selectors(css: string) {
	const found: string[] = []
	const context: string[] = []
	let text = ''
	for (const c of css) {
		if (c === '{') {
			const head = text.trim()
			if (head.startsWith('@')) context.push(head)
			else {
				for (const s of head.split(','))
					found.push(`${context.join(' ')} | ${s.trim().replace(/\s+/g, ' ')}`)
				context.push('')
			}
			text = ''
		} else if (c === '}') {
			context.pop()
			text = ''
		} else if (c === ';') {
			text = ''
		} else {
			text += c
		}
	}
	return found
}

test('every stylesheet is linked from the root', () => {
	const root = fs.readFileSync('app/root.tsx', 'utf8')
	for (const sheet of sheets)
		expect([sheet, root.includes(`./styles/${sheet}'`)]).toEqual([sheet, true])
})

test('the colours, spacings and radii are defined once, in app.css', () => {
	for (const sheet of sheets.filter((s) => s !== 'app.css')) {
		expect([sheet, read(sheet).match(/--[\w-]+\s*:/g) ?? []]).toEqual([sheet, []])
	}
})

test('no two stylesheets style the same selector', () => {
	const owner = new Map<string, string>()
	const clashes: string[] = []
	for (const sheet of sheets) {
		for (const selector of new Set(selectors(read(sheet)))) {
			const other = owner.get(selector)
			if (other) clashes.push(`${selector} in ${other} and ${sheet}`)
			else owner.set(selector, sheet)
		}
	}
	expect(clashes).toEqual([])
})
