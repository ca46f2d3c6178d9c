import i18next, { type TFunction } from 'i18next'
import enAccount from '~/locales/en/account.json'
import enCalls from '~/locales/en/calls.json'
import enCohorts from '~/locales/en/cohorts.json'
import enCommon from '~/locales/en/common.json'
import enContacts from '~/locales/en/contacts.json'
import enEnums from '~/locales/en/enums.json'
import enFunding from '~/locales/en/funding.json'
import enImport from '~/locales/en/import.json'
import enMentors from '~/locales/en/mentors.json'
import enNursery from '~/locales/en/nursery.json'
import enReports from '~/locales/en/reports.json'
import enStartups from '~/locales/en/startups.json'
import frAccount from '~/locales/fr/account.json'
import frCalls from '~/locales/fr/calls.json'
import frCohorts from '~/locales/fr/cohorts.json'
import frCommon from '~/locales/fr/common.json'
import frContacts from '~/locales/fr/contacts.json'
import frEnums from '~/locales/fr/enums.json'
import frFunding from '~/locales/fr/funding.json'
import frImport from '~/locales/fr/import.json'
import frMentors from '~/locales/fr/mentors.json'
import frNursery from '~/locales/fr/nursery.json'
import frReports from '~/locales/fr/reports.json'
import frStartups from '~/locales/fr/startups.json'
import { frenchDe } from './elision'
import { isDate, QUARTER_PATTERN } from './calendar'
import { formatDate, formatNumber, formatQuarter } from './format'

export const supportedLngs = ['fr', 'en'] as const
export type Locale = (typeof supportedLngs)[number]
export const fallbackLng: Locale = 'fr'

/**
 * One namespace per area (common, startups, …), each a pair of files fr/<ns>.json and en/<ns>.json.
 * Keys missing from an area's namespace are looked up in common. The labels of the domain's
 * enumerations (db/schema/enums.ts) are in one namespace of their own, enums: `enums:fundingKinds.grant`.
 */
export const resources = {
	fr: {
		common: frCommon,
		enums: frEnums,
		startups: frStartups,
		cohorts: frCohorts,
		mentors: frMentors,
		nursery: frNursery,
		funding: frFunding,
		contacts: frContacts,
		reports: frReports,
		calls: frCalls,
		account: frAccount,
		import: frImport,
	},
	en: {
		common: enCommon,
		enums: enEnums,
		startups: enStartups,
		cohorts: enCohorts,
		mentors: enMentors,
		nursery: enNursery,
		funding: enFunding,
		contacts: enContacts,
		reports: enReports,
		calls: enCalls,
		account: enAccount,
		import: enImport,
	},
}

export const namespaces = Object.keys(resources.fr)

/**
 * What a message may ask of a value it interpolates (decision 0034):
 * - `{{month, de}}`: "de" before it, elided in French when it must be ("d'octobre 2026");
 *   the value alone in English, where messages do not use it;
 * - `{{count, number}}`: the number grouped the reader's way ("50 000" / "50,000"), while
 *   `count` still chooses the plural form;
 * - `{{date, date}}`, `{{quarter, quarter}}`: an ISO date or 'YYYY-Qn' in the reader's words,
 *   for values that travel raw (a toast after a redirect); anything else is left as it is.
 */
function formatValue(value: unknown, format: string | undefined, lng: string | undefined): string {
	// a missing value stays missing: i18next then leaves the placeholder as it is written
	if (value === undefined || value === null) return value as unknown as string
	const lang = lng ?? 'fr'
	const text = String(value)
	switch (format) {
		case 'de':
			return lang === 'en' ? text : frenchDe(text)
		case 'number':
			return typeof value === 'number' ? formatNumber(value, lang) : text
		case 'date':
			return isDate(text) ? formatDate(text, lang) : text
		case 'quarter':
			return QUARTER_PATTERN.test(text) ? formatQuarter(text, lang) : text
		default:
			return text
	}
}

export const i18nConfig = {
	supportedLngs: [...supportedLngs],
	fallbackLng,
	defaultNS: 'common',
	fallbackNS: 'common',
	ns: namespaces,
	resources,
	interpolation: { escapeValue: false, format: formatValue },
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value)
}

const translators = new Map<Locale, TFunction>()

/**
 * A translator for one language, outside React: what the server writes outside a page (emails,
 * in the recipient's language, not in the language of whoever triggered the message) and the
 * browser tab's title (app/utils/meta.ts), on the server and in the browser alike.
 */
export function fixedT(locale: Locale): TFunction {
	let t = translators.get(locale)
	if (!t) {
		const instance = i18next.createInstance()
		// the messages are bundled: initialisation is synchronous
		void instance.init({ ...i18nConfig, lng: locale, initImmediate: false })
		t = instance.t
		translators.set(locale, t)
	}
	return t
}
