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
const toast = (page: Page) => page.getByRole('status').innerText()

test('a manager assigns a new mentor to Fretmanche, the mentor logs a session, the founder reads it', async () => {
	// ---- the manager adds a mentor to the directory
	const manager = await newPage()
	await signInAs(manager, 'manager@tektos.example')
	await manager
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Mentors' })
		.click()
	await expect.poll(() => h1(manager)).toBe('Mentors')
	await manager.getByRole('link', { name: 'Nouveau mentor' }).click()
	await expect.poll(() => h1(manager)).toBe('Nouveau mentor')
	await manager.getByLabel('Nom', { exact: true }).fill('Claire Fontaine')
	await manager.getByLabel('Organisation').fill('Getlink')
	await manager.getByLabel('Expertise').fill('UK law, company-formation, customs')
	await manager.getByLabel('Langues').fill('fr, en')
	await manager.getByLabel('Disponibilité (heures par mois)').fill('6')
	await manager.getByRole('button', { name: 'Créer le mentor' }).click()
	await expect.poll(() => h1(manager)).toBe('Claire Fontaine')
	expect(await manager.locator('.tag-list').first().innerText()).toContain('uk-law')

	// ---- and assigns her to Fretmanche from the suggestions, which say why
	await manager.goto(url('/startups?q=Fretmanche'))
	await manager.getByRole('link', { name: 'Fretmanche', exact: true }).click()
	await expect.poll(() => h1(manager)).toBe('Fretmanche')
	await manager.getByRole('link', { name: 'Suggérer et assigner des mentors' }).click()
	await expect.poll(() => h1(manager)).toBe('Mentors de Fretmanche')
	const why = manager.getByRole('list', { name: 'Pourquoi Claire Fontaine' })
	await expect
		.poll(() => why.innerText())
		.toMatch(/Marché britannique\s: uk-law, company-formation, customs/)
	await manager.getByRole('link', { name: 'Choisir Claire Fontaine' }).click()
	await expect
		.poll(() => manager.getByLabel('Mentor', { exact: true }).locator('option:checked').innerText())
		.toBe('Claire Fontaine — Getlink')
	await manager.getByLabel("Objet de l'accompagnement").fill('Création de la filiale britannique')
	await manager.getByRole('button', { name: 'Assigner', exact: true }).click()
	await expect.poll(() => toast(manager)).toContain('Mentor assigné.')
	const current = manager.getByRole('region', { name: 'Mentors de la startup' })
	expect(await current.innerText()).toContain('Claire Fontaine')
	expect(await current.innerText()).toContain('Création de la filiale britannique')

	// ---- a login for her
	await manager.goto(url('/users/new'))
	await expect.poll(() => h1(manager)).toBe('Nouvel utilisateur')
	await manager.getByLabel('Nom').fill('Claire Fontaine')
	await manager.getByLabel('E-mail').fill('claire.fontaine@getlink.example')
	await manager.getByLabel('Rôle').selectOption('mentor')
	await manager.getByLabel('Fiche mentor').selectOption({ label: 'Claire Fontaine — Getlink' })
	await manager.getByLabel('Mot de passe initial').fill('getlink-2026!')
	await manager.getByRole('button', { name: "Créer l'utilisateur" }).click()
	await expect.poll(() => h1(manager)).toBe('Claire Fontaine')

	// ---- the mentor signs in, sees Fretmanche and logs a session
	const mentor = await newPage()
	await signInAs(mentor, 'claire.fontaine@getlink.example', 'getlink-2026!')
	await expect.poll(() => h1(mentor)).toBe('Mes startups')
	await mentor.getByRole('link', { name: 'Enregistrer une séance — Fretmanche' }).click()
	await expect.poll(() => h1(mentor)).toBe('Mon mentorat')
	const form = mentor.getByRole('region', { name: 'Enregistrer une séance' })
	await expect
		.poll(() => form.getByLabel('Startup').locator('option:checked').innerText())
		.toContain('Fretmanche')
	await form.getByLabel('Durée (minutes)').fill('800')
	await form.getByLabel('Sujet').fill('Ouvrir une Ltd : statuts et TVA britannique')
	await form
		.getByLabel('Notes', { exact: true })
		.fill('Le CTO doute du calendrier ; à revoir sans lui.')
	await form.getByLabel(/Garder mes notes et prochaines étapes privées/).check()
	await form
		.getByLabel('Prochaines étapes', { exact: true })
		.fill('Envoyer le modèle de statuts à Companies House.')
	await form.getByRole('button', { name: 'Enregistrer la séance' }).click()
	// twelve hours is too long: said next to the field, and nothing else is lost
	await expect.poll(() => form.getByText('Une séance dure de 1 minute à 11 h 59').count()).toBe(1)
	expect(await form.getByLabel('Sujet').inputValue()).toBe(
		'Ouvrir une Ltd : statuts et TVA britannique',
	)
	await form.getByLabel('Durée (minutes)').fill('90')
	await form.getByRole('button', { name: 'Enregistrer la séance' }).click()
	await expect.poll(() => toast(mentor)).toContain('Séance enregistrée.')
	const mine = mentor.getByRole('region', { name: 'Mes séances' })
	await expect.poll(() => mine.innerText()).toContain('Ouvrir une Ltd : statuts et TVA britannique')
	expect(await mine.innerText()).toMatch(/1\sh\s30/)
	// the mentor's own notes are theirs to read
	expect(await mine.innerText()).toContain('Le CTO doute du calendrier')
	// and the space speaks English too
	await mentor.getByRole('link', { name: 'EN', exact: true }).click()
	await expect.poll(() => h1(mentor)).toBe('My mentoring')
	expect(await mentor.getByRole('region', { name: 'My sessions' }).innerText()).toContain(
		'Ouvrir une Ltd',
	)

	// ---- the founder sees the session on their startup page, not its private notes and next steps
	const founder = await newPage()
	await signInAs(founder, 'founder@tektos.example')
	await expect.poll(() => h1(founder)).toBe('Fretmanche')
	const panel = founder.getByRole('region', { name: 'Mentorat' })
	await expect.poll(() => panel.innerText()).toContain('Claire Fontaine')
	const text = await panel.innerText()
	expect(text).toContain('Ouvrir une Ltd : statuts et TVA britannique')
	expect(text).not.toContain('Le CTO doute du calendrier')
	expect(text).not.toContain('Envoyer le modèle de statuts à Companies House.')
	// a founder has no mentor pages
	const closed = await founder.goto(url('/mentoring'))
	expect(closed?.status()).toBe(403)
})
