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
 * The messages themselves are the server's (i18n-resources.server.ts): a page sends the browser
 * the namespaces it used, in its language only, and the browser fetches any other one it needs
 * from /locales/<lng>/<ns>.json (decision 0032).
 */
export const namespaces = [
	'common',
	'enums',
	'startups',
	'cohorts',
	'mentors',
	'nursery',
	'funding',
	'contacts',
	'reports',
	'calls',
	'account',
	'import',
] as const
export type Namespace = (typeof namespaces)[number]

export function isNamespace(value: unknown): value is Namespace {
	return typeof value === 'string' && (namespaces as readonly string[]).includes(value)
}

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

/** i18next's settings, server and browser alike (the server adds every message). */
export const i18nConfig = {
	supportedLngs: [...supportedLngs],
	fallbackLng,
	defaultNS: 'common',
	fallbackNS: 'common',
	ns: [...namespaces],
	interpolation: { escapeValue: false, format: formatValue },
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value)
}
