import { asc, desc } from 'drizzle-orm'
import Papa from 'papaparse'
import type { STARTUP_STAGES, STARTUP_STATUSES } from '#db/schema/enums'
import { cohorts } from '#db/schema/index'
import {
	CompaniesHouseSchema,
	SirenSchema,
	type StartupManagerInput,
	StartupManagerSchema,
} from '~/schemas/startup'
import { toCsv } from '~/utils/csv.server'
import { getDb, writeTransaction } from '~/utils/db.server'
import { findCompanyNumberClash, insertStartup } from './startup.server'

/*
 * Importing startups from a spreadsheet. Each row goes through StartupManagerSchema, the
 * schema of the manager's startup form, after the CSV's friendlier spellings (French labels,
 * DD/MM/YYYY, oui/non, a cohort's name) have been turned into what the form would send.
 */

export const IMPORT_MAX_BYTES = 2_000_000
// the preview shows every row: beyond this the page is unusable anyway, split the file
export const IMPORT_MAX_ROWS = 1000

export const IMPORT_COLUMNS = [
	{ name: 'name', field: 'name', required: true },
	{ name: 'legal_name', field: 'legalName', required: false },
	{ name: 'siren', field: 'siren', required: false },
	{ name: 'companies_house_number', field: 'companiesHouseNumber', required: false },
	{ name: 'sector', field: 'sector', required: true },
	{ name: 'stage', field: 'stage', required: false },
	{ name: 'status', field: 'status', required: false },
	{ name: 'cohort', field: 'cohortId', required: false },
	{ name: 'entered_on', field: 'enteredOn', required: false },
	{ name: 'left_on', field: 'leftOn', required: false },
	{ name: 'website', field: 'website', required: false },
	{ name: 'pitch_fr', field: 'pitchFr', required: false },
	{ name: 'pitch_en', field: 'pitchEn', required: false },
	{ name: 'uk_focus', field: 'ukFocus', required: false },
	{ name: 'target_markets', field: 'targetMarkets', required: false },
] as const satisfies readonly {
	name: string
	field: keyof StartupManagerInput
	required: boolean
}[]

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['name']

/** A message for the preview: an i18n key (common `errors.*` or `startups:import.*`) and its values. */
export type ImportIssue = {
	key: string
	column?: ImportColumn
	values?: Record<string, string | number>
}

export type ImportRow = {
	/** The row in the spreadsheet: the header is line 1. */
	line: number
	values: Partial<Record<ImportColumn, string>>
	/** Set only when the row has no error: exactly what insertStartup receives. */
	input?: StartupManagerInput
	errors: ImportIssue[]
}

export type StartupCsvValidation = {
	/** The known columns found in the header, in the file's order. */
	columns: ImportColumn[]
	rows: ImportRow[]
	fileErrors: ImportIssue[]
	warnings: ImportIssue[]
}

const COLUMN_NAMES: readonly string[] = IMPORT_COLUMNS.map((c) => c.name)
const isImportColumn = (name: string): name is ImportColumn => COLUMN_NAMES.includes(name)
const columnOfField = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [c.field, c.name]))

/** Lower case, no accents, one kind of apostrophe: "Changement d’Échelle" → "changement d'echelle". */
function normalizeLabel(value: string) {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[’`]/g, "'")
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase()
}

function aliases<T extends string>(table: Record<T, string[]>) {
	const map = new Map<string, T>()
	for (const [value, labels] of Object.entries(table) as [T, string[]][]) {
		map.set(value, value)
		for (const label of labels) map.set(normalizeLabel(label), value)
	}
	return map
}

// the codes, plus the French and English labels the app shows (app/locales/*/common.json)
const STAGE_ALIASES = aliases<(typeof STARTUP_STAGES)[number]>({
	idea: ['Idée'],
	prototype: [],
	launch: ['Lancement'],
	growth: ['Croissance'],
	scale: ["Changement d'échelle", 'Scale-up'],
})

const STATUS_ALIASES = aliases<(typeof STARTUP_STATUSES)[number]>({
	applicant: ['Candidate', 'Candidat'],
	incubated: ['Incubée', 'Incubé'],
	graduated: ['Sortie', 'Sortie (diplômée)', 'Diplômée'],
	left: ['Partie', 'Parti'],
})

// VRAI/FAUX: what a French Excel writes for TRUE/FALSE
const YES = new Set(['yes', 'oui', 'true', 'vrai', '1'])
const NO = new Set(['no', 'non', 'false', 'faux', '0'])

/** YYYY-MM-DD as is; DD/MM/YYYY (or D/M/YYYY) turned around; anything else is not a date. */
function toIsoDate(value: string) {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
	const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
	return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null
}

/** "Sector", " Legal Name ", "uk-focus" → sector, legal_name, uk_focus. */
function normalizeHeader(header: string) {
	return header
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_')
}

type CohortRef = { id: number; name: string }

function findCohort(all: CohortRef[], name: string) {
	const exact = all.find((c) => c.name === name)
	if (exact) return exact
	const matches = all.filter((c) => c.name.toLowerCase() === name.toLowerCase())
	return matches.length === 1 ? matches[0] : undefined
}

function readTable(text: string) {
	// one kind of line break, so that a multi-line pitch is stored the same whether it came
	// from the file (LF or CRLF) or from the form that sends it back (always CRLF)
	let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
	// Excel's "sep=;" first line names the separator; otherwise papaparse guesses (, ; tab |)
	const sep = /^sep=(.)\r?\n/i.exec(body)
	if (sep) body = body.slice(sep[0].length)
	const parsed = Papa.parse<string[]>(body, { delimiter: sep?.[1] ?? '', skipEmptyLines: false })
	return { records: parsed.data, errors: parsed.errors, lineOffset: sep ? 1 : 0 }
}

// the cells that need reading before the schema sees them; the others go to it as typed
const READ_BY_HAND = new Set<ImportColumn>([
	'stage',
	'status',
	'cohort',
	'entered_on',
	'left_on',
	'uk_focus',
])

/** Turns the row's cells into the form's values, or says which cells cannot be read. */
function toFormValues(
	values: ImportRow['values'],
	allCohorts: CohortRef[],
): { raw: Record<string, unknown>; errors: ImportIssue[] } {
	const raw: Record<string, unknown> = {}
	const errors: ImportIssue[] = []
	const cell = (column: ImportColumn) => (values[column] ?? '').trim()

	for (const { name, field } of IMPORT_COLUMNS) {
		if (!READ_BY_HAND.has(name)) raw[field] = values[name] ?? ''
	}

	// an empty stage or status gets the same default as the "new startup" form
	const stage = cell('stage')
	const stageValue = stage ? STAGE_ALIASES.get(normalizeLabel(stage)) : 'idea'
	if (stageValue) raw.stage = stageValue
	else
		errors.push({ key: 'startups:import.errors.stage', column: 'stage', values: { value: stage } })

	const status = cell('status')
	const statusValue = status ? STATUS_ALIASES.get(normalizeLabel(status)) : 'applicant'
	if (statusValue) raw.status = statusValue
	else
		errors.push({
			key: 'startups:import.errors.status',
			column: 'status',
			values: { value: status },
		})

	const cohortName = cell('cohort')
	if (cohortName) {
		const cohort = findCohort(allCohorts, cohortName)
		if (cohort) raw.cohortId = cohort.id
		else
			errors.push({
				key: 'startups:import.errors.unknownCohort',
				column: 'cohort',
				values: { value: cohortName },
			})
	}

	for (const [column, field] of [
		['entered_on', 'enteredOn'],
		['left_on', 'leftOn'],
	] as const) {
		const value = cell(column)
		if (!value) continue
		const iso = toIsoDate(value)
		if (iso) raw[field] = iso
		else errors.push({ key: 'startups:import.errors.date', column, values: { value } })
	}

	const ukFocus = normalizeLabel(cell('uk_focus'))
	if (ukFocus === '' || NO.has(ukFocus)) raw.ukFocus = false
	else if (YES.has(ukFocus)) raw.ukFocus = true
	else
		errors.push({
			key: 'startups:import.errors.ukFocus',
			column: 'uk_focus',
			values: { value: cell('uk_focus') },
		})

	return { raw, errors }
}

function validateRow(values: ImportRow['values'], allCohorts: CohortRef[]) {
	const { raw, errors } = toFormValues(values, allCohorts)
	const flagged = new Set(errors.map((e) => e.column))
	const parsed = StartupManagerSchema.safeParse(raw)
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const column = columnOfField.get(String(issue.path[0]))
			// a cell already explained in the import's own words needs no second message
			if (column && flagged.has(column)) continue
			const key = issue.message === 'errors.date' ? 'startups:import.errors.date' : issue.message
			errors.push({ key, column, values: column ? { value: values[column] ?? '' } : undefined })
		}
	}
	return { input: parsed.success ? parsed.data : undefined, errors }
}

/**
 * Reads and checks a whole CSV file without writing anything: the header, then every row
 * against the startup schema, the cohorts, and the company numbers already in the database
 * or elsewhere in the file.
 */
export function validateStartupCsv(text: string): StartupCsvValidation {
	const fileErrors: ImportIssue[] = []
	const warnings: ImportIssue[] = []
	const { records, errors: parseErrors, lineOffset } = readTable(text)

	for (const error of parseErrors) {
		// "Delimiter" only means a one-column file, which the header check explains better
		if (error.type === 'Quotes') {
			fileErrors.push({
				key: 'startups:import.errors.quotes',
				values: { line: (error.row ?? 0) + 1 + lineOffset },
			})
		}
	}

	const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')
	const headerIndex = records.findIndex((cells) => !isBlank(cells))
	if (headerIndex === -1) {
		return {
			columns: [],
			rows: [],
			fileErrors: [{ key: 'startups:import.errors.empty' }],
			warnings,
		}
	}

	const header = records[headerIndex]!.map(normalizeHeader)
	const body = records
		.map((cells, index) => ({ cells, line: index + 1 + lineOffset }))
		.slice(headerIndex + 1)
		.filter((r) => !isBlank(r.cells))

	const columns: ImportColumn[] = []
	header.forEach((name, index) => {
		if (isImportColumn(name)) {
			if (columns.includes(name)) {
				fileErrors.push({ key: 'startups:import.errors.duplicateColumn', values: { column: name } })
			} else columns.push(name)
		} else if (name === '') {
			if (body.some((r) => (r.cells[index] ?? '').trim() !== '')) {
				warnings.push({
					key: 'startups:import.warnings.unnamedColumn',
					values: { position: index + 1 },
				})
			}
		} else {
			warnings.push({ key: 'startups:import.warnings.unknownColumn', values: { column: name } })
		}
	})
	for (const column of IMPORT_COLUMNS) {
		if (column.required && !columns.includes(column.name)) {
			fileErrors.push({
				key: 'startups:import.errors.missingColumn',
				values: { column: column.name },
			})
		}
	}

	if (body.length === 0) {
		fileErrors.push({ key: 'startups:import.errors.empty' })
		return { columns, rows: [], fileErrors, warnings }
	}
	if (body.length > IMPORT_MAX_ROWS) {
		fileErrors.push({
			key: 'startups:import.errors.tooManyRows',
			values: { count: body.length, max: IMPORT_MAX_ROWS },
		})
		return { columns, rows: [], fileErrors, warnings }
	}

	const allCohorts = getDb().select({ id: cohorts.id, name: cohorts.name }).from(cohorts).all()
	const sirenLines = new Map<string, number[]>()
	const companiesHouseLines = new Map<string, number[]>()
	const numbers: { siren?: string; companiesHouseNumber?: string }[] = []

	const rows = body.map(({ cells, line }) => {
		const values: ImportRow['values'] = {}
		header.forEach((name, index) => {
			if (isImportColumn(name) && values[name] === undefined) values[name] = cells[index] ?? ''
		})
		const { input, errors } = validateRow(values, allCohorts)
		if (cells.slice(header.length).some((c) => c.trim() !== '')) {
			errors.push({
				key: 'startups:import.errors.tooManyCells',
				values: { count: cells.length, expected: header.length },
			})
		}

		// duplicates are looked for on every row that has a well-formed number, even if the
		// row has other problems, so that the manager sees them all in one preview
		const siren = SirenSchema.safeParse(values.siren ?? '').data
		const companiesHouseNumber = CompaniesHouseSchema.safeParse(
			values.companies_house_number ?? '',
		).data
		if (siren) sirenLines.set(siren, [...(sirenLines.get(siren) ?? []), line])
		if (companiesHouseNumber) {
			companiesHouseLines.set(companiesHouseNumber, [
				...(companiesHouseLines.get(companiesHouseNumber) ?? []),
				line,
			])
		}
		numbers.push({ siren, companiesHouseNumber })
		const clash = findCompanyNumberClash({ siren, companiesHouseNumber })
		if (clash.siren) {
			errors.push({
				key: 'startups:import.errors.sirenTaken',
				column: 'siren',
				values: { value: siren ?? '', startup: clash.siren.name },
			})
		}
		if (clash.companiesHouseNumber) {
			errors.push({
				key: 'startups:import.errors.companiesHouseTaken',
				column: 'companies_house_number',
				values: { value: companiesHouseNumber ?? '', startup: clash.companiesHouseNumber.name },
			})
		}
		return { line, values, input, errors } satisfies ImportRow
	})

	rows.forEach((row, index) => {
		const { siren, companiesHouseNumber } = numbers[index]!
		const others = (lines: number[] | undefined) =>
			(lines ?? []).filter((l) => l !== row.line).join(', ')
		if (siren && others(sirenLines.get(siren))) {
			row.errors.push({
				key: 'startups:import.errors.sirenInFile',
				column: 'siren',
				values: { value: siren, lines: others(sirenLines.get(siren)) },
			})
		}
		if (companiesHouseNumber && others(companiesHouseLines.get(companiesHouseNumber))) {
			row.errors.push({
				key: 'startups:import.errors.companiesHouseInFile',
				column: 'companies_house_number',
				values: {
					value: companiesHouseNumber,
					lines: others(companiesHouseLines.get(companiesHouseNumber)),
				},
			})
		}
		// in the order of the columns, so the messages read left to right like the row
		row.errors.sort(
			(a, b) =>
				(a.column ? COLUMN_NAMES.indexOf(a.column) : COLUMN_NAMES.length) -
				(b.column ? COLUMN_NAMES.indexOf(b.column) : COLUMN_NAMES.length),
		)
		if (row.errors.length) row.input = undefined
	})

	return { columns, rows, fileErrors, warnings }
}

export function isImportable(result: StartupCsvValidation) {
	return (
		result.fileErrors.length === 0 &&
		result.rows.length > 0 &&
		result.rows.every((row) => row.input && row.errors.length === 0)
	)
}

/** What the preview page shows: the rows without their parsed input, and the counts. */
export function toImportPreview(result: StartupCsvValidation) {
	const valid = result.rows.filter((r) => r.errors.length === 0).length
	return {
		columns: result.columns,
		rows: result.rows.map(({ line, values, errors }) => ({ line, values, errors })),
		fileErrors: result.fileErrors,
		warnings: result.warnings,
		summary: { rows: result.rows.length, valid, invalid: result.rows.length - valid },
		importable: isImportable(result),
	}
}

export type ImportPreview = ReturnType<typeof toImportPreview>

/**
 * All or nothing: the file is validated again inside the write transaction (another manager
 * may have added a startup since the preview), and one bad row means no row is written.
 */
export function importStartupCsv(text: string, actorId: number) {
	return writeTransaction((tx) => {
		const result = validateStartupCsv(text)
		if (!isImportable(result)) return { ok: false as const, result }
		const created = result.rows.flatMap((row) =>
			row.input ? [insertStartup(tx, row.input, actorId)] : [],
		)
		return { ok: true as const, count: created.length, startups: created }
	})
}

/**
 * The bytes of an uploaded file as text, or null when it is not text (an Excel workbook,
 * an image…). A French Excel saves "CSV" in Windows-1252, so that is the fallback to UTF-8.
 */
export function decodeCsvFile(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
	if (bytes.includes(0)) return null
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		return new TextDecoder('windows-1252').decode(bytes)
	}
}

/**
 * What the text weighs once the import form sends it back: UTF-8 (a Windows-1252 accent takes
 * two bytes, € three) with CRLF line breaks, as browsers encode form fields.
 */
export function resentSize(text: string) {
	return new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n')).length
}

/** An .xlsx is a zip archive, an .xls an OLE2 compound file. */
export function looksLikeWorkbook(bytes: Uint8Array) {
	const starts = (signature: number[]) => signature.every((b, i) => bytes[i] === b)
	return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0])
}

export function listCohortNames() {
	return getDb()
		.select({ name: cohorts.name })
		.from(cohorts)
		.orderBy(desc(cohorts.startDate), asc(cohorts.sortKey))
		.all()
		.map((c) => c.name)
}

/** Two example rows: a French startup with a SIREN, a British one with a Companies House number. */
export function templateRows(cohortName = ''): Record<ImportColumn, string>[] {
	return [
		{
			name: 'Marée Numérique',
			legal_name: 'Marée Numérique SAS',
			siren: '842136574',
			companies_house_number: '',
			sector: 'Logistique portuaire',
			stage: 'Lancement',
			status: 'Incubée',
			cohort: cohortName,
			entered_on: '01/09/2025',
			left_on: '',
			website: 'https://maree-numerique.example',
			pitch_fr: 'Suivi en temps réel des remorques entre Calais et Douvres.',
			pitch_en: 'Real-time tracking of trailers between Calais and Dover.',
			uk_focus: 'oui',
			target_markets: 'FR, GB',
		},
		{
			name: 'Dover Data Works',
			legal_name: 'Dover Data Works Ltd',
			siren: '',
			companies_house_number: '12345678',
			sector: 'Data',
			stage: 'prototype',
			status: 'applicant',
			cohort: '',
			entered_on: '',
			left_on: '',
			website: 'https://doverdata.example',
			pitch_fr: 'Des données douanières lisibles pour les PME transmanche.',
			pitch_en: 'Readable customs data for cross-Channel SMEs.',
			uk_focus: 'yes',
			target_markets: 'GB',
		},
	]
}

export function startupImportTemplate() {
	const rows = templateRows(listCohortNames()[0])
	return toCsv(
		rows,
		IMPORT_COLUMNS.map((c) => ({
			header: c.name,
			value: (row: (typeof rows)[number]) => row[c.name],
		})),
	)
}
