import type { LoaderFunction, MetaArgs, MetaDescriptor, MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import type { TFunction } from 'i18next'
import i18next from 'i18next'
import { fallbackLng, isLocale, type Locale } from './i18n'
import { fixedT } from './i18n-fixed.server'
import { type Formats, formatsFor } from './use-format'

/** The last part of every title: the tab says whose site this is. */
export const BRAND = 'TEKTOS'

type Part = string | null | undefined | false

export type TitleArgs<Loader> = MetaArgs<Loader> & {
	t: TFunction
	f: Formats
	locale: Locale
	/** a record written in both languages (a call's title): the reader's */
	pick: <T>(fr: T, en: T) => T
}

/**
 * A browser tab's title, in the reader's language, most specific first and naming the record:
 * "Fretmanche · Startups · TEKTOS". Every page's `meta` is one of these (decision 0039):
 *
 *     export const meta = pageTitle<typeof loader>(({ data, t }) => [data?.startup.name, t('nav.startups')])
 *
 * The parts are the page's own heading (its record's name, or the message its <h1> shows) and
 * the area of the navigation it belongs to; missing parts are left out, so a page whose loader
 * failed is still titled with its area, after what went wrong ("Introuvable · Startups · TEKTOS").
 * The language is the root loader's, the one the page is written in.
 */
export function pageTitle<Loader extends LoaderFunction | unknown = unknown>(
	parts: (args: TitleArgs<Loader>) => Part[],
	more: MetaDescriptor[] = [],
): MetaFunction<Loader> {
	return (args) => {
		const root = args.matches.find((match) => match.id === 'root')?.data as
			{ locale?: unknown } | undefined
		const locale = isLocale(root?.locale) ? root.locale : fallbackLng
		const t = translator(locale)
		// no error is `undefined` on the server and `null` in the browser
		const error = args.error == null ? null : errorTitle(args.error, t)
		return [
			{
				title: titleText([
					error,
					...parts({
						...args,
						t,
						f: formatsFor(locale),
						locale,
						pick: (fr, en) => (locale === 'en' ? en : fr),
					}),
				]),
			},
			...more,
		]
	}
}

/**
 * The messages of a language: on the server, all of them (i18n-fixed.server.ts, left out of the
 * browser build); in the browser, the page's instance, which holds the namespaces the page uses
 * and fetches the others (decision 0032) — the root's Layout renders the title again once they
 * are there.
 */
function translator(locale: Locale): TFunction {
	if (typeof document === 'undefined') return fixedT(locale)
	return i18next.getFixedT(locale)
}

/** The parts, without the empty ones nor one said twice in a row ("Startups · Startups"). */
export function titleText(parts: Part[]) {
	const said: string[] = []
	for (const part of [...parts, BRAND]) {
		const text = part ? part.trim() : ''
		if (text && said.at(-1) !== text) said.push(text)
	}
	return said.join(' · ')
}

function errorTitle(error: unknown, t: TFunction) {
	if (!isRouteErrorResponse(error)) return t('errors.unexpected.title')
	if (error.status === 404) return t('errors.notFound.title')
	if (error.status === 403) return t('errors.forbidden.title')
	if (error.status === 400) return t('errors.badRequest.title')
	return t('errors.unexpected.title')
}
