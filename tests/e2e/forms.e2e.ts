import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { TEST_CLOCK } from '../setup/clock'
import { launchBrowser, signInAs, url } from './browser'

/* Issue 13 §12: forms that help the user, where the point is the page itself. */

let browser: Browser

beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const today = TEST_CLOCK.slice(0, 10)

/** The fields of each `.field-row` line whose inputs do not start at the same height. */
function misalignedRows(page: Page) {
	return page.evaluate(() => {
		const out: string[] = []
		for (const row of document.querySelectorAll('.field-row')) {
			const lines = new Map<number, { name: string; top: number }[]>()
			for (const field of row.querySelectorAll(':scope > .field')) {
				const control = field.querySelector(':scope > input, :scope > select, :scope > textarea')
				const label = field.querySelector(':scope > label')
				if (!control || !label) continue
				// fields on one line start at the same height (a row wraps on a narrow screen)
				const line = Math.round(field.getBoundingClientRect().top)
				const list = lines.get(line) ?? []
				list.push({ name: label.textContent ?? '', top: control.getBoundingClientRect().top })
				lines.set(line, list)
			}
			for (const fields of lines.values()) {
				const tops = fields.map((f) => f.top)
				if (Math.max(...tops) - Math.min(...tops) > 1) {
					out.push(fields.map((f) => `${f.name} @${Math.round(f.top)}`).join(' | '))
				}
			}
		}
		return out
	})
}

test('fields side by side line up their inputs, whatever their labels and hints', async () => {
	for (const width of [1366, 390]) {
		const context = await browser.newContext({
			locale: 'fr-FR',
			viewport: { width, height: 900 },
		})
		const page = await context.newPage()
		await signInAs(page, 'manager@tektos.example')
		// a hint under one field (SIREN), a label that wraps, a select beside an input
		for (const path of ['/startups/new', '/nursery/units/new', '/nursery/leases/new']) {
			await page.goto(url(path))
			expect(await page.locator('.field-row > .field').count()).toBeGreaterThan(1)
			expect([width, path, await misalignedRows(page)]).toEqual([width, path, []])
		}
		await context.close()
	}
})

test('a new funding event is dated today at the step chosen; no status is pre-selected', async () => {
	const context = await browser.newContext({ locale: 'fr-FR' })
	const page = await context.newPage()
	await signInAs(page, 'manager@tektos.example')
	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Startups' })
		.click()
	await page.locator('table tbody tr th a').first().click()
	await page.waitForURL((u) => /^\/startups\/\d+$/.test(u.pathname))
	const startupPath = new URL(page.url()).pathname

	// moving a startup along: the new status is the manager's choice
	const status = page.getByLabel('Nouveau statut')
	if (await status.count()) expect(await status.inputValue()).toBe('')

	await page.goto(url(`${startupPath}/funding/new`))
	expect(await page.getByLabel('Prévu le').inputValue()).toBe(today)
	await page.getByLabel('Statut', { exact: true }).selectOption('secured')
	// the date follows the step: obtained today, the planned date left to the user
	await expect.poll(() => page.getByLabel('Obtenu le').inputValue()).toBe(today)
	expect(await page.getByLabel('Prévu le').inputValue()).toBe('')
	await page.getByLabel('Prévu le').fill('2026-10-01')
	await page.getByLabel('Statut', { exact: true }).selectOption('received')
	await expect.poll(() => page.getByLabel('Versé le').inputValue()).toBe(today)
	// a date the user typed stays
	expect(await page.getByLabel('Prévu le').inputValue()).toBe('2026-10-01')
	await context.close()
})

test('without JavaScript, issuing a month’s statements first shows what will be issued', async () => {
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false })
	const page = await context.newPage()
	await signInAs(page, 'manager@tektos.example')
	const next = (() => {
		const [y, m] = today.split('-').map(Number) as [number, number]
		return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
	})()
	await page.goto(url(`/nursery/statements?month=${next}`))
	const ask = page.getByRole('button', { name: /^Émettre les avis d/ })
	// the demo's leases cover next month: there is something to issue
	expect(await ask.count()).toBe(1)
	await ask.click()
	await page.waitForURL((u) => u.searchParams.has('confirm'))
	const confirmation = page.getByRole('group', { name: /^Confirmer l’émission des avis/ })
	expect(await confirmation.innerText()).toMatch(
		/Vous allez émettre \d+ avis d’échéance pour .+, soit [\d\s\u202f]+,\d\d\s€ de loyers/,
	)
	expect(await confirmation.innerText()).toContain('Un avis émis ne peut pas être supprimé')
	expect(
		await confirmation.getByRole('button', { name: /^Émettre (1|les \d+) avis$/ }).count(),
	).toBe(1)
	// cancelling issues nothing: the month still waits for its statements
	await confirmation.getByRole('link', { name: 'Annuler' }).click()
	await page.waitForURL((u) => !u.searchParams.has('confirm'))
	expect(await page.getByRole('button', { name: /^Émettre les avis d/ }).count()).toBe(1)
	await context.close()
})
