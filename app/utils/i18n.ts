import en from '~/locales/en.json'
import fr from '~/locales/fr.json'

export const supportedLngs = ['fr', 'en'] as const
export type Locale = (typeof supportedLngs)[number]
export const fallbackLng: Locale = 'fr'

export const resources = { fr: { common: fr }, en: { common: en } }

export const i18nConfig = {
	supportedLngs: [...supportedLngs],
	fallbackLng,
	defaultNS: 'common',
	ns: ['common'],
	resources,
	interpolation: { escapeValue: false },
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value)
}
