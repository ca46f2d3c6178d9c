import fs from 'node:fs'
import * as XLSX from '@e965/xlsx'
import { and, desc, eq, inArray } from 'drizzle-orm'
import {
	contacts,
	fundingEvents,
	importMappings,
	kpiReports,
	organisations,
	startups,
} from '#db/schema/index'
import { createFundingEvent, createStartup, createUser } from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { getDb } from '~/utils/db.server'
import type { ImportKind } from './fields'
import { startImportSession, writeSession } from './jobs.server'
import { analyseImport, findSavedMapping, saveMapping, writeImport } from './pipeline.server'
import { shapeOf } from './matching'
import type { ImportSettings } from './types'

/*
 * One test per fixture of tests/fixtures/imports: the file goes through the whole pipeline
 * and the test reads back what was stored — accented text compared byte for byte.
 */

const fixture = (name: string) => new Uint8Array(fs.readFileSync(`tests/fixtures/imports/${name}`))
const bytesOf = (text: string | null | undefined) =>
	Buffer.from(text ?? '', 'utf-8').toString('hex')

function importFile(
	kind: ImportKind,
	name: string,
	settings: ImportSettings = {},
	viewer = viewerOf(createUser({ role: 'manager' })),
	bytes = fixture(name),
) {
	const result = analyseImport({ kind, bytes, fileName: name, settings, viewer })
	if ('problem' in result) throw new Error(`${name}: ${result.problem}`)
	const outcome = writeImport({ kind, plan: result.plan, viewer })
	return { ...result, outcome }
}

const contactByEmail = (email: string) =>
	getDb().select().from(contacts).where(eq(contacts.email, email)).get()

test('LinkedIn: the notes above the header are skipped, the country comes from one value for all rows', () => {
	const { analysis, outcome } = importFile('contacts', 'linkedin-connections.csv', {
		constants: { country: 'France' },
	})
	expect(analysis.headerRow).toBe(3)
	expect(outcome.created).toBe(3)
	const amelie = contactByEmail('amelie.duchateau@opale-logistique.example')!
	expect(bytesOf(amelie.lastName)).toBe(bytesOf('Duchâteau'))
	expect(amelie).toMatchObject({
		jobTitle: 'Directrice générale',
		lastContactOn: '2024-03-12',
		country: 'FR',
		countryCode: 'FR',
	})
	const org = getDb()
		.select()
		.from(organisations)
		.where(eq(organisations.id, amelie.organisationId!))
		.get()
	expect(org?.name).toBe('Opale Logistique')
	// a connection who hid their e-mail is still imported
	const gareth = getDb().select().from(contacts).where(eq(contacts.lastName, 'O’Connell')).get()
	expect(gareth).toMatchObject({ firstName: 'Gareth', email: null, lastContactOn: '2025-01-03' })
	const jurgen = contactByEmail('j.weiss@hafen-logistik.example')!
	expect(bytesOf(`${jurgen.firstName} ${jurgen.lastName}`)).toBe(bytesOf('Jürgen Weiß'))
})

test('LinkedIn next month: the connection without e-mail is the same contact (matched on the name, flagged), not a duplicate', () => {
	const viewer = viewerOf(createUser({ role: 'manager' }))
	importFile('contacts', 'linkedin-connections.csv', { constants: { country: 'France' } }, viewer)
	const again = importFile(
		'contacts',
		'linkedin-connections.csv',
		{ constants: { country: 'France' } },
		viewer,
	)
	expect(again.analysis.counts).toMatchObject({ unchanged: 3, create: 0, update: 0 })
	expect(again.analysis.problems.flatMap((p) => p.flags.map((f) => f.key))).toEqual([
		'import:flags.contactNameOnly',
	])
	expect(
		getDb().select().from(contacts).where(eq(contacts.lastName, 'O’Connell')).all(),
	).toHaveLength(1)

	// two people of that name: no guess, a new contact flagged as a look-alike
	getDb()
		.insert(contacts)
		.values({
			firstName: 'Gareth',
			lastName: 'O’Connell',
			country: 'GB',
			lawfulBasis: 'legitimate_interest',
			ownerId: viewer.id,
		})
		.run()
	const third = importFile(
		'contacts',
		'linkedin-connections.csv',
		{ constants: { country: 'France' } },
		viewer,
	)
	expect(third.analysis.counts).toMatchObject({ create: 1, unchanged: 2 })
	expect(third.analysis.problems.flatMap((p) => p.flags)).toEqual([
		expect.objectContaining({
			key: 'import:flags.contactLookAlike',
			values: { value: 'Gareth O’Connell', count: 2 },
		}),
	])
})

test('Google Contacts: “Address 1 - Country”, “E-mail 1 - Value”, labels without Google’s own', () => {
	const { outcome } = importFile('contacts', 'google-contacts.csv')
	expect(outcome.created).toBe(3)
	expect(contactByEmail('celine.rousseau@cote-opale-energies.example')).toMatchObject({
		lastName: 'Rousseau-Lefèvre',
		phone: '+33612345678',
		jobTitle: "Chargée d'affaires",
		tags: 'salons',
		country: 'FR',
	})
	expect(contactByEmail('sofie.vdb@haven-gent.example')).toMatchObject({
		country: 'other',
		countryCode: 'BE',
		phone: '+3291234567',
	})
})

test('Outlook: 92 columns, one line about those not imported, “Business Country/Region” read', () => {
	const { analysis, outcome } = importFile('contacts', 'outlook-contacts.csv')
	expect(analysis.columns).toHaveLength(92)
	expect(analysis.columns.find((c) => c.header === 'Title')?.field).toBeNull()
	expect(analysis.columns.find((c) => c.header === 'Job Title')?.field).toBe('jobTitle')
	expect(outcome.created).toBe(2)
	expect(contactByEmail('e.marchand@calais-port-services.example')).toMatchObject({
		firstName: 'Élodie',
		jobTitle: 'Responsable achats',
		phone: '+33321000001',
		tags: 'port,achats',
	})
	expect(contactByEmail('oliver.brennan@kent-haulage.example')).toMatchObject({
		country: 'GB',
		phone: '+441303000000',
	})
})

test('HubSpot: “Country/Region” and a Welsh contact; “Last Activity Date” with a time', () => {
	importFile('contacts', 'hubspot-contacts.csv')
	expect(contactByEmail('rhys@severn-robotics.example')).toMatchObject({
		country: 'GB',
		countryCode: 'GB',
		lastContactOn: '2025-09-18',
	})
	expect(bytesOf(contactByEmail('margaux.lemaitre@flandre-numerique.example')?.lastName)).toBe(
		bytesOf('Lemaître'),
	)
})

test('Pipedrive: “Person - …” headers', () => {
	importFile('contacts', 'pipedrive-persons.csv')
	expect(contactByEmail('noemie.garcon@littoral-agro.example')).toMatchObject({
		firstName: 'Noémie',
		lastName: 'Garçon',
		tags: 'hot lead',
	})
	expect(contactByEmail('p.devries@rotterdam-coldchain.example')).toMatchObject({
		countryCode: 'NL',
		lastName: 'de Vries',
	})
})

test('Salesforce: US dates are read month first and the copyright footer is not a contact', () => {
	const { analysis, outcome } = importFile('contacts', 'salesforce-contacts.csv')
	expect(analysis.dateOrder).toBe('mdy')
	expect(analysis.footers).toBe(5)
	expect(outcome.created).toBe(2)
	expect(contactByEmail('grace.whitfield@thames-logistics.example')).toMatchObject({
		lastContactOn: '2025-11-25',
		jobTitle: 'VP Supply Chain',
	})
	expect(
		getDb()
			.select()
			.from(contacts)
			.where(
				eq(contacts.lastName, 'Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.'),
			)
			.all(),
	).toHaveLength(0)
})

test('Companies House: company_number and nature_of_business; the same file again changes nothing', () => {
	const viewer = viewerOf(createUser({ role: 'manager' }))
	const first = importFile('startups', 'companies-house.csv', {}, viewer)
	expect(first.outcome.created).toBe(2)
	const ch = getDb()
		.select()
		.from(startups)
		.where(eq(startups.companiesHouseNumber, 'SC612345'))
		.get()
	expect(ch).toMatchObject({
		name: 'WHITE CLIFFS ROBOTICS LIMITED',
		sector: '28990 - Manufacture of other special-purpose machinery n.e.c.',
		status: 'applicant',
	})
	const again = importFile('startups', 'companies-house.csv', {}, viewer)
	expect(again.analysis.counts).toMatchObject({ unchanged: 2, create: 0, update: 0 })
})

test('SIRENE: the SIREN and the registered name; a startup known by name only is matched and flagged', () => {
	createStartup({ name: 'Béton bas carbone d’Opale', siren: null, sector: 'Construction' })
	const { analysis, outcome } = importFile('startups', 'sirene.csv')
	expect(outcome).toMatchObject({ created: 1, updated: 1 })
	expect(analysis.problems.flatMap((p) => p.flags.map((f) => f.key))).toContain(
		'import:flags.nameOnly',
	)
	const helios = getDb().select().from(startups).where(eq(startups.siren, '918273640')).get()!
	expect(bytesOf(helios.name)).toBe(bytesOf('HÉLIOS MARÉE'))
	expect(helios.sector).toBe('71.12B')
	expect(getDb().select().from(startups).where(eq(startups.siren, '908172638')).get()?.sector).toBe(
		'23.61Z',
	)
})

test('a French Excel sheet (.xlsx) with a title row: real dates, a SIREN typed as a number, French labels', () => {
	const { analysis } = importFile('startups', 'french-startups.xlsx')
	expect(analysis.file.format).toBe('xlsx')
	expect(analysis.headerRow).toBe(2)
	const helios = getDb().select().from(startups).where(eq(startups.name, 'Hélios Marée')).get()!
	expect(helios).toMatchObject({
		siren: '918273640',
		status: 'incubated',
		enteredOn: '2024-09-02',
		ukFocus: true,
		website: 'https://helios-maree.example',
	})
	expect(bytesOf(helios.pitchFr)).toBe(
		bytesOf('Hydroliennes pour le détroit — 1ʳᵉ installation en 2026'),
	)
})

test('the same sheet as .xls and .ods reads the same', () => {
	const workbook = XLSX.read(fixture('french-startups.xlsx'), { type: 'array', cellNF: true })
	for (const bookType of ['xls', 'ods'] as const) {
		const bytes = new Uint8Array(XLSX.write(workbook, { bookType, type: 'array' }) as ArrayBuffer)
		const result = analyseImport({
			kind: 'startups',
			bytes,
			fileName: `sheet.${bookType}`,
			settings: {},
			viewer: viewerOf(createUser({ role: 'manager' })),
		})
		if ('problem' in result) throw new Error(result.problem)
		expect(result.analysis.file.format).toBe(bookType)
		expect(result.analysis.preview.map((r) => [r.values.name, r.values.enteredOn])).toEqual([
			['Hélios Marée', '2024-09-02'],
			['Quai Numérique', '2025-01-15'],
		])
	}
})

test('UTF-8 with a BOM: the first header is not polluted', () => {
	const { analysis } = importFile('contacts', 'bom-utf8.csv')
	expect(analysis.columns[0]).toMatchObject({ header: 'first_name', field: 'firstName' })
	expect(bytesOf(contactByEmail('zoe.lefebvre@exemple-bom.example')?.jobTitle)).toBe(
		bytesOf('Ingénieure d’études'),
	)
})

test('a “sep=;” first line names the separator; a quoted semicolon stays in its cell', () => {
	const { analysis } = importFile('contacts', 'sep-line.csv')
	expect(analysis.file.delimiter).toBe(';')
	expect(contactByEmail('benoit.lacroix@sep-line.example')).toMatchObject({
		firstName: 'Benoît',
		notes: 'Client historique; très fidèle',
	})
})

test('UTF-16 “Unicode text” from Excel, tab separated', () => {
	const { analysis } = importFile('contacts', 'utf16-tab.txt')
	expect(analysis.file).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' })
	const lubica = contactByEmail('lubica.novakova@utf16.example')!
	expect(bytesOf(`${lubica.firstName} ${lubica.lastName}`)).toBe(bytesOf('Ľubica Nováková'))
	expect(lubica.countryCode).toBe('SK')
	expect(contactByEmail('lukasz.wrobel@utf16.example')?.countryCode).toBe('PL')
})

test('Windows-1252 with € ’ — œ –: stored as those characters, not control codes; a bad row goes to the error file', () => {
	const { analysis, failed } = importFile('contacts', 'windows-1252.csv')
	expect(analysis.file.encoding).toBe('windows-1252')
	const cecile = contactByEmail('cecile.boeuf@cp1252.example')!
	expect(bytesOf(cecile.lastName)).toBe(bytesOf('Bœuf'))
	expect(bytesOf(cecile.jobTitle)).toBe(bytesOf('Chargée d’affaires — export'))
	expect(bytesOf(cecile.notes)).toBe(bytesOf('Budget 15 000 € – à relancer'))
	const org = getDb()
		.select()
		.from(organisations)
		.where(eq(organisations.id, cecile.organisationId!))
		.get()
	expect(bytesOf(org?.name)).toBe(bytesOf('L’Atelier du Détroit'))
	// a German contact with a French national number: refused, with the value shown
	expect(failed).toHaveLength(1)
	expect(failed[0]!.cells[1]).toBe('Lœuillet')
	expect(failed[0]!.issues[0]).toMatchObject({
		field: 'phone',
		values: { value: '03 21 00 00 07' },
	})
})

test('Mac Roman is told apart from Windows-1252', () => {
	const { analysis } = importFile('contacts', 'mac-roman.csv')
	expect(analysis.file.encoding).toBe('macintosh')
	const agnes = contactByEmail('agnes.fevriere@macroman.example')!
	expect(bytesOf(agnes.lastName)).toBe(bytesOf('Févrière'))
	expect(bytesOf(agnes.notes)).toBe(bytesOf('Très intéressée — à rappeler'))
})

test('a mixed-encoding file is flagged and each line read in its own encoding', () => {
	const { analysis } = importFile('contacts', 'mixed-encoding.csv')
	expect(analysis.file.mixedEncoding).toBe(true)
	expect(analysis.fileIssues.map((i) => i.key)).toContain('import:fileInfo.mixedEncoding')
	expect(bytesOf(contactByEmail('melanie.dupre@mixed.example')?.lastName)).toBe(bytesOf('Dupré'))
	expect(bytesOf(contactByEmail('remi.gerard@mixed.example')?.lastName)).toBe(bytesOf('Gérard'))
})

test('US dates: 3/12/2025 is 12 March when another date says month first', () => {
	const { analysis } = importFile('contacts', 'us-dates.csv')
	expect(analysis.dateOrderDetected).toBe('mdy')
	expect(contactByEmail('megan.hollis@usdates.example')).toMatchObject({
		lastContactOn: '2025-03-12',
		countryCode: 'US',
	})
})

test('an ambiguous date follows the order the user chose', () => {
	const text =
		'first_name,last_name,email,country,last_contact_on\r\nAda,Lamb,ada.lamb@ambiguous.example,GB,03/04/2025\r\n'
	const bytes = new TextEncoder().encode(text)
	const asDmy = analyseImport({
		kind: 'contacts',
		bytes,
		fileName: 'a.csv',
		settings: {},
		viewer: viewerOf(createUser()),
	})
	const asMdy = analyseImport({
		kind: 'contacts',
		bytes,
		fileName: 'a.csv',
		settings: { dateOrder: 'mdy' },
		viewer: viewerOf(createUser()),
	})
	if ('problem' in asDmy || 'problem' in asMdy) throw new Error('unreadable')
	expect(asDmy.analysis.dateOrderDetected).toBe('ambiguous')
	expect(asDmy.plan[0]!.record.lastContactOn).toBe('2025-04-03')
	expect(asMdy.plan[0]!.record.lastContactOn).toBe('2025-03-04')
})

test('German headers and countries (Deutschland, Österreich) keep their ISO codes', () => {
	importFile('contacts', 'german-headers.csv')
	const gunther = contactByEmail('g.schaefer@deutsch.example')!
	expect(bytesOf(gunther.lastName)).toBe(bytesOf('Schäfer'))
	expect(gunther).toMatchObject({
		country: 'other',
		countryCode: 'DE',
		phone: '+49301234567',
		jobTitle: 'Geschäftsführer',
	})
	expect(contactByEmail('anke.grossmann@deutsch.example')?.countryCode).toBe('AT')
})

test('footer lines are left out and counted', () => {
	const { analysis, outcome } = importFile('contacts', 'footer-lines.csv')
	expect(analysis.footers).toBe(2)
	expect(outcome.created).toBe(2)
})

test('duplicates: the same e-mail twice in a file is an error on the second line; a known e-mail updates', () => {
	const viewer = viewerOf(createUser({ role: 'manager' }))
	const { analysis, failed } = importFile('contacts', 'duplicates.csv', {}, viewer)
	expect(analysis.counts).toMatchObject({ create: 2, error: 1 })
	expect(failed[0]!.issues[0]).toMatchObject({
		key: 'import:errors.sameEmail',
		values: { line: 2 },
	})
	const changed = new TextEncoder().encode(
		'email,job_title,country\r\nlucie.fontaine@dup.example,Directrice,France\r\n',
	)
	const again = importFile('contacts', 'x.csv', {}, viewer, changed)
	expect(again.analysis.counts).toMatchObject({ update: 1 })
	expect(contactByEmail('lucie.fontaine@dup.example')).toMatchObject({
		firstName: 'Lucie',
		jobTitle: 'Directrice',
	})
	// "create only": a known e-mail with new data is skipped, not updated
	const promoted = new TextEncoder().encode(
		'email,job_title,country\r\nlucie.fontaine@dup.example,Présidente,France\r\n',
	)
	const skipped = importFile('contacts', 'x.csv', { mode: 'create_only' }, viewer, promoted)
	expect(skipped.analysis.counts).toMatchObject({ skip: 1, update: 0 })
	expect(skipped.outcome).toMatchObject({ created: 0, updated: 0 })
	expect(contactByEmail('lucie.fontaine@dup.example')?.jobTitle).toBe('Directrice')
})

test('10,000 rows are checked and written in a worker, in short transactions, with progress', async () => {
	const user = createUser({ role: 'manager' })
	const session = await startImportSession({
		userId: user.id,
		viewer: viewerOf(user),
		kind: 'contacts',
		fileName: 'ten-thousand.csv',
		bytes: fixture('ten-thousand.csv'),
		settings: {},
		wait: true,
	})
	expect(session.result?.analysis.counts).toMatchObject({ total: 10_000, create: 10_000 })
	await writeSession(session, { wait: true })
	expect(session.status).toBe('done')
	expect(session.outcome?.created).toBe(10_000)
	const last = contactByEmail('personne09999@dixmille.example')!
	expect(last).toMatchObject({ lastName: 'Évrard', countryCode: 'DE', lastContactOn: '2025-10-04' })
	// the column matching is remembered for the next file of this shape
	expect(
		getDb().select().from(importMappings).where(eq(importMappings.kind, 'contacts')).all().length,
	).toBeGreaterThan(0)
})

test('a founder imports their funding history: kinds, amounts and dates in French', () => {
	const founder = createUser({ role: 'founder' })
	const { analysis, outcome } = importFile('funding', 'funding-history.csv', {}, viewerOf(founder))
	expect(analysis.missingRequired).toEqual([])
	expect(outcome.created).toBe(3)
	const events = getDb()
		.select()
		.from(fundingEvents)
		.where(eq(fundingEvents.startupId, founder.startupId!))
		.orderBy(fundingEvents.id)
		.all()
	expect(events.map((e) => [e.kind, e.amountCents, e.status, e.isPublic])).toEqual([
		['honour_loan', 3_000_000, 'received', true],
		['grant', 4_500_050, 'secured', true],
		['equity_round', 25_000_000, 'applied', false],
	])
	expect(events[0]).toMatchObject({
		receivedOn: '2024-03-15',
		securedOn: '2024-03-15',
		note: 'Versé en deux fois',
	})
	expect(bytesOf(events[2]!.source)).toBe(bytesOf('Business Angels Côte d’Opale'))
	// the leverage chain of the file: loan → grant → round
	expect(events.map((e) => e.triggeredById)).toEqual([null, events[0]!.id, events[1]!.id])
	expect(analysis.preview[1]!.values).toMatchObject({
		triggeredBy: 'Initiative Calaisis',
		triggerKind: 'honour_loan',
		triggerDate: '2024-03-15',
		triggerLine: 2,
	})
	// the same file again: the links are there, nothing changes
	const again = analyseImport({
		kind: 'funding',
		bytes: fixture('funding-history.csv'),
		fileName: 'funding-history.csv',
		settings: {},
		viewer: viewerOf(founder),
	})
	expect('problem' in again ? again : again.analysis.counts).toMatchObject({ unchanged: 3 })
})

test('“Triggered by” names one event, in the file or stored, or the row says why not', () => {
	const manager = viewerOf(createUser({ role: 'manager' }))
	const startup = createStartup({ name: 'Leviers Marins' })
	const grant = createFundingEvent({
		startupId: createStartup({ name: 'Autre Pousse' }).id,
		kind: 'innovation_fund_grant',
		source: 'Cap Calaisis',
		plannedOn: '2024-01-10',
	})
	const loan = (plannedOn: string) =>
		createFundingEvent({
			startupId: startup.id,
			kind: 'bank_loan',
			source: 'Crédit Maritime',
			isPublic: false,
			status: 'secured',
			plannedOn,
		})
	loan('2024-02-01')
	const june = loan('2024-06-01')
	// an older round from the same angels: the file's own row is the one a name points to
	createFundingEvent({
		startupId: startup.id,
		kind: 'equity_round',
		source: 'Business Angels Côte d’Opale',
		isPublic: false,
		status: 'received',
		plannedOn: '2023-01-10',
	})
	// newest first, as many exports are: a row may name one further down
	const csv = [
		'Date;Type;Financeur;Montant;Déclenché par',
		'01/09/2024;Levée de fonds;Kent Angels;100 000;Prêt bancaire – Crédit Maritime, 01/06/2024',
		'01/07/2024;Prêt d’honneur;Initiative Calaisis;20 000;Crédit Maritime',
		'15/08/2024;Subvention;Région;10 000;BPI',
		'01/10/2024;Financement participatif;Ulule;15 000;Business Angels Côte d’Opale',
		`20/09/2024;Levée de fonds;Business Angels Côte d’Opale;50 000;#${grant.id}`,
		'01/03/2024;Subvention;Département;5 000;Ulule',
	].join('\r\n')
	const result = analyseImport({
		kind: 'funding',
		bytes: new TextEncoder().encode(csv),
		fileName: 'leviers.csv',
		settings: { startupId: startup.id },
		viewer: manager,
	})
	if ('problem' in result) throw new Error(result.problem)
	const errorsOf = (line: number) =>
		result.analysis.problems.find((p) => p.line === line)?.errors.map((e) => e.key)
	expect(errorsOf(3)).toEqual(['import:errors.triggerAmbiguous'])
	expect(errorsOf(4)).toEqual(['import:errors.triggerUnknown'])
	expect(errorsOf(7)).toEqual(['funding:errors.triggerLater'])
	expect(result.analysis.counts).toMatchObject({ create: 3, error: 3 })
	// the round of line 6 is written before the crowdfunding of line 5 that it triggered
	expect(result.plan.map((p) => p.line)).toEqual([2, 6, 5])
	writeImport({ kind: 'funding', plan: result.plan, viewer: manager })
	const bySource = (source: string) =>
		getDb()
			.select()
			.from(fundingEvents)
			.where(and(eq(fundingEvents.startupId, startup.id), eq(fundingEvents.source, source)))
			.orderBy(desc(fundingEvents.id))
			.get()!
	expect(bySource('Kent Angels').triggeredById).toBe(june.id)
	expect(bySource('Business Angels Côte d’Opale').triggeredById).toBe(grant.id)
	expect(bySource('Ulule').triggeredById).toBe(bySource('Business Angels Côte d’Opale').id)

	// a founder knows nothing of another startup's grant
	const founder = createUser({ role: 'founder', startupId: startup.id })
	const theirs = analyseImport({
		kind: 'funding',
		bytes: new TextEncoder().encode(
			`Date;Type;Financeur;Montant;Déclenché par\r\n01/12/2024;Prêt bancaire;Banque;1 000;#${grant.id}`,
		),
		fileName: 'f.csv',
		settings: {},
		viewer: viewerOf(founder),
	})
	if ('problem' in theirs) throw new Error(theirs.problem)
	expect(theirs.analysis.problems[0]!.errors).toEqual([
		expect.objectContaining({ key: 'funding:errors.unknownTrigger', field: 'triggeredBy' }),
	])
})

test('a founder’s KPI history; a quarter to come is refused', () => {
	const founder = createUser({ role: 'founder' })
	const { outcome } = importFile('kpis', 'kpi-history.csv', {}, viewerOf(founder))
	expect(outcome.created).toBe(2)
	const reports = getDb()
		.select()
		.from(kpiReports)
		.where(eq(kpiReports.startupId, founder.startupId!))
		.orderBy(kpiReports.quarter)
		.all()
	expect(reports.map((r) => [r.quarter, r.employees, r.revenueCents, r.ukCustomers])).toEqual([
		['2025-Q1', 4, 1_250_000, 1],
		['2025-Q2', 5, 1_875_000, 2],
	])
	const future = new TextEncoder().encode('Trimestre;Effectif;CA\r\nT2 2027;3;1000\r\n')
	const result = analyseImport({
		kind: 'kpis',
		bytes: future,
		fileName: 'f.csv',
		settings: {},
		viewer: viewerOf(founder),
	})
	if ('problem' in result) throw new Error(result.problem)
	expect(result.analysis.counts.error).toBe(1)
})

test('a manager’s funding file names startups; one the manager cannot find is an error', () => {
	const a = createStartup({ name: 'Quai Connect Imports' })
	const text =
		'Startup;Type;Financeur;Montant;Date\r\nQuai Connect Imports;Subvention;BPI;10 000;01/02/2025\r\nInconnue;Subvention;BPI;5 000;01/02/2025\r\n'
	const { analysis } = importFile(
		'funding',
		'f.csv',
		{},
		viewerOf(createUser({ role: 'manager' })),
		new TextEncoder().encode(text),
	)
	expect(analysis.counts).toMatchObject({ create: 1, error: 1 })
	expect(
		getDb()
			.select()
			.from(fundingEvents)
			.where(inArray(fundingEvents.startupId, [a.id]))
			.get(),
	).toMatchObject({ amountCents: 1_000_000, securedOn: '2025-02-01' })
})

test('a remembered matching keeps one-value-for-all codes (a country), never typed text that could name someone', () => {
	const user = createUser({ role: 'manager' })
	const header = ['Prénom', 'Nom', 'Courriel']
	saveMapping({
		kind: 'contacts',
		header,
		mapping: ['firstName', 'lastName', 'email'],
		constants: { country: 'France', notes: 'Présentée par Jeanne Martin', tags: 'salon' },
		dateOrder: null,
		userId: user.id,
	})
	expect(findSavedMapping('contacts', shapeOf(header))).toEqual({
		columns: { prenom: 'firstName', nom: 'lastName', courriel: 'email' },
		constants: { country: 'France' },
		dateOrder: null,
	})
})
