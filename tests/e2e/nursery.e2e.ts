import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { today } from '../../app/utils/clock'
import { addMonths, monthOf } from '../../app/utils/calendar'
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

/** "1 234,56 €" (any kind of space) → 123456 */
function cents(text: string) {
	const m = /(-?[\d\s\u00a0\u202f]+),(\d{2})/.exec(text)
	if (!m) throw new Error(`No amount in "${text}"`)
	return Number(m[1]!.replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(m[2])
}

/** The cell of a table row (found by its header text) under a column (found by its header). */
async function cell(page: Page, table: string, row: string | RegExp, column: string) {
	const t = page.locator(table)
	const headers = await t.locator('thead th').allInnerTexts()
	// French headers keep no-break spaces ("0–30\u00a0jours"): any space matches a space
	const index = headers.findIndex((h) => h.replace(/\s+/g, ' ').trim() === column)
	if (index < 0) throw new Error(`No column ${column} in ${headers.join(' | ')}`)
	const tr = t.locator('tbody tr').filter({ has: page.locator('th', { hasText: row }) })
	return tr.locator('th, td').nth(index).innerText()
}

test('a lease is signed, its month issued, part paid, shown in arrears; a founder sees their balance', async () => {
	const month = monthOf(today())
	const previous = addMonths(month, -1)
	const next = addMonths(month, 1)

	// ---- the manager signs a lease for Marée Data on a free desk, from the 1st of last month
	const manager = await newPage()
	await signInAs(manager, 'manager@tektos.example')
	await manager
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Pépinière' })
		.click()
	await expect.poll(() => h1(manager)).toBe('Pépinière')
	await manager.getByRole('link', { name: 'Signer un bail pour le local P2-D2' }).click()
	await expect.poll(() => h1(manager)).toBe('Nouveau bail')
	const startup = manager.getByLabel('Startup', { exact: true })
	const mareeData = await startup.locator('option', { hasText: 'Marée Data' }).getAttribute('value')
	await startup.selectOption(mareeData!)
	await manager.getByLabel('Début du bail').fill(`${previous}-01`)
	// the unit's market rent is proposed
	expect(await manager.getByLabel('Loyer mensuel').inputValue()).toBe('145,00')
	// the acceleration preset replaces the schedule: 30 % for months 1–12, then nothing
	await manager.getByRole('button', { name: /Modèle accélération/ }).click()
	await expect.poll(() => manager.getByLabel('Palier 2 : du mois').inputValue()).toBe('13')
	expect(await manager.getByLabel('Palier 1 : % ou euros').inputValue()).toBe('30')
	expect(await manager.getByLabel('Palier 3 : du mois').count()).toBe(0)
	await manager.getByRole('button', { name: 'Signer le bail' }).click()
	await expect.poll(() => h1(manager)).toBe('Bail de Marée Data — P2-D2')
	await expect.poll(() => toast(manager)).toContain('Bail signé.')

	// ---- last month is issued: only the new lease still needed its statement
	await manager.goto(url(`/nursery/statements?month=${previous}`))
	await expect.poll(() => h1(manager)).toMatch(/^Avis d’échéance d/)
	expect(await manager.locator('.panel table').innerText()).toContain('Marée Data')
	// issued statements cannot be deleted: the page first says what will be issued, and the
	// keyboard lands on that question
	await manager.getByRole('button', { name: /^Émettre les avis d/ }).click()
	const confirmation = manager.getByRole('group', { name: /^Confirmer l’émission des avis/ })
	await expect
		.poll(() => confirmation.innerText())
		.toMatch(/Vous allez émettre 1 avis d’échéance pour .*, soit 145,00\s€ de loyers/)
	expect(await manager.evaluate(() => document.activeElement?.id)).toBe('confirm-issue-heading')
	await confirmation.getByRole('button', { name: 'Émettre 1 avis' }).click()
	await expect.poll(() => toast(manager)).toMatch(/^1 avis émis pour/)
	await manager.getByRole('link', { name: 'Marée Data', exact: true }).click()
	await expect.poll(() => h1(manager)).toMatch(/^Avis d.* — Marée Data$/)
	const mareeStatement = new URL(manager.url()).pathname
	// 145,00 € at 30 %: 43,50 € for Cap Calaisis, 101,50 € for the startup
	expect(cents(await cell(manager, 'main table >> nth=0', 'Cap Calaisis', 'Part'))).toBe(4_350)
	expect(cents(await cell(manager, 'main table >> nth=0', /^Startup/, 'Part'))).toBe(10_150)

	// ---- the payment starts from what the startup still owes; changing the payer changes it
	expect(await manager.getByLabel('Montant payé').inputValue()).toBe('101,50')
	await manager.getByLabel('Payeur').selectOption('cap_calaisis')
	await expect.poll(() => manager.getByLabel('Montant payé').inputValue()).toBe('43,50')
	await manager.getByLabel('Payeur').selectOption('startup')
	await expect.poll(() => manager.getByLabel('Montant payé').inputValue()).toBe('101,50')

	// ---- a payment above what is due is refused and keeps what was typed; a part payment is taken
	await manager.getByLabel('Montant payé').fill('500,00')
	await manager.getByRole('button', { name: 'Enregistrer le paiement' }).click()
	await expect.poll(() => manager.getByText(/dépasse ce qui reste dû/).count()).toBe(1)
	expect(await manager.getByLabel('Montant payé').inputValue()).toBe('500,00')
	await manager.getByLabel('Montant payé').fill('40,00')
	await manager.getByRole('button', { name: 'Enregistrer le paiement' }).click()
	await expect.poll(() => toast(manager)).toContain('Paiement enregistré.')
	await expect
		.poll(async () => cents(await cell(manager, 'main table >> nth=0', /^Startup/, 'Reste dû')))
		.toBe(6_150)

	// ---- the arrears: due today, so 0–30 days, per payer
	await manager.goto(url('/nursery'))
	await manager.getByRole('link', { name: 'Impayés' }).click()
	await expect.poll(() => h1(manager)).toBe('Impayés')
	expect(cents(await cell(manager, '.arrears-table', 'Marée Data · Startup', '0–30 jours'))).toBe(
		6_150,
	)
	expect(
		cents(await cell(manager, '.arrears-table', 'Marée Data · Cap Calaisis', '0–30 jours')),
	).toBe(4_350)
	// the total row is the sum of the rows
	const totals = await manager.locator('.arrears-table tfoot td').allInnerTexts()
	const rowTotals = await manager.locator('.arrears-table tbody tr td:last-child').allInnerTexts()
	expect(cents(totals.at(-1)!)).toBe(rowTotals.reduce((s, t) => s + cents(t), 0))

	// ---- next month is issued in advance; Fretmanche pays 100,00 € of it
	await manager.goto(url(`/nursery/statements?month=${next}`))
	await expect.poll(() => h1(manager)).toMatch(/^Avis d’échéance d/)
	await manager.getByRole('button', { name: /^Émettre les avis d/ }).click()
	await manager.getByRole('button', { name: /^Émettre (les \d+|1) avis$/ }).click()
	await expect.poll(() => toast(manager)).toMatch(/avis émis pour/)
	await manager.getByRole('link', { name: 'Fretmanche', exact: true }).click()
	await expect.poll(() => h1(manager)).toMatch(/— Fretmanche$/)
	const share = cents(await cell(manager, 'main table >> nth=0', /^Startup/, 'Part'))
	await manager.getByLabel('Montant payé').fill('100,00')
	await manager.getByRole('button', { name: 'Enregistrer le paiement' }).click()
	await expect.poll(() => toast(manager)).toContain('Paiement enregistré.')

	// ---- the founder of Fretmanche sees what they still owe
	const founder = await newPage()
	await signInAs(founder, 'founder@tektos.example')
	await expect.poll(() => h1(founder)).toBe('Fretmanche')
	await founder.getByRole('link', { name: 'Tous les avis' }).click()
	await expect.poll(() => h1(founder)).toBe('Loyer de Fretmanche')
	const nextRow = founder.locator('.rent-table tbody tr').first()
	expect(await nextRow.locator('th').innerText()).toMatch(new RegExp(`${next.slice(0, 4)}$`))
	const columns = await founder.locator('.rent-table thead th').allInnerTexts()
	const stillToPay = columns.findIndex((c) => c.trim() === 'Reste à payer')
	expect(cents(await nextRow.locator('th, td').nth(stillToPay).innerText())).toBe(share - 10_000)
	// the balance shown is the total of the column
	const column = await founder
		.locator(`.rent-table tbody tr > :nth-child(${stillToPay + 1})`)
		.allInnerTexts()
	const owed = column.reduce((s, t) => s + cents(t), 0)
	expect(owed).toBeGreaterThanOrEqual(share - 10_000)
	expect(cents(await founder.locator('.stat').first().innerText())).toBe(owed)
	// Marée Data's statement is closed to them, printable or not, even by its address
	const print = await founder.goto(url(`${mareeStatement}/print`))
	expect(print?.status()).toBe(404)
	const page = await founder.goto(url(mareeStatement))
	expect(page?.status()).toBe(403)
})
