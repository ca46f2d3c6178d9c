import fs from 'node:fs'
import { count, eq, sql } from 'drizzle-orm'
import { auditLog, contacts, organisations } from '#db/schema/index'
import { createContact, createOrganisation, createUser } from '#tests/factories'
import { contactsCsv, importableContact } from '#tests/factories-contacts'
import { getDb } from '~/utils/db.server'
import { getDatabasePath } from '~/utils/env.server'
import { runImportInWorker } from './contact-import-jobs.server'
import { configureConnection } from '~/utils/sqlite-connection.server'
import { writeContactRows } from './contact-import-write.server'
import { checkContactCsv, contactImportTemplate } from './contact-import.server'
import { activityText } from '#tests/activity'

const fixture = fs.readFileSync('tests/fixtures/contacts-bad-rows.csv', 'utf8')
const contactCount = () => getDb().select({ n: count() }).from(contacts).get()!.n
const problemsOf = (check: ReturnType<typeof checkContactCsv>, line: number) =>
	check.problems.find((p) => p.line === line)?.issues.map((i) => `${i.column ?? ''}:${i.key}`) ?? []

test('the checker lists every bad row of the fixture with its problems, and writes nothing', () => {
	createContact({ email: 'existing@contacts.example' })
	const before = contactCount()
	const check = checkContactCsv(fixture, '2025-09-01')
	expect(check.fileErrors).toEqual([])
	expect(check.total).toBe(11)
	// the valid ones, normalised
	expect(check.rows.map((r) => r.line)).toEqual([2, 11])
	expect(check.rows[0]).toMatchObject({
		email: 'n.fournier@ports-detroit.example',
		phone: '+33321460102',
		country: 'FR',
		languages: 'fr,en',
		lastContactOn: '2025-06-15',
		organisationName: 'Ports du Détroit',
	})
	expect(check.rows[1]).toMatchObject({
		country: 'other',
		phone: '+3232290000',
		languages: 'nl,fr',
		lawfulBasis: 'contract',
	})
	expect(problemsOf(check, 3)).toEqual(['last_name:contacts:errors.name'])
	expect(problemsOf(check, 4)).toEqual(['email:errors.email'])
	expect(problemsOf(check, 5)).toEqual(['country:contacts:errors.country'])
	expect(problemsOf(check, 6)).toEqual(['email:contacts:import.errors.emailTaken'])
	expect(problemsOf(check, 7)).toEqual(['email:contacts:import.errors.emailInFile'])
	expect(check.problems.find((p) => p.line === 7)?.issues[0]?.values).toMatchObject({ line: 2 })
	expect(problemsOf(check, 8)).toEqual(['phone:contacts:errors.phone'])
	expect(problemsOf(check, 9)).toEqual([
		'consent_on:contacts:errors.consentDate',
		'consent_source:contacts:errors.consentSource',
	])
	expect(problemsOf(check, 10)).toEqual([
		'lawful_basis:contacts:import.errors.basis',
		'last_contact_on:contacts:import.errors.date',
	])
	expect(problemsOf(check, 12)).toEqual(['languages:contacts:errors.languages'])
	expect(contactCount()).toBe(before)
})

test('a file without a country column, or empty, is refused as a whole', () => {
	expect(checkContactCsv('first_name,last_name\nA,B').fileErrors).toEqual([
		{ key: 'contacts:import.errors.missingColumn', values: { column: 'country' } },
	])
	expect(checkContactCsv('').fileErrors[0]?.key).toBe('contacts:import.errors.empty')
	expect(checkContactCsv('last_name,country\n').fileErrors[0]?.key).toBe(
		'contacts:import.errors.noRows',
	)
	// French headers and a semicolon-separated Excel file are read
	const french = checkContactCsv(
		'Prénom;Nom;E-mail;Pays\nJulie;Masson;j.masson@region.example;France',
	)
	expect(french.fileErrors).toEqual([])
	expect(french.rows[0]).toMatchObject({ firstName: 'Julie', lastName: 'Masson', country: 'FR' })
})

test('the template passes the checker', () => {
	const check = checkContactCsv(contactImportTemplate())
	expect(check.problems).toEqual([])
	expect(check.rows).toHaveLength(2)
})

test('an import writes all rows in one transaction, creating missing organisations once', () => {
	const manager = createUser({ role: 'manager' })
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const rows = [
		importableContact({ organisationName: 'port of dover' }),
		importableContact({ organisationName: 'Kent Angel Network', organisationKind: 'investor' }),
		importableContact({ organisationName: 'Kent Angel Network' }),
	]
	const progress: number[] = []
	const outcome = writeContactRows(getDb().$client, {
		rows,
		mode: 'all',
		actorId: manager.id,
		onProgress: (n) => progress.push(n),
	})
	expect(outcome).toEqual({ ok: true, inserted: 3, skippedLines: [], organisationsCreated: 1 })
	expect(progress.at(-1)).toBe(3)
	const written = getDb()
		.select({
			email: contacts.email,
			organisationId: contacts.organisationId,
			ownerId: contacts.ownerId,
		})
		.from(contacts)
		.where(sql`${contacts.email} LIKE '%@import.example'`)
		.all()
	expect(written).toHaveLength(3)
	expect(written[0]).toMatchObject({ organisationId: dover.id, ownerId: manager.id })
	expect(written[1]!.organisationId).toBe(written[2]!.organisationId)
	// one audit row, with counts and no personal data
	const audit = getDb()
		.select({ entity: auditLog.entity, action: auditLog.action, detail: auditLog.detail })
		.from(auditLog)
		.where(eq(auditLog.userId, manager.id))
		.all()
	expect(audit.map((a) => activityText(a, 'fr'))).toEqual([
		'a importé un fichier de contacts (contacts créés\u202f: 3, organisations créées\u202f: 1)',
	])
	expect(JSON.stringify(audit)).not.toContain('@')
})

test('an import never half-writes: a conflict rolls back everything in "all" mode, is skipped in "valid" mode', () => {
	const manager = createUser({ role: 'manager' })
	const taken = createContact({ email: 'taken-later@import.example' })
	const rows = [
		importableContact({ organisationName: 'Brand New Org Ltd' }),
		importableContact({ email: taken.email }),
	]
	const before = contactCount()
	const organisationsBefore = getDb().select({ n: count() }).from(organisations).get()!.n
	expect(writeContactRows(getDb().$client, { rows, mode: 'all', actorId: manager.id })).toEqual({
		ok: false,
		conflictLines: [rows[1]!.line],
	})
	expect(contactCount()).toBe(before)
	expect(getDb().select({ n: count() }).from(organisations).get()!.n).toBe(organisationsBefore)

	const skipping = writeContactRows(getDb().$client, { rows, mode: 'valid', actorId: manager.id })
	expect(skipping).toMatchObject({ ok: true, inserted: 1, skippedLines: [rows[1]!.line] })
	expect(contactCount()).toBe(before + 1)

	// a failure half-way (a row the database refuses) leaves nothing behind either
	const broken = [
		importableContact(),
		importableContact({ lawfulBasis: 'consent', consentOn: null }),
	]
	expect(() =>
		writeContactRows(getDb().$client, { rows: broken, mode: 'all', actorId: manager.id }),
	).toThrow(/CHECK constraint/)
	expect(contactCount()).toBe(before + 1)
})

test('the worker thread imports with its own connection, the same pragmas, and reports progress', async () => {
	const manager = createUser({ role: 'manager' })
	const rows = Array.from({ length: 1200 }, () => importableContact())
	const progress: number[] = []
	const outcome = await runImportInWorker(
		{ databasePath: getDatabasePath(), rows, mode: 'all', actorId: manager.id },
		(n) => progress.push(n),
	)
	expect(outcome).toMatchObject({ ok: true, inserted: 1200 })
	expect(progress).toEqual([500, 1000, 1200])
	expect(
		getDb().select({ n: count() }).from(contacts).where(eq(contacts.ownerId, manager.id)).get()!.n,
	).toBe(1200)
	// the worker's connection is configured like the server's
	const Database = (await import('better-sqlite3')).default
	const other = new Database(getDatabasePath())
	configureConnection(other)
	for (const pragma of ['journal_mode', 'foreign_keys', 'synchronous', 'secure_delete']) {
		expect(other.pragma(pragma, { simple: true })).toEqual(
			getDb().$client.pragma(pragma, { simple: true }),
		)
	}
	other.close()
})

// how fast is measured by `npm run bench`, not here: a loaded machine must not fail the suite
test('50,000 rows are checked and imported in one go, and searchable at once', () => {
	const manager = createUser({ role: 'manager' })
	const check = checkContactCsv(contactsCsv(50_000))
	expect(check.problems).toEqual([])
	const outcome = writeContactRows(getDb().$client, {
		rows: check.rows,
		mode: 'all',
		actorId: manager.id,
	})
	expect(outcome).toMatchObject({ ok: true, inserted: 50_000, organisationsCreated: 500 })
	// and they are searchable at once
	const found = getDb().all<{ n: number }>(
		sql`SELECT count(*) AS n FROM contacts_search WHERE contacts_search MATCH '"bulk" "49999"'`,
	)
	expect(found[0]!.n).toBe(1)
})
