import { ISO_COUNTRY_CODES, normaliseLabel } from '~/schemas/contact'
import { quarterOf } from '~/utils/calendar'
import { parseMoney } from '~/utils/money'

/*
 * Reading one cell as what it means: a date (day-month or month-day, decided per file), a
 * country (an ISO 3166-1 code from a code or a name in French, English or German), an amount,
 * a yes/no, a quarter. Pure functions, shared by the preview, the worker and the tests.
 */

// ---------------------------------------------------------------- amounts

/** THE one place the import reads an amount (in cents): the app's money reader (decision 0019). */
export function parseImportAmount(text: string): number | 'invalid' | 'negative' | 'tooLarge' {
	const cents = parseMoney(text)
	return cents === 'empty' ? 'invalid' : cents
}

// ---------------------------------------------------------------- dates

export type DateOrder = 'dmy' | 'mdy'

const MONTHS: Record<string, number> = {}
const monthNames: [number, string[]][] = [
	[1, ['jan', 'january', 'janv', 'janvier', 'januar', 'jän', 'janner']],
	[2, ['feb', 'february', 'fev', 'févr', 'fevr', 'février', 'fevrier', 'februar']],
	[3, ['mar', 'march', 'mars', 'mär', 'märz', 'marz']],
	[4, ['apr', 'april', 'avr', 'avril']],
	[5, ['may', 'mai']],
	[6, ['jun', 'june', 'juin', 'juni']],
	[7, ['jul', 'july', 'juil', 'juillet', 'juli']],
	[8, ['aug', 'august', 'aou', 'aoû', 'août', 'aout']],
	[9, ['sep', 'sept', 'september', 'septembre']],
	[10, ['oct', 'october', 'octobre', 'okt', 'oktober']],
	[11, ['nov', 'november', 'novembre']],
	[12, ['dec', 'december', 'déc', 'décembre', 'decembre', 'dez', 'dezember']],
]
for (const [n, names] of monthNames) for (const name of names) MONTHS[normaliseLabel(name)] = n

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?.*)?$/
const NAMED = /^(\d{1,2})(?:er)?[\s.-]+([^\d\s.,-]+)\.?[\s.,-]+(\d{4})(?:[ T]\d{1,2}:\d{2}.*)?$/
const NAMED_US = /^([^\d\s.,-]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/

function iso(y: number, m: number, d: number) {
	if (m < 1 || m > 12 || d < 1 || d > 31) return null
	const date = new Date(Date.UTC(y, m - 1, d))
	if (date.getUTCMonth() !== m - 1) return null
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const fullYear = (y: string) => {
	const n = Number(y)
	return y.length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n
}

/** A cell as an ISO date, or null. Numeric day/month order comes from the file (`order`). */
export function parseDate(text: string, order: DateOrder = 'dmy'): string | null {
	const s = text.trim()
	if (!s) return null
	let m = NUMERIC.exec(s)
	if (m) {
		const [, a, b, c] = m
		if (a!.length === 4) return iso(Number(a), Number(b), Number(c))
		if (c!.length === 3) return null
		const [day, month] = order === 'mdy' ? [b!, a!] : [a!, b!]
		return iso(fullYear(c!), Number(month), Number(day))
	}
	m = NAMED.exec(s)
	if (m) {
		const month = MONTHS[normaliseLabel(m[2]!)]
		return month ? iso(Number(m[3]), month, Number(m[1])) : null
	}
	m = NAMED_US.exec(s)
	if (m) {
		const month = MONTHS[normaliseLabel(m[1]!)]
		return month ? iso(Number(m[3]), month, Number(m[2])) : null
	}
	return null
}

/**
 * The day/month order of a file's dates: a first number above 12 means day-month, a second
 * one above 12 means month-day; with neither the file is ambiguous and the user chooses.
 */
export function inferDateOrder(values: string[]): DateOrder | 'ambiguous' | 'conflict' | null {
	let dmy = false
	let mdy = false
	let numeric = false
	for (const value of values) {
		const m = NUMERIC.exec(value.trim())
		if (!m || m[1]!.length === 4) continue
		numeric = true
		if (Number(m[1]) > 12) dmy = true
		if (Number(m[2]) > 12) mdy = true
	}
	if (!numeric) return null
	if (dmy && mdy) return 'conflict'
	return dmy ? 'dmy' : mdy ? 'mdy' : 'ambiguous'
}

// ---------------------------------------------------------------- countries

const COUNTRY_ALIASES: Record<string, string> = {
	uk: 'GB',
	'u k': 'GB',
	gbr: 'GB',
	'great britain': 'GB',
	'grande bretagne': 'GB',
	grossbritannien: 'GB',
	britain: 'GB',
	england: 'GB',
	angleterre: 'GB',
	scotland: 'GB',
	ecosse: 'GB',
	wales: 'GB',
	'pays de galles': 'GB',
	'northern ireland': 'GB',
	'irlande du nord': 'GB',
	'united kingdom of great britain and northern ireland': 'GB',
	fra: 'FR',
	'republique francaise': 'FR',
	'french republic': 'FR',
	usa: 'US',
	'u s a': 'US',
	'u s': 'US',
	'etats unis': 'US',
	'united states of america': 'US',
	deu: 'DE',
	bel: 'BE',
	holland: 'NL',
	hollande: 'NL',
}

let names: Map<string, string> | undefined

function countryNames() {
	if (names) return names
	const map = new Map<string, string>()
	for (const locale of ['en', 'fr', 'de']) {
		const display = new Intl.DisplayNames([locale], { type: 'region' })
		for (const code of ISO_COUNTRY_CODES) {
			const name = display.of(code)
			if (name && name !== code) map.set(normaliseLabel(name), code)
		}
	}
	for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) map.set(alias, code)
	names = map
	return map
}

/** "Allemagne", "Germany", "Deutschland", "de", "DEU" → "DE"; null when not a country. */
export function parseCountryCode(text: string): string | null {
	const s = text.trim()
	if (!s) return null
	const upper = s.toUpperCase()
	if (/^[A-Z]{2}$/.test(upper)) {
		if (upper === 'UK') return 'GB'
		return ISO_COUNTRY_CODES.includes(upper) ? upper : null
	}
	return countryNames().get(normaliseLabel(s)) ?? null
}

/** The contact base's own grouping of a country: the incubator works with France and the UK. */
export function countryBucket(code: string): 'FR' | 'GB' | 'other' {
	return code === 'FR' ? 'FR' : code === 'GB' ? 'GB' : 'other'
}

/**
 * A record's ISO country: the one an import stored, else France or the UK from the grouping;
 * null for "another country" that no import named.
 */
export function isoCountryOf(record: { country: string; countryCode?: string | null }) {
	return (
		record.countryCode ??
		(record.country === 'FR' || record.country === 'GB' ? record.country : null)
	)
}

export function countryName(code: string, locale: string) {
	try {
		return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
	} catch {
		return code
	}
}

// ---------------------------------------------------------------- yes / no, numbers, quarters

const YES = new Set(['yes', 'y', 'oui', 'o', 'ja', 'j', 'true', 'vrai', 'wahr', '1', 'x'])
const NO = new Set(['no', 'n', 'non', 'nein', 'false', 'faux', 'falsch', '0'])

export function parseBoolean(text: string): boolean | null {
	const s = normaliseLabel(text)
	if (s === '') return false
	if (YES.has(s)) return true
	if (NO.has(s)) return false
	return null
}

/** "12", "1 200", "3.0" (a spreadsheet's number) → a whole number; null otherwise. */
export function parseWholeNumber(text: string): number | null {
	const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[.,]0+$/, '')
	return /^\d{1,9}$/.test(s) ? Number(s) : null
}

/** "2025-Q3", "Q3 2025", "T3 2025", "2025 T3", "3T2025", or a date in the quarter → "2025-Q3". */
export function parseQuarter(text: string, order: DateOrder = 'dmy'): string | null {
	const s = text.trim().toUpperCase().replace(/\s+/g, ' ')
	if (!s) return null
	let m = /^(\d{4})[\s-]*[QT]([1-4])$/.exec(s)
	if (m) return `${m[1]}-Q${m[2]}`
	m = /^[QT]([1-4])[\s-]*(\d{4})$/.exec(s)
	if (m) return `${m[2]}-Q${m[1]}`
	m = /^([1-4])(?:ER|E|ÈME|EME)?\s?(?:T|TRIM\.?|TRIMESTRE|Q)\s?(\d{4})$/.exec(s)
	if (m) return `${m[2]}-Q${m[1]}`
	const date = parseDate(text, order)
	return date ? quarterOf(date) : null
}

/** A label in any of the app's spellings, for enum cells. */
export function normaliseChoice(text: string) {
	return normaliseLabel(text)
}
