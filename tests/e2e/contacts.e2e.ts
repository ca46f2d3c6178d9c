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

async function newPage(locale: 'fr-FR' | 'en-GB'): Promise<Page> {
	const context = await browser.newContext({ locale })
	return context.newPage()
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

// two good rows (one British contact at a new organisation) and one with a bad email
const CSV = [
	'Prénom;Nom;E-mail;Téléphone;Organisation;Pays;Étiquettes',
	'Alice;Pemberton;A.Pemberton@Folkestone-Freight.example;+44 (0)1303 220 000;Folkestone Freight Ltd;Royaume-Uni;salon, kent',
	'Bruno;Caron;bruno.caron(at)boulogne.example;03 21 00 00 00;Capécure;France;salon',
	'Chloé;Vasseur;c.vasseur@wimereux.example;06 12 34 56 78;;FR;salon',
].join('\n')

test('a manager imports contacts, introduces a UK contact to Fretmanche, the founder reports the meeting', async () => {
	const manager = await newPage('fr-FR')
	await signInAs(manager, 'manager@tektos.example')
	await manager
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Contacts' })
		.click()
	await expect.poll(() => h1(manager)).toBe('Contacts')
	await manager.getByRole('link', { name: 'Importer un fichier' }).click()
	await expect.poll(() => h1(manager)).toBe('Importer des contacts')

	// the file is read, its columns matched, the bad row shown with its value; nothing written yet
	await manager
		.getByLabel('Fichier', { exact: true })
		.setInputFiles({ name: 'salon.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
	await manager.getByRole('button', { name: 'Lire le fichier' }).click()
	await manager.getByRole('heading', { name: 'Associer les colonnes' }).waitFor()
	expect(await manager.getByTestId('import-counts').innerText()).toContain('2 nouvelles')
	expect(await manager.getByTestId('import-counts').innerText()).toContain('1 en erreur')
	expect(await manager.locator('.import-problems').innerText()).toContain(
		'bruno.caron(at)boulogne.example',
	)

	await manager.getByRole('button', { name: 'Importer 2 lignes' }).click()
	const outcome = manager.getByTestId('import-outcome')
	await expect.poll(() => outcome.innerText()).toContain('2 fiches créées.')
	expect(await outcome.innerText()).toContain('1 nouvelle organisation.')
	expect(await outcome.innerText()).toContain('1 ligne en erreur n’a pas été importée.')

	// the British contact is found by the search box
	await manager.getByRole('link', { name: 'Voir les contacts' }).last().click()
	await expect.poll(() => h1(manager)).toBe('Contacts')
	await manager.getByLabel('Rechercher').fill('folkestone pemb')
	await manager.getByLabel('Rechercher').press('Enter')
	await expect.poll(() => manager.getByRole('table').getByRole('row').count()).toBe(2)
	expect(await manager.getByRole('table').innerText()).not.toContain('Vasseur')
	await manager.getByRole('link', { name: 'Alice Pemberton' }).click()
	await expect.poll(() => h1(manager)).toBe('Alice Pemberton')
	const details = manager.getByRole('region', { name: 'Coordonnées', exact: true })
	expect(await details.innerText()).toContain('a.pemberton@folkestone-freight.example')
	expect(await details.innerText()).toContain('+441303220000')

	// introduced to Fretmanche as a possible customer
	await manager.getByText('Présenter à une startup').click()
	await manager.getByLabel('Startup', { exact: true }).selectOption({ label: 'Fretmanche' })
	await manager.getByLabel('Objet').selectOption('customer')
	await manager.getByRole('button', { name: 'Enregistrer la mise en relation' }).click()
	await expect
		.poll(() => manager.getByRole('status').first().innerText())
		.toContain('Mise en relation enregistrée.')
	const introductions = manager.getByRole('region', { name: 'Mises en relation', exact: true })
	expect(await introductions.innerText()).toContain('Fretmanche')
	expect(await introductions.innerText()).toContain('Proposée')

	// the founder, in English, moves it to "meeting held" from their startup's page
	const founder = await newPage('en-GB')
	await signInAs(founder, 'founder@tektos.example')
	await expect.poll(() => h1(founder)).toBe('Fretmanche')
	await founder.getByRole('link', { name: 'Update the introduction of Alice Pemberton' }).click()
	await expect.poll(() => h1(founder)).toBe('Introduction status')
	expect(await founder.locator('dl.facts').innerText()).toContain('Folkestone Freight Ltd')
	await founder.getByLabel('New status').selectOption('meeting_held')
	await founder.getByLabel('Outcome').fill('Demo at the Folkestone depot went well.')
	await founder.getByRole('button', { name: 'Save' }).click()
	await expect.poll(() => h1(founder)).toBe('Fretmanche')
	await expect
		.poll(() => founder.getByRole('status').first().innerText())
		.toContain('Introduction updated.')
	const row = founder.getByRole('row', { name: /Alice Pemberton/ })
	expect(await row.innerText()).toContain('Meeting held')
	// the founder never reaches the contact base
	const closed = await founder.goto(url('/contacts'))
	expect(closed?.status()).toBe(403)

	// the manager sees it in the UK funnel
	await manager.goto(url('/introductions'))
	await expect.poll(() => h1(manager)).toBe('Mises en relation')
	const list = manager.getByRole('region', { name: 'Toutes les mises en relation' })
	expect(await list.getByRole('row', { name: /Alice Pemberton/ }).innerText()).toContain(
		'Rendez-vous tenu',
	)
})
