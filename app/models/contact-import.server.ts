import { isNull } from 'drizzle-orm'
import Papa from 'papaparse'
import type { LAWFUL_BASES, ORGANISATION_KINDS } from '#db/schema/enums'
import { contacts } from '#db/schema/index'
import { isoDate } from '~/schemas/common'
import { contactSchema, LIMITS, normaliseLabel } from '~/schemas/contact'
import { toCsv } from '~/utils/csv.server'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import type { ImportableContact } from './contact-import-write.server'

/*
 * Checking a CSV file of contacts before anything is written: every row goes through the
 * contact form's schema (contactSchema) after the spreadsheet's friendlier spellings have been
 * read — French or English headers and labels, DD/MM/YYYY dates, country names. The check
 * reads the database (emails already known) and never writes.
 */

export const IMPORT_MAX_BYTES = 20_000_000
// one file is one write transaction: beyond this, the write lock would be held long enough for
// other users' saves to time out (busy_timeout) — split bigger files
export const IMPORT_MAX_ROWS = 50_000
/** The page lists this many rows with problems; the report download has them all. */
export const PROBLEMS_SHOWN = 500

export const IMPORT_COLUMNS = [
	{ name: 'first_name', required: false },
	{ name: 'last_name', required: false },
	{ name: 'email', required: false },
	{ name: 'phone', required: false },
	{ name: 'job_title', required: false },
	{ name: 'organisation', required: false },
	{ name: 'organisation_kind', required: false },
	{ name: 'country', required: true },
	{ name: 'languages', required: false },
	{ name: 'tags', required: false },
	{ name: 'notes', required: false },
	{ name: 'lawful_basis', required: false },
	{ name: 'consent_on', required: false },
	{ name: 'consent_source', required: false },
	{ name: 'opted_out_on', required: false },
	{ name: 'last_contact_on', required: false },
] as const

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['name']
const COLUMN_NAMES: readonly string[] = IMPORT_COLUMNS.map((c) => c.name)

/** A problem in words: an i18n key (common `errors.*` or `contacts:…`) and its values. */
export type ImportIssue = {
	key: string
	column?: ImportColumn
	values?: Record<string, string | number>
}

// headers as people write them, in French or English
const HEADER_ALIASES: Record<string, ImportColumn> = {
	first_name: 'first_name',
	firstname: 'first_name',
	prenom: 'first_name',
	last_name: 'last_name',
	lastname: 'last_name',
	surname: 'last_name',
	nom: 'last_name',
	nom_de_famille: 'last_name',
	email: 'email',
	e_mail: 'email',
	mail: 'email',
	courriel: 'email',
	adresse_e_mail: 'email',
	phone: 'phone',
	telephone: 'phone',
	tel: 'phone',
	job_title: 'job_title',
	fonction: 'job_title',
	poste: 'job_title',
	organisation: 'organisation',
	organization: 'organisation',
	company: 'organisation',
	societe: 'organisation',
	entreprise: 'organisation',
	organisation_kind: 'organisation_kind',
	organisation_type: 'organisation_kind',
	type_d_organisation: 'organisation_kind',
	country: 'country',
	pays: 'country',
	languages: 'languages',
	langues: 'languages',
	tags: 'tags',
	etiquettes: 'tags',
	notes: 'notes',
	lawful_basis: 'lawful_basis',
	base_legale: 'lawful_basis',
	consent_on: 'consent_on',
	date_du_consentement: 'consent_on',
	consent_source: 'consent_source',
	source_du_consentement: 'consent_source',
	opted_out_on: 'opted_out_on',
	opposition_le: 'opted_out_on',
	last_contact_on: 'last_contact_on',
	dernier_contact: 'last_contact_on',
}

/** "Prénom", " E-mail ", "Last Name" → prenom, e_mail, last_name. */
function normaliseHeader(header: string) {
	return normaliseLabel(header).replace(/\s+/g, '_')
}

function aliases<T extends string>(table: Record<T, string[]>) {
	const map = new Map<string, T>()
	for (const [value, labels] of Object.entries(table) as [T, string[]][]) {
		map.set(normaliseLabel(value), value)
		for (const label of labels) map.set(normaliseLabel(label), value)
	}
	return map
}

const BASIS_ALIASES = aliases<(typeof LAWFUL_BASES)[number]>({
	consent: ['consentement'],
	legitimate_interest: ['legitimate interest', 'intérêt légitime', 'interet legitime'],
	contract: ['contrat'],
})

const KIND_ALIASES = aliases<(typeof ORGANISATION_KINDS)[number]>({
	customer: ['client'],
	distributor: ['distributeur'],
	investor: ['investisseur'],
	public_body: ['public body', 'organisme public', 'collectivité'],
	university: ['université', 'école'],
	incubator: ['incubateur'],
	service_provider: ['service provider', 'prestataire', 'prestataire de services'],
	other: ['autre'],
})

/** YYYY-MM-DD as is; DD/MM/YYYY (or D/M/YYYY) turned around; anything else is left for the schema to refuse. */
function toIsoDate(value: string) {
	const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim())
	return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : value.trim()
}

const FIELD_COLUMNS: Record<string, ImportColumn> = {
	firstName: 'first_name',
	lastName: 'last_name',
	email: 'email',
	phone: 'phone',
	jobTitle: 'job_title',
	country: 'country',
	languages: 'languages',
	tags: 'tags',
	notes: 'notes',
	lawfulBasis: 'lawful_basis',
	consentOn: 'consent_on',
	consentSource: 'consent_source',
	optedOutOn: 'opted_out_on',
}

type Cells = Partial<Record<ImportColumn, string>>

function checkRow(
	cells: Cells,
	line: number,
	schema: ReturnType<typeof contactSchema>,
	date: string,
) {
	const issues: ImportIssue[] = []
	const cell = (column: ImportColumn) => (cells[column] ?? '').trim()

	const basisText = cell('lawful_basis')
	const lawfulBasis = basisText
		? BASIS_ALIASES.get(normaliseLabel(basisText))
		: 'legitimate_interest'
	if (!lawfulBasis) {
		issues.push({
			key: 'contacts:import.errors.basis',
			column: 'lawful_basis',
			values: { value: basisText },
		})
	}
	const kindText = cell('organisation_kind')
	const organisationKind = kindText ? KIND_ALIASES.get(normaliseLabel(kindText)) : 'other'
	if (!organisationKind) {
		issues.push({
			key: 'contacts:import.errors.kind',
			column: 'organisation_kind',
			values: { value: kindText },
		})
	}
	const organisationName = cell('organisation').replace(/\s+/g, ' ') || null
	if (organisationName && organisationName.length > LIMITS.organisationName) {
		issues.push({
			key: 'errors.tooLong',
			column: 'organisation',
			values: { value: organisationName },
		})
	}
	const lastContactText = cell('last_contact_on')
	const lastContactOn = lastContactText ? toIsoDate(lastContactText) : null
	if (lastContactOn && (!isoDate.safeParse(lastContactOn).success || lastContactOn > date)) {
		issues.push({
			key: 'contacts:import.errors.date',
			column: 'last_contact_on',
			values: { value: lastContactText },
		})
	}

	const parsed = schema.safeParse({
		firstName: cells.first_name ?? '',
		lastName: cells.last_name ?? '',
		email: cells.email ?? '',
		phone: cells.phone ?? '',
		jobTitle: cells.job_title ?? '',
		country: cells.country ?? '',
		languages: cells.languages ?? '',
		tags: cells.tags ?? '',
		notes: cells.notes ?? '',
		lawfulBasis: lawfulBasis ?? 'legitimate_interest',
		consentOn: toIsoDate(cell('consent_on')),
		consentSource: cells.consent_source ?? '',
		optedOutOn: toIsoDate(cell('opted_out_on')),
	})
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const column = FIELD_COLUMNS[String(issue.path[0])]
			const key = issue.message === 'errors.date' ? 'contacts:import.errors.date' : issue.message
			issues.push({ key, column, values: column ? { value: cell(column) } : undefined })
		}
	}
	if (issues.length || !parsed.success || !lawfulBasis || !organisationKind) {
		return { issues, row: null }
	}
	const v = parsed.data
	const row: ImportableContact = {
		line,
		firstName: v.firstName ?? null,
		lastName: v.lastName ?? null,
		email: v.email ?? null,
		phone: v.phone ?? null,
		jobTitle: v.jobTitle ?? null,
		organisationName,
		organisationKind,
		country: v.country,
		languages: v.languages,
		tags: v.tags,
		notes: v.notes ?? null,
		lawfulBasis: v.lawfulBasis,
		consentOn: v.lawfulBasis === 'consent' ? (v.consentOn ?? null) : null,
		consentSource: v.lawfulBasis === 'consent' ? (v.consentSource ?? null) : null,
		optedOutOn: v.optedOutOn ?? null,
		lastContactOn,
	}
	return { issues, row }
}

export type ContactCsvCheck = {
	columns: ImportColumn[]
	fileErrors: ImportIssue[]
	warnings: ImportIssue[]
	/** Rows in the file (blank lines aside). */
	total: number
	/** The rows that can be written, as the writer takes them. */
	rows: ImportableContact[]
	/** Every row with a problem, in file order. */
	problems: { line: number; issues: ImportIssue[] }[]
}

/** Undoes the formula guard of our own CSV exports: "'+44 1304…" is "+44 1304…". */
function unguard(cell: string) {
	return /^'[=+\-@\t\r\0]/.test(cell) ? cell.slice(1) : cell
}

function readTable(text: string) {
	let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
	// Excel's "sep=;" first line names the separator; otherwise papaparse guesses (, ; tab |)
	const sep = /^sep=(.)\n/i.exec(body)
	if (sep) body = body.slice(sep[0].length)
	const parsed = Papa.parse<string[]>(body, { delimiter: sep?.[1] ?? '', skipEmptyLines: false })
	return { records: parsed.data, errors: parsed.errors, lineOffset: sep ? 1 : 0 }
}

/**
 * Reads and checks a whole file: the header, then each row — a name, a valid email and
 * phone, a known country, dates — and duplicates, of a contact already in the base (same
 * email) or of an earlier row of the file. Writes nothing.
 */
export function checkContactCsv(text: string, date = today()): ContactCsvCheck {
	const fileErrors: ImportIssue[] = []
	const warnings: ImportIssue[] = []
	const empty = (columns: ImportColumn[] = []): ContactCsvCheck => ({
		columns,
		fileErrors,
		warnings,
		total: 0,
		rows: [],
		problems: [],
	})
	const { records, errors, lineOffset } = readTable(text)
	for (const error of errors) {
		if (error.type === 'Quotes') {
			fileErrors.push({
				key: 'contacts:import.errors.quotes',
				values: { line: (error.row ?? 0) + 1 + lineOffset },
			})
		}
	}
	const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')
	const headerIndex = records.findIndex((cells) => !isBlank(cells))
	if (headerIndex === -1) {
		fileErrors.push({ key: 'contacts:import.errors.empty' })
		return empty()
	}

	const header = records[headerIndex]!.map((h) => HEADER_ALIASES[normaliseHeader(h)] ?? null)
	const columns: ImportColumn[] = []
	records[headerIndex]!.forEach((raw, index) => {
		const column = header[index]
		if (column) {
			if (columns.includes(column)) {
				fileErrors.push({ key: 'contacts:import.errors.duplicateColumn', values: { column } })
				header[index] = null
			} else columns.push(column)
		} else if (raw.trim()) {
			warnings.push({
				key: 'contacts:import.warnings.unknownColumn',
				values: { column: raw.trim() },
			})
		}
	})
	for (const c of IMPORT_COLUMNS) {
		if (c.required && !columns.includes(c.name)) {
			fileErrors.push({ key: 'contacts:import.errors.missingColumn', values: { column: c.name } })
		}
	}
	if (!columns.includes('first_name') && !columns.includes('last_name')) {
		fileErrors.push({
			key: 'contacts:import.errors.missingColumn',
			values: { column: 'last_name' },
		})
	}

	const body = records
		.map((cells, index) => ({ cells, line: index + 1 + lineOffset }))
		.slice(headerIndex + 1)
		.filter((r) => !isBlank(r.cells))
	if (body.length === 0) {
		fileErrors.push({ key: 'contacts:import.errors.noRows' })
		return empty(columns)
	}
	if (body.length > IMPORT_MAX_ROWS) {
		fileErrors.push({
			key: 'contacts:import.errors.tooManyRows',
			values: { count: body.length, max: IMPORT_MAX_ROWS },
		})
		return { ...empty(columns), total: body.length }
	}

	const known = new Set(
		getDb()
			.select({ email: contacts.email })
			.from(contacts)
			.where(isNull(contacts.erasedAt))
			.all()
			.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])),
	)
	const firstLineOfEmail = new Map<string, number>()
	const schema = contactSchema(date)
	const rows: ImportableContact[] = []
	const problems: ContactCsvCheck['problems'] = []

	for (const { cells, line } of body) {
		const values: Cells = {}
		header.forEach((column, index) => {
			if (column) values[column] = unguard(cells[index] ?? '')
		})
		const { issues, row } = checkRow(values, line, schema, date)
		if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim())) {
			issues.push({
				key: 'contacts:import.errors.tooManyCells',
				values: { count: cells.length, expected: header.length },
			})
		}
		// duplicates are looked for on every well-formed email, even on a row with other problems
		const email = (values.email ?? '').trim().toLowerCase()
		if (email && !issues.some((i) => i.column === 'email')) {
			if (known.has(email)) {
				issues.push({
					key: 'contacts:import.errors.emailTaken',
					column: 'email',
					values: { value: email },
				})
			}
			const first = firstLineOfEmail.get(email)
			if (first !== undefined) {
				issues.push({
					key: 'contacts:import.errors.emailInFile',
					column: 'email',
					values: { value: email, line: first },
				})
			} else firstLineOfEmail.set(email, line)
		}
		if (issues.length) {
			// in the order of the columns, so the messages read left to right like the row
			issues.sort(
				(a, b) =>
					(a.column ? COLUMN_NAMES.indexOf(a.column) : COLUMN_NAMES.length) -
					(b.column ? COLUMN_NAMES.indexOf(b.column) : COLUMN_NAMES.length),
			)
			problems.push({ line, issues })
		} else if (row) rows.push(row)
	}
	return { columns, fileErrors, warnings, total: body.length, rows, problems }
}

/** Two example rows: a French contact with consent, a British one on legitimate interest. */
export function templateRows(): Record<ImportColumn, string>[] {
	return [
		{
			first_name: 'Nathalie',
			last_name: 'Fournier',
			email: 'n.fournier@ports-detroit.example',
			phone: '03 21 46 01 02',
			job_title: 'Directrice de l’innovation',
			organisation: 'Ports du Détroit',
			organisation_kind: 'client',
			country: 'France',
			languages: 'fr, en',
			tags: 'port, maritime',
			notes: 'Rencontrée au salon Euromaritime',
			lawful_basis: 'consentement',
			consent_on: '12/03/2025',
			consent_source: 'Formulaire du salon Euromaritime 2025',
			opted_out_on: '',
			last_contact_on: '12/03/2025',
		},
		{
			first_name: 'Harriet',
			last_name: 'Collins',
			email: 'h.collins@portofdover.example',
			phone: '+44 (0)1304 240 400',
			job_title: 'Head of Innovation',
			organisation: 'Port of Dover',
			organisation_kind: 'customer',
			country: 'United Kingdom',
			languages: 'en',
			tags: 'port',
			notes: '',
			lawful_basis: 'legitimate_interest',
			consent_on: '',
			consent_source: '',
			opted_out_on: '',
			last_contact_on: '2025-06-15',
		},
	]
}

export function contactImportTemplate() {
	const rows = templateRows()
	return toCsv(
		rows,
		IMPORT_COLUMNS.map((c) => ({
			header: c.name,
			value: (row: (typeof rows)[number]) => row[c.name],
		})),
	)
}

/** Every problem of a checked file, one line each, for the manager to fix the file. */
export function problemsCsv(
	problems: ContactCsvCheck['problems'],
	translate: (key: string, values?: Record<string, string | number>) => string,
) {
	const lines = problems.flatMap((p) =>
		p.issues.map((issue) => ({
			line: p.line,
			column: issue.column ?? '',
			message: translate(issue.key, issue.values),
		})),
	)
	return toCsv(lines, [
		{ header: 'line', value: (l) => l.line },
		{ header: 'column', value: (l) => l.column },
		{ header: 'problem', value: (l) => l.message },
	])
}

/**
 * The bytes of an uploaded file as text, or null when it is not text. A French Excel saves
 * "CSV" in Windows-1252, so that is the fallback to UTF-8.
 */
export function decodeCsvFile(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
	if (zip || bytes.includes(0)) return null
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		return new TextDecoder('windows-1252').decode(bytes)
	}
}
