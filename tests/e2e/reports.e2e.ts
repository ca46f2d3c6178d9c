import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { TEST_CLOCK } from '../setup/clock'
import { launchBrowser, signInAs } from './browser'

let browser: Browser

beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('a partner reads the report for a year, in both languages, and downloads a section', async () => {
	const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true })
	const page = await context.newPage()
	await signInAs(page, 'partner@tektos.example')
	// partners land on the report
	expect(new URL(page.url()).pathname).toBe('/reports')
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
		"Rapport d'activité de TEKTOS",
	)

	const year = String(Number(TEST_CLOCK.slice(0, 4)) - 1)
	await page.getByLabel('Période', { exact: true }).selectOption('year')
	await page.getByLabel('Année', { exact: true }).selectOption(year)
	await page.getByRole('button', { name: 'Afficher' }).click()
	await page.waitForURL((u) => u.searchParams.get('year') === year)

	// the charts are drawn: one bar per year and series, one per month for mentoring
	await expect.poll(() => page.locator('#portfolio .recharts-bar-rectangle').count()).toBe(3)
	expect(await page.locator('#mentoring .recharts-bar-rectangle').count()).toBe(12)
	// no person's data on the page: the demo founders', mentors' and contacts' names and emails
	const html = await page.content()
	for (const personal of [
		'Sophie Lefebvre',
		'Marc Vasseur',
		'Oliver Grant',
		'@tektos.example',
		'@fretmanche',
	]) {
		expect(html).not.toContain(personal)
	}
	// and each chart has its numbers in a table
	expect(
		await page.getByRole('table', { name: 'Heures par organisation des mentors' }).count(),
	).toBe(1)

	await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'EN' }).click()
	await expect
		.poll(() => page.getByRole('heading', { level: 1 }).innerText())
		.toBe('TEKTOS activity report')
	expect(page.url()).toContain(`year=${year}`)

	const sessionsOnPage = await page
		.getByRole('table', { name: "Hours by mentors' organisation" })
		.locator('tfoot td')
		.last()
		.innerText()
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('#mentoring').getByRole('link', { name: 'CSV' }).click(),
	])
	const csv = fs.readFileSync((await download.path())!, 'utf8')
	const line = csv.split('\r\n').find((l) => l.startsWith('by_organisation,total,sessions,'))
	expect(line).toBe(`by_organisation,total,sessions,${sessionsOnPage.replace(/\D/g, '')}`)
	await context.close()
})
