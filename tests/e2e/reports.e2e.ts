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
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe("Rapport d'activité")

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
		.toBe('Activity report')
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

/** "68 h 45", "68h 45m", "45 min", "45m", "7 h", "7h" → minutes */
function minutesOf(text: string) {
	const m = /^(?:([\d\s\u00a0\u202f]+)\s?h)?\s?(?:(\d+)\s?(?:min|m)?)?$/.exec(text.trim())
	if (!m) throw new Error(`not a duration: ${text}`)
	return (m[1] ? Number(m[1].replace(/\D/g, '')) : 0) * 60 + (m[2] ? Number(m[2]) : 0)
}

test('the report writes exact hours, says how each figure is computed and titles its drill-downs in words', async () => {
	const context = await browser.newContext({ locale: 'fr-FR' })
	const page = await context.newPage()
	await signInAs(page, 'partner@tektos.example')
	const year = String(Number(TEST_CLOCK.slice(0, 4)) - 1)
	await page.goto(`${new URL(page.url()).origin}/reports?year=${year}`)

	// hours and minutes, exact: the rows add up to the total as written
	const table = page.getByRole('table', { name: 'Heures par organisation des mentors' })
	const rows = await table.locator('tbody tr td:first-of-type').allInnerTexts()
	const total = await table.locator('tfoot td').first().innerText()
	expect(rows.length).toBeGreaterThan(1)
	expect(rows.every((r) => !/[.,]\d/.test(r))).toBe(true)
	expect(rows.map(minutesOf).reduce((a, b) => a + b, 0)).toBe(minutesOf(total))

	// "how is this computed?" beside public money, opened from the keyboard
	const funding = page.locator('#funding')
	const publicMoney = funding
		.locator('.stat')
		.filter({ has: page.getByRole('term').filter({ hasText: /^Argent public$/ }) })
	const how = publicMoney.locator('summary')
	expect(await how.innerText()).toContain('Comment est-ce calculé')
	await how.focus()
	await page.keyboard.press('Enter')
	const definition = publicMoney.locator('details p')
	await expect.poll(() => definition.isVisible()).toBe(true)
	expect(await definition.innerText()).toContain('Bpifrance')
	// every figure of the report has its definition
	const stats = await page.locator('.report-section .stat').count()
	expect(await page.locator('.report-section .stat details.how-computed').count()).toBe(stats)

	// a drill-down says which figure, for which period, in the page and the tab
	await page.locator('#portfolio .stat').first().getByRole('link').click()
	await page.waitForURL((u) => u.pathname === '/reports/records')
	const heading = `Startups accueillies — Année ${year} (du 1 janv. ${year} au 31 déc. ${year})`
	await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(heading)
	expect(await page.title()).toBe(`${heading} · Rapport d'activité · TEKTOS`)
	await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'EN' }).click()
	await expect
		.poll(() => page.getByRole('heading', { level: 1 }).innerText())
		.toBe(`Startups hosted — Year ${year} (1 Jan ${year} to 31 Dec ${year})`)
	await context.close()
})
