import { RemixBrowser } from '@remix-run/react'
import i18next, { type BackendModule } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nConfig } from './utils/i18n'

/*
 * The page came with the messages it used, in its language (entry.server.tsx, decision 0032);
 * any other namespace — another page's, the other language's — is fetched when needed from
 * /locales/<lng>/<ns>, and kept by the browser (its version is in the URL).
 */
type PageMessages = {
	lng: string
	resources: Record<string, Record<string, unknown>>
	versions: Record<string, string>
}

function pageMessages(): PageMessages {
	const block = document.getElementById('i18n-messages')
	if (!block?.textContent)
		return { lng: document.documentElement.lang, resources: {}, versions: {} }
	return JSON.parse(block.textContent) as PageMessages
}

function fetchBackend(versions: Record<string, string>): BackendModule {
	return {
		type: 'backend',
		init() {},
		read(language, namespace, callback) {
			const version = versions[`${language}/${namespace}`]
			fetch(`/locales/${language}/${namespace}${version ? `?v=${version}` : ''}`)
				.then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
				.then((messages) => callback(null, messages))
				.catch((error: Error) => callback(error, null))
		},
	}
}

async function hydrate() {
	const page = pageMessages()
	await i18next
		.use(initReactI18next)
		.use(fetchBackend(page.versions))
		.init({
			...i18nConfig,
			lng: page.lng,
			// both languages have every key (locales.test.ts): no other language to fetch
			fallbackLng: false,
			ns: Object.keys(page.resources),
			resources: { [page.lng]: page.resources },
			// the namespaces not sent come from the backend, when a component asks for them
			partialBundledLanguages: true,
			// a key of a namespace not loaded yet (t('contacts:…') from another namespace's
			// component) fetches it; the components re-render once it is there
			saveMissing: true,
			missingKeyHandler: (lngs, ns) => {
				if (!i18next.hasLoadedNamespace(ns)) void i18next.loadNamespaces(ns)
			},
			react: { bindI18nStore: 'added' },
		})
	startTransition(() => {
		hydrateRoot(
			document,
			<I18nextProvider i18n={i18next}>
				<StrictMode>
					<RemixBrowser />
				</StrictMode>
			</I18nextProvider>,
		)
	})
}

void hydrate()
