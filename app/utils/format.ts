import type { Currency } from '#db/schema/enums'

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const moneyFormats = new Map<string, Intl.NumberFormat>()

function localeTag(locale: string) {
	return locale === 'en' ? 'en-GB' : 'fr-FR'
}

/** Money is integer cents everywhere; this is the only place it becomes text. */
export function formatMoney(cents: number, currency: Currency, locale: string) {
	const key = `${locale}:${currency}`
	let format = moneyFormats.get(key)
	if (!format) {
		format = new Intl.NumberFormat(localeTag(locale), {
			style: 'currency',
			currency,
			// "£", not the "£GB" that French formatting would print
			currencyDisplay: 'narrowSymbol',
		})
		moneyFormats.set(key, format)
	}
	return format.format(cents / 100)
}

/** Dates are ISO YYYY-MM-DD text (calendar dates) or timestamps (instants). */
export function formatDate(value: string | number | Date, locale: string) {
	let format = dateFormats.get(locale)
	if (!format) {
		format = new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeZone: 'UTC' })
		dateFormats.set(locale, format)
	}
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T00:00:00Z`)
			: new Date(value)
	return format.format(date)
}

export function formatNumber(value: number, locale: string) {
	return new Intl.NumberFormat(localeTag(locale)).format(value)
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** An instant, in Paris time: the incubator's clock. */
export function formatDateTime(value: number | Date, locale: string) {
	let format = dateTimeFormats.get(locale)
	if (!format) {
		format = new Intl.DateTimeFormat(localeTag(locale), {
			dateStyle: 'medium',
			timeStyle: 'short',
			timeZone: 'Europe/Paris',
		})
		dateTimeFormats.set(locale, format)
	}
	return format.format(new Date(value))
}
