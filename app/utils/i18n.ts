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
] as const
export type Namespace = (typeof namespaces)[number]

export function isNamespace(value: unknown): value is Namespace {
	return typeof value === 'string' && (namespaces as readonly string[]).includes(value)
}

/** i18next's settings, server and browser alike (the server adds every message). */
export const i18nConfig = {
	supportedLngs: [...supportedLngs],
	fallbackLng,
	defaultNS: 'common',
	fallbackNS: 'common',
	ns: [...namespaces],
	interpolation: { escapeValue: false },
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value)
}
