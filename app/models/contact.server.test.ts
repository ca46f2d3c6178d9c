import { eq } from 'drizzle-orm'
import { contacts, organisations } from '#db/schema/index'
import { createContact, createOrganisation, createUser } from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import {
	contactSchema,
	normalisePhone,
	parseCountry,
	parseLanguages,
	parseTags,
} from '~/schemas/contact'
import { getDb } from '~/utils/db.server'
import {
	type ContactFilters,
	countLikelyDuplicates,
	listContacts,
	listContactsForOutreach,
	toFtsQuery,
	updateContact,
} from './contact.server'
import { updateOrganisation } from './organisation.server'

const manager = viewerOf(createUser({ role: 'manager' }))

function search(filters: ContactFilters, viewer = manager) {
	return listContacts({ viewer, filters, sort: 'name', dir: 'asc', page: 1, perPage: 100 })
		.rows.map((r) => r.lastName)
		.sort()
}

describe('full-text search', () => {
	const tag = `s${Date.now()}`
	const dover = createOrganisation({ name: `Port of Dover ${tag}`, country: 'GB' })
	createContact({
		firstName: 'Harriet',
		lastName: `Collins${tag}`,
		organisationId: dover.id,
		tags: `port,maritime,${tag}`,
		country: 'GB',
	})
	createContact({
		firstName: 'Hervé',
		lastName: `Lambert${tag}`,
		notes: `Rencontré au salon Euromaritime ${tag}`,
		tags: tag,
	})
	createContact({ firstName: 'Oliver', lastName: `Grant${tag}`, tags: `investor,${tag}` })

	test('finds people by name, organisation, tag and notes, by prefix and without accents', () => {
		expect(search({ q: `collins${tag}` })).toEqual([`Collins${tag}`])
		expect(search({ q: `dover ${tag}` })).toEqual([`Collins${tag}`])
		expect(search({ q: `Dov ${tag}` })).toEqual([`Collins${tag}`])
		expect(search({ q: `maritime ${tag}` })).toEqual([`Collins${tag}`])
		expect(search({ q: `euromaritime ${tag}` })).toEqual([`Lambert${tag}`])
		expect(search({ q: `herve ${tag}` })).toEqual([`Lambert${tag}`])
		expect(search({ q: `HERVÉ ${tag}` })).toEqual([`Lambert${tag}`])
		expect(search({ q: tag })).toHaveLength(3)
	})

	test('every word must match, and FTS syntax typed in the box is only words', () => {
		expect(search({ q: `investor dover ${tag}` })).toEqual([])
		expect(toFtsQuery('"dover" OR NEAR(x')).toBe('"dover"* "OR"* "NEAR"* "x"*')
		expect(() => search({ q: `") OR 1=1 -- ${tag}` })).not.toThrow()
		expect(search({ q: '***' })).toEqual([])
	})

	test('a renamed organisation is found under its new name only', () => {
		updateOrganisation({
			id: dover.id,
			viewer: manager,
			input: { name: `Dover Harbour Board ${tag}`, country: 'GB', kind: 'customer' },
		})
		expect(search({ q: `harbour ${tag}` })).toEqual([`Collins${tag}`])
		expect(search({ q: `port of ${tag}` })).toEqual([])
		getDb().delete(organisations).where(eq(organisations.id, dover.id)).run()
		expect(search({ q: `harbour ${tag}` })).toEqual([])
		expect(search({ q: `collins${tag}` })).toEqual([`Collins${tag}`])
	})

	test('nobody but a manager gets a row, whatever the query', () => {
		for (const role of ['founder', 'mentor', 'partner'] as const) {
			const viewer = viewerOf(createUser({ role }))
			expect(search({ q: tag }, viewer)).toEqual([])
			expect(listContactsForOutreach({ viewer, filters: {}, sort: 'name', dir: 'asc' })).toEqual([])
		}
	})
})

test('filters, sort and pagination run in SQL', () => {
	const tag = `f${Date.now()}`
	const owner = createUser({ role: 'manager' })
	const fund = createOrganisation({ name: `Channel Seed Fund ${tag}`, kind: 'investor' })
	for (let i = 0; i < 30; i++) {
		createContact({
			lastName: `Page${String(i).padStart(2, '0')}`,
			organisationId: i < 4 ? fund.id : null,
			tags: tag,
			country: i % 3 === 0 ? 'GB' : 'FR',
			lastContactOn: i % 5 === 0 ? null : `2025-01-${String(i + 1).padStart(2, '0')}`,
			ownerId: i < 10 ? owner.id : null,
			optedOutOn: i === 1 ? '2025-02-01' : null,
			languages: i === 2 ? 'de' : 'fr,en',
		})
	}
	const list = (
		filters: ContactFilters,
		sort: 'name' | 'lastContact' = 'name',
		dir: 'asc' | 'desc' = 'asc',
		page = 1,
	) => listContacts({ viewer: manager, filters: { tag, ...filters }, sort, dir, page, perPage: 25 })
	const first = list({})
	expect(first.total).toBe(30)
	expect(first.pageCount).toBe(2)
	expect(first.rows[0]!.lastName).toBe('Page00')
	expect(list({}, 'name', 'asc', 2).rows.map((r) => r.lastName)).toEqual([
		'Page25',
		'Page26',
		'Page27',
		'Page28',
		'Page29',
	])
	expect(list({ country: 'GB' }).total).toBe(10)
	expect(list({ ownerId: owner.id }).total).toBe(10)
	expect(list({ kind: 'investor' }).total).toBe(4)
	expect(list({ optedOut: true }).rows.map((r) => r.lastName)).toEqual(['Page01'])
	expect(list({ language: 'de' }).rows.map((r) => r.lastName)).toEqual(['Page02'])
	// never contacted ones come last, both ways
	expect(list({}, 'lastContact', 'desc').rows[0]!.lastName).toBe('Page29')
	expect(list({}, 'lastContact', 'asc').rows[0]!.lastName).toBe('Page01')
	expect(list({}, 'lastContact', 'asc', 2).rows.at(-1)!.lastContactOn).toBeNull()
	// the outreach export leaves out who opted out
	const outreach = listContactsForOutreach({
		viewer: manager,
		filters: { tag },
		sort: 'name',
		dir: 'asc',
	})
	expect(outreach).toHaveLength(29)
	expect(outreach.map((r) => r.lastName)).not.toContain('Page01')
})

test('likely duplicates: same email (any case) or same name in the same organisation', () => {
	const before = countLikelyDuplicates(manager)
	const org = createOrganisation()
	createContact({ email: 'twin@dup.example' })
	createContact({ email: 'TWIN@dup.example' })
	createContact({ firstName: 'Marie', lastName: 'Vandamme', organisationId: org.id, email: null })
	createContact({ firstName: 'marie', lastName: 'VANDAMME', organisationId: org.id })
	// same name, another organisation: not a duplicate
	createContact({
		firstName: 'Marie',
		lastName: 'Vandamme',
		organisationId: createOrganisation().id,
	})
	expect(countLikelyDuplicates(manager)).toBe(before + 4)
})

describe('validation and normalisation', () => {
	test('phones become E.164', () => {
		expect(normalisePhone('03 21 46 01 02', 'FR')).toBe('+33321460102')
		expect(normalisePhone('06.12.34.56.78', 'FR')).toBe('+33612345678')
		expect(normalisePhone('+33 (0)6 12 34 56 78', 'other')).toBe('+33612345678')
		expect(normalisePhone('0033 3 21 46 01 02', 'GB')).toBe('+33321460102')
		expect(normalisePhone('01304 240400', 'GB')).toBe('+441304240400')
		expect(normalisePhone('+44 (0)20 7946 0958', 'FR')).toBe('+442079460958')
		expect(normalisePhone('07700 900123', 'GB')).toBe('+447700900123')
		expect(normalisePhone('+32 2 123 45 67', 'other')).toBe('+3221234567')
		// wrong length, letters, a national number abroad, an extension
		expect(normalisePhone('03 21 46 01', 'FR')).toBeNull()
		expect(normalisePhone('0123', 'GB')).toBeNull()
		expect(normalisePhone('+33 1 23', 'FR')).toBeNull()
		expect(normalisePhone('call me', 'FR')).toBeNull()
		expect(normalisePhone('02 123 45 67', 'other')).toBeNull()
		expect(normalisePhone('+44 1304 240400 ext 12', 'GB')).toBeNull()
		expect(normalisePhone('+1234567890123456', 'other')).toBeNull()
	})

	test('countries: ISO codes and names in English and French', () => {
		expect(parseCountry('France')).toBe('FR')
		expect(parseCountry('fr')).toBe('FR')
		expect(parseCountry('United Kingdom')).toBe('GB')
		expect(parseCountry('Royaume-Uni')).toBe('GB')
		expect(parseCountry('UK')).toBe('GB')
		expect(parseCountry('U.K.')).toBe('GB')
		expect(parseCountry('GB')).toBe('GB')
		expect(parseCountry('England')).toBe('GB')
		expect(parseCountry('Belgique')).toBe('other')
		expect(parseCountry('BE')).toBe('other')
		expect(parseCountry('Germany')).toBe('other')
		expect(parseCountry('ZZ')).toBeNull()
		expect(parseCountry('Atlantis')).toBeNull()
	})

	test('languages and tags', () => {
		expect(parseLanguages('fr, English; de')).toBe('fr,en,de')
		expect(parseLanguages('klingon')).toBeNull()
		expect(parseTags(' Port, maritime ,, PORT')).toBe('port,maritime')
		expect(parseTags('x'.repeat(41))).toBeNull()
	})

	test('the contact form: lower-case email, bounded texts, consent needs its date and source', () => {
		const schema = contactSchema('2025-09-01')
		const ok = schema.safeParse({
			lastName: 'Collins',
			email: ' Harriet.Collins@PortOfDover.example ',
			phone: '01304 240400',
			country: 'UK',
			lawfulBasis: 'legitimate_interest',
			languages: 'en',
		})
		expect(ok.success && ok.data).toMatchObject({
			email: 'harriet.collins@portofdover.example',
			phone: '+441304240400',
			country: 'GB',
		})
		const bad = schema.safeParse({
			lastName: 'x'.repeat(81),
			email: 'not-an-email',
			country: 'Atlantis',
			lawfulBasis: 'consent',
			consentOn: '2099-01-01',
		})
		expect(bad.success).toBe(false)
		const messages = Object.fromEntries(
			(bad.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
		)
		expect(messages).toMatchObject({
			lastName: 'errors.tooLong',
			email: 'errors.email',
			country: 'contacts:errors.country',
			consentOn: 'contacts:errors.futureDate',
		})
		const noConsent = schema.safeParse({ lastName: 'A', country: 'FR', lawfulBasis: 'consent' })
		expect(noConsent.error?.issues.map((i) => i.message).sort()).toEqual([
			'contacts:errors.consentDate',
			'contacts:errors.consentSource',
		])
	})
})

test('an imported ISO country holds while the form keeps its grouping; another grouping replaces it', () => {
	const contact = createContact({ country: 'other', countryCode: 'DE', languages: 'de' })
	const input = {
		lastName: contact.lastName ?? undefined,
		firstName: contact.firstName ?? undefined,
		email: contact.email ?? undefined,
		phone: contact.phone ?? undefined,
		country: 'other' as const,
		languages: 'de,en',
		tags: '',
		lawfulBasis: 'legitimate_interest' as const,
	}
	const codeOf = () =>
		getDb()
			.select({ code: contacts.countryCode })
			.from(contacts)
			.where(eq(contacts.id, contact.id))
			.get()?.code
	updateContact({ id: contact.id, viewer: manager, input })
	expect(codeOf()).toBe('DE')
	updateContact({ id: contact.id, viewer: manager, input: { ...input, country: 'GB' } })
	expect(codeOf()).toBeNull()

	const org = createOrganisation({ country: 'other', countryCode: 'BE' })
	const orgInput = { name: org.name, country: 'other' as const, kind: 'customer' as const }
	updateOrganisation({ id: org.id, viewer: manager, input: { ...orgInput, sector: 'ports' } })
	const orgCode = () =>
		getDb()
			.select({ code: organisations.countryCode })
			.from(organisations)
			.where(eq(organisations.id, org.id))
			.get()?.code
	expect(orgCode()).toBe('BE')
	updateOrganisation({ id: org.id, viewer: manager, input: { ...orgInput, country: 'FR' } })
	expect(orgCode()).toBeNull()
})
