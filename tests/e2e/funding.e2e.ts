import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, signInAs } from './browser'

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

// French money: "12 345,00 €" with a narrow no-break space between thousands
const GRANT = /12\s345,00\s€/
const LOAN = /37\s035,00\s€/

async function addFunding(page: Page, values: Record<string, string>, triggerText?: RegExp) {
	await page.getByRole('link', { name: 'Ajouter un financement' }).click()
	await expect.poll(() => h1(page)).toBe('Ajouter un financement')
	await page.getByLabel('Type', { exact: true }).selectOption(values.kind!)
	await page.getByLabel('Public ou privé').selectOption(values.origin!)
	await page.getByLabel('Source (organisme)').fill(values.source!)
	await page.getByLabel('Montant').fill(values.amount!)
	await page.getByLabel('Statut').selectOption('secured')
	await page.getByLabel('Prévu le').fill(values.plannedOn!)
	await page.getByLabel('Obtenu le').fill(values.securedOn!)
	if (triggerText) {
		const option = page.locator('select[name="triggeredById"] option', { hasText: triggerText })
		await page.getByLabel('Déclenché par').selectOption((await option.getAttribute('value'))!)
	}
	await page.getByRole('button', { name: 'Enregistrer le financement' }).click()
	await expect.poll(() => page.getByRole('status').innerText()).toContain('Financement enregistré.')
	await expect.poll(() => h1(page)).toBe('Fretmanche')
}

test('a founder records an innovation-fund grant and the bank loan it triggered; the manager sees the leverage', async () => {
	const founder = await newPage()
	await signInAs(founder, 'founder@tektos.example')
	await expect.poll(() => h1(founder)).toBe('Fretmanche')

	await addFunding(founder, {
		kind: 'innovation_fund_grant',
		origin: 'public',
		source: "Cap Calaisis — fonds d'appui à l'innovation",
		amount: '12 345',
		plannedOn: '2026-01-05',
		securedOn: '2026-02-10',
	})

	// a bank loan dated before the grant cannot say the grant triggered it
	await founder.getByRole('link', { name: 'Ajouter un financement' }).click()
	await expect.poll(() => h1(founder)).toBe('Ajouter un financement')
	await founder.getByLabel('Type', { exact: true }).selectOption('bank_loan')
	await founder.getByLabel('Public ou privé').selectOption('private')
	await founder.getByLabel('Source (organisme)').fill('Banque Populaire du Nord')
	await founder.getByLabel('Montant').fill('37 035')
	await founder.getByLabel('Prévu le').fill('2025-12-01')
	const grantOption = founder.locator('select[name="triggeredById"] option', { hasText: GRANT })
	await founder.getByLabel('Déclenché par').selectOption((await grantOption.getAttribute('value'))!)
	await founder.getByRole('button', { name: 'Enregistrer le financement' }).click()
	await expect
		.poll(() =>
			founder.getByText('Le financement déclencheur doit commencer avant celui-ci').count(),
		)
		.toBe(1)
	// what was typed is still there
	expect(await founder.getByLabel('Source (organisme)').inputValue()).toBe(
		'Banque Populaire du Nord',
	)
	await founder.getByRole('link', { name: 'Annuler' }).click()
	await expect.poll(() => h1(founder)).toBe('Fretmanche')

	await addFunding(
		founder,
		{
			kind: 'bank_loan',
			origin: 'private',
			source: 'Banque Populaire du Nord',
			amount: '37 035',
			plannedOn: '2026-02-16',
			securedOn: '2026-03-20',
		},
		GRANT,
	)
	const funding = founder.getByRole('region', { name: 'Financements' })
	const loanRow = funding.getByRole('row').filter({ hasText: 'Banque Populaire du Nord' })
	await expect.poll(() => loanRow.innerText()).toContain("Fonds d'appui à l'innovation")
	// the timeline says who recorded it, in the reader's language
	await expect
		.poll(() => founder.getByRole('region', { name: 'Historique' }).innerText())
		.toMatch(/Sophie Lefebvre a enregistré un financement/)

	const manager = await newPage()
	await signInAs(manager, 'manager@tektos.example')
	await manager
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Financements' })
		.click()
	await expect.poll(() => h1(manager)).toBe('Financements')
	await manager.getByRole('link', { name: "Fonds d'innovation" }).click()
	await expect.poll(() => h1(manager)).toBe("Fonds d'appui à l'innovation")
	const grantRow = manager
		.getByRole('row')
		.filter({ hasText: 'Fretmanche' })
		.filter({ hasText: GRANT })
	await expect.poll(() => grantRow.count()).toBe(1)
	const text = await grantRow.innerText()
	// €37,035 triggered by €12,345 granted
	expect(text).toMatch(LOAN)
	expect(text).toContain('× 3,00')
})
