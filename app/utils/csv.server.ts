import Papa from 'papaparse'

/**
 * A cell that starts with = + - @ (or a tab, CR or NUL) would run as a formula in Excel or
 * LibreOffice, or hide what follows: prefix it with an apostrophe so that it stays text
 * (OWASP "CSV injection").
 */
export function guardCell(value: unknown): string {
	if (value === null || value === undefined) return ''
	const text = String(value)
	// a plain number, negative ones included, is data a spreadsheet must read as a number
	if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(text)) return text
	return /^[=+\-@\t\r\0]/.test(text) ? `'${text}` : text
}

export function toCsv<T>(rows: T[], columns: { header: string; value: (row: T) => unknown }[]) {
	const data = rows.map((row) => columns.map((c) => guardCell(c.value(row))))
	// a BOM so that Excel opens UTF-8 accents correctly
	return (
		'\uFEFF' + Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: '\r\n' })
	)
}

export function csvResponse(filename: string, csv: string) {
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store',
		},
	})
}

export function parseCsv(text: string) {
	const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim(),
	})
	return { rows: result.data, fields: result.meta.fields ?? [], errors: result.errors }
}
