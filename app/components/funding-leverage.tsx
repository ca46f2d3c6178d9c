import { useTranslation } from 'react-i18next'
import { useFormat } from '~/utils/use-format'

/** A leverage ratio as "× 2.35" (two decimals, the reader's decimal mark); "—" when nothing was granted. */
export function Leverage({ value }: { value: number | null }) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	if (value === null) return <span title={t('leverage.none')}>—</span>
	return <span className="leverage">{t('leverage.value', { value: f.ratio(value) })}</span>
}
