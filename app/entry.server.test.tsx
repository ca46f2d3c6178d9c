import { Suspense } from 'react'
import { renderDocument } from './entry.server'

/*
 * Issue 11 §3.9: a render that hits the abort timer used to end in a 500 with nothing logged.
 * Now the log names the request and how long it ran, whether the page was cut short or never
 * started.
 */
const never = new Promise<never>(() => {})
function Stuck(): never {
	throw never
}

function render(element: JSX.Element, userAgent = 'Mozilla/5.0 Firefox/128.0') {
	return renderDocument({
		element,
		request: new Request('http://localhost/reports?year=2026', {
			headers: { 'User-Agent': userAgent },
		}),
		status: 200,
		headers: new Headers(),
		loadContext: { requestId: 'Ab3dE9xZ', cspNonce: 'n0nce' },
		abortAfterMs: 50,
	})
}

test('a page still streaming when the timer fires is cut short, and the log says so', async () => {
	const errors: string[] = []
	vi.spyOn(console, 'error').mockImplementation(
		(...args) => void errors.push(args.map(String).join(' ')),
	)
	const response = await render(
		<html>
			<body>
				<p>the shell</p>
				<Suspense fallback={<p>loading</p>}>
					<Stuck />
				</Suspense>
			</body>
		</html>,
	)
	const html = await response.text()
	expect(html).toContain('the shell')
	expect(errors[0]).toMatch(
		/^\S+Z render aborted req=Ab3dE9xZ GET \/reports: still rendering after \d+ ms \(page cut short\)$/,
	)
})

test('a page whose shell never comes (or a crawler’s, all at once) is logged as nothing sent', async () => {
	const errors: string[] = []
	vi.spyOn(console, 'error').mockImplementation(
		(...args) => void errors.push(args.map(String).join(' ')),
	)
	await expect(
		render(
			<html>
				<body>
					<Suspense fallback={<p>loading</p>}>
						<Stuck />
					</Suspense>
				</body>
			</html>,
			'Googlebot/2.1',
		),
	).resolves.toBeInstanceOf(Response)
	expect(errors[0]).toMatch(
		/render aborted req=Ab3dE9xZ GET \/reports: still rendering after \d+ ms \(nothing sent\)$/,
	)
})

test('a page that finishes in time logs nothing', async () => {
	const errors: unknown[] = []
	vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args))
	const response = await render(
		<html>
			<body>
				<p>done</p>
			</body>
		</html>,
	)
	expect(await response.text()).toContain('done')
	await new Promise((resolve) => setTimeout(resolve, 100))
	expect(errors).toEqual([])
})
