import { useTranslation } from 'react-i18next'
import { formatMoney } from '~/utils/format'

const monthFormats = new Map<string, Intl.DateTimeFormat>()

/** 'YYYY-MM' → "mars 2026" / "March 2026" ('long') or "mars 26" / "Mar 26" ('short'). */
export function formatMonth(month: string, locale: string, style: 'long' | 'short' = 'long') {
	const key = `${locale}:${style}`
	let format = monthFormats.get(key)
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
			month: style,
			year: style === 'long' ? 'numeric' : '2-digit',
			timeZone: 'UTC',
		})
		monthFormats.set(key, format)
	}
	return format.format(new Date(`${month}-01T00:00:00Z`))
}

/** Basis points as a percentage for the reader: 5000 → "50 %" / "50%", 1250 → "12,5 %". */
export function formatPercent(basisPoints: number, locale: string) {
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
		style: 'percent',
		maximumFractionDigits: 2,
	}).format(basisPoints / 10_000)
}

/** The nursery's formatters, bound to the reader's language. */
export function useNurseryFormat() {
	const { i18n } = useTranslation()
	const locale = i18n.language
	return {
		locale,
		month: (month: string, style: 'long' | 'short' = 'long') => formatMonth(month, locale, style),
		percent: (basisPoints: number) => formatPercent(basisPoints, locale),
		euros: (cents: number) => formatMoney(cents, 'EUR', locale),
	}
}
