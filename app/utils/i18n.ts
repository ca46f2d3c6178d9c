import enCohorts from '~/locales/en/cohorts.json'
import enCommon from '~/locales/en/common.json'
import enContacts from '~/locales/en/contacts.json'
import enFunding from '~/locales/en/funding.json'
import enImport from '~/locales/en/import.json'
import enMentors from '~/locales/en/mentors.json'
import enNursery from '~/locales/en/nursery.json'
import enReports from '~/locales/en/reports.json'
import enStartups from '~/locales/en/startups.json'
import frCohorts from '~/locales/fr/cohorts.json'
import frCommon from '~/locales/fr/common.json'
import frContacts from '~/locales/fr/contacts.json'
import frFunding from '~/locales/fr/funding.json'
import frImport from '~/locales/fr/import.json'
import frMentors from '~/locales/fr/mentors.json'
import frNursery from '~/locales/fr/nursery.json'
import frReports from '~/locales/fr/reports.json'
import frStartups from '~/locales/fr/startups.json'

export const supportedLngs = ['fr', 'en'] as const
export type Locale = (typeof supportedLngs)[number]
export const fallbackLng: Locale = 'fr'

/**
 * One namespace per area (common, startups, …), each a pair of files fr/<ns>.json and en/<ns>.json.
 * Keys missing from an area's namespace are looked up in common.
 */
export const resources = {
	fr: {
		common: frCommon,
		startups: frStartups,
		cohorts: frCohorts,
		mentors: frMentors,
		nursery: frNursery,
		funding: frFunding,
		contacts: frContacts,
		reports: frReports,
		import: frImport,
	},
	en: {
		common: enCommon,
		startups: enStartups,
		cohorts: enCohorts,
		mentors: enMentors,
		nursery: enNursery,
		funding: enFunding,
		contacts: enContacts,
		reports: enReports,
		import: enImport,
	},
}

export const namespaces = Object.keys(resources.fr)

export const i18nConfig = {
	supportedLngs: [...supportedLngs],
	fallbackLng,
	defaultNS: 'common',
	fallbackNS: 'common',
	ns: namespaces,
	resources,
	interpolation: { escapeValue: false },
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value)
}
