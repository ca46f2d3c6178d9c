import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { isLocale, type Locale, supportedLngs, fallbackLng } from './i18n'
import { serverI18nConfig } from './i18n-resources.server'

export const localeCookie = createCookie('tektos_lng', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

export const i18nServer = new RemixI18Next({
	detection: {
		supportedLanguages: [...supportedLngs],
		fallbackLanguage: fallbackLng,
		cookie: localeCookie,
		searchParamKey: 'lng',
		order: ['searchParams', 'cookie', 'header'],
	},
	i18next: serverI18nConfig,
})

export async function getLocale(request: Request): Promise<Locale> {
	const locale = await i18nServer.getLocale(request)
	return isLocale(locale) ? locale : fallbackLng
}

/** `?lng=en` on any page switches the language and keeps it in the cookie. */
export async function getLocaleCookieHeader(request: Request): Promise<string | null> {
	const lng = new URL(request.url).searchParams.get('lng')
	if (!isLocale(lng)) return null
	return localeCookie.serialize(lng)
}
