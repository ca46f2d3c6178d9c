import { useTranslation } from 'react-i18next'

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

export function TagList({ tags, label }: { tags: readonly string[]; label?: string }) {
	if (!tags.length) return <span className="muted">—</span>
	return (
		<ul className="tag-list" aria-label={label}>
			{tags.map((tag) => (
				<li key={tag} className="tag">
					{tag}
				</li>
			))}
		</ul>
	)
}

/** Language codes in the reader's language: "fr" → "French"; unknown codes as they are. */
export function useLanguageName() {
	const { i18n } = useTranslation()
	let names: Intl.DisplayNames | null = null
	try {
		names = new Intl.DisplayNames([i18n.language === 'en' ? 'en-GB' : 'fr-FR'], {
			type: 'language',
		})
	} catch {
		names = null
	}
	return (code: string) => {
		try {
			return names?.of(code) ?? code
		} catch {
			return code
		}
	}
}

export function Languages({ codes }: { codes: readonly string[] }) {
	const name = useLanguageName()
	return <>{codes.map(name).join(', ')}</>
}
