import { eq, sql } from 'drizzle-orm'
import { contacts, interactions, introductions, organisations } from '#db/schema/index'
import {
	createContact,
	createInteraction,
	createIntroduction,
	createOrganisation,
	createStartup,
	createUser,
} from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { fullScans, statementsDuring } from '#tests/query-plans'
import { getDb } from '~/utils/db.server'
import { findLikelyDuplicates, mergeContacts } from './contact-duplicates.server'
import type { ContactInput } from '~/schemas/contact'
import { eraseContact } from './contact-gdpr.server'
import {
	countLikelyDuplicates,
	createContact as createContactFromForm,
	getContactPage,
	listContacts,
	updateContact,
} from './contact.server'

const manager = viewerOf(createUser({ role: 'manager' }))

test('a merge keeps the history of both contacts on the survivor', () => {
	const org = createOrganisation({ name: 'Transmanche Logistique SA' })
	const startup = createStartup({ name: 'Fretmanche' })
	const other = createStartup({ name: 'Blue Strait Robotics' })
	const survivor = createContact({
		firstName: 'Hervé',
		lastName: 'Lambert',
		organisationId: org.id,
		email: 'h.lambert@transmanche.example',
		phone: null,
		tags: 'logistics',
		languages: 'fr',
		lastContactOn: '2024-03-01',
		notes: 'Achats',
	})
	const duplicate = createContact({
		firstName: 'herve',
		lastName: 'LAMBERT',
		organisationId: org.id,
		email: 'herve.lambert@gmail.example',
		phone: '+33321460199',
		tags: 'customer,logistics',
		languages: 'fr,en',
		lastContactOn: '2025-05-02',
		optedOutOn: '2025-01-10',
	})
	createInteraction({ contactId: survivor.id, summary: 'Premier rendez-vous' })
	createInteraction({
		contactId: duplicate.id,
		summary: 'Salon Euromaritime',
		startupIds: [startup.id],
	})
	createIntroduction({ contactId: duplicate.id, startupId: startup.id, status: 'meeting_held' })
	createIntroduction({ contactId: survivor.id, startupId: other.id })

	expect(findLikelyDuplicates({ id: survivor.id, viewer: manager })).toMatchObject([
		{ id: duplicate.id, reason: 'nameAndOrganisation' },
	])
	expect(
		mergeContacts({ survivorId: survivor.id, otherId: duplicate.id, viewer: manager }),
	).toEqual({ ok: true, value: { id: expect.any(Number) } })

	const page = getContactPage({ id: survivor.id, viewer: manager })!
	expect(page.interactions.map((i) => i.summary).sort()).toEqual([
		'Premier rendez-vous',
		'Salon Euromaritime',
	])
	expect(page.interactions.find((i) => i.summary === 'Salon Euromaritime')?.startups).toEqual([
		{ id: startup.id, name: 'Fretmanche' },
	])
	expect(page.introductions.map((i) => i.startupName).sort()).toEqual([
		'Blue Strait Robotics',
		'Fretmanche',
	])
	expect(page.contact).toMatchObject({
		email: 'h.lambert@transmanche.example',
		phone: '+33321460199',
		tags: 'logistics,customer',
		languages: 'fr,en',
		lastContactOn: '2025-05-02',
		optedOutOn: '2025-01-10',
	})
	// the other email is kept with the survivor, not lost
	expect(page.contact.notes).toContain('herve.lambert@gmail.example')
	expect(getDb().select().from(contacts).where(eq(contacts.id, duplicate.id)).get()).toBeUndefined()
	expect(
		getDb().select().from(interactions).where(eq(interactions.contactId, duplicate.id)).all(),
	).toEqual([])
	expect(
		getDb().select().from(introductions).where(eq(introductions.contactId, duplicate.id)).all(),
	).toEqual([])
	// the merged-away record is out of the search index
	const indexed = getDb().all<{ rowid: number }>(
		sql`SELECT rowid FROM contacts_search WHERE contacts_search MATCH '"lambert"'`,
	)
	expect(indexed.map((r) => r.rowid)).toContain(survivor.id)
	expect(indexed.map((r) => r.rowid)).not.toContain(duplicate.id)
	expect(findLikelyDuplicates({ id: survivor.id, viewer: manager })).toEqual([])
})

test('a merge needs two live contacts and a manager; a failed one changes nothing', () => {
	const a = createContact({ email: 'same@dup.example' })
	const b = createContact({ email: 'SAME@dup.example' })
	expect(findLikelyDuplicates({ id: a.id, viewer: manager })).toMatchObject([
		{ id: b.id, reason: 'email' },
	])
	expect(mergeContacts({ survivorId: a.id, otherId: a.id, viewer: manager })).toBeNull()
	expect(mergeContacts({ survivorId: a.id, otherId: 999_999, viewer: manager })).toBeNull()
	const founder = viewerOf(createUser({ role: 'founder' }))
	expect(mergeContacts({ survivorId: a.id, otherId: b.id, viewer: founder })).toBeNull()
	expect(findLikelyDuplicates({ id: a.id, viewer: founder })).toEqual([])
	expect(getDb().select().from(contacts).where(eq(contacts.id, b.id)).get()).toBeDefined()
})

test('every write keeps the likely duplicates right: edits, erasures, merges, a moved organisation', () => {
	const before = countLikelyDuplicates(manager)
	const dunkirk = createOrganisation({ name: 'Port de Dunkerque' })
	const calais = createOrganisation({ name: 'Port de Calais' })
	const input = (overrides: Partial<ContactInput>): ContactInput => ({
		firstName: 'Anaïs',
		lastName: 'Deprez',
		country: 'FR',
		languages: 'fr',
		tags: '',
		lawfulBasis: 'legitimate_interest',
		phone: undefined,
		...overrides,
	})
	const created = (result: ReturnType<typeof createContactFromForm>) => {
		if (!result?.ok) throw new Error('the contact was not created')
		return result.value
	}
	const a = created(
		createContactFromForm({
			input: input({ organisationId: dunkirk.id, phone: '+33321460102' }),
			viewer: manager,
		}),
	)
	// the same person typed another way, in another organisation, with the same phone
	const b = created(
		createContactFromForm({
			input: input({ firstName: 'ANAIS', lastName: 'deprez ', phone: '+33321460102' }),
			viewer: manager,
		}),
	)
	expect(findLikelyDuplicates({ id: a.id, viewer: manager })).toMatchObject([
		{ id: b.id, reason: 'nameAndPhone' },
	])
	expect(countLikelyDuplicates(manager)).toBe(before + 2)
	const flagged = () =>
		listContacts({
			viewer: manager,
			filters: { duplicates: true, q: 'deprez' },
			sort: 'name',
			dir: 'asc',
			page: 1,
			perPage: 25,
		}).rows.map((r) => r.id)
	expect(flagged()).toEqual([a.id, b.id])

	// a new phone: no longer the same person, unless the organisations meet
	updateContact({ id: b.id, input: input({ phone: '+33321469999' }), viewer: manager })
	expect(findLikelyDuplicates({ id: a.id, viewer: manager })).toEqual([])
	expect(countLikelyDuplicates(manager)).toBe(before)
	updateContact({
		id: b.id,
		input: input({ organisationId: dunkirk.id, phone: '+33321469999' }),
		viewer: manager,
	})
	expect(findLikelyDuplicates({ id: b.id, viewer: manager })).toMatchObject([
		{ id: a.id, reason: 'nameAndOrganisation' },
	])
	// the organisation is gone (ON DELETE SET NULL): they are apart again
	getDb().delete(organisations).where(eq(organisations.id, dunkirk.id)).run()
	expect(countLikelyDuplicates(manager)).toBe(before)

	// an email shared with a third contact, whatever its case
	const c = createContact({ email: 'a.deprez@calais.example', organisationId: calais.id })
	updateContact({ id: a.id, input: input({ email: 'A.Deprez@Calais.example' }), viewer: manager })
	expect(findLikelyDuplicates({ id: c.id, viewer: manager })).toMatchObject([
		{ id: a.id, reason: 'email' },
	])
	expect(countLikelyDuplicates(manager)).toBe(before + 2)
	// an erased person is nobody's duplicate any more, and keeps no key
	expect(eraseContact({ id: a.id, viewer: manager })).toMatchObject({ ok: true })
	expect(findLikelyDuplicates({ id: c.id, viewer: manager })).toEqual([])
	expect(countLikelyDuplicates(manager)).toBe(before)
	expect(
		getDb()
			.select({ n: contacts.nameKey, e: contacts.emailKey, p: contacts.phoneKey })
			.from(contacts)
			.where(eq(contacts.id, a.id))
			.get(),
	).toEqual({ n: null, e: null, p: null })

	// a merge leaves one record, which is nobody's duplicate
	const d = createContact({ email: 'A.DEPREZ@calais.example' })
	expect(countLikelyDuplicates(manager)).toBe(before + 2)
	expect(mergeContacts({ survivorId: c.id, otherId: d.id, viewer: manager })).toMatchObject({
		ok: true,
	})
	expect(countLikelyDuplicates(manager)).toBe(before)
})

test('a contact’s likely duplicates are found through indexes, not by reading every contact', () => {
	const org = createOrganisation({ name: 'Port de Douvres' })
	const base = {
		firstName: 'Harriet',
		lastName: 'Collins',
		organisationId: org.id,
		phone: '+44 1304 240001',
		country: 'GB' as const,
	}
	const harriet = createContact({ ...base, email: 'h.collins@portofdover.example' })
	const twin = createContact({ ...base, email: 'harriet@collins.example', organisationId: null })
	const sameEmail = createContact({
		firstName: 'H.',
		lastName: 'C.',
		email: 'H.Collins@PortOfDover.example',
	})
	createContact({ firstName: 'Sam', lastName: 'Probe', email: 'sam@probe.example' })
	let found: ReturnType<typeof findLikelyDuplicates> = []
	const statements = statementsDuring(() => {
		found = findLikelyDuplicates({ id: harriet.id, viewer: manager })
	})
	expect(found.map((d) => [d.id, d.reason])).toEqual([
		[twin.id, 'nameAndPhone'],
		[sameEmail.id, 'email'],
	])
	expect(fullScans(statements)).toEqual([])
})
