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
import { i18nConfig, type Locale, type Namespace } from './i18n'

/**
 * Every message of both languages: the server's alone (server rendering, emails, CSV headers,
 * /locales/<lng>/<ns>.json). The browser never bundles them (decision 0032).
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
} satisfies Record<Locale, Record<Namespace, unknown>>

/** i18next's settings with every message: for an instance made on the server. */
export const serverI18nConfig = { ...i18nConfig, resources }
