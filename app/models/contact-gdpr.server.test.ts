import fs from 'node:fs'
import { eq, sql } from 'drizzle-orm'
import { contacts, interactions, introductions } from '#db/schema/index'
import {
	createContact,
	createInteraction,
	createIntroduction,
	createOrganisation,
	createStartup,
	createUser,
} from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { contactSchema } from '~/schemas/contact'
import { getDb } from '~/utils/db.server'
import { getDatabasePath } from '~/utils/env.server'
import {
	eraseContact,
	exportPersonData,
	listContactsForReview,
	personDataCsv,
	threeYearsBefore,
} from './contact-gdpr.server'
import { updateContact } from './contact.server'
import { logInteraction } from './interaction.server'

const manager = viewerOf(createUser({ role: 'manager' }))
const EMAIL = 'q.zanzibarquist@secret-erasure.example'

/** Every row of every table, as text: where a person's data could hide. */
function wholeDatabaseText() {
	const db = getDb()
	const tables = db.all<{ name: string }>(
		sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
	)
	return tables
		.map((t) => {
			try {
				return JSON.stringify(db.all(sql.raw(`SELECT * FROM "${t.name}"`)), (_k, v) =>
					v instanceof Uint8Array || Buffer.isBuffer(v) ? Buffer.from(v).toString('latin1') : v,
				)
			} catch {
				// a contentless FTS table cannot be read back: its shadow tables are read instead
				return ''
			}
		})
		.join('\n')
}

function fileBytesContain(text: string) {
	const file = getDatabasePath()
	return ['', '-wal'].some(
		(suffix) =>
			fs.existsSync(file + suffix) &&
			fs.readFileSync(file + suffix).includes(Buffer.from(text, 'utf8')),
	)
}

test('erasure leaves no trace of the person anywhere in the database, and keeps the anonymous history', () => {
	const org = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const startup = createStartup({ name: 'Blue Strait Robotics' })
	const person = createContact({
		firstName: 'Quentin',
		lastName: 'Zanzibarquist',
		email: EMAIL,
		phone: '+441304249999',
		organisationId: org.id,
		tags: 'vip,zanzibarquist-club',
		notes: `Prefers ${EMAIL} to the phone`,
		lawfulBasis: 'consent',
		consentOn: '2024-05-01',
		consentSource: 'Zanzibarquist gala form',
		country: 'GB',
	})
	// the history: an interaction logged the real way (audit rows on the startup's timeline),
	// a free-text summary quoting the person, an introduction with a note
	const logged = logInteraction({
		contactId: person.id,
		viewer: manager,
		input: {
			intent: 'log-interaction',
			kind: 'meeting',
			date: '2025-03-03',
			summary: `Met Quentin Zanzibarquist (${EMAIL}) about hull inspection`,
			startupIds: [startup.id],
		},
	})
	expect(logged?.ok).toBe(true)
	createInteraction({ contactId: person.id, summary: 'Call about the pilot' })
	createIntroduction({
		contactId: person.id,
		startupId: startup.id,
		status: 'deal',
		dealValueCents: 4_800_000,
		dealCurrency: 'GBP',
		note: 'Quentin Zanzibarquist signed the pilot',
	})
	// an edit, so that the audit log has an update row about the person
	const input = contactSchema('2025-09-01').parse({
		firstName: 'Quentin',
		lastName: 'Zanzibarquist',
		email: EMAIL,
		phone: '01304 249998',
		country: 'GB',
		lawfulBasis: 'consent',
		consentOn: '2024-05-01',
		consentSource: 'Zanzibarquist gala form',
		organisationId: String(org.id),
		tags: 'vip',
		notes: `Prefers ${EMAIL}`,
	})
	expect(updateContact({ id: person.id, input, viewer: manager })?.value.changed).toBe(true)

	// the export holds everything about them
	const exported = exportPersonData({ id: person.id, viewer: manager })!
	expect(exported.contact).toMatchObject({ email: EMAIL, organisation: 'Port of Dover' })
	expect(exported.interactions).toHaveLength(2)
	expect(exported.introductions[0]).toMatchObject({
		startup: 'Blue Strait Robotics',
		status: 'deal',
	})
	expect(exported.history).toEqual([
		expect.objectContaining({ action: 'update', summary: expect.stringContaining('phone') }),
	])
	const csv = personDataCsv(exported)
	expect(csv).toContain(`contact,${person.id},email,${EMAIL}`)
	expect(csv).toContain('interaction,')
	// the phone is guarded against formula injection in the CSV
	expect(csv).toContain(`phone,'+441304249998`)

	getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	expect(fileBytesContain(EMAIL)).toBe(true)
	expect(wholeDatabaseText()).toContain(EMAIL)

	expect(eraseContact({ id: person.id, viewer: manager })).toEqual({ ok: true })

	// the row stays, anonymous
	const row = getDb().select().from(contacts).where(eq(contacts.id, person.id)).get()!
	expect(row).toMatchObject({
		firstName: null,
		lastName: null,
		email: null,
		phone: null,
		jobTitle: null,
		notes: null,
		tags: '',
		consentOn: null,
		consentSource: null,
		organisationId: org.id,
		country: 'GB',
	})
	expect(row.erasedAt).toBeInstanceOf(Date)
	// the business history stays
	expect(
		getDb().select().from(interactions).where(eq(interactions.contactId, person.id)).all(),
	).toHaveLength(2)
	expect(
		getDb().select().from(introductions).where(eq(introductions.contactId, person.id)).get(),
	).toMatchObject({ status: 'deal', dealValueCents: 4_800_000, note: '[…] signed the pilot' })

	// not in the search index, nor anywhere else
	expect(
		getDb().all(sql`SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'zanzibarquist'`),
	).toEqual([])
	const everything = wholeDatabaseText().toLowerCase()
	expect(everything).not.toContain(EMAIL)
	expect(everything).not.toContain('zanzibarquist')
	expect(everything).not.toContain('441304249998')
	// not even in the file's free pages or the write-ahead log
	getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	expect(fileBytesContain(EMAIL)).toBe(false)
	expect(fileBytesContain('zanzibarquist')).toBe(false)
	expect(fileBytesContain('Zanzibarquist')).toBe(false)

	// an erased person is gone from every contact screen
	expect(exportPersonData({ id: person.id, viewer: manager })).toBeNull()
	expect(eraseContact({ id: person.id, viewer: manager })).toEqual({
		ok: false,
		error: 'notFound',
	})
})

test('only a manager erases or exports', () => {
	const person = createContact()
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const viewer = viewerOf(createUser({ role }))
		expect(exportPersonData({ id: person.id, viewer })).toBeNull()
		expect(eraseContact({ id: person.id, viewer })).toEqual({ ok: false, error: 'notFound' })
	}
	expect(getDb().select().from(contacts).where(eq(contacts.id, person.id)).get()?.email).toBe(
		person.email,
	)
})

test('the review list: untouched for 3 years, or never touched and created 3 years ago', () => {
	const tag = `review-${Date.now()}`
	const date = '2026-03-15'
	expect(threeYearsBefore(date)).toBe('2023-03-15')
	expect(threeYearsBefore('2028-02-29')).toBe('2025-02-28')
	const old = createContact({ lastName: `Old ${tag}`, lastContactOn: '2023-03-14' })
	createContact({ lastName: `Just ${tag}`, lastContactOn: '2023-03-15' })
	const never = createContact({
		lastName: `Never ${tag}`,
		lastContactOn: null,
		createdAt: new Date('2022-01-01T10:00:00Z'),
	})
	createContact({ lastName: `New ${tag}`, lastContactOn: null, createdAt: new Date('2025-01-01') })
	const erased = createContact({ lastName: `Erased ${tag}`, lastContactOn: '2019-01-01' })
	eraseContact({ id: erased.id, viewer: manager })

	const { cutoff, list } = listContactsForReview({ viewer: manager, page: 1, perPage: 100, date })
	expect(cutoff).toBe('2023-03-15')
	const ids = list.rows.map((r) => r.id)
	expect(ids).toContain(old.id)
	expect(ids).toContain(never.id)
	expect(list.rows.filter((r) => r.lastName?.endsWith(tag)).map((r) => r.lastName)).toEqual([
		`Never ${tag}`,
		`Old ${tag}`,
	])
	expect(ids).not.toContain(erased.id)
	const founder = viewerOf(createUser({ role: 'founder' }))
	expect(listContactsForReview({ viewer: founder, page: 1, perPage: 100, date }).list.total).toBe(0)
})
