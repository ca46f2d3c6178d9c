import ExcelJS from 'exceljs'

/*
 * Excel files for the exports: real numbers and dates (not text), the header in the reader's
 * language, frozen, bold and filterable, columns as wide as their content. Phone numbers and
 * company numbers are text cells — never "'+44…" with a formula guard, which only CSV needs:
 * a cell written as a string is never a formula in .xlsx.
 */

export type SheetColumn<T> = {
	header: string
	value: (row: T) => string | number | boolean | null | undefined
	/** text (default), number, money (euros from cents), date (ISO YYYY-MM-DD) */
	type?: 'text' | 'number' | 'money' | 'date'
}

const MONEY_FORMAT = '#,##0.00 [$€-x-euro2];-#,##0.00 [$€-x-euro2]'

function isoToDate(value: string) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
	return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
}

export async function toXlsx<T>(
	rows: T[],
	columns: SheetColumn<T>[],
	{ sheetName = 'TEKTOS', dateFormat = 'dd/mm/yyyy' } = {},
) {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'TEKTOS CRM'
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
		views: [{ state: 'frozen', ySplit: 1 }],
	})
	sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i) }))
	const widths = columns.map((c) => c.header.length)
	for (const row of rows) {
		const values = columns.map((c, i) => {
			const raw = c.value(row)
			if (raw === null || raw === undefined || raw === '') return null
			const type = c.type ?? 'text'
			let cell: string | number | boolean | Date
			if (type === 'money') cell = Number(raw) / 100
			else if (type === 'number') cell = Number(raw)
			else if (type === 'date') cell = isoToDate(String(raw)) ?? String(raw)
			else cell = typeof raw === 'boolean' ? raw : String(raw)
			const shown =
				type === 'date' ? 10 : type === 'money' ? String(cell).length + 5 : String(cell).length
			widths[i] = Math.max(widths[i]!, shown)
			return cell
		})
		sheet.addRow(values)
	}
	columns.forEach((c, i) => {
		const column = sheet.getColumn(i + 1)
		column.width = Math.min(60, Math.max(8, widths[i]! + 2))
		if (c.type === 'money') column.numFmt = MONEY_FORMAT
		if (c.type === 'date') column.numFmt = dateFormat
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
