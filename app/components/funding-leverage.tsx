import { useTranslation } from 'react-i18next'

const formats = new Map<string, Intl.NumberFormat>()

/** A leverage ratio as "× 2.35" (two decimals, the reader's decimal mark); "—" when nothing was granted. */
export function Leverage({ value }: { value: number | null }) {
	const { t, i18n } = useTranslation('funding')
	if (value === null) return <span title={t('leverage.none')}>—</span>
	const tag = i18n.language === 'en' ? 'en-GB' : 'fr-FR'
	let format = formats.get(tag)
	if (!format) {
		format = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
		formats.set(tag, format)
	}
	return <span className="leverage">{t('leverage.value', { value: format.format(value) })}</span>
}
