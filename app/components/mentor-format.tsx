import { useTranslation } from 'react-i18next'
import { useFormat } from '~/utils/use-format'

/**
 * Hours are stored as minutes and shown as "3 h 30": exact, so a total always equals the sum
 * of its rows as read on screen (a rounded "3.5" would not).
 */
export function Duration({ minutes }: { minutes: number }) {
	const { t } = useTranslation('mentors')
	const hours = Math.floor(minutes / 60)
	const rest = minutes % 60
	if (minutes === 0) return <>{t('duration.hours', { hours: 0 })}</>
	if (hours === 0) return <>{t('duration.minutes', { minutes: rest })}</>
	if (rest === 0) return <>{t('duration.hours', { hours })}</>
	return <>{t('duration.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') })}</>
}

export function Languages({ codes }: { codes: readonly string[] }) {
	const f = useFormat()
	return <>{codes.map(f.language).join(', ')}</>
}
