import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, signInAs, url } from './browser'

/*
 * Issue 11 §3 against the production server the journeys run: the headers every page carries,
 * one-time form tokens with and without JavaScript, and what the server answers to requests the
 * app never sends.
 */
let browser: Browser

beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

async function newContext(options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ locale: 'fr-FR', ...options })
	// what the page's Content-Security-Policy blocked, if anything
	await context.addInitScript(() => {
		const w = window as unknown as { __violations: string[] }
		w.__violations = []
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
		)
	})
	return context
}

const violations = (page: Page) =>
	page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)

/** "1 234,56 €" (any kind of space) → 123456 */
function cents(text: string) {
	const m = /(-?[\d\s\u00a0\u202f]+),(\d{2})/.exec(text)
	if (!m) throw new Error(`No amount in "${text}"`)
	return Number(m[1]!.replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(m[2])
}

/** What is still due on the statement shown: the last column of its first table. */
async function stillDue(page: Page) {
	const cells = await page
		.locator('main table >> nth=0')
		.locator('tbody tr td:last-child')
		.allInnerTexts()
	return cells.reduce((sum, c) => sum + cents(c), 0)
}

/** A statement with something still due, from the arrears page. */
async function openStatementInArrears(page: Page) {
	await page.goto(url('/nursery/arrears'))
	const href = await page
		.locator('main table a[href^="/nursery/statements/"]')
		.first()
		.getAttribute('href')
	await page.goto(url(href!))
	await page.getByLabel('Montant payé').waitFor()
	return href!
}

async function pay(page: Page, amount: string): Promise<Request> {
	await page.getByLabel('Montant payé').fill(amount)
	const [request] = await Promise.all([
		page.waitForRequest((r) => r.method() === 'POST'),
		page.getByRole('button', { name: 'Enregistrer le paiement' }).click(),
	])
	return request
}

test('every page: a nonce-based CSP the app runs under without a violation, and no caching', async () => {
	const context = await newContext()
	const page = await context.newPage()
	// a hydration mismatch (the server's token or nonce against the browser's) would show here
	const consoleErrors: string[] = []
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text())
	})
	page.on('pageerror', (e) => consoleErrors.push(e.message))
	const seen: { url: string; cacheControl: string | undefined; csp: string | undefined }[] = []
	page.on('response', (res) => {
		const type = res.request().resourceType()
		if (type === 'document' || res.url().includes('.data')) {
			const headers = res.headers()
			seen.push({
				url: res.url(),
				cacheControl: headers['cache-control'],
				csp: headers['content-security-policy'],
			})
		}
	})
	await signInAs(page, 'manager@tektos.example')
	// client-side navigation: hydrated React, .data requests
	await page.getByRole('navigation').getByRole('link', { name: 'Startups' }).click()
	await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/Startups/)
	await page.getByRole('navigation').getByRole('link', { name: 'Pépinière' }).click()
	await expect.poll(() => new URL(page.url()).pathname).toBe('/nursery')

	expect(await violations(page)).toEqual([])
	expect(consoleErrors).toEqual([])
	expect(seen.some((s) => s.url.includes('.data'))).toBe(true)
	for (const response of seen) {
		expect([response.url, response.cacheControl]).toEqual([response.url, 'private, no-store'])
		expect(response.csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/)
	}
	await context.close()
})

test('a payment sent twice is recorded once; a second payment of the same amount is recorded', async () => {
	const context = await newContext()
	const page = await context.newPage()
	await signInAs(page, 'manager@tektos.example')
	await openStatementInArrears(page)
	const before = await stillDue(page)

	const first = await pay(page, '10,00')
	await expect.poll(() => page.getByRole('status').innerText()).toContain('Paiement enregistré.')
	await expect.poll(() => stillDue(page)).toBe(before - 1000)

	// the same request again, as a double click or a flaky network would send it
	const replayed = await page.request.fetch(first, { maxRedirects: 0 })
	expect(replayed.status()).toBeLessThan(400)
	await page.reload()
	expect(await stillDue(page)).toBe(before - 1000)

	// the form now carries a new token: another €10 is another payment
	await pay(page, '10,00')
	await expect.poll(() => stillDue(page)).toBe(before - 2000)
	expect(await violations(page)).toEqual([])
	await context.close()
})

test('without JavaScript, a form sent again gets the first answer and records nothing more', async () => {
	const context = await newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await page.goto(url('/login'))
	await page.getByLabel(/e-mail/i).fill('manager@tektos.example')
	await page.getByLabel(/mot de passe/i).fill('tektos-demo')
	await page.getByRole('button', { name: /se connecter/i }).click()
	await page.waitForURL((u) => !u.pathname.startsWith('/login'))
	const statement = await openStatementInArrears(page)
	const before = await stillDue(page)

	const first = await pay(page, '10,00')
	await page.waitForURL((u) => u.pathname === statement)
	expect(await stillDue(page)).toBe(before - 1000)
	const again = await page.request.fetch(first, { maxRedirects: 0 })
	expect(again.status()).toBe(302)
	expect(again.headers().location).toBe(statement)
	await page.reload()
	expect(await stillDue(page)).toBe(before - 1000)
	await context.close()
})

test('requests the app never sends get 4xx answers without a stack trace', async () => {
	const context: BrowserContext = await newContext()
	const api = context.request
	const page = await context.newPage()
	await page.goto(url('/login'))
	const token = await page.locator('input[name="_formToken"]').inputValue()

	const json = await api.post(url('/login'), { data: { email: 'a@b.c' } })
	expect(json.status()).toBe(415)
	const crossSite = await api.post(url('/login'), {
		form: { _formToken: token, email: 'manager@tektos.example', password: 'x' },
		headers: { Origin: 'https://evil.example' },
	})
	expect(crossSite.status()).toBe(403)
	const huge = await api.post(url('/login'), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		data: `email=${'a'.repeat(2 * 1024 * 1024)}`,
	})
	expect(huge.status()).toBe(413)
	const damaged = await api.post(url('/login'), {
		headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
		data: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf',
	})
	expect(damaged.status()).toBe(400)
	for (const res of [json, crossSite, huge, damaged]) {
		const body = await res.text()
		expect(body).not.toMatch(/\bat \S+ \(|node_modules|Error:/)
		expect(body).toContain(res.headers()['x-request-id'])
	}
	const health = await api.get(url('/healthz'))
	expect([health.status(), await health.json()]).toEqual([200, { status: 'ok' }])
	await context.close()
})
