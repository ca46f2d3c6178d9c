import ExcelJS from 'exceljs'
import {
	createContact,
	createExchangeRate,
	createFundingEvent,
	createLease,
	createOrganisation,
	createPayment,
	createStartup,
	createStatement,
	createSubsidyBudget,
	createUser,
} from '#tests/factories'
import { get, loaderArgs, sessionCookie, settle, statusOf } from '#tests/request'
import { loader as contactsCsv } from './_app.contacts.export[.csv]'
import { loader as contactsXlsx } from './_app.contacts.export[.xlsx]'
import { loader as fundingXlsx } from './_app.funding.export[.xlsx]'
import { loader as paymentsXlsx } from './_app.nursery.export.payments[.xlsx]'
import { loader as statementsXlsx } from './_app.nursery.export.statements[.xlsx]'
import { loader as subsidyXlsx } from './_app.nursery.export.subsidy[.xlsx]'

/*
 * Every export has an Excel file beside its CSV: headers and labels in the reader's language,
 * numbers and dates as real cells, a frozen header, widths, phone numbers as plain text.
 */

type Loader = (args: ReturnType<typeof loaderArgs>) => Promise<unknown>

async function sheetOf(loader: Loader, path: string, cookie: string, language = 'fr') {
	const request = get(path, cookie)
	request.headers.set('Accept-Language', language)
	const response = (await loader(loaderArgs(request))) as Response
	expect(response.headers.get('Content-Type')).toContain('spreadsheetml')
	expect(response.headers.get('Content-Disposition')).toMatch(/\.xlsx"$/)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(await response.arrayBuffer())
	const sheet = workbook.worksheets[0]!
	const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
	const rows: Record<string, ExcelJS.Cell>[] = []
	sheet.eachRow((row, n) => {
		if (n === 1) return
		rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])))
	})
	return { sheet, header, rows }
}

async function managerCookie() {
	return sessionCookie(createUser({ role: 'manager' }).id)
}

test('contacts: French headers and labels, the ISO country by name, phones as text, dates as dates', async () => {
	const cookie = await managerCookie()
	const org = createOrganisation({ name: 'Spedition Export GmbH', country: 'other' })
	createContact({
		firstName: 'Günther',
		lastName: 'Exportmann',
		email: 'g.exportmann@export.example',
		phone: '+49 30 1234567',
		country: 'other',
		countryCode: 'DE',
		organisationId: org.id,
		lastContactOn: '2026-10-05',
	})
	createContact({ lastName: 'Exportdupont', country: 'GB', phone: '+44 1304 240001' })

	const { sheet, header, rows } = await sheetOf(
		contactsXlsx,
		'/contacts/export.xlsx?q=Export',
		cookie,
	)
	expect(header).toEqual([
		'Prénom',
		'Nom',
		'E-mail',
		'Téléphone',
		'Fonction',
		'Organisation',
		'Pays',
		'Code pays (ISO)',
		'Langues',
		'Étiquettes',
		'Base légale',
		'Dernier contact',
	])
	expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
	expect(sheet.getColumn(3).width).toBeGreaterThan('E-mail'.length + 2)
	const gunther = rows.find((r) => r.Nom!.value === 'Exportmann')!
	expect(gunther.Téléphone!.value).toBe('+49 30 1234567')
	expect(gunther.Pays!.value).toBe('Allemagne')
	expect(gunther['Code pays (ISO)']!.value).toBe('DE')
	expect(gunther['Base légale']!.value).toBe('Intérêt légitime')
	expect(gunther['Dernier contact']!.value).toEqual(new Date(Date.UTC(2026, 9, 5)))
	expect(gunther['Dernier contact']!.numFmt).toBe('dd/mm/yyyy')
	const dupont = rows.find((r) => r.Nom!.value === 'Exportdupont')!
	expect(dupont.Pays!.value).toBe('Royaume-Uni')
	expect(dupont.Téléphone!.value).toBe('+44 1304 240001')

	const english = await sheetOf(contactsXlsx, '/contacts/export.xlsx?q=Exportmann', cookie, 'en')
	expect(english.header.slice(0, 2)).toEqual(['First name', 'Last name'])
	expect(english.rows[0]!.Country!.value).toBe('Germany')
	expect(english.rows[0]!['Lawful basis']!.value).toBe('Legitimate interest')

	// the CSV keeps codes for machines, and now the ISO code too
	const csv = await (
		(await contactsCsv(loaderArgs(get('/contacts/export.csv?q=Exportmann', cookie)))) as Response
	).text()
	expect(csv).toContain(',other,DE,')
	expect(csv).toContain('legitimate_interest')
})

test('funding: kinds and statuses in words, amounts and rates as numbers, euros formatted', async () => {
	const cookie = await managerCookie()
	const startup = createStartup({ name: 'Excel Marée' })
	createExchangeRate({ date: '2026-03-02', rateMicros: 1_180_000 })
	createFundingEvent({
		startupId: startup.id,
		kind: 'honour_loan',
		source: 'Initiative Calaisis',
		amountCents: 3_000_050,
		status: 'received',
		plannedOn: '2026-01-05',
	})
	createFundingEvent({
		startupId: startup.id,
		kind: 'equity_round',
		source: 'Kent Angels',
		isPublic: false,
		amountCents: 10_000_000,
		currency: 'GBP',
		status: 'secured',
		plannedOn: '2026-01-01',
		securedOn: '2026-03-02',
	})
	const { rows } = await sheetOf(fundingXlsx, '/funding/export.xlsx?q=Excel%20Mar%C3%A9e', cookie)
	expect(rows).toHaveLength(2)
	const loan = rows.find((r) => r.Financeur!.value === 'Initiative Calaisis')!
	expect(loan['Type de financement']!.value).toBe("Prêt d'honneur")
	expect(loan.Statut!.value).toBe('Versé')
	expect(loan['Financeur public']!.value).toBe('Oui')
	expect(loan['Argent public']!.value).toBe('Oui')
	expect(loan.Montant!.value).toBe(30_000.5)
	expect(loan['Montant en euros']!.value).toBe(30_000.5)
	expect(loan['Montant en euros']!.numFmt).toContain('€')
	expect(loan['Reçu le']!.value).toEqual(new Date(Date.UTC(2026, 3, 5)))
	const round = rows.find((r) => r.Financeur!.value === 'Kent Angels')!
	expect(round.Devise!.value).toBe('GBP')
	// the pound amount is not shown in euros: a plain number, the currency beside it
	expect(round.Montant!.value).toBe(100_000)
	expect(round.Montant!.numFmt).not.toContain('€')
	expect(round['Taux GBP → EUR']!.value).toBe(1.18)
	expect(round['Montant en euros']!.value).toBe(118_000)
})

test('nursery: statements, payments and the subsidy as Excel files with months, dates and euros', async () => {
	const cookie = await managerCookie()
	const partnerCookie = await sessionCookie(createUser({ role: 'partner' }).id)
	const startup = createStartup({ name: 'Loyers Excel' })
	const lease = createLease({
		startupId: startup.id,
		startDate: '2095-01-01',
		endDate: '2095-12-31',
		monthlyRentCents: 50_000,
	})
	const statement = createStatement({ leaseId: lease.id, month: '2095-03' })
	createPayment({
		statementId: statement.id,
		payer: 'cap_calaisis',
		amountCents: statement.subsidyCents,
		paidOn: '2095-03-20',
		reference: 'VIR-CAP-0395',
	})
	createSubsidyBudget({ year: 2095, amountCents: 100_000, votedOn: '2094-12-10' })

	const statements = await sheetOf(
		statementsXlsx,
		'/nursery/export/statements.xlsx?month=2095-03',
		cookie,
	)
	expect(statements.rows).toHaveLength(1)
	const s = statements.rows[0]!
	expect(s['Type de pièce']!.value).toBe('Avis d’échéance')
	expect(s.Mois!.value).toEqual(new Date(Date.UTC(2095, 2, 1)))
	expect(s.Mois!.numFmt).toBe('mm/yyyy')
	expect(s.Loyer!.value).toBe(statement.rentCents / 100)
	expect(s['Part Cap Calaisis']!.value! as number).toBe(statement.subsidyCents / 100)
	expect(s['Payé par Cap']!.value).toBe(statement.subsidyCents / 100)

	const payments = await sheetOf(
		paymentsXlsx,
		'/nursery/export/payments.xlsx?month=2095-03',
		cookie,
	)
	expect(payments.rows).toHaveLength(1)
	expect(payments.rows[0]!.Payeur!.value).toBe('Cap Calaisis')
	expect(payments.rows[0]!['Date du paiement']!.value).toEqual(new Date(Date.UTC(2095, 2, 20)))
	expect(payments.rows[0]!.Montant!.value).toBe(statement.subsidyCents / 100)

	// partners download the subsidy: totals and names, numbers as numbers
	const years = await sheetOf(subsidyXlsx, '/nursery/export/subsidy.xlsx', partnerCookie)
	const y2095 = years.rows.find((r) => r.Année!.value === 2095)!
	expect(y2095['Budget voté']!.value).toBe(1000)
	expect(y2095['Voté le']!.value).toEqual(new Date(Date.UTC(2094, 11, 10)))
	const perStartup = await sheetOf(
		subsidyXlsx,
		'/nursery/export/subsidy.xlsx?year=2095',
		cookie,
		'en',
	)
	expect(perStartup.header).toEqual(['Year', 'Startup', 'Committed', 'Still scheduled', 'Forecast'])
	expect(perStartup.rows.find((r) => r.Startup!.value === 'Loyers Excel')).toBeDefined()
	expect(
		statusOf(
			await settle(() =>
				subsidyXlsx(loaderArgs(get('/nursery/export/subsidy.xlsx?year=1990', cookie))),
			),
		),
	).toBe(404)
})

test('only those who may read a list get its Excel file', async () => {
	const founder = createUser({ role: 'founder', startupId: createStartup().id })
	const cookie = await sessionCookie(founder.id)
	for (const [loader, path] of [
		[contactsXlsx, '/contacts/export.xlsx'],
		[fundingXlsx, '/funding/export.xlsx'],
		[statementsXlsx, '/nursery/export/statements.xlsx'],
		[paymentsXlsx, '/nursery/export/payments.xlsx'],
		[subsidyXlsx, '/nursery/export/subsidy.xlsx'],
	] as const) {
		expect(statusOf(await settle(() => loader(loaderArgs(get(path, cookie)))))).toBe(403)
	}
})
