import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD, launchBrowser, signInAs, url } from './browser'

let browser: Browser

beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

test.each([
	['with JavaScript', true, '%2F%09%2Fevil.example'],
	['without JavaScript', false, '%2F%09%2Fevil.example'],
	['with JavaScript, CR/LF', true, '%2F%0D%0A%2Fevil.example'],
	['without JavaScript, backslash', false, '%2F%5Cevil.example'],
])(
	'a disguised off-site redirectTo lands on the home page after sign-in, %s',
	async (_label, javaScriptEnabled, target) => {
		const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled })
		const page = await context.newPage()
		await page.goto(url(`/login?redirectTo=${target}`))
		await page.getByLabel(/e-mail/i).fill('manager@tektos.example')
		await page.getByLabel(/mot de passe/i).fill(DEMO_PASSWORD)
		await page.getByRole('button', { name: /se connecter/i }).click()
		await page.waitForURL((u) => !u.pathname.startsWith('/login'))
		const landed = new URL(page.url())
		expect(landed.origin).toBe(new URL(url('/')).origin)
		expect(landed.pathname).toBe('/')
		await page.getByRole('button', { name: /se déconnecter/i }).waitFor()
		await context.close()
	},
)

test('a manager reads what an erasure will rewrite, confirms, and the person is gone from other records', async () => {
	const context = await browser.newContext({ locale: 'fr-FR' })
	const manager = await context.newPage()
	await signInAs(manager, 'manager@tektos.example')

	// another contact's history mentions Karim Haddad, his email, his surname alone
	await manager.goto(url('/contacts?q=Delcroix'))
	await manager.getByRole('link', { name: 'Pierre Delcroix' }).click()
	await expect.poll(() => h1(manager)).toContain('Pierre Delcroix')
	await manager.getByText('Enregistrer un échange').click()
	await manager
		.getByLabel('Résumé')
		.fill('Déjeuner avec Karim Haddad (k.haddad@seine-numerique.example) : Haddad rappellera.')
	await manager.getByRole('button', { name: "Enregistrer l'échange" }).click()
	await expect.poll(() => manager.getByRole('status').innerText()).toContain('Échange enregistré.')
	const delcroix = manager.url()

	// Karim Haddad's page: the erasure is a page of its own that shows what it will do
	await manager.goto(url('/contacts?q=Haddad'))
	await manager.getByRole('link', { name: 'Karim Haddad' }).click()
	await manager.getByRole('link', { name: 'Vérifier et effacer…' }).click()
	await expect.poll(() => h1(manager)).toBe('Effacer Karim Haddad')
	const mentions = manager.getByRole('region', { name: "Mentions dans d'autres fiches" })
	const table = mentions.getByRole('table')
	await expect.poll(() => table.innerText()).toContain('Déjeuner avec […] ([…]) : […] rappellera.')
	expect(await table.innerText()).toContain('Échange')
	// his first name alone is someone else's too (a founder called Karim): left where it is
	expect(await mentions.innerText()).toMatch(/«\sKarim\s» seul/)

	// not without the box ticked
	await manager.getByRole('button', { name: 'Effacer cette personne' }).click()
	await expect
		.poll(() => manager.getByText("Cochez la case pour confirmer l'effacement.").count())
		.toBe(1)
	await manager.getByLabel("Je confirme l'effacement de Karim Haddad").check()
	await manager.getByRole('button', { name: 'Effacer cette personne' }).click()
	await expect
		.poll(() => manager.getByRole('status').innerText())
		.toContain('La personne a été effacée')
	expect(new URL(manager.url()).pathname).toBe('/contacts')

	// the other record reads as announced, and the search no longer finds him
	await manager.goto(delcroix)
	const history = manager.getByRole('region', { name: 'Historique' })
	await expect
		.poll(() => history.innerText())
		.toContain('Déjeuner avec […] ([…]) : […] rappellera.')
	await manager.goto(url('/contacts?q=Haddad'))
	expect(await manager.getByRole('link', { name: 'Karim Haddad' }).count()).toBe(0)
	await context.close()
})
