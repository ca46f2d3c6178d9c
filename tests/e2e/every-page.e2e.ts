import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { launchBrowser } from './browser'
import type { Language } from './page-checks'
import { draftApplicant, linkInLastEmail, pageRoutes, type Visitor } from './pages'
import { LOCALES, pagesOf, problems, signedInContext, sweep, type Visit } from './sweep'

/*
 * Every page, as each role and as a visitor without an account, in French and in English: no
 * message key or code in what a reader sees, a tab title in the reader's language, nothing wider
 * than a 1,366 px or a 390 px screen, no serious or critical axe-core violation. The pages come
 * from app/routes (tests/e2e/pages.ts), so a new page is swept the day it lands. The demo's
 * mentor and partner sit on the open call's selection committee: they are its committee members.
 */

const VISITORS: Visitor[] = ['manager', 'founder', 'mentor', 'partner', 'anonymous']
const LANGUAGES: Language[] = ['fr', 'en']

let browser: Browser
const signedIn = new Map<Visitor, Awaited<ReturnType<BrowserContext['storageState']>>>()
/** the pages behind a private link, by pattern: asked for as their visitor would */
const linked: Record<string, string> = {}
const visited: Visit[] = []

beforeAll(async () => {
	browser = await launchBrowser()
	const databasePath = inject('databasePath')
	const context = await browser.newContext({ locale: LOCALES.en, baseURL: inject('baseURL') })
	const page = await context.newPage()
	// an applicant asks for their draft's link again
	const draft = draftApplicant(databasePath)
	await page.goto(`/apply/${draft.callId}`)
	await page.locator('#resend-link input[type=email]').fill(draft.email)
	await page.locator('#resend-link button[type=submit]').click()
	await page.getByRole('status').filter({ hasText: /link/ }).waitFor()
	linked['/application/$token'] = linkInLastEmail(databasePath, draft.email, 'application_link')
	// a founder forgot their password
	await page.goto('/forgot-password')
	await page.getByLabel(/e-?mail/i).fill('founder@tektos.example')
	await page.getByRole('button', { name: /send|envoyer/i }).click()
	await page.getByText(/link valid for one hour/).waitFor()
	linked['/password/$token'] = linkInLastEmail(
		databasePath,
		'founder@tektos.example',
		'password_reset',
	)
	await context.close()
})
afterAll(async () => {
	await browser?.close()
})

/** Who each visitor is, in the tests' names. */
const WHO: Record<Visitor, string> = {
	manager: 'the manager',
	founder: 'a founder',
	mentor: 'a mentor, jury member of the open call',
	partner: 'a partner, jury member of the open call',
	anonymous: 'a visitor without an account',
}

const cases = VISITORS.flatMap((visitor) =>
	LANGUAGES.map((lang) => [WHO[visitor], lang, visitor] as const),
)

test.each(cases)(
	'every page as %s, in %s: its own language, no internal name, fits 1,366 and 390 px, no serious axe violation',
	async (_who, lang, visitor) => {
		const context = await signedInContext(
			browser,
			inject('baseURL'),
			visitor,
			lang,
			signedIn.get(visitor),
		)
		// signed in once per role, the session reused in the other language
		if (!signedIn.has(visitor)) signedIn.set(visitor, await context.storageState())
		try {
			const visits = await sweep({
				context,
				lang,
				pages: pagesOf(visitor, inject('databasePath'), linked),
			})
			visited.push(...visits)
			expect(problems(visits)).toEqual([])
		} finally {
			await context.close()
		}
	},
	300_000,
)

test('the sweep reached every page, each in both languages', () => {
	const checked = (lang: Language) =>
		new Set(visited.filter((v) => v.findings?.lang === lang).map((v) => v.route.pattern))
	const patterns = pageRoutes().map((r) => r.pattern)
	const checkedLoads = visited.filter((v) => v.findings)
	console.info(
		`every-page sweep: ${patterns.length} routes, ${checkedLoads.length} page loads checked at 1,366 and 390 px ` +
			`(${visited.length - checkedLoads.length} refused or redirected), ${VISITORS.length} visitors × ${LANGUAGES.length} languages`,
	)
	for (const lang of LANGUAGES) {
		expect(patterns.filter((p) => !checked(lang).has(p))).toEqual([])
	}
})

test("after following a link, the focus is on the new page's heading; sorting a list leaves it on the link", async () => {
	const context = await signedInContext(
		browser,
		inject('baseURL'),
		'manager',
		'en',
		signedIn.get('manager'),
	)
	try {
		const page = await context.newPage()
		await page.goto('/startups')
		await page.waitForLoadState('networkidle')
		const focused = () =>
			page.evaluate(() => {
				const el = document.activeElement
				return el ? `${el.tagName.toLowerCase()}: ${el.textContent?.trim()}` : ''
			})
		// a client-side navigation: the page is not loaded again, so only the app can move the focus
		await page
			.getByRole('navigation', { name: 'Main navigation' })
			.getByRole('link', { name: 'Nursery' })
			.click()
		await page.waitForURL((u) => u.pathname === '/nursery')
		await expect.poll(focused).toBe('h1: Nursery')
		// the tab says where the reader is, no error in it
		expect(await page.title()).toBe('Nursery · TEKTOS')
		// the next Tab starts from the page's content, not from the navigation
		await page.keyboard.press('Tab')
		expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true)
		// the same page with another query (a sort, a filter) keeps the focus where it was
		await page.goto('/startups')
		await page.waitForLoadState('networkidle')
		await page.locator('main th a').first().click()
		await page.waitForURL((u) => u.searchParams.has('sort'))
		await page.waitForLoadState('networkidle')
		await expect
			.poll(() =>
				page.evaluate(
					() => document.activeElement?.tagName === 'A' && !!document.activeElement.closest('th'),
				),
			)
			.toBe(true)
	} finally {
		await context.close()
	}
})
