import { count, eq } from 'drizzle-orm'
import { contacts, interactions, introductions } from '#db/schema/index'
import {
	createContact,
	createInteraction,
	createIntroduction,
	createOrganisation,
	createStartup,
	createTeamMember,
} from '#tests/factories'
import { signedIn } from '#tests/factories-contacts'
import { actionArgs, dataOf, get, loaderArgs, post, settle, statusOf } from '#tests/request'
import { getDb } from '~/utils/db.server'
import { action as contactAction, loader as contactLoader } from './_app.contacts.$contactId'
import { loader as exportCsvLoader } from './_app.contacts.$contactId_.export[.csv]'
import { loader as exportJsonLoader } from './_app.contacts.$contactId_.export[.json]'
import { action as editAction } from './_app.contacts.$contactId_.edit'
import { action as eraseAction, loader as eraseLoader } from './_app.contacts.$contactId_.erase'
import { loader as listLoader } from './_app.contacts._index'
import { loader as outreachLoader } from './_app.contacts.export[.csv]'
import { loader as importLoader } from './_app.import.$kind'
import { action as newAction, loader as newLoader } from './_app.contacts.new'
import { loader as reviewLoader } from './_app.contacts.review'
import { loader as introductionsLoader } from './_app.introductions._index'
import { loader as organisationLoader } from './_app.organisations.$organisationId'
import { loader as organisationsLoader } from './_app.organisations._index'
import { action as newOrganisationAction } from './_app.organisations.new'
import {
	action as statusAction,
	loader as statusLoader,
} from './_app.startups.$startupId_.introductions.$introductionId'
import { loader as startupLoader } from './_app.startups.$startupId/route'

const BASE = 'http://localhost:3000'
const contactCount = () => getDb().select({ n: count() }).from(contacts).get()!.n
const params = (p: Record<string, number | string>) => ({
	params: Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)])),
})

/** A POST with repeated fields (checkboxes) or a file. */
function postForm(path: string, fields: [string, string | File][], cookie: string) {
	const hasFile = fields.some(([, v]) => v instanceof File)
	const body = hasFile ? new FormData() : new URLSearchParams()
	for (const [k, v] of fields) (body as FormData).append(k, v as string)
	return new Request(`${BASE}${path}`, {
		method: 'POST',
		body,
		headers: {
			Cookie: cookie,
			...(hasFile ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
		},
	})
}

const contactForm = (values: Record<string, string> = {}) => ({
	firstName: 'Priya',
	lastName: 'Shah',
	email: 'Priya.Shah@Kent-CC.example',
	phone: '01622 694000',
	country: 'United Kingdom',
	languages: 'en',
	tags: 'public, kent',
	lawfulBasis: 'consent',
	consentOn: '2025-01-14',
	consentSource: 'Business Club franco-britannique, Folkestone',
	...values,
})

test('signed-out visitors go to sign in; founders, mentors and partners never reach the contact base', async () => {
	const res = (await settle(() => listLoader(loaderArgs(get('/contacts?q=dover'))))) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fcontacts%3Fq%3Ddover')

	const person = createContact({ lastName: 'Private', email: 'private@person.example' })
	const org = createOrganisation()
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const { cookie } = await signedIn(role)
		const id = params({ contactId: person.id })
		const attempts: (() => Promise<unknown>)[] = [
			() => listLoader(loaderArgs(get('/contacts', cookie))),
			() => contactLoader(loaderArgs(get(`/contacts/${person.id}`, cookie), id)),
			() =>
				contactAction(
					actionArgs(post(`/contacts/${person.id}`, { intent: 'opt-out' }, cookie), id),
				),
			() => eraseLoader(loaderArgs(get(`/contacts/${person.id}/erase`, cookie), id)),
			() =>
				eraseAction(
					actionArgs(
						post(`/contacts/${person.id}/erase`, { intent: 'erase', confirm: 'on' }, cookie),
						id,
					),
				),
			() => editAction(actionArgs(post(`/contacts/${person.id}/edit`, contactForm(), cookie), id)),
			() => newLoader(loaderArgs(get('/contacts/new', cookie))),
			() => newAction(actionArgs(post('/contacts/new', contactForm(), cookie))),
			() => outreachLoader(loaderArgs(get('/contacts/export.csv', cookie))),
			() => exportJsonLoader(loaderArgs(get(`/contacts/${person.id}/export.json`, cookie), id)),
			() => exportCsvLoader(loaderArgs(get(`/contacts/${person.id}/export.csv`, cookie), id)),
			() => reviewLoader(loaderArgs(get('/contacts/review', cookie))),
			() => importLoader(loaderArgs(get('/import/contacts', cookie), params({ kind: 'contacts' }))),
			() => organisationsLoader(loaderArgs(get('/organisations', cookie))),
			() =>
				organisationLoader(
					loaderArgs(get(`/organisations/${org.id}`, cookie), params({ organisationId: org.id })),
				),
			() =>
				newOrganisationAction(
					actionArgs(
						post('/organisations/new', { name: 'X', country: 'FR', kind: 'other' }, cookie),
					),
				),
		]
		for (const run of attempts) {
			expect(statusOf(await settle(run)), role).toBe(403)
		}
	}
	expect(getDb().select().from(contacts).where(eq(contacts.id, person.id)).get()).toMatchObject({
		email: 'private@person.example',
		optedOutOn: null,
		erasedAt: null,
	})
})

test('a manager creates a contact: email lower-cased, phone in E.164, country as ISO', async () => {
	const { cookie } = await signedIn('manager')
	const res = (await newAction(
		actionArgs(post('/contacts/new', contactForm(), cookie)),
	)) as Response
	expect(res.status).toBe(302)
	const id = Number(res.headers.get('Location')!.split('/').pop())
	expect(getDb().select().from(contacts).where(eq(contacts.id, id)).get()).toMatchObject({
		email: 'priya.shah@kent-cc.example',
		phone: '+441622694000',
		country: 'GB',
		tags: 'public,kent',
		lawfulBasis: 'consent',
		consentOn: '2025-01-14',
	})
	// searchable at once, from the list's URL
	const list = await listLoader(loaderArgs(get('/contacts?q=kent+shah', cookie)))
	expect(list.list.rows.map((r) => r.id)).toEqual([id])

	// the bare minimum: a name, a country and a lawful basis (empty fields as a browser sends them)
	const minimal = (await newAction(
		actionArgs(
			post(
				'/contacts/new',
				{
					...Object.fromEntries(Object.keys(contactForm()).map((k) => [k, ''])),
					lastName: 'Minimal',
					country: 'FR',
					lawfulBasis: 'legitimate_interest',
				},
				cookie,
			),
		),
	)) as Response
	expect(minimal.status).toBe(302)
	const minimalId = Number(minimal.headers.get('Location')!.split('/').pop())
	expect(getDb().select().from(contacts).where(eq(contacts.id, minimalId)).get()).toMatchObject({
		lastName: 'Minimal',
		firstName: null,
		email: null,
		phone: null,
		tags: '',
		languages: '',
		consentOn: null,
	})
})

test('bad contact input comes back with field messages, keeps what was typed, and writes nothing', async () => {
	const { cookie } = await signedIn('manager')
	createContact({ email: 'taken@contacts.example' })
	const before = contactCount()
	const cases: [Record<string, string>, string, string][] = [
		[{ firstName: '', lastName: '' }, 'lastName', 'contacts:errors.name'],
		[{ email: 'not an email' }, 'email', 'errors.email'],
		[{ email: 'TAKEN@contacts.example' }, 'email', 'contacts:errors.emailTaken'],
		[{ phone: '12' }, 'phone', 'contacts:errors.phone'],
		[{ country: 'Atlantis' }, 'country', 'contacts:errors.country'],
		[{ country: '' }, 'country', 'errors.required'],
		[{ consentOn: '' }, 'consentOn', 'contacts:errors.consentDate'],
		[{ consentOn: '2999-01-01' }, 'consentOn', 'contacts:errors.futureDate'],
		[{ lastName: 'x'.repeat(200) }, 'lastName', 'errors.tooLong'],
		[{ notes: 'x'.repeat(3000) }, 'notes', 'errors.tooLong'],
		[{ lawfulBasis: 'because' }, 'lawfulBasis', 'errors.invalidChoice'],
		[{ organisationId: '999999' }, 'organisationId', 'errors.invalidChoice'],
		[{ ownerId: '999999' }, 'ownerId', 'errors.invalidChoice'],
		[{ languages: 'klingon' }, 'languages', 'contacts:errors.languages'],
	]
	for (const [values, field, message] of cases) {
		const result = await settle(() =>
			newAction(actionArgs(post('/contacts/new', contactForm(values), cookie))),
		)
		expect(statusOf(result), JSON.stringify(values)).toBe(400)
		const reply = dataOf(result) as {
			error: Record<string, string[]>
			initialValue: Record<string, string>
		}
		expect(reply.error[field] ?? [], field).toContain(message)
		expect(reply.initialValue.consentSource).toBe(contactForm().consentSource)
	}
	expect(contactCount()).toBe(before)
})

test('the outreach export leaves out opted-out people and neutralises formulas', async () => {
	const { cookie } = await signedIn('manager')
	const tag = `outreach${Date.now()}`
	createContact({ lastName: '=HYPERLINK("http://evil.example")', tags: tag })
	createContact({ lastName: '\0Null', tags: tag })
	createContact({ lastName: 'Said No', tags: tag, optedOutOn: '2025-01-01' })
	createContact({ lastName: '@SUM(A1)', tags: tag, phone: '+33321000000' })
	const res = (await outreachLoader(
		loaderArgs(get(`/contacts/export.csv?tag=${tag}`, cookie)),
	)) as Response
	expect(res.headers.get('Content-Type')).toContain('text/csv')
	const text = await res.text()
	expect(text).not.toContain('Said No')
	expect(text).toContain(`'=HYPERLINK`)
	expect(text).toContain(`'\0Null`)
	expect(text).toContain(`'@SUM(A1)`)
	expect(text).toContain(`'+33321000000`)
	expect(text.trim().split('\r\n')).toHaveLength(4)
})

test('on the contact page a manager logs an interaction, introduces, records an opt-out, merges and erases', async () => {
	const { cookie } = await signedIn('manager')
	const fret = createStartup({ name: 'Fretmanche' })
	const blue = createStartup({ name: 'Blue Strait' })
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const person = createContact({
		organisationId: dover.id,
		country: 'GB',
		email: 'hc@dover.example',
	})
	const twin = createContact({ email: 'HC@dover.example', country: 'GB' })
	createIntroduction({ contactId: twin.id, startupId: blue.id, status: 'made' })
	const id = params({ contactId: person.id })
	const run = (fields: [string, string][]) =>
		settle(() => contactAction(actionArgs(postForm(`/contacts/${person.id}`, fields, cookie), id)))

	const logged = (await run([
		['intent', 'log-interaction'],
		['kind', 'meeting'],
		['date', '2025-06-02'],
		['summary', 'Visit of the Eastern Docks'],
		['startupIds', String(fret.id)],
		['startupIds', String(blue.id)],
	])) as Response
	expect(logged.status).toBe(302)
	// an interaction about no startup in particular
	const plain = await run([
		['intent', 'log-interaction'],
		['kind', 'call'],
		['date', '2025-06-01'],
		['summary', 'Introductory call'],
	])
	expect(statusOf(plain)).toBe(302)
	const bad = await run([
		['intent', 'log-interaction'],
		['kind', 'meeting'],
		['date', '2999-01-01'],
		['summary', ''],
	])
	expect(statusOf(bad)).toBe(400)
	expect(JSON.stringify(dataOf(bad))).toContain('contacts:errors.futureDate')

	expect(
		statusOf(
			await run([
				['intent', 'introduce'],
				['startupId', String(fret.id)],
				['purpose', 'customer'],
				['introducedOn', '2025-06-03'],
			]),
		),
	).toBe(302)
	expect(statusOf(await run([['intent', 'opt-out']]))).toBe(302)

	let page = await contactLoader(loaderArgs(get(`/contacts/${person.id}`, cookie), id))
	expect(page.interactions[0]).toMatchObject({
		summary: 'Visit of the Eastern Docks',
		startups: expect.arrayContaining([{ id: fret.id, name: 'Fretmanche' }]),
	})
	expect(page.introductions.map((i) => i.startupName)).toEqual(['Fretmanche'])
	expect(page.contact.optedOutOn).not.toBeNull()
	expect(page.duplicates).toMatchObject([{ id: twin.id, reason: 'email' }])

	expect(
		statusOf(
			await run([
				['intent', 'merge'],
				['otherId', String(twin.id)],
			]),
		),
	).toBe(302)
	page = await contactLoader(loaderArgs(get(`/contacts/${person.id}`, cookie), id))
	expect(page.introductions.map((i) => i.startupName).sort()).toEqual(['Blue Strait', 'Fretmanche'])
	expect(page.duplicates).toEqual([])

	// the GDPR export of the person, both ways
	const json = (await exportJsonLoader(
		loaderArgs(get(`/contacts/${person.id}/export.json`, cookie), id),
	)) as Response
	const data = (await json.json()) as { contact: { email: string }; introductions: unknown[] }
	expect(data.contact.email).toBe('hc@dover.example')
	expect(data.introductions).toHaveLength(2)
	const csv = await (
		(await exportCsvLoader(
			loaderArgs(get(`/contacts/${person.id}/export.csv`, cookie), id),
		)) as Response
	).text()
	expect(csv).toContain('hc@dover.example')

	// erasure is on a page of its own, which first shows what it will do
	expect(
		statusOf(
			await run([
				['intent', 'erase'],
				['confirm', 'on'],
			]),
		),
	).toBe(400)
	const preview = await eraseLoader(loaderArgs(get(`/contacts/${person.id}/erase`, cookie), id))
	expect(preview.preview.kept).toEqual({ interactions: 2, introductions: 2 })
	expect(preview.preview.erasedFields).toContain('email')
	const erase = (fields: [string, string][]) =>
		settle(() =>
			eraseAction(actionArgs(postForm(`/contacts/${person.id}/erase`, fields, cookie), id)),
		)
	// and needs the box ticked
	const unconfirmed = await erase([['intent', 'erase']])
	expect(statusOf(unconfirmed)).toBe(400)
	expect(JSON.stringify(dataOf(unconfirmed))).toContain('contacts:errors.confirmErase')
	expect(getDb().select().from(contacts).where(eq(contacts.id, person.id)).get()?.email).toBe(
		'hc@dover.example',
	)
	const erased = (await erase([
		['intent', 'erase'],
		['confirm', 'on'],
	])) as Response
	expect(erased.headers.get('Location')).toBe('/contacts')
	expect(
		statusOf(
			await settle(() => eraseLoader(loaderArgs(get(`/contacts/${person.id}/erase`, cookie), id))),
		),
	).toBe(404)
	expect(
		statusOf(
			await settle(() => contactLoader(loaderArgs(get(`/contacts/${person.id}`, cookie), id))),
		),
	).toBe(404)
	expect(
		getDb().select().from(introductions).where(eq(introductions.contactId, person.id)).all(),
	).toHaveLength(2)
	expect(
		getDb().select().from(interactions).where(eq(interactions.contactId, person.id)).all(),
	).toHaveLength(2)
	// an unknown intent or id is a 400 or a 404, never a 500
	expect(statusOf(await run([['intent', 'launch']]))).toBe(400)
	for (const bad of ['abc', '0', '999999']) {
		expect(
			statusOf(
				await settle(() =>
					contactLoader(loaderArgs(get(`/contacts/${bad}`, cookie), params({ contactId: bad }))),
				),
			),
		).toBe(404)
	}
})

test('a founder sees and updates their own introductions, never another startup’s, nor the contact base', async () => {
	const mine = createStartup({ name: 'Fretmanche' })
	const theirs = createStartup({ name: 'Rival' })
	createTeamMember({ startupId: mine.id })
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const person = createContact({
		firstName: 'Harriet',
		lastName: 'Collins',
		email: 'harriet@dover.example',
		phone: '+441304240400',
		organisationId: dover.id,
	})
	const intro = createIntroduction({
		contactId: person.id,
		startupId: mine.id,
		introducedOn: '2025-06-01',
	})
	const other = createIntroduction({ contactId: person.id, startupId: theirs.id })
	const { cookie } = await signedIn('founder', { startupId: mine.id })

	const page = await startupLoader(
		loaderArgs(get(`/startups/${mine.id}`, cookie), params({ startupId: mine.id })),
	)
	expect(page.introductions[0]).toMatchObject({
		contactName: 'Harriet Collins',
		organisationName: 'Port of Dover',
		purpose: 'customer',
		status: 'proposed',
	})
	expect(JSON.stringify(page.introductions)).not.toContain('harriet@dover.example')
	expect(JSON.stringify(page.introductions)).not.toContain('+441304240400')

	const path = `/startups/${mine.id}/introductions/${intro.id}`
	const ids = params({ startupId: mine.id, introductionId: intro.id })
	const form = await statusLoader(loaderArgs(get(path, cookie), ids))
	expect(form.statuses).toEqual(['proposed', 'made', 'meeting_held', 'deal', 'no_fit'])
	expect(form.showContactLink).toBe(false)
	const moved = (await statusAction(
		actionArgs(
			post(path, { status: 'meeting_held', statusOn: '2025-07-01', note: 'Good fit' }, cookie),
			ids,
		),
	)) as Response
	expect(moved.status).toBe(302)
	expect(moved.headers.get('Location')).toBe(`/startups/${mine.id}`)
	expect(
		getDb().select().from(introductions).where(eq(introductions.id, intro.id)).get(),
	).toMatchObject({
		status: 'meeting_held',
		statusOn: '2025-07-01',
		note: 'Good fit',
	})
	// a deal without its value is refused, and what was typed comes back
	const noValue = await settle(() =>
		statusAction(actionArgs(post(path, { status: 'deal', statusOn: '2025-07-02' }, cookie), ids)),
	)
	expect(statusOf(noValue)).toBe(400)
	expect(JSON.stringify(dataOf(noValue))).toContain('contacts:errors.dealValue')
	// backwards is refused
	const back = await settle(() =>
		statusAction(
			actionArgs(post(path, { status: 'proposed', statusOn: '2025-07-02' }, cookie), ids),
		),
	)
	expect(statusOf(back)).toBe(400)

	// another startup's introduction, by its URL or through their own startup's URL
	for (const [startupId, introductionId] of [
		[theirs.id, other.id],
		[mine.id, other.id],
	]) {
		const p = params({ startupId: startupId!, introductionId: introductionId! })
		const url = `/startups/${startupId}/introductions/${introductionId}`
		expect(statusOf(await settle(() => statusLoader(loaderArgs(get(url, cookie), p))))).toBe(404)
		expect(
			statusOf(
				await settle(() =>
					statusAction(
						actionArgs(
							post(url, { status: 'deal', statusOn: '2025-07-01', dealValue: '1' }, cookie),
							p,
						),
					),
				),
			),
		).toBe(404)
	}
	expect(
		getDb().select().from(introductions).where(eq(introductions.id, other.id)).get()?.status,
	).toBe('proposed')
	// /introductions sends a founder to their startup's page
	const redirect = (await settle(() =>
		introductionsLoader(loaderArgs(get('/introductions', cookie))),
	)) as Response
	expect(redirect.headers.get('Location')).toBe(`/startups/${mine.id}`)

	// mentors read names on the startup page but change nothing
	const mentor = await signedIn('mentor')
	expect(
		statusOf(await settle(() => statusLoader(loaderArgs(get(path, mentor.cookie), ids)))),
	).toBe(403)
	// a manager may, and is sent back where they came from
	const manager = await signedIn('manager')
	const managed = (await statusAction(
		actionArgs(
			post(
				`${path}?from=%2Fcontacts%2F${person.id}`,
				{ status: 'made', statusOn: '2025-07-03' },
				manager.cookie,
			),
			ids,
		),
	)) as Response
	expect(managed.headers.get('Location')).toBe(`/contacts/${person.id}`)
	// ?from= is a redirect target like any other: a disguised off-site address gives the
	// startup's page, on the page's Back link and after saving
	for (const from of ['%2F%09%2Fevil.example', '%2F%5Cevil.example', '%2F%0D%0A%2Fevil.example']) {
		const page = await statusLoader(loaderArgs(get(`${path}?from=${from}`, manager.cookie), ids))
		expect(page.back, from).toBe(`/startups/${mine.id}`)
		const saved = (await statusAction(
			actionArgs(
				post(`${path}?from=${from}`, { status: 'made', statusOn: '2025-07-03' }, manager.cookie),
				ids,
			),
		)) as Response
		expect(saved.headers.get('Location'), from).toBe(`/startups/${mine.id}`)
	}
})

test('a partner sees introduction figures by country and purpose, and no personal data at all', async () => {
	const startup = createStartup({ name: 'Opale Fibre Lab' })
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const person = createContact({
		firstName: 'Harriet',
		lastName: 'Collins',
		email: 'harriet@dover.example',
		organisationId: dover.id,
	})
	createIntroduction({
		contactId: person.id,
		startupId: startup.id,
		status: 'deal',
		purpose: 'investor',
		dealValueCents: 4_800_000,
		dealCurrency: 'GBP',
	})
	const { cookie } = await signedIn('partner')
	const data = await introductionsLoader(loaderArgs(get('/introductions', cookie)))
	expect(data.view).toBe('partner')
	const row = data.aggregates.find((r) => r.country === 'GB' && r.purpose === 'investor')
	expect(row).toMatchObject({ deals: 1, dealGbpCents: 4_800_000 })
	const json = JSON.stringify(data)
	expect(json).not.toMatch(/Harriet|Collins|@|Opale Fibre Lab/)
	expect(json).not.toContain('contactId')
	// nor on a startup's page
	const page = await startupLoader(
		loaderArgs(get(`/startups/${startup.id}`, cookie), params({ startupId: startup.id })),
	)
	expect(JSON.stringify(page.introductions)).not.toMatch(/Harriet|Collins|@/)
	// the manager's view has the list and the funnel per startup
	const manager = await signedIn('manager')
	const full = await introductionsLoader(
		loaderArgs(get('/introductions?country=GB', manager.cookie)),
	)
	expect(full.view).toBe('manager')
	if (full.view === 'manager') {
		expect(full.list.rows.map((r) => r.contactName)).toContain('Harriet Collins')
		expect(full.byStartup.rows.find((r) => r.startupId === startup.id)).toMatchObject({
			ukDeals: 1,
		})
	}
	// a mentor has no business here
	const mentor = await signedIn('mentor')
	expect(
		statusOf(
			await settle(() => introductionsLoader(loaderArgs(get('/introductions', mentor.cookie)))),
		),
	).toBe(403)
})

test('a contact’s history comes 25 interactions a page, the newest first; the person’s data export keeps them all', async () => {
	const { cookie } = await signedIn('manager')
	const person = createContact({ firstName: 'Harriet', lastName: 'Collins' })
	const startup = createStartup({ name: 'Blue Strait Robotics' })
	for (let day = 1; day <= 30; day++) {
		createInteraction({
			contactId: person.id,
			date: `2026-09-${String(day).padStart(2, '0')}`,
			summary: `Appel du ${day} septembre`,
			startupIds: day === 30 || day === 1 ? [startup.id] : [],
		})
	}
	const id = { params: { contactId: String(person.id) } }
	const first = await contactLoader(loaderArgs(get(`/contacts/${person.id}`, cookie), id))
	expect(first.history).toEqual({ page: 1, pageCount: 2, total: 30, perPage: 25 })
	expect(first.interactions).toHaveLength(25)
	expect(first.interactions[0]).toMatchObject({
		summary: 'Appel du 30 septembre',
		startups: [{ id: startup.id, name: 'Blue Strait Robotics' }],
	})
	const second = await contactLoader(
		loaderArgs(get(`/contacts/${person.id}?historyPage=2`, cookie), id),
	)
	expect(second.interactions.map((i) => i.summary)).toEqual(
		[5, 4, 3, 2, 1].map((day) => `Appel du ${day} septembre`),
	)
	expect(second.interactions.at(-1)!.startups).toEqual([
		{ id: startup.id, name: 'Blue Strait Robotics' },
	])
	// a page past the end shows the last one
	const past = await contactLoader(
		loaderArgs(get(`/contacts/${person.id}?historyPage=9`, cookie), id),
	)
	expect(past.history.page).toBe(2)

	const exported = await exportJsonLoader(
		loaderArgs(get(`/contacts/${person.id}/export.json`, cookie), id),
	)
	const body = JSON.parse(await (exported as Response).text())
	expect(JSON.stringify(body)).toContain('Appel du 1 septembre')
	expect(JSON.stringify(body)).toContain('Appel du 30 septembre')
})
