import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { supportedLngs } from '~/utils/i18n'

/** Plain links (?lng=…) so the switch works before JavaScript; the server keeps the choice in a cookie. */
export function LanguageSwitch() {
	const { t, i18n } = useTranslation()
	const location = useLocation()
	return (
		<nav className="language-switch" aria-label={t('language.label')}>
			{supportedLngs.map((lng) => {
				const params = new URLSearchParams(location.search)
				params.set('lng', lng)
				const current = i18n.language === lng
				return (
					<a
						key={lng}
						href={`${location.pathname}?${params}`}
						hrefLang={lng}
						lang={lng}
						aria-current={current ? 'true' : undefined}
						className={current ? 'active' : undefined}
						title={t(`language.${lng}`)}
					>
						{lng.toUpperCase()}
					</a>
				)
			})}
		</nav>
	)
}
