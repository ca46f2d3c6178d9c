import fs from 'node:fs'
import path from 'node:path'

/*
 * Issue 11 §3.8: every form that changes something carries the one-time token, which only
 * `~/components/form`'s Form adds. This fails on a POST form built any other way (Remix's Form,
 * a fetcher's, a plain <form>, a scripted submit), in every file of app/.
 */
const files = (fs.readdirSync('app', { recursive: true }) as string[])
	.filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
	.map((f) => path.join('app', f))
	.filter((f) => f !== path.join('app', 'components', 'form.tsx'))

const postForm = /<(Form|form|[\w.]+\.Form)\b[^>]*\bmethod=["'{]+post/gi

test('every POST form of the app comes from ~/components/form', () => {
	const offenders: string[] = []
	let forms = 0
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8')
		for (const match of text.matchAll(postForm)) {
			forms++
			const tag = match[1]!
			const wrapped =
				tag === 'Form' && /import \{[^}]*\bForm\b[^}]*\} from '~\/components\/form'/.test(text)
			if (!wrapped) offenders.push(`${file}: <${tag} method="post"> without the token`)
		}
		if (/submit\([^)]*method:\s*['"]post/i.test(text)) {
			offenders.push(`${file}: a scripted POST submit() carries no token`)
		}
	}
	expect(offenders).toEqual([])
	// the scan does see the app's forms (a scan that finds nothing cannot fail)
	expect(forms).toBeGreaterThan(40)
})
