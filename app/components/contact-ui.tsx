import { useTranslation } from 'react-i18next'

/** A person's name, or the words for an erased one. */
export function personName(
	c: { firstName?: string | null; lastName?: string | null; contactName?: string | null },
	erasedLabel: string,
) {
	const name = c.contactName ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || null)
	return name ?? erasedLabel
}

/** Marked wherever the person appears: they asked not to be contacted any more. */
export function OptedOutBadge({ on }: { on: string | boolean | null | undefined }) {
	const { t } = useTranslation('contacts')
	if (!on) return null
	return (
		<span className="badge badge-warning" title={typeof on === 'string' ? on : undefined}>
			{t('optedOut')}
		</span>
	)
}

export function CountryName({ code }: { code: string }) {
	const { t } = useTranslation('contacts')
	return <>{t(`enums:countries.${code}`, { defaultValue: code })}</>
}

export function IntroductionStatusBadge({ status }: { status: string }) {
	const { t } = useTranslation('contacts')
	const tone =
		status === 'deal' ? 'badge-ok' : status === 'no_fit' ? 'badge-muted' : 'badge-warning'
	return <span className={`badge ${tone}`}>{t(`enums:introductionStatuses.${status}`)}</span>
}
