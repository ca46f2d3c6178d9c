import fs from 'node:fs'
import ExcelJS from 'exceljs'
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
	const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true })
	return context.newPage()
}

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/imports/${name}`)
const counts = (page: Page) => page.getByTestId('import-counts').innerText()

test('a manager imports a LinkedIn export through the matching step: the country is given once for all rows', async () => {
	const page = await newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/import/contacts'))
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'Connections.csv',
		mimeType: 'text/csv',
		buffer: fixture('linkedin-connections.csv'),
	})
	await page.getByRole('button', { name: 'Lire le fichier' }).click()
	await page.getByRole('heading', { name: 'Associer les colonnes' }).waitFor()
	// the notes above the header were skipped: line 4 is the header
	expect(await page.getByLabel('Ligne d’en-tête').inputValue()).toBe('3')
	expect(await page.getByLabel('Enregistrée comme : Email Address').inputValue()).toBe('email')
	// LinkedIn has no country: it is required, so one value is given for every row
	expect(
		await page.getByRole('alert').filter({ hasText: 'Obligatoire et non associé' }).innerText(),
	).toContain('Pays')
	await page.locator('#const-country').fill('France')
	await page.getByRole('button', { name: 'Mettre à jour l’aperçu' }).click()
	await expect.poll(() => counts(page)).toContain('3 nouvelles')
	const preview = page.getByTestId('import-preview')
	expect(await preview.innerText()).toContain('Duchâteau')
	expect(await preview.innerText()).toContain('France (FR)')
	expect(await preview.innerText()).toContain('12 mars 2024')
	await page.getByRole('button', { name: 'Importer 3 lignes' }).click()
	await expect
		.poll(() => page.getByTestId('import-outcome').innerText())
		.toContain('3 fiches créées.')

	// the next LinkedIn export comes back matched as last time, country included
	await page.getByRole('link', { name: 'Choisir un autre fichier' }).click()
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'Connections.csv',
		mimeType: 'text/csv',
		buffer: fixture('linkedin-connections.csv'),
	})
	await page.getByRole('button', { name: 'Lire le fichier' }).click()
	await expect.poll(() => counts(page)).toContain('3 inchangées')
	expect(
		await page.getByText('Les colonnes ont été associées comme la dernière fois').count(),
	).toBe(1)
})

test('a manager imports a French Excel sheet of startups, changing one column on the matching step', async () => {
	const page = await newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/startups'))
	await page.getByRole('link', { name: 'Importer un fichier' }).click()
	await expect
		.poll(() => page.getByRole('heading', { level: 1 }).innerText())
		.toBe('Importer des startups')
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'portefeuille.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: fixture('french-startups.xlsx'),
	})
	await page.getByRole('button', { name: 'Lire le fichier' }).click()
	await page.getByRole('heading', { name: 'Associer les colonnes' }).waitFor()
	// the pitch column is English after all
	await page.getByLabel('Enregistrée comme : Pitch').selectOption('pitchEn')
	await page.getByRole('button', { name: 'Mettre à jour l’aperçu' }).click()
	const preview = page.getByTestId('import-preview')
	await expect.poll(() => preview.innerText()).toContain('Pitch (anglais)')
	expect(await counts(page)).toContain('2 nouvelles')
	expect(await preview.innerText()).toContain('2 sept. 2024')
	expect(await preview.innerText()).toContain('Incubée')
	await page.getByRole('button', { name: 'Importer 2 lignes' }).click()
	await expect
		.poll(() => page.getByTestId('import-outcome').innerText())
		.toContain('2 fiches créées.')
	await page.getByRole('link', { name: 'Voir les startups' }).last().click()
	await page.getByRole('link', { name: 'Hélios Marée' }).first().waitFor()
})

test('a founder imports their funding history from their startup page', async () => {
	const page = await newPage()
	await signInAs(page, 'founder@tektos.example')
	await page.goto(url('/my-startup'))
	await page.getByRole('link', { name: 'Importer un historique de financements' }).click()
	await page.getByRole('heading', { name: 'Importer un historique de financements' }).waitFor()
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'financements.csv',
		mimeType: 'text/csv',
		buffer: fixture('funding-history.csv'),
	})
	await page.getByRole('button', { name: 'Lire le fichier' }).click()
	await expect.poll(() => counts(page)).toContain('3 nouvelles')
	const preview = page.getByTestId('import-preview')
	expect(await preview.innerText()).toMatch(/Prêt d.honneur/)
	expect(await preview.innerText()).toMatch(/45\s000,50\s€/)
	// the leverage chain: the grant was triggered by the honour loan of line 2
	expect(await preview.innerText()).toMatch(
		/Prêt d.honneur · Initiative Calaisis · 15 mars 2024 · ligne 2/,
	)
	await page.getByRole('button', { name: 'Importer 3 lignes' }).click()
	await expect
		.poll(() => page.getByTestId('import-outcome').innerText())
		.toContain('3 fiches créées.')
	// the startup's page shows the round as triggered by the imported grant
	await page.goto(url('/my-startup'))
	const round = page.getByRole('row').filter({ hasText: 'Business Angels Côte d’Opale' })
	expect(await round.innerText()).toContain('Subvention (Région Hauts-de-France)')
})

test('the portfolio exports as an Excel file whose numbers are numbers', async () => {
	const page = await newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/startups'))
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Fichier Excel (.xlsx)' }).click(),
	])
	expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
	const file = await download.path()
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.readFile(file)
	const sheet = workbook.worksheets[0]!
	expect(sheet.getRow(1).getCell(1).value).toBe('Nom')
	expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
	const funds = sheet.getColumn(12)
	const values = (funds.values as unknown[]).slice(2).filter((v) => v !== null && v !== undefined)
	expect(values.length).toBeGreaterThan(0)
	for (const v of values) expect(typeof v).toBe('number')
	const entered = (sheet.getColumn(9).values as unknown[]).slice(2).filter(Boolean)
	for (const v of entered) expect(v).toBeInstanceOf(Date)
})

test('German contacts keep their country: the contact page names it, the Excel export too, phones as text', async () => {
	const page = await newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/import/contacts'))
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'Kontakte.csv',
		mimeType: 'text/csv',
		buffer: fixture('german-headers.csv'),
	})
	await page.getByRole('button', { name: 'Lire le fichier' }).click()
	await expect.poll(() => counts(page)).toContain('2 nouvelles')
	expect(await page.getByTestId('import-preview').innerText()).toContain('Autriche (AT)')
	await page.getByRole('button', { name: 'Importer 2 lignes' }).click()
	await expect
		.poll(() => page.getByTestId('import-outcome').innerText())
		.toContain('2 fiches créées.')

	await page.goto(url('/contacts?q=Schäfer'))
	await page
		.getByRole('link', { name: /Schäfer/ })
		.first()
		.click()
	await expect.poll(() => page.locator('main').innerText()).toContain('Allemagne (DE)')

	await page.goto(url('/contacts?q=Schäfer'))
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Exporter pour une campagne (Excel)' }).click(),
	])
	expect(download.suggestedFilename()).toMatch(/^tektos-contacts-.*\.xlsx$/)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.readFile(await download.path())
	const sheet = workbook.worksheets[0]!
	const header = (sheet.getRow(1).values as unknown[]).slice(1)
	const row = sheet.getRow(2)
	const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value
	expect(cell('Nom')).toBe('Schäfer')
	expect(cell('Pays')).toBe('Allemagne')
	// the number as stored, as text: no leading apostrophe, not a number that loses its "+"
	expect(cell('Téléphone')).toBe('+49301234567')
})
