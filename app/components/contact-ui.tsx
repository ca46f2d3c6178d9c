import { useTranslation } from 'react-i18next'
import { countryName, isoCountryOf } from '~/models/import/values'

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

/**
 * A country in the reader's language: the ISO country when known (an import stores DE, BE…;
 * France and the UK follow from the grouping), through Intl.DisplayNames; else "Other country".
 * `withCode` adds the ISO code: "Allemagne (DE)".
 */
export function CountryName({
	code,
	iso,
	withCode = false,
}: {
	code: string
	iso?: string | null
	withCode?: boolean
}) {
	const { t, i18n } = useTranslation('contacts')
	const known = isoCountryOf({ country: code, countryCode: iso })
	if (!known) return <>{t(`enums:countries.${code}`, { defaultValue: code })}</>
	const name = countryName(known, i18n.language)
	return <>{withCode ? `${name} (${known})` : name}</>
}

export function IntroductionStatusBadge({ status }: { status: string }) {
	const { t } = useTranslation('contacts')
	const tone =
		status === 'deal' ? 'badge-ok' : status === 'no_fit' ? 'badge-muted' : 'badge-warning'
	return <span className={`badge ${tone}`}>{t(`enums:introductionStatuses.${status}`)}</span>
}
