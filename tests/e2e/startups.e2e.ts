import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, signInAs, url } from './browser'

let browser: Browser

beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

async function newPage(): Promise<Page> {
	const context = await browser.newContext({ locale: 'fr-FR' })
	return context.newPage()
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

test('a manager creates a startup, its founder edits the pitch, the manager sees it on the timeline', async () => {
	const manager = await newPage()
	await signInAs(manager, 'manager@tektos.example')
	await manager
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Startups' })
		.click()
	await manager.getByRole('link', { name: 'Nouvelle startup' }).click()
	await expect.poll(() => h1(manager)).toBe('Nouvelle startup')
	await manager.getByLabel('Nom', { exact: true }).fill('Cap Gris-Nez Analytics')
	await manager.getByLabel('SIREN').fill('not a siren')
	await manager.getByLabel('Secteur').fill('Données portuaires')
	await manager.getByLabel('Statut').selectOption('incubated')
	await manager.getByLabel('Promotion').selectOption({ index: 1 })
	await manager.getByRole('button', { name: 'Créer la startup' }).click()
	// the bad SIREN is caught, the rest is kept
	await expect.poll(() => manager.getByText('Un SIREN compte 9 chiffres.').count()).toBe(1)
	expect(await manager.getByLabel('Secteur').inputValue()).toBe('Données portuaires')
	await manager.getByLabel('SIREN').fill('')
	await manager.getByRole('button', { name: 'Créer la startup' }).click()
	await expect.poll(() => h1(manager)).toBe('Cap Gris-Nez Analytics')
	const startupPath = new URL(manager.url()).pathname

	// a founder account for it
	await manager.goto(url('/users/new'))
	await manager.getByLabel('Nom').fill('Inès Vandamme')
	await manager.getByLabel('E-mail').fill('ines@grisnez.example')
	await manager.getByLabel('Rôle').selectOption('founder')
	await manager
		.getByLabel('Startup du porteur de projet')
		.selectOption({ label: 'Cap Gris-Nez Analytics' })
	await manager.getByLabel('Mot de passe initial').fill('grisnez-2026!')
	await manager.getByRole('button', { name: "Créer l'utilisateur" }).click()
	await expect.poll(() => h1(manager)).toBe('Inès Vandamme')

	const founder = await newPage()
	await signInAs(founder, 'ines@grisnez.example', 'grisnez-2026!')
	expect(new URL(founder.url()).pathname).toBe(startupPath)
	await founder.getByRole('link', { name: 'Modifier', exact: true }).click()
	await expect.poll(() => h1(founder)).toBe('Modifier Cap Gris-Nez Analytics')
	// the programme is the manager's: not in the founder's form
	expect(await founder.getByLabel('Statut').count()).toBe(0)
	await founder
		.getByLabel('Pitch en français')
		.fill('Nous prédisons les créneaux de traversée au port de Calais.')
	await founder.getByRole('button', { name: 'Enregistrer' }).click()
	await expect
		.poll(() => founder.getByRole('status').innerText())
		.toContain('Modifications enregistrées.')
	expect(await founder.locator('.pitch').innerText()).toContain('Nous prédisons les créneaux')

	// another startup is closed to them, even by typing its address
	const other = await founder.goto(url('/startups/1/edit'))
	expect([403, 404]).toContain(other?.status())

	await manager.goto(url(startupPath))
	const timeline = manager.getByRole('region', { name: 'Historique' })
	await expect.poll(() => timeline.innerText()).toContain('Inès Vandamme')
	expect(await timeline.innerText()).toContain('pitch en français')
})

test('the portfolio filters and sorts through the URL, so a view can be shared', async () => {
	const page = await newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/startups'))
	await page.getByLabel('Statut', { exact: true }).selectOption('incubated')
	await page.waitForURL((u) => u.searchParams.get('status') === 'incubated')
	await expect
		.poll(async () => [...new Set(await page.locator('tbody td .badge').allInnerTexts())])
		.toEqual(['Incubée'])
	await page.getByRole('link', { name: /Trier par Fonds obtenus/ }).click()
	await page.waitForURL((u) => u.searchParams.get('sort') === 'funds')
	// the same address in a fresh tab gives the same view
	const shared = await newPage()
	await signInAs(shared, 'manager@tektos.example')
	await shared.goto(page.url())
	expect(await shared.locator('tbody th').allInnerTexts()).toEqual(
		await page.locator('tbody th').allInnerTexts(),
	)
})
