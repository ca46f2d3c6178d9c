import { formatNumber } from '~/utils/format'

type Translate = (key: string, options: Record<string, string>) => string

/**
 * Minutes as hours and minutes, exactly: 375 minutes are "6 h 15" in French and "6h 15m" in
 * English (45 minutes: "45 min", "45m") — never 6.3 h, so that the rows of a table add up to its
 * total as written. `t` reads reports:duration.*. The chart's axis in hours (hours × 60) too.
 */
export function formatDuration(minutes: number, t: Translate, locale: string) {
	const whole = Math.round(minutes)
	const hours = Math.floor(whole / 60)
	const rest = whole % 60
	const h = formatNumber(hours, locale)
	if (hours === 0 && rest > 0) return t('reports:duration.minutes', { m: String(rest) })
	if (rest === 0) return t('reports:duration.hours', { h })
	return t('reports:duration.hoursMinutes', {
		h,
		m: String(rest),
		mm: String(rest).padStart(2, '0'),
	})
}
