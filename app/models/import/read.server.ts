import iconv from 'iconv-lite'
import Papa from 'papaparse'
import * as XLSX from '@e965/xlsx'

/*
 * Bytes of an uploaded file → a table of text cells. Spreadsheets (.xlsx, .xls, .ods) are read
 * by SheetJS; text files are decoded with iconv-lite — never with TextDecoder('windows-1252'),
 * which Node 20 gets wrong for 0x80–0x9F (nodejs/node#60888) — and split on the delimiter the
 * file names (`sep=;`) or the one papaparse finds. Dates typed into a spreadsheet come out as
 * ISO text (YYYY-MM-DD) so that nothing downstream depends on the workbook's locale.
 */

/** The largest file the import accepts (the server's body limit must let it through). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
/** Beyond this the preview and the check take too long for one person waiting at a page. */
export const IMPORT_MAX_ROWS = 50_000

export const ENCODINGS = [
	'utf-8',
	'utf-16le',
	'utf-16be',
	'windows-1252',
	'iso-8859-15',
	'macintosh',
] as const
export type Encoding = (typeof ENCODINGS)[number]

export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'ods'

export type ReadFile = {
	format: FileFormat
	/** For text files: the encoding used, detected or chosen. */
	encoding: Encoding | null
	/** What detection found, for the page to say so even after the user changed it. */
	detectedEncoding: Encoding | null
	/** Some lines are UTF-8 and others are not: each line was decoded on its own. */
	mixedEncoding: boolean
	delimiter: string | null
	sheet: string | null
	rows: string[][]
}

export type ReadProblem = 'empty' | 'unreadable' | 'notTable'

const starts = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)

export function sniffFormat(bytes: Uint8Array, fileName = ''): FileFormat | null {
	if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return /\.ods$/i.test(fileName) ? 'ods' : 'xlsx'
	if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls'
	// anything else with NUL bytes is binary, unless it is UTF-16
	return 'csv'
}

// ---------------------------------------------------------------- encodings

/** Length of a valid UTF-8 sequence starting at i (0 when invalid). */
function utf8SequenceLength(bytes: Uint8Array, i: number) {
	const b = bytes[i]!
	const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0
	if (b >= 0xf5 || len === 0) return 0
	for (let k = 1; k < len; k++) {
		const c = bytes[i + k]
		if (c === undefined || (c & 0xc0) !== 0x80) return 0
	}
	return len
}

/** How much of the text's high bytes are valid UTF-8, and how much are not. */
function utf8Census(bytes: Uint8Array) {
	let valid = 0
	let invalid = 0
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i]! < 0x80) continue
		const len = utf8SequenceLength(bytes, i)
		if (len) {
			valid++
			i += len - 1
		} else invalid++
	}
	return { valid, invalid }
}

// characters that French, English and German text is made of; a wrong 8-bit guess turns them
// into rarer ones (Mac Roman é read as Windows-1252 is Ž, Windows-1252 ’ read as Mac Roman is í)
const COMMON = new Set('éèêëàâäçîïôöùûüÿœæßÉÈÊÀÂÇÎÔÖÜŒ€£’‘“”–—…«»°²·ñ\u00a0'.split(''))

function plausibility(text: string) {
	let score = 0
	for (const ch of text) {
		const code = ch.codePointAt(0)!
		if (code < 0x80) continue
		if (COMMON.has(ch)) score += 1
		else if (code < 0xa0 || ch === '\ufffd') score -= 3
		else score -= 1
	}
	return score
}

const EIGHT_BIT: Encoding[] = ['windows-1252', 'macintosh', 'iso-8859-15']

function best8Bit(bytes: Uint8Array): Encoding {
	let best: Encoding = 'windows-1252'
	let bestScore = -Infinity
	for (const encoding of EIGHT_BIT) {
		const score = plausibility(iconv.decode(Buffer.from(bytes), encoding))
		// ties keep the earlier, more common encoding
		if (score > bestScore) {
			best = encoding
			bestScore = score
		}
	}
	return best
}

function looksUtf16(bytes: Uint8Array): Encoding | null {
	if (starts(bytes, [0xff, 0xfe])) return 'utf-16le'
	if (starts(bytes, [0xfe, 0xff])) return 'utf-16be'
	// no BOM: ASCII text in UTF-16 has a NUL every other byte
	const sample = bytes.subarray(0, 2000)
	let evenZeros = 0
	let oddZeros = 0
	for (let i = 0; i < sample.length; i++) {
		if (sample[i] !== 0) continue
		if (i % 2) oddZeros++
		else evenZeros++
	}
	const half = sample.length / 2
	if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le'
	if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be'
	return null
}

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; mixed: boolean } {
	const utf16 = looksUtf16(bytes)
	if (utf16) return { encoding: utf16, mixed: false }
	const { valid, invalid } = utf8Census(bytes)
	if (invalid === 0) return { encoding: 'utf-8', mixed: false }
	return { encoding: best8Bit(bytes), mixed: valid > 0 }
}

function splitLines(bytes: Uint8Array) {
	const lines: Uint8Array[] = []
	let start = 0
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 0x0a) {
			lines.push(bytes.subarray(start, i + 1))
			start = i + 1
		}
	}
	if (start < bytes.length) lines.push(bytes.subarray(start))
	return lines
}

/** Decodes with the given encoding; a mixed file is decoded line by line (UTF-8 where valid). */
export function decodeText(bytes: Uint8Array, encoding: Encoding, mixed = false): string {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
	let text: string
	if (mixed && encoding !== 'utf-8' && !encoding.startsWith('utf-16')) {
		text = splitLines(bytes)
			.map((line) =>
				utf8Census(line).invalid === 0
					? iconv.decode(Buffer.from(line), 'utf-8')
					: iconv.decode(Buffer.from(line), encoding),
			)
			.join('')
	} else {
		text = iconv.decode(buffer, encoding)
	}
	return text.replace(/^\uFEFF/, '')
}

// ---------------------------------------------------------------- text tables

const DELIMITERS = [',', ';', '\t', '|']

function guessDelimiter(text: string) {
	// the delimiter that splits the first lines into the same, largest number of cells
	const lines = text.split('\n', 30).filter((l) => l.trim())
	let best = ','
	let bestScore = 0
	for (const d of DELIMITERS) {
		const parsed = Papa.parse<string[]>(lines.join('\n'), { delimiter: d })
		const counts = parsed.data.map((r) => r.length)
		if (!counts.length) continue
		const freq = new Map<number, number>()
		for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1)
		const [width, times] = [...freq].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
		const score = width > 1 ? times * Math.log2(width + 1) : 0
		if (score > bestScore) {
			best = d
			bestScore = score
		}
	}
	return best
}

export function parseDelimited(text: string, forced?: string) {
	let body = text.replace(/\r\n?/g, '\n')
	// Excel's "sep=;" first line names the separator
	const sep = /^"?sep=(.)"?\n/i.exec(body)
	if (sep) body = body.slice(sep[0].length)
	const delimiter = forced ?? sep?.[1] ?? guessDelimiter(body)
	const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false })
	const rows = parsed.data
	// papaparse gives a last [''] for a final newline
	while (rows.length && rows[rows.length - 1]!.every((c) => c === '')) rows.pop()
	return { rows, delimiter, sepLine: Boolean(sep) }
}

// ---------------------------------------------------------------- spreadsheets

function isoFromSerial(serial: number) {
	const d = XLSX.SSF.parse_date_code(serial)
	if (!d || !d.y) return null
	return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
	if (!cell || cell.v === undefined || cell.v === null) return ''
	if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE'
	if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10)
	if (cell.t === 'n') {
		const value = cell.v as number
		if (cell.z && XLSX.SSF.is_date(String(cell.z))) {
			const iso = isoFromSerial(date1904 ? value + 1462 : value)
			if (iso) return iso
		}
		// a plain number, without the workbook's thousands separators or rounding
		return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)))
	}
	if (cell.t === 'e') return ''
	return String(cell.v)
}

export function readWorkbook(bytes: Uint8Array, sheetName?: string) {
	const workbook = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true, dense: false })
	const names = workbook.SheetNames
	const name = sheetName && names.includes(sheetName) ? sheetName : names[0]
	if (!name) return { rows: [], sheet: null, sheets: names }
	const sheet = workbook.Sheets[name]!
	const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904)
	const ref = sheet['!ref']
	if (!ref) return { rows: [], sheet: name, sheets: names }
	const range = XLSX.utils.decode_range(ref)
	const rows: string[][] = []
	for (let r = range.s.r; r <= range.e.r; r++) {
		const row: string[] = []
		for (let c = range.s.c; c <= range.e.c; c++) {
			row.push(cellText(sheet[XLSX.utils.encode_cell({ r, c })], date1904))
		}
		rows.push(row)
	}
	while (rows.length && rows[rows.length - 1]!.every((c) => c === '')) rows.pop()
	return { rows, sheet: name, sheets: names }
}

// ---------------------------------------------------------------- one entry point

export function readFile(
	bytes: Uint8Array,
	{ fileName = '', encoding }: { fileName?: string; encoding?: Encoding | null } = {},
): ReadFile | { problem: ReadProblem } {
	if (bytes.length === 0) return { problem: 'empty' }
	const format = sniffFormat(bytes, fileName)
	if (format && format !== 'csv') {
		try {
			const { rows, sheet } = readWorkbook(bytes)
			return {
				format,
				encoding: null,
				detectedEncoding: null,
				mixedEncoding: false,
				delimiter: null,
				sheet,
				rows,
			}
		} catch {
			return { problem: 'unreadable' }
		}
	}
	const detected = detectEncoding(bytes)
	const chosen = encoding ?? detected.encoding
	// NUL bytes in what is not UTF-16 mean a binary file (an image, a PDF…)
	if (!chosen.startsWith('utf-16') && bytes.subarray(0, 4000).includes(0)) {
		return { problem: 'notTable' }
	}
	const text = decodeText(bytes, chosen, detected.mixed && !encoding)
	const { rows, delimiter } = parseDelimited(text)
	return {
		format: 'csv',
		encoding: chosen,
		detectedEncoding: detected.encoding,
		mixedEncoding: detected.mixed,
		delimiter,
		sheet: null,
		rows,
	}
}
