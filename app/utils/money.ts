import type { Currency } from '#db/schema/enums'
import { localeTag } from './format'

/*
 * Money is an integer number of cents (decision 0004). This module is the only place where
 * cents become text or text becomes cents — on the server and in the browser alike.
 *
 * How a typed amount is read (decision 0019), the same for French and English readers, since
 * both write on both sides of the Channel:
 * - spaces of any kind (space, no-break space, narrow no-break space) are ignored: "12 500";
 * - a currency sign or code before or after is ignored: "€", "£", "EUR", "GBP";
 * - a "," or "." followed by one or two digits at the end is the decimal mark: "1250,5",
 *   "1250.50"; followed by groups of exactly three digits it separates thousands: "12.500" and
 *   "12,500" are both twelve thousand five hundred (money never has three decimals);
 * - with both marks, the last one is the decimal mark and the other separates thousands:
 *   "1.234,56" and "1,234.56";
 * - anything else is refused rather than guessed: "12,3,4", "1.2345", "0.500", "1.5e3", ",50";
 * - a minus sign is refused as 'negative' (no amount of the domain is negative: the database
 *   checks amounts ≥ 0), more than MAX_AMOUNT_CENTS as 'tooLarge'.
 */

/** €100 million: more than any amount an incubator records, far below float trouble. */
export const MAX_AMOUNT_CENTS = 10_000_000_000

export type MoneyParseError = 'empty' | 'invalid' | 'negative' | 'tooLarge'

const SPACES = /[\s\u00a0\u202f\u2009]/g
const CURRENCY = /^(?:€|£|EUR|GBP)|(?:€|£|EUR|GBP)$/gi
// 1 to 3 digits (not a lone leading 0), then groups of three after one and the same mark
const GROUPED = /^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$/

/** A typed amount → integer cents, or why it is not one. Never goes through a float. */
export function parseMoney(text: string): number | MoneyParseError {
	const s = text.replace(SPACES, '').replace(CURRENCY, '')
	if (!s) return 'empty'
	if (/^[-−–]/.test(s)) return /^[-−–][\d.,]+$/.test(s) ? 'negative' : 'invalid'
	let whole: string
	let decimals = ''
	const decimal = /^(.*?)([.,])(\d{1,2})$/.exec(s)
	if (decimal) {
		const [, integerPart, mark, digits] = decimal as unknown as [string, string, string, string]
		decimals = digits
		if (/^\d+$/.test(integerPart)) {
			whole = integerPart
		} else {
			const grouped = GROUPED.exec(integerPart)
			// the thousands separator cannot be the decimal mark too: "1,234,56"
			if (!grouped || grouped[1] === mark) return 'invalid'
			whole = integerPart.replace(/[.,]/g, '')
		}
	} else if (/^\d+$/.test(s)) {
		whole = s
	} else if (GROUPED.test(s)) {
		whole = s.replace(/[.,]/g, '')
	} else {
		return 'invalid'
	}
	if (whole.replace(/^0+/, '').length > 12) return 'tooLarge'
	const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'))
	return cents > MAX_AMOUNT_CENTS ? 'tooLarge' : cents
}

/** Euros and cents of an integer amount, as digit strings: 125050 → ['1250', '50']. */
function split(cents: number) {
	if (!Number.isSafeInteger(cents)) throw new Error(`Not an integer number of cents: ${cents}`)
	const abs = Math.abs(cents)
	return {
		sign: cents < 0 ? '-' : '',
		units: String(Math.floor(abs / 100)),
		cents: String(abs % 100).padStart(2, '0'),
	}
}

/**
 * What an amount field shows when a record is edited, in the reader's way of writing it:
 * 125050 → "1 250,50" (fr) or "1,250.50" (en). Plain spaces, so that what the user sees is
 * what they would type; `parseMoney` reads it back to the same cents.
 */
export function formatMoneyForForm(cents: number, lang: string) {
	const { sign, units, cents: decimals } = split(cents)
	const [group, mark] = lang === 'en' ? [',', '.'] : [' ', ',']
	return `${sign}${units.replace(/\B(?=(\d{3})+$)/g, group)}${mark}${decimals}`
}

/** The machine-readable form, for CSV files: 125050 → "1250.50", whatever the reader's language. */
export function formatMoneyForCsv(cents: number) {
	const { sign, units, cents: decimals } = split(cents)
	return `${sign}${units}.${decimals}`
}

/** A spreadsheet cell's number (Excel formats it): 125050 → 1250.5. */
export function moneyForSpreadsheet(cents: number) {
	if (!Number.isSafeInteger(cents)) throw new Error(`Not an integer number of cents: ${cents}`)
	return cents / 100
}

const moneyFormats = new Map<string, Intl.NumberFormat>()

/**
 * An amount for the reader: "1 250,50 €" (fr), "€1,250.50" (en), "£48,000.00". In French the
 * spaces inside it are narrow no-break spaces, the thousands' and the one before the sign alike
 * (decision 0034): an amount never breaks across lines.
 */
export function formatMoney(cents: number, currency: Currency, lang: string) {
	const key = `${lang}:${currency}`
	let format = moneyFormats.get(key)
	if (!format) {
		format = new Intl.NumberFormat(localeTag(lang), {
			style: 'currency',
			currency,
			// "£", not the "£GB" that French formatting would print
			currencyDisplay: 'narrowSymbol',
		})
		moneyFormats.set(key, format)
	}
	const text = format.format(moneyForSpreadsheet(cents))
	return lang === 'en' ? text : text.replace(/\u00a0/g, '\u202f')
}
