import fs from 'node:fs'
import { eq, sql } from 'drizzle-orm'
import { auditLog, contacts, interactions, introductions, organisations } from '#db/schema/index'
import {
	createContact,
	createFundingEvent,
	createInteraction,
	createIntroduction,
	createMentoringSession,
	createMilestone,
	createOrganisation,
	createStartup,
	createUser,
} from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { contactSchema } from '~/schemas/contact'
import { getDb, writeTransaction } from '~/utils/db.server'
import { getDatabasePath } from '~/utils/env.server'
import { recordAudit } from './audit.server'
import {
	eraseContact,
	exportPersonData,
	listContactsForReview,
	personDataCsv,
	previewErasure,
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
		expect.objectContaining({ action: 'update', fields: expect.arrayContaining(['phone']) }),
	])
	const csv = personDataCsv(exported)
	expect(csv).toContain(`contact,${person.id},email,${EMAIL}`)
	expect(csv).toContain('interaction,')
	// the phone is guarded against formula injection in the CSV
	expect(csv).toContain(`phone,'+441304249998`)

	getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	expect(fileBytesContain(EMAIL)).toBe(true)
	expect(wholeDatabaseText()).toContain(EMAIL)

	expect(eraseContact({ id: person.id, viewer: manager })).toMatchObject({ ok: true })

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

/** Every spelling the bytes of a name can take in the file: as written, lower, upper. */
function spellings(...words: string[]) {
	return words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase()])
}

test('erasure takes her out of every other record too: the manager sees where first, then no byte of her is left', () => {
	const EMAIL_H = 'h.collins@portofdover-erasure.example'
	const dover = createOrganisation({
		name: 'Port of Dover (erasure)',
		country: 'GB',
		notes: `Our contact there is Harriet Collins (${EMAIL_H}).`,
	})
	const startup = createStartup({
		name: 'Opale Hull Robotics',
		pitchEn: 'Piloted with Harriet Collins of the Port of Dover.',
	})
	const harriet = createContact({
		firstName: 'Harriet',
		lastName: 'Collins',
		email: EMAIL_H,
		phone: '+441304249999',
		organisationId: dover.id,
		country: 'GB',
		notes: 'Head of innovation',
	})
	const tom = createContact({
		firstName: 'Tomasz',
		lastName: 'Wierzbicki',
		organisationId: dover.id,
		country: 'GB',
		notes: 'Reports to Ms Collins; ask Harriet about the berths.',
	})
	// her own history: her name alone, her title
	const hers = logInteraction({
		contactId: harriet.id,
		viewer: manager,
		input: {
			intent: 'log-interaction',
			kind: 'meeting',
			date: '2025-03-03',
			summary: 'Met Harriet at Euromaritime; she wants a pilot.',
			startupIds: [startup.id],
		},
	})
	if (!hers?.ok) throw new Error('the interaction is logged')
	const herIntro = createIntroduction({
		contactId: harriet.id,
		startupId: startup.id,
		note: 'Ms Collins signed the pilot order',
	})
	// others' records that mention her
	const tomsCall = createInteraction({
		contactId: tom.id,
		summary: 'Tomasz and Harriet Collins toured the docks; her line: 01304 249 999',
	})
	const tomsIntro = createIntroduction({
		contactId: tom.id,
		startupId: startup.id,
		note: 'Harriet suggested this introduction.',
	})
	const session = createMentoringSession({
		notes: 'COLLINS, Harriet can open doors at Dover.',
		nextSteps: `Email ${EMAIL_H.toUpperCase()} before Friday.`,
	})
	const milestone = createMilestone({
		startupId: startup.id,
		title: 'First UK customer',
		note: 'Thanks to Harriet Collins',
	})
	const funding = createFundingEvent({ startupId: startup.id, note: 'Harriet Collins vouched' })
	// a row as the log wrote them before decision 0033: an English line and raw changes
	const audit = writeTransaction((tx) => {
		tx.insert(auditLog)
			.values({
				userId: manager.id,
				action: 'update',
				entity: 'introduction',
				entityId: tomsIntro.id,
				summary: 'note edited after a call with Harriet Collins',
				changes: JSON.stringify({ note: ['', 'Harriet Collins to call back on +44 1304 249999'] }),
			})
			.run()
		return tx.get<{ id: number }>(sql`SELECT max(id) AS id FROM audit_log`)!.id
	})
	// and one as it writes them since: the milestone's title is kept in its detail
	const structured = writeTransaction((tx) => {
		recordAudit(tx, {
			userId: manager.id,
			action: 'create',
			entity: 'milestone',
			entityId: milestone.id,
			startupId: startup.id,
			subject: { title: 'Pilot signed by Harriet Collins' },
		})
		return tx.get<{ id: number }>(sql`SELECT max(id) AS id FROM audit_log`)!.id
	})
	const search = (query: string) =>
		getDb().all(sql`SELECT rowid FROM contacts_search WHERE contacts_search MATCH ${query}`)
	expect(search('harriet')).toEqual(
		[{ rowid: tom.id }, { rowid: harriet.id }].sort((a, b) => a.rowid - b.rowid),
	)

	// the manager first reads what the erasure will do
	const preview = previewErasure({ id: harriet.id, viewer: manager })!
	expect(preview.erasedFields).toEqual(
		expect.arrayContaining(['firstName', 'email', 'phone', 'notes']),
	)
	expect(preview.kept).toEqual({ interactions: 1, introductions: 1 })
	const planned = Object.fromEntries(
		preview.plan.changes.map((c) => [`${c.table}#${c.id}`, c.fields]),
	)
	expect(planned).toEqual({
		[`organisations#${dover.id}`]: { notes: 'Our contact there is […] ([…]).' },
		[`startups#${startup.id}`]: { pitch_en: 'Piloted with […] of the Port of Dover.' },
		[`contacts#${tom.id}`]: { notes: 'Reports to […]; ask […] about the berths.' },
		[`interactions#${hers.value.id}`]: {
			summary: 'Met […] at Euromaritime; she wants a pilot.',
		},
		[`interactions#${tomsCall.id}`]: { summary: 'Tomasz and […] toured the docks; her line: […]' },
		[`introductions#${herIntro.id}`]: { note: '[…] signed the pilot order' },
		[`introductions#${tomsIntro.id}`]: { note: '[…] suggested this introduction.' },
		[`mentoring_sessions#${session.id}`]: {
			notes: '[…] can open doors at Dover.',
			next_steps: 'Email […] before Friday.',
		},
		[`milestones#${milestone.id}`]: { note: 'Thanks to […]' },
		[`funding_events#${funding.id}`]: { note: '[…] vouched' },
		[`audit_log#${audit}`]: {
			summary: 'note edited after a call with […]',
			changes: JSON.stringify({ note: ['', '[…] to call back on […]'] }),
		},
		[`audit_log#${structured}`]: {
			detail: JSON.stringify({ subject: { title: 'Pilot signed by […]' } }),
		},
	})
	const toTom = preview.plan.changes.find((c) => c.table === 'contacts')!
	expect(toTom).toMatchObject({ label: 'Tomasz Wierzbicki', link: `/contacts/${tom.id}` })
	expect(preview.plan.ambiguous).toEqual([])
	// nothing is written by looking
	expect(getDb().select().from(contacts).where(eq(contacts.id, tom.id)).get()?.notes).toContain(
		'Harriet',
	)

	getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	expect(fileBytesContain('Harriet')).toBe(true)
	expect(eraseContact({ id: harriet.id, viewer: manager })).toEqual({ ok: true, records: 12 })

	// every record reads as the preview said
	expect(getDb().select().from(contacts).where(eq(contacts.id, tom.id)).get()?.notes).toBe(
		'Reports to […]; ask […] about the berths.',
	)
	expect(
		getDb().select().from(introductions).where(eq(introductions.id, tomsIntro.id)).get()?.note,
	).toBe('[…] suggested this introduction.')
	// the audit log is still append-only once she is out of it
	expect(() =>
		getDb().$client.prepare('UPDATE audit_log SET summary = ? WHERE id = ?').run('x', audit),
	).toThrow(/append-only/)
	// search finds neither her nor the notes that named her
	for (const query of ['harriet', 'collins', '"harriet collins"', 'portofdover']) {
		expect(search(query), query).toEqual([])
	}
	expect(search('berths')).toEqual([{ rowid: tom.id }])
	// no table holds her, nor the file or its log, not even in free pages
	const everything = wholeDatabaseText().toLowerCase()
	for (const needle of ['harriet', 'collins', EMAIL_H, '249999', '249 999']) {
		expect(everything, needle).not.toContain(needle)
	}
	for (const needle of [...spellings('Harriet', 'Collins', EMAIL_H), '1304249999', '249 999']) {
		expect(fileBytesContain(needle), needle).toBe(false)
	}
	const file = getDatabasePath()
	expect(!fs.existsSync(`${file}-wal`) || fs.statSync(`${file}-wal`).size === 0).toBe(true)
})

test('a name someone else bears is not taken out alone, and the preview says so', () => {
	createContact({ firstName: 'Aurelia', lastName: 'Moreau-Pinchon' })
	const aurelia = createContact({ firstName: 'Aurelia', lastName: 'Quartermaine' })
	const other = createContact({
		firstName: 'Bastien',
		notes: 'Aurelia called; Aurelia Quartermaine to be invited. Quartermaine & Co is her firm.',
	})
	const firm = createOrganisation({ name: 'Aurelia Quartermaine Consulting' })
	const preview = previewErasure({ id: aurelia.id, viewer: manager })!
	expect(preview.plan.ambiguous).toEqual(['Aurelia'])
	expect(preview.plan.changes).toEqual([
		expect.objectContaining({
			table: 'contacts',
			id: other.id,
			fields: {
				notes: 'Aurelia called; […] to be invited. […] & Co is her firm.',
			},
		}),
	])
	// an organisation named after her is reported, not renamed
	expect(preview.plan.identities).toEqual([
		{ table: 'organisations', id: firm.id, column: 'name', link: `/organisations/${firm.id}` },
	])
	expect(eraseContact({ id: aurelia.id, viewer: manager })).toEqual({ ok: true, records: 1 })
	expect(
		getDb().select().from(organisations).where(eq(organisations.id, firm.id)).get()?.name,
	).toBe('Aurelia Quartermaine Consulting')
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
