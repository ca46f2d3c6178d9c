import { and, eq, inArray } from 'drizzle-orm'
import Papa from 'papaparse'
import { auditLog, startups } from '#db/schema/index'
import { createCohort, createStartup, createUser, nextId, sirenFor } from '#tests/factories'
import { getDb } from '~/utils/db.server'
import {
	decodeCsvFile,
	importStartupCsv,
	startupImportTemplate,
	validateStartupCsv,
} from './startup-import.server'

/** A CSV file as a spreadsheet writes it: one header line, then the rows. */
function csv(header: string[], ...rows: string[][]) {
	return Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' })
}

const countStartups = () => getDb().select({ id: startups.id }).from(startups).all().length
const keysOf = (errors: { key: string }[]) => errors.map((e) => e.key)

test('a valid file imports every startup, each with its own audit row', () => {
	const manager = createUser({ role: 'manager' })
	const cohort = createCohort({ name: 'Promotion Manche 2026' })
	const [a, b] = [sirenFor(nextId()), sirenFor(nextId())]
	const text = csv(
		['name', 'siren', 'companies_house_number', 'sector', 'stage', 'status', 'cohort', 'uk_focus'],
		['Quai Connect', a, '', 'logistics', 'launch', 'incubated', 'Promotion Manche 2026', 'yes'],
		['Ferry Pay', b, '', 'fintech', 'idea', 'applicant', '', 'no'],
		['Kent Robotics', '', '1234567', 'robotics', 'prototype', 'applicant', '', ''],
	)

	const outcome = importStartupCsv(text, manager.id)

	expect(outcome).toMatchObject({ ok: true, count: 3 })
	const rows = getDb()
		.select()
		.from(startups)
		.where(inArray(startups.name, ['Quai Connect', 'Ferry Pay', 'Kent Robotics']))
		.all()
	expect(rows).toHaveLength(3)
	expect(rows.find((r) => r.name === 'Quai Connect')).toMatchObject({
		siren: a,
		cohortId: cohort.id,
		stage: 'launch',
		status: 'incubated',
		ukFocus: true,
	})
	// a short Companies House number gets its leading zero, as in the form
	expect(rows.find((r) => r.name === 'Kent Robotics')?.companiesHouseNumber).toBe('01234567')
	for (const row of rows) {
		const audit = getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'startup'), eq(auditLog.entityId, row.id)))
			.all()
		expect(audit).toHaveLength(1)
		expect(audit[0]).toMatchObject({ action: 'create', userId: manager.id, startupId: row.id })
	}
})

test('a file with one bad row writes nothing at all', () => {
	const manager = createUser({ role: 'manager' })
	const before = countStartups()
	const auditBefore = getDb().select().from(auditLog).all().length
	const text = csv(
		['name', 'sector', 'stage', 'entered_on'],
		['Good One', 'logistics', 'idea', '2025-09-01'],
		['Good Two', 'energy', 'idea', '2025-09-01'],
		['', 'energy', 'rocket', '31/02/2025'],
	)

	const outcome = importStartupCsv(text, manager.id)

	expect(outcome.ok).toBe(false)
	expect(countStartups()).toBe(before)
	expect(getDb().select().from(auditLog).all().length).toBe(auditBefore)
	if (outcome.ok) return
	const bad = outcome.result.rows.find((r) => r.line === 4)
	expect(bad?.errors).toEqual([
		expect.objectContaining({ column: 'name', key: 'errors.required' }),
		expect.objectContaining({ column: 'stage', key: 'startups:import.errors.stage' }),
		expect.objectContaining({ column: 'entered_on', key: 'startups:import.errors.date' }),
	])
	expect(outcome.result.rows.filter((r) => r.errors.length === 0)).toHaveLength(2)
})

test('a SIREN or Companies House number twice in the file is reported on both lines', () => {
	const siren = sirenFor(nextId())
	const result = validateStartupCsv(
		csv(
			['name', 'sector', 'siren', 'companies_house_number'],
			['First', 'logistics', siren, 'SC123456'],
			['Unrelated', 'logistics', '', ''],
			// typed with spaces and in lower case: still the same numbers
			[
				'Second',
				'logistics',
				`${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`,
				'sc123456',
			],
		),
	)

	const [first, unrelated, second] = result.rows
	expect(first?.errors).toEqual([
		{
			key: 'startups:import.errors.sirenInFile',
			column: 'siren',
			values: { value: siren, lines: '4' },
		},
		{
			key: 'startups:import.errors.companiesHouseInFile',
			column: 'companies_house_number',
			values: { value: 'SC123456', lines: '4' },
		},
	])
	expect(keysOf(second?.errors ?? [])).toEqual([
		'startups:import.errors.sirenInFile',
		'startups:import.errors.companiesHouseInFile',
	])
	expect(second?.errors[0]?.values?.lines).toBe('2')
	expect(unrelated?.errors).toEqual([])
	expect(first?.input).toBeUndefined()
})

test('a SIREN or Companies House number already in the database names the startup that has it', () => {
	const existing = createStartup({ name: 'Opale Freight', companiesHouseNumber: '08123456' })
	const result = validateStartupCsv(
		csv(
			['name', 'sector', 'siren', 'companies_house_number'],
			['Copycat', 'logistics', existing.siren!, ''],
			['Copycat UK', 'logistics', '', '8123456'],
		),
	)

	expect(result.rows[0]?.errors).toEqual([
		{
			key: 'startups:import.errors.sirenTaken',
			column: 'siren',
			values: { value: existing.siren, startup: 'Opale Freight' },
		},
	])
	expect(result.rows[1]?.errors).toEqual([
		expect.objectContaining({
			key: 'startups:import.errors.companiesHouseTaken',
			values: { value: '08123456', startup: 'Opale Freight' },
		}),
	])
	const manager = createUser({ role: 'manager' })
	const before = countStartups()
	expect(
		importStartupCsv(
			csv(['name', 'sector', 'siren'], ['Copycat', 'x', existing.siren!]),
			manager.id,
		).ok,
	).toBe(false)
	expect(countStartups()).toBe(before)
})

test('French labels, DD/MM/YYYY dates, oui/non and any-case headers and cohort names are accepted', () => {
	const manager = createUser({ role: 'manager' })
	const cohort = createCohort({ name: 'Promotion Opale 2025' })
	const text = [
		// a French Excel: semicolons, capitalised headers, accents in Windows-1252 handled elsewhere
		'Name;Sector;Stage;Status;Cohort;Entered_On;Left_On;UK_Focus',
		'Hélice Verte;énergie;Changement d’échelle;Sortie;promotion opale 2025;01/09/2024;5/7/2025;OUI',
		'Bac à Sable;edtech;idée;Candidate;;;;non',
		'Les Deux Caps;tourisme;LANCEMENT;incubée;;1/9/2025;;Vrai',
		'Partis Trop Tôt;retail;Croissance;Partie;;2024-01-15;2024-06-30;0',
	].join('\n')

	const validation = validateStartupCsv(text)
	expect(validation.fileErrors).toEqual([])
	expect(validation.rows.flatMap((r) => r.errors)).toEqual([])

	const outcome = importStartupCsv(text, manager.id)
	expect(outcome).toMatchObject({ ok: true, count: 4 })
	const byName = (name: string) =>
		getDb().select().from(startups).where(eq(startups.name, name)).get()
	expect(byName('Hélice Verte')).toMatchObject({
		stage: 'scale',
		status: 'graduated',
		cohortId: cohort.id,
		enteredOn: '2024-09-01',
		leftOn: '2025-07-05',
		ukFocus: true,
	})
	expect(byName('Bac à Sable')).toMatchObject({
		stage: 'idea',
		status: 'applicant',
		ukFocus: false,
	})
	expect(byName('Les Deux Caps')).toMatchObject({
		stage: 'launch',
		status: 'incubated',
		enteredOn: '2025-09-01',
		ukFocus: true,
	})
	expect(byName('Partis Trop Tôt')).toMatchObject({ stage: 'growth', status: 'left' })
})

test('an unknown cohort, a date that does not exist and an unreadable yes/no are row errors', () => {
	createCohort({ name: 'Promotion 2025' })
	const result = validateStartupCsv(
		csv(
			['name', 'sector', 'cohort', 'entered_on', 'left_on', 'uk_focus'],
			['A', 'x', 'Promotion 2031', '2025-02-30', 'next year', 'maybe'],
			['B', 'x', '', '2025-09-01', '2025-01-01', ''],
		),
	)
	expect(result.rows[0]?.errors).toEqual([
		expect.objectContaining({
			column: 'cohort',
			key: 'startups:import.errors.unknownCohort',
			values: { value: 'Promotion 2031' },
		}),
		expect.objectContaining({ column: 'entered_on', key: 'startups:import.errors.date' }),
		expect.objectContaining({ column: 'left_on', key: 'startups:import.errors.date' }),
		expect.objectContaining({ column: 'uk_focus', key: 'startups:import.errors.ukFocus' }),
	])
	// the form's own rule: no exit before the entry
	expect(result.rows[1]?.errors).toEqual([
		expect.objectContaining({
			column: 'left_on',
			key: expect.stringMatching(/leftBeforeEntered$/),
		}),
	])
})

test('a missing required column fails the whole file; an unknown column is only a warning', () => {
	const result = validateStartupCsv(
		csv(['Name', 'stage', 'notes'], ['Quai Connect', 'idea', 'met at the CCI fair']),
	)
	expect(result.fileErrors).toEqual([
		{ key: 'startups:import.errors.missingColumn', values: { column: 'sector' } },
	])
	expect(result.warnings).toEqual([
		{ key: 'startups:import.warnings.unknownColumn', values: { column: 'notes' } },
	])
	const manager = createUser({ role: 'manager' })
	const before = countStartups()
	expect(importStartupCsv(csv(['name'], ['Alone']), manager.id).ok).toBe(false)
	expect(countStartups()).toBe(before)

	expect(validateStartupCsv('name,sector\r\n').fileErrors).toEqual([
		{ key: 'startups:import.errors.empty' },
	])
	expect(validateStartupCsv('').fileErrors).toEqual([{ key: 'startups:import.errors.empty' }])
})

test('formula-looking cells are stored as text, exactly as typed', () => {
	const manager = createUser({ role: 'manager' })
	const text = csv(
		['name', 'sector', 'pitch_en', 'target_markets'],
		['=HYPERLINK("http://evil.example","Click")', '+logistics', '@SUM(A1:A9)', '-FR,GB'],
	)
	const outcome = importStartupCsv(text, manager.id)
	expect(outcome).toMatchObject({ ok: true, count: 1 })
	const row = getDb()
		.select()
		.from(startups)
		.where(eq(startups.name, '=HYPERLINK("http://evil.example","Click")'))
		.get()
	expect(row).toMatchObject({
		sector: '+logistics',
		pitchEn: '@SUM(A1:A9)',
		targetMarkets: '-FR,GB',
	})
})

test('line numbers are the spreadsheet rows, blank lines and multi-line cells included', () => {
	const text = 'name,sector,pitch_en\n"A",x,"two\nlines"\n\n,x,\n'
	const result = validateStartupCsv(text)
	expect(result.rows.map((r) => r.line)).toEqual([2, 4])
	expect(keysOf(result.rows[1]?.errors ?? [])).toEqual(['errors.required'])
	expect(validateStartupCsv('name,sector\n"Open quote,x\n').fileErrors).toContainEqual({
		key: 'startups:import.errors.quotes',
		values: { line: 2 },
	})
})

test("the template's own example rows import cleanly", () => {
	createCohort({ name: 'Promotion Template', startDate: '2099-01-01', endDate: '2099-12-31' })
	const result = validateStartupCsv(startupImportTemplate())
	expect(result.fileErrors).toEqual([])
	expect(result.warnings).toEqual([])
	expect(result.rows).toHaveLength(2)
	expect(result.rows.flatMap((r) => r.errors)).toEqual([])
	expect(result.rows[0]?.values.cohort).toBe('Promotion Template')
})

test('a French Excel file in Windows-1252 is read with its accents; a binary file is not text', () => {
	// "Hélice" in Windows-1252: é is the single byte 0xE9, invalid on its own in UTF-8
	const bytes = new Uint8Array([...Buffer.from('name;sector\nH'), 0xe9, ...Buffer.from('lice;x\n')])
	expect(decodeCsvFile(bytes)).toBe('name;sector\nHélice;x\n')
	expect(decodeCsvFile(new TextEncoder().encode('name\nHélice'))).toBe('name\nHélice')
	expect(decodeCsvFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeNull()
})
