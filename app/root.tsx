import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import {
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { GeneralErrorBoundary } from './components/error-boundary'
import { Toaster } from './components/toaster'
import styles from './styles/app.css'
import callsStyles from './styles/calls.css'
import contactsStyles from './styles/contacts.css'
import fundingStyles from './styles/funding.css'
import mentorsStyles from './styles/mentors.css'
import nurseryStyles from './styles/nursery.css'
import { getUser } from './utils/auth.server'
import { today } from './utils/clock'
import { issueFormToken } from './utils/form-token.server'
import { fallbackLng } from './utils/i18n'
import { getLocale, getLocaleCookieHeader } from './utils/i18n.server'
import { pageTitle } from './utils/meta'
import { useNonce } from './utils/request-info'
import { useFocusHeadingOnNavigation } from './utils/use-focus-heading'
import { getToast } from './utils/session.server'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: styles },
	// one sheet per area, so that each area's styles stay beside its own work
	...[mentorsStyles, nurseryStyles, fundingStyles, contactsStyles, callsStyles].map((href) => ({
		rel: 'stylesheet',
		href,
	})),
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const [locale, user, { toast, headers: toastHeaders }, localeCookie] = await Promise.all([
		getLocale(request),
		getUser(request),
		getToast(request),
		getLocaleCookieHeader(request),
	])
	const headers = new Headers()
	if (toastHeaders) headers.append('Set-Cookie', toastHeaders['Set-Cookie'])
	if (localeCookie) headers.append('Set-Cookie', localeCookie)
	return data(
		{
			locale,
			toast,
			// the server's calendar date, so that forms in the browser default to the same day
			today: today(),
			user: user ? { id: user.id, name: user.name, role: user.role } : null,
			// the one-time token of this page's forms (components/form.tsx), new after each submission
			formToken: issueFormToken(),
		},
		{ headers },
	)
}

/** The pages without a title of their own: a root error page ("Introuvable · TEKTOS"). */
export const meta = pageTitle(() => [])

export function useRootData() {
	return useRouteLoaderData<typeof loader>('root')
}

/** Today in Calais, as the server's clock has it (the browser's own clock may disagree). */
export function useToday() {
	return useRootData()?.today ?? today()
}

export function Layout({ children }: { children: ReactNode }) {
	const locale = useRootData()?.locale ?? fallbackLng
	const nonce = useNonce()
	// the tab's title is written again once the messages of a page reached in the browser are
	// there (app/utils/meta.ts): the layout listens to the messages arriving
	useTranslation(undefined, { useSuspense: false })
	return (
		<html lang={locale}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	const rootData = useRootData()
	useChangeLanguage(rootData?.locale ?? fallbackLng)
	useFocusHeadingOnNavigation()
	return (
		<>
			<Outlet />
			<Toaster toast={rootData?.toast ?? null} />
		</>
	)
}

export function ErrorBoundary() {
	return (
		<main className="page page-narrow">
			<GeneralErrorBoundary />
		</main>
	)
}
