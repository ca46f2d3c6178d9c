import ExcelJS from 'exceljs'
import type { TFunction } from 'i18next'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { getLocale, i18nServer } from '~/utils/i18n.server'
import { formatMoneyForCsv, moneyForSpreadsheet } from '~/utils/money'

/*
 * Excel files for the exports: real numbers and dates (not text), the header in the reader's
 * language, frozen, bold and filterable, columns as wide as their content. Phone numbers and
 * company numbers are text cells — never "'+44…" with a formula guard, which only CSV needs:
 * a cell written as a string is never a formula in .xlsx.
 */

/**
 * text (default); number; money (euros from cents, € format); amount (cents of the row's own
 * currency, plain 2 decimals); rate (millionths); date (ISO YYYY-MM-DD); month (YYYY-MM).
 */
export type CellType = 'text' | 'number' | 'money' | 'amount' | 'rate' | 'date' | 'month'

export type SheetColumn<T> = {
	header: string
	value: (row: T) => string | number | boolean | null | undefined
	type?: CellType
}

const MONEY_FORMAT = '#,##0.00 [$€-x-euro2];-#,##0.00 [$€-x-euro2]'
const NUMBER_FORMATS: Partial<Record<CellType, string>> = {
	money: MONEY_FORMAT,
	amount: '#,##0.00',
	rate: '0.000000',
	month: 'mm/yyyy',
}

function isoToDate(value: string) {
	const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value)
	return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))) : null
}

function toCell(raw: string | number | boolean, type: CellType) {
	switch (type) {
		case 'money':
		case 'amount':
			return moneyForSpreadsheet(Number(raw))
		case 'rate':
			return Number(raw) / 1_000_000
		case 'number':
			return Number(raw)
		case 'date':
		case 'month':
			return isoToDate(String(raw)) ?? String(raw)
		default:
			return typeof raw === 'boolean' ? raw : String(raw)
	}
}

const shownWidth = (cell: string | number | boolean | Date, type: CellType) =>
	type === 'date'
		? 10
		: type === 'month'
			? 7
			: type === 'money'
				? String(cell).length + 5
				: String(cell).length

export async function toXlsx<T>(
	rows: T[],
	columns: SheetColumn<T>[],
	{ sheetName = 'TEKTOS', dateFormat = 'dd/mm/yyyy' } = {},
) {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'TEKTOS CRM'
	// Excel refuses a sheet name with : \ / ? * [ ] or over 31 characters
	const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
		views: [{ state: 'frozen', ySplit: 1 }],
	})
	sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i) }))
	const widths = columns.map((c) => c.header.length)
	for (const row of rows) {
		const values = columns.map((c, i) => {
			const raw = c.value(row)
			if (raw === null || raw === undefined || raw === '') return null
			const type = c.type ?? 'text'
			const cell = toCell(raw, type)
			widths[i] = Math.max(widths[i]!, shownWidth(cell, type))
			return cell
		})
		sheet.addRow(values)
	}
	columns.forEach((c, i) => {
		const column = sheet.getColumn(i + 1)
		column.width = Math.min(60, Math.max(8, widths[i]! + 2))
		const format = c.type === 'date' ? dateFormat : NUMBER_FORMATS[c.type ?? 'text']
		if (format) column.numFmt = format
	})
	sheet.getRow(1).font = { bold: true }
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function xlsxResponse(filename: string, body: Buffer) {
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store',
		},
	})
}

// ---------------------------------------------------------------- one export, two files

type Raw = string | number | boolean | null | undefined

/**
 * A column of an export that is offered both as CSV and as an Excel file. The CSV is for
 * machines and re-imports: stable codes for headers and values, dot decimals. The Excel file
 * is for people: headers and values in the reader's language, real numbers and dates.
 */
export type ExportColumn<T> = {
	/** The CSV header (snake_case, never translated). */
	code: string
	/** The Excel header: an i18n key ("import:fields.email"). */
	label: string
	type?: CellType | 'boolean'
	/** Money in cents, rates in millionths, dates in ISO, enums as their code. */
	value: (row: T) => Raw
	/** An enum value's label: the CSV says honour_loan, the Excel file "Prêt d'honneur". */
	labels?: (value: string, t: TFunction) => string
	/** The Excel cell when a prefix is not enough (a country's name in the reader's language). */
	excel?: (row: T, t: TFunction, lang: string) => Raw
	/** In one of the two files only (an internal id people do not need, say). */
	only?: 'csv' | 'xlsx'
}

export type Export<T> = {
	/** The file name without its extension. */
	name: string
	/** The Excel sheet's name: an i18n key. */
	sheet: string
	rows: T[]
	columns: ExportColumn<T>[]
}

function csvValue<T>(column: ExportColumn<T>, row: T): Raw {
	const value = column.value(row)
	if (value === null || value === undefined || value === '') return value
	switch (column.type) {
		case 'money':
		case 'amount':
			return formatMoneyForCsv(Number(value))
		case 'rate':
			return (Number(value) / 1_000_000).toFixed(6)
		case 'boolean':
			return value ? 'yes' : 'no'
		default:
			return value
	}
}

export function exportCsv<T>({ rows, columns }: Pick<Export<T>, 'rows' | 'columns'>) {
	return toCsv(
		rows,
		columns
			.filter((c) => c.only !== 'xlsx')
			.map((c) => ({ header: c.code, value: (row: T) => csvValue(c, row) })),
	)
}

export function exportXlsx<T>({ rows, columns, sheet }: Export<T>, t: TFunction, lang: string) {
	return toXlsx(
		rows,
		columns
			.filter((c) => c.only !== 'csv')
			.map((c) => ({
				header: t(c.label),
				type: c.type === 'boolean' ? 'text' : c.type,
				value: (row: T) => {
					if (c.excel) return c.excel(row, t, lang)
					const value = c.value(row)
					if (value === null || value === undefined || value === '') return value
					if (c.type === 'boolean') return t(value ? 'common:common.yes' : 'common:common.no')
					if (c.labels) return c.labels(String(value), t)
					return value
				},
			})),
		{ sheetName: t(sheet) },
	)
}

const NAMESPACES = [
	'common',
	'enums',
	'import',
	'contacts',
	'funding',
	'nursery',
	'startups',
] as const

/** The export as the file the URL asked for: `.csv` or `.xlsx`. */
export async function exportResponse<T>(request: Request, format: 'csv' | 'xlsx', data: Export<T>) {
	if (format === 'csv') return csvResponse(`${data.name}.csv`, exportCsv(data))
	const lang = await getLocale(request)
	const t = await i18nServer.getFixedT(request, NAMESPACES)
	return xlsxResponse(`${data.name}.xlsx`, await exportXlsx(data, t, lang))
}
