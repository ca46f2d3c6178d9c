import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { launchBrowser, signInAs, url } from './browser'

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})
beforeEach(async () => {
	await context?.close()
	context = await browser.newContext({ locale: 'fr-FR' })
	page = await context.newPage()
})

async function navLinks() {
	return page
		.getByRole('navigation', { name: /navigation principale|main navigation/i })
		.getByRole('link')
		.allInnerTexts()
}

test.each([
	[
		'manager@tektos.example',
		[
			'Tableau de bord',
			'Startups',
			'Promotions',
			'Mentors',
			'Pépinière',
			'Financements',
			'Contacts',
			'Appels à candidatures',
			'Comité de sélection',
			"Rapport d'activité",
			'Utilisateurs',
		],
		'Tableau de bord',
	],
	['founder@tektos.example', ['Ma startup'], null],
	[
		'mentor@tektos.example',
		['Mes startups', 'Mon mentorat', 'Comité de sélection'],
		'Mes startups',
	],
	[
		'partner@tektos.example',
		[
			"Rapport d'activité",
			'Startups',
			'Prise en charge des loyers',
			'Financements',
			'Mises en relation',
			'Comité de sélection',
		],
		"Rapport d'activité",
	],
])('%s signs in and sees the navigation of their role', async (email, links, heading) => {
	await signInAs(page, email)
	await expect.poll(navLinks).toEqual(links)
	const h1 = page.getByRole('heading', { level: 1 })
	if (heading) expect(await h1.innerText()).toBe(heading)
	else expect((await h1.innerText()).length).toBeGreaterThan(0)
	// a non-manager who types the Users address gets a clear refusal, not the page
	if (!email.startsWith('manager')) {
		const response = await page.goto(url('/users'))
		expect(response?.status()).toBe(403)
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Accès refusé')
	}
})

// Issue 13 §12: a navigation entry is named as the page it opens. The founder's entry opens
// their startup's own page, whose heading is the startup's name.
test.each(['fr', 'en'] as const)(
	'every navigation entry of every role opens a page whose heading is its label (%s)',
	async (lng) => {
		const mismatches: string[] = []
		for (const email of [
			'manager@tektos.example',
			'mentor@tektos.example',
			'partner@tektos.example',
			'founder@tektos.example',
		]) {
			await context.clearCookies()
			await signInAs(page, email)
			await page.goto(url(`/?lng=${lng}`))
			const nav = page.getByRole('navigation', { name: /navigation principale|main navigation/i })
			const entries = await nav
				.getByRole('link')
				.evaluateAll((links) =>
					links.map((a) => ({ label: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
				)
			expect(entries.length).toBeGreaterThan(0)
			for (const { label, href } of entries) {
				await page.goto(url(href))
				const heading = await page.getByRole('heading', { level: 1 }).innerText()
				const founderPage = email.startsWith('founder') && /^\/startups\/\d+$/.test(href)
				if (founderPage ? heading.length === 0 : heading !== label) {
					mismatches.push(`${email} ${href}: «${label}» opens «${heading}»`)
				}
			}
		}
		expect(mismatches).toEqual([])
	},
)

test('a wrong password gets one generic message and keeps the email typed', async () => {
	await page.goto(url('/login'))
	await page.getByLabel('E-mail').fill('manager@tektos.example')
	await page.getByLabel('Mot de passe').fill('not-the-password')
	await page.getByRole('button', { name: 'Se connecter' }).click()
	await expect
		.poll(() => page.getByRole('alert').innerText())
		.toContain('E-mail ou mot de passe incorrect.')
	expect(await page.getByLabel('E-mail').inputValue()).toBe('manager@tektos.example')
})

test('the language switch turns the interface to English and stays there', async () => {
	await signInAs(page, 'manager@tektos.example')
	await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'EN' }).click()
	await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Dashboard')
	expect(await page.locator('html').getAttribute('lang')).toBe('en')
	// the choice is kept in a cookie: a plain visit stays in English
	await page.goto(url('/users'))
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Users')
	await page.goto(url('/?lng=fr'))
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tableau de bord')
})

test('signing out ends the session: the home page asks to sign in again', async () => {
	await signInAs(page, 'partner@tektos.example')
	await page.getByRole('button', { name: 'Se déconnecter' }).click()
	await page.waitForURL((u) => u.pathname === '/login')
	await page.goto(url('/'))
	expect(new URL(page.url()).pathname).toBe('/login')
})

test('a manager creates a founder account and sees it confirmed', async () => {
	await signInAs(page, 'manager@tektos.example')
	await page.getByRole('link', { name: 'Utilisateurs' }).click()
	await page.getByRole('link', { name: 'Nouvel utilisateur' }).click()
	await page.getByLabel('Nom').fill('Amélie Roussel')
	await page.getByLabel('E-mail').fill('amelie.roussel@example.fr')
	await page.getByLabel('Rôle').selectOption('founder')
	// the startup select is there for a founder
	const startupSelect = page.getByLabel('Startup du porteur de projet')
	await startupSelect.selectOption({ index: 1 })
	await page.getByLabel('Mot de passe initial').fill('court')
	await page.getByRole('button', { name: "Créer l'utilisateur" }).click()
	await expect
		.poll(() => page.getByText('Le mot de passe doit faire au moins 10 caractères.').count())
		.toBe(1)
	await page.getByLabel('Mot de passe initial').fill('un-mot-de-passe-solide')
	await page.getByRole('button', { name: "Créer l'utilisateur" }).click()
	await expect
		.poll(() => page.getByRole('status').innerText())
		.toContain('Utilisateur amelie.roussel@example.fr créé.')
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Amélie Roussel')
})

test('an unknown address shows a 404 page in the domain words', async () => {
	const response = await page.goto(url('/no-such-page'))
	expect(response?.status()).toBe(404)
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Introuvable')
})
