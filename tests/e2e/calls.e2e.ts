import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
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

const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

/** The link of the last email of a kind sent to an address: read where the server keeps it. */
function linkInLastEmail(to: string, kind: string) {
	const db = new Database(inject('databasePath'), { readonly: true, fileMustExist: true })
	try {
		const row = db
			.prepare('SELECT body FROM outbox WHERE to_address = ? AND kind = ? ORDER BY id DESC LIMIT 1')
			.get(to, kind) as { body: string } | undefined
		const link = /https?:\/\/\S+\/(?:password|application)\/[A-Za-z0-9_-]{43}/.exec(row?.body ?? '')
		if (!link) throw new Error(`No ${kind} email with a link for ${to}`)
		return new URL(link[0]).pathname
	} finally {
		db.close()
	}
}

async function scoreAll(page: Page, scores: number[]) {
	const groups = page.locator('fieldset.score-row')
	expect(await groups.count()).toBe(scores.length)
	for (const [i, score] of scores.entries()) {
		await groups
			.nth(i)
			.getByRole('radio', { name: String(score), exact: true })
			.check()
	}
	await page.getByRole('button', { name: 'Submit my scores' }).click()
	await expect.poll(() => page.getByRole('status').innerText()).toContain('Scores submitted.')
}

test('a visitor applies in English with a PDF; two jurors score, one declares a conflict; a manager accepts; the founder sets a password and finds their startup', async () => {
	// ---- an anonymous visitor, in English, with no account
	const visitor = await newPage('en-GB')
	await visitor.goto(url('/apply'))
	await expect.poll(() => h1(visitor)).toBe('Calls for applications')
	await visitor.getByRole('link', { name: /second intake/ }).click()
	await expect.poll(() => h1(visitor)).toMatch(/Acceleration \d{4} — second intake/)
	expect(await visitor.getByText('Do you already have customers in the UK?').count()).toBe(1)

	const start = visitor.getByRole('region', { name: 'Start my application' })
	await start.getByLabel('Contact person').fill('Emma Walsh')
	await start.getByLabel('Email').fill('emma@doverdrones.example')
	await start.getByLabel('Project').fill('Dover Drones')
	await start.getByRole('button', { name: 'Start' }).click()
	await visitor.waitForURL(/\/application\/[A-Za-z0-9_-]{43}$/)
	await expect.poll(() => h1(visitor)).toBe('Dover Drones')
	const draftUrl = visitor.url()
	// the private link is also in the applicant's mailbox
	expect(linkInLastEmail('emma@doverdrones.example', 'application_link')).toBe(
		new URL(draftUrl).pathname,
	)

	await visitor.getByLabel('Phone').fill('+44 1304 555 123')
	await visitor.getByLabel('Where the project comes from').selectOption({ label: 'United Kingdom' })
	await visitor.getByLabel('Sector').fill('Drones')
	await visitor.getByLabel('Stage').selectOption({ label: 'Prototype' })
	await visitor
		.getByLabel('The project in a few lines')
		.fill(
			'Drones that check lorry seals in the Dover queue, so that customs wave them through in Calais.',
		)
	await visitor.getByLabel('The project aims at the British market').check()
	await visitor.getByLabel('Founder 1: role').fill('CEO')
	await visitor.getByLabel('Founder 2: name').fill('Tom Reid')
	await visitor.getByLabel('Founder 2: role').fill('CTO')
	await visitor.getByLabel('Founder 2: email').fill('tom@doverdrones.example')
	// a draft first: the visitor may come back later through the link
	await visitor.getByRole('button', { name: 'Save the draft' }).click()
	await expect.poll(() => visitor.getByRole('status').innerText()).toContain('Draft saved.')
	await visitor.goto(draftUrl)
	expect(await visitor.getByLabel('Founder 2: name').inputValue()).toBe('Tom Reid')

	await visitor
		.getByLabel('Pitch deck (PDF) *')
		.setInputFiles({ name: 'Dover Drones deck.pdf', mimeType: 'application/pdf', buffer: PDF })
	await visitor.getByLabel('Legal form *').selectOption({ label: 'Limited company (UK)' })
	await visitor
		.getByRole('group', { name: 'Do you already have customers in the UK? *' })
		.getByLabel('Yes')
		.check()
	await visitor
		.getByLabel('Why TEKTOS and the Calais business nursery? *')
		.fill('Our first customers are Calais hauliers.')
	await visitor.getByLabel('I have read how TEKTOS holds the data of this application').check()
	await visitor.getByRole('button', { name: 'Submit the application' }).click()
	await expect
		.poll(() => visitor.getByTestId('submitted').innerText())
		.toContain('Application submitted on')
	expect(await visitor.getByRole('link', { name: 'Dover Drones deck.pdf' }).count()).toBe(0)
	expect(await visitor.getByText('Dover Drones deck.pdf').count()).toBe(1)

	// ---- a mentor on the committee scores it
	const mentor = await newPage('en-GB')
	await signInAs(mentor, 'mentor@tektos.example')
	await mentor
		.getByRole('navigation', { name: 'Main navigation' })
		.getByRole('link', { name: 'Selection committee' })
		.click()
	await mentor.getByRole('link', { name: /second intake/ }).click()
	await mentor.getByTestId('jury-applications').getByRole('link', { name: 'Dover Drones' }).click()
	await mentor.waitForURL(/\/jury\/\d+\/\d+$/)
	await expect.poll(() => h1(mentor)).toBe('Dover Drones')
	// the juror reads the deck, never the applicant's email or phone
	expect(await mentor.getByRole('link', { name: 'Dover Drones deck.pdf' }).count()).toBe(1)
	expect(await mentor.locator('main').innerText()).not.toContain('emma@doverdrones.example')
	expect(await mentor.locator('main').innerText()).not.toContain('+44 1304 555 123')
	await scoreAll(mentor, [5, 4, 4, 5, 4])

	// ---- a partner representative (Cap Calaisis) declares a conflict on one application…
	const partner = await newPage('en-GB')
	await signInAs(partner, 'partner@tektos.example')
	await partner.goto(url('/jury'))
	await partner.getByRole('link', { name: /second intake/ }).click()
	await partner.waitForURL(/\/jury\/\d+$/)
	const juryList = partner.url()
	await partner
		.getByTestId('jury-applications')
		.getByRole('link', { name: 'Folkestone Ferry Tickets' })
		.click()
	await partner.waitForURL(/\/jury\/\d+\/\d+$/)
	const conflicted = partner.url()
	await partner.getByRole('button', { name: 'Declare a conflict of interest' }).click()
	await partner.waitForURL(juryList)
	const row = partner
		.getByTestId('jury-applications')
		.getByRole('row', { name: /Folkestone Ferry Tickets/ })
	expect(await row.innerText()).toContain('Conflict of interest declared')
	expect(await row.getByRole('link').count()).toBe(0)
	const denied = await partner.goto(conflicted)
	expect(denied?.status()).toBe(404)

	// …and scores Dover Drones: the mentor's scores show only once theirs are in
	await partner.goto(juryList)
	await partner.getByTestId('jury-applications').getByRole('link', { name: 'Dover Drones' }).click()
	await partner.getByTestId('others-hidden').waitFor()
	expect(await partner.getByTestId('reviews').count()).toBe(0)
	await scoreAll(partner, [4, 4, 3, 5, 3])
	const others = partner.getByTestId('reviews').last()
	expect(await others.innerText()).toContain('Mentor')
	// partners see fellow members by role, never by name
	expect(await others.innerText()).not.toContain('Marc Vasseur')

	// ---- the manager sees the ranking and accepts
	const manager = await newPage('en-GB')
	await signInAs(manager, 'manager@tektos.example')
	await manager
		.getByRole('navigation', { name: 'Main navigation' })
		.getByRole('link', { name: 'Calls' })
		.click()
	await manager.getByRole('link', { name: /second intake/ }).click()
	const ranking = manager.getByTestId('ranking')
	const rankedRow = ranking.getByRole('row', { name: /Dover Drones/ })
	// weights 30/20/20/20/10: mentor 4.5, partner 3.9 → 4.20, spread 0.60
	expect(await rankedRow.innerText()).toContain('4.20')
	expect(await rankedRow.innerText()).toContain('0.60')
	expect(await rankedRow.innerText()).toContain('Claire Delattre')
	await rankedRow.getByRole('link', { name: 'Dover Drones' }).click()
	await expect.poll(() => h1(manager)).toContain('Dover Drones')
	expect(await manager.locator('main').innerText()).toContain('emma@doverdrones.example')
	await manager.getByLabel(/Accepted: the startup/).check()
	await manager
		.getByLabel('Reason sent to the applicant')
		.fill('A strong team and a clear first market: welcome to TEKTOS.')
	await manager.getByRole('button', { name: 'Record the decision' }).click()
	await expect
		.poll(() => manager.getByRole('status').innerText())
		.toContain('Accepted: the startup is created; founders invited: 2.')
	await manager.getByRole('link', { name: 'Open the startup' }).click()
	await expect.poll(() => h1(manager)).toContain('Dover Drones')

	// ---- the founder sets a password from the invitation and lands on My startup
	const founder = await newPage('en-GB')
	await founder.goto(url(linkInLastEmail('emma@doverdrones.example', 'invitation')))
	await expect.poll(() => h1(founder)).toBe('Welcome to TEKTOS CRM')
	await founder.getByLabel('New password').fill('dover-drones-2027')
	await founder.getByLabel('The same password again').fill('dover-drones-2027')
	await founder.getByRole('button', { name: 'Save my password' }).click()
	await founder.waitForURL(/\/startups\/\d+$/)
	await expect.poll(() => h1(founder)).toContain('Dover Drones')
	expect(await founder.locator('main').innerText()).toContain(
		'Drones that check lorry seals in the Dover queue',
	)
	expect(await founder.getByRole('navigation', { name: 'Main navigation' }).innerText()).toContain(
		'My startup',
	)
	// the link was single-use
	await founder.context().clearCookies()
	await founder.goto(url(linkInLastEmail('emma@doverdrones.example', 'invitation')))
	await expect.poll(() => h1(founder)).toBe('This link no longer works')
	// and the new password signs in
	await signInAs(founder, 'emma@doverdrones.example', 'dover-drones-2027')
	await expect.poll(() => h1(founder)).toContain('Dover Drones')
})

test('the public form refuses a file that is not a PDF by its bytes, and keeps what was typed', async () => {
	const visitor = await newPage('fr-FR')
	await visitor.goto(url('/apply'))
	await visitor.getByRole('link', { name: /deuxième vague/ }).click()
	const start = visitor.getByRole('region', { name: 'Commencer ma candidature' })
	await start.getByLabel('Personne à contacter').fill('Jean Morel')
	await start.getByLabel('E-mail').fill('jean@morel.example')
	await start.getByLabel('Projet').fill('Morel Logistique')
	await start.getByRole('button', { name: 'Commencer' }).click()
	await visitor.waitForURL(/\/application\//)
	await visitor.getByLabel('Secteur').fill('Logistique')
	await visitor.getByLabel('Pitch deck (PDF) *').setInputFiles({
		name: 'deck.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('GIF89a not a pdf at all'),
	})
	await visitor.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
	await expect
		.poll(() => visitor.locator('main').innerText())
		.toContain("Ce fichier n'est pas un PDF")
	expect(await visitor.getByLabel('Secteur').inputValue()).toBe('Logistique')
})
