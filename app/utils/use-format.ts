import { useTranslation } from 'react-i18next'
import type { Currency } from '#db/schema/enums'
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format'

/** Formatters bound to the reader's language. */
export function useFormat() {
	const { i18n } = useTranslation()
	const locale = i18n.language
	return {
		money: (cents: number, currency: Currency = 'EUR') => formatMoney(cents, currency, locale),
		date: (value: string | number | Date) => formatDate(value, locale),
		dateTime: (value: number | Date) => formatDateTime(value, locale),
		number: (value: number) => formatNumber(value, locale),
	}
}
