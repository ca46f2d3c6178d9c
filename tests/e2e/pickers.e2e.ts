import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { sortKeyOf } from '../../app/utils/sort-key'
import { launchBrowser, signInAs, url } from './browser'
import { axeViolations } from './page-checks'

/*
 * Pickers at network scale (decision 0044): with more organisations than a select may hold,
 * the contact form's organisation is a name typed with suggestions — and it works without
 * JavaScript, the server resolving the name or saying why it cannot.
 */

let browser: Browser
let db: Database.Database
const added: number[] = []

beforeAll(async () => {
	browser = await launchBrowser()
	db = new Database(inject('databasePath'), { fileMustExist: true })
	db.pragma('busy_timeout = 5000')
	// the sort-key triggers call the app's fold (decision 0035)
	db.function('tektos_sort_key', { deterministic: true, varargs: true }, (...parts) =>
		sortKeyOf(...parts),
	)
	const insert = db.prepare(
		`INSERT INTO organisations (name, country, country_code, kind, sector) VALUES (?, ?, ?, 'customer', ?)`,
	)
	const rows: [string, string, string, string][] = [
		...Array.from({ length: 60 }, (_, i): [string, string, string, string] => [
			`Armement Picker ${String(i + 1).padStart(2, '0')}`,
			'FR',
			'FR',
			'maritime',
		]),
		['Transmanche Picker', 'FR', 'FR', 'rail'],
		['Transmanche Picker', 'FR', 'FR', 'fret'],
		['Port de Douvres Picker', 'GB', 'GB', 'port'],
	]
	db.transaction(() => {
		for (const row of rows) added.push(Number(insert.run(...row).lastInsertRowid))
	})()
})

afterAll(async () => {
	await browser?.close()
	if (db) {
		const ids = added.join(',')
		db.exec(`UPDATE contacts SET organisation_id = NULL WHERE organisation_id IN (${ids})`)
		db.exec(`DELETE FROM organisations WHERE id IN (${ids})`)
		db.close()
	}
})

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

test('with JavaScript a manager picks the organisation from the suggestions as she types', async () => {
	const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/contacts/new'))
	await expect.poll(() => h1(page)).toBe('Nouveau contact')
	// no select of every organisation in the page
	expect(await page.locator('select option', { hasText: 'Armement Picker' }).count()).toBe(0)
	const field = page.getByRole('combobox', { name: 'Organisation', exact: true })
	await field.pressSequentially('transmanche pick')
	const listId = await field.getAttribute('list')
	const offered = page.locator(`datalist[id="${listId}"] option`)
	await expect.poll(() => offered.count()).toBe(2)
	const values = await offered.evaluateAll((options) =>
		options.map((o) => (o as HTMLOptionElement).value),
	)
	const fret = values.find((v) => v.includes('fret'))!
	expect(fret).toMatch(/^Transmanche Picker · FR fret · #\d+$/)
	await field.fill(fret)
	// a labelled field with its hint: nothing axe-core calls serious
	expect(await axeViolations(page)).toEqual([])
	await page.getByLabel('Nom de famille').fill('Avec-Script')
	await page.getByRole('button', { name: 'Créer le contact' }).click()
	await expect.poll(() => h1(page)).toBe('Avec-Script')
	expect(await page.locator('.page-header').innerText()).toContain('Transmanche Picker')
	const saved = db
		.prepare(
			`SELECT o.sector FROM contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.last_name = 'Avec-Script'`,
		)
		.get() as { sector: string } | undefined
	expect(saved?.sector).toBe('fret')
})

test('without JavaScript the name typed is resolved, or refused with the words kept', async () => {
	const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false })
	const page = await context.newPage()
	await signInAs(page, 'manager@tektos.example')
	await page.goto(url('/contacts/new'))
	await expect.poll(() => h1(page)).toBe('New contact')
	const field = page.getByRole('combobox', { name: 'Organisation', exact: true })
	await field.fill('Transmanche Picker')
	await page.getByLabel('Last name').fill('No-Script')
	await page.getByRole('button', { name: 'Create the contact' }).click()
	await expect
		.poll(() => page.locator('.field-errors').allInnerTexts())
		.toContain('Several organisations are called “Transmanche Picker”: pick one from the list.')
	expect(await field.inputValue()).toBe('Transmanche Picker')
	expect(await page.getByLabel('Last name').inputValue()).toBe('No-Script')
	expect(await field.getAttribute('aria-invalid')).toBe('true')

	await field.fill('port de douvres picker')
	await page.getByRole('button', { name: 'Create the contact' }).click()
	await expect.poll(() => h1(page)).toBe('No-Script')
	expect(await page.locator('.page-header').innerText()).toContain('Port de Douvres Picker')
})
