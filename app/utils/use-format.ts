import { useTranslation } from 'react-i18next'
import type { Currency } from '#db/schema/enums'
import {
	formatDate,
	formatDateTime,
	formatLanguage,
	formatMonth,
	formatNumber,
	formatPercent,
	formatQuarter,
	formatRatio,
} from './format'
import { formatMoney, formatMoneyForForm } from './money'

/** Every formatter a page needs, bound to the reader's language. */
export function useFormat() {
	const { i18n } = useTranslation()
	return formatsFor(i18n.language)
}

export type Formats = ReturnType<typeof formatsFor>

/** The same formatters outside a component (a page's title). */
export function formatsFor(lang: string) {
	return {
		lang,
		money: (cents: number, currency: Currency = 'EUR') => formatMoney(cents, currency, lang),
		/** what an amount field shows when a record is edited */
		moneyInput: (cents: number) => formatMoneyForForm(cents, lang),
		date: (value: string | number | Date) => formatDate(value, lang),
		dateTime: (value: number | Date) => formatDateTime(value, lang),
		month: (month: string, style: 'long' | 'short' = 'long') => formatMonth(month, lang, style),
		/** 'YYYY-Qn' → "T3 2026" / "Q3 2026" */
		quarter: (quarter: string) => formatQuarter(quarter, lang),
		number: (value: number) => formatNumber(value, lang),
		percent: (basisPoints: number) => formatPercent(basisPoints, lang),
		ratio: (value: number) => formatRatio(value, lang),
		language: (code: string) => formatLanguage(code, lang),
	}
}
