import i18next, { type TFunction } from 'i18next'
import { type Locale } from './i18n'
import { serverI18nConfig } from './i18n-resources.server'

const instances = new Map<Locale, TFunction>()

/**
 * A translator for one language, for what the server writes outside a page (emails): the
 * recipient's language, not the language of whoever triggered the message.
 */
export function fixedT(locale: Locale): TFunction {
	let t = instances.get(locale)
	if (!t) {
		const instance = i18next.createInstance()
		void instance.init({ ...serverI18nConfig, lng: locale, initImmediate: false })
		t = instance.t
		instances.set(locale, t)
	}
	return t
}
