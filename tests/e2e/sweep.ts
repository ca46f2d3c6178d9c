import type { Browser, BrowserContext } from 'playwright-core'
import { checkPage, ERROR_TITLES, type Findings, type Language } from './page-checks'
import { fill, findIds, isPublic, pageRoutes, type Route, valuesFor, type Visitor } from './pages'

/*
 * The page sweep: every page a visitor reaches, in one language, checked by page-checks.ts.
 * Pages load side by side in one signed-in context (a browser tab each), a few at a time.
 */

export const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' }

/** Pages a visitor may not open (403), or that send them elsewhere, are not theirs to check. */
export type Visit = { route: Route; path: string; status: number; findings?: Findings }

/** A signed-in browser context for a role, in a language: signed in once, reused for every page. */
export async function signedInContext(
	browser: Browser,
	baseURL: string,
	visitor: Visitor,
	lang: Language,
	storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
	const context = await browser.newContext({
		locale: LOCALES[lang],
		viewport: { width: 1366, height: 900 },
		baseURL,
		storageState,
	})
	if (visitor !== 'anonymous' && !storageState) {
		const page = await context.newPage()
		await page.goto('/login')
		await page.getByLabel(/e-mail|email/i).fill(`${visitor}@tektos.example`)
		await page.getByLabel(/mot de passe|password/i).fill('tektos-demo')
		await page.getByRole('button', { name: /se connecter|sign in/i }).click()
		await page.waitForURL((u) => !u.pathname.startsWith('/login'))
		await page.close()
	}
	return context
}

/**
 * The pages a visitor is shown in the sweep: the signed-in pages (and the page of an unknown
 * address), or the public ones. `linked` gives, by pattern, the address of the pages reached
 * through a private link.
 */
export function pagesOf(
	visitor: Visitor,
	databasePath: string,
	linked: Record<string, string> = {},
	routes = pageRoutes(),
) {
	const mine = routes.filter((route) =>
		visitor === 'anonymous' ? isPublic(route) : !isPublic(route) || route.pattern === '/*',
	)
	const byIds = mine.filter((route) => !linked[route.pattern])
	const ids = findIds(databasePath, [...new Set(byIds.flatMap((r) => r.params))])
	return mine.flatMap((route) => {
		const link = linked[route.pattern]
		if (link) return [{ route, path: link }]
		return valuesFor(route, ids).map((values) => ({
			route,
			path: fill(route.pattern, values) + (SEARCH[route.pattern] ?? ''),
		}))
	})
}

/** Pages that show something only with a query: the records behind one of the report's figures. */
const SEARCH: Record<string, string> = {
	'/reports/records': '?metric=portfolio.hosted',
}

export async function sweep({
	context,
	lang,
	pages,
	concurrency = 4,
}: {
	context: BrowserContext
	lang: Language
	pages: { route: Route; path: string }[]
	concurrency?: number
}): Promise<Visit[]> {
	const visits: Visit[] = []
	// the pages the visitor may not open answer 403 at once: no need for a tab to know it. A few
	// at a time: a server flooded with every page at once answers the slowest after Remix's abort
	// delay, with a 500 that is the sweep's doing
	const statuses = await inTurn(pages, concurrency, async (p) =>
		(await context.request.get(p.path, { maxRedirects: 0 })).status(),
	)
	const queue = pages.filter((p, i) => {
		const status = statuses[i]!
		if (status === 200 || (status === 404 && p.route.pattern === '/*')) return true
		visits.push({ ...p, status })
		return false
	})
	const worker = async () => {
		const page = await context.newPage()
		try {
			for (let next = queue.shift(); next; next = queue.shift()) {
				await page.setViewportSize({ width: 1366, height: 900 })
				const response = await page.goto(next.path)
				const status = response?.status() ?? 0
				// the page has hydrated and drawn its charts once the network is quiet
				await page.waitForLoadState('networkidle')
				visits.push({ ...next, status, findings: await checkPage(page, lang) })
			}
		} finally {
			await page.close()
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker))
	return visits
}

/** `work` on each item, `lanes` at a time, the results in the items' order. */
async function inTurn<T, R>(items: T[], lanes: number, work: (item: T) => Promise<R>) {
	const results: R[] = new Array(items.length)
	let next = 0
	const lane = async () => {
		for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!)
	}
	await Promise.all(Array.from({ length: lanes }, lane))
	return results
}

/** What is wrong with the pages, one line each, for a failure message that says where to look. */
export function problems(visits: Visit[]): string[] {
	return visits.flatMap(({ path, status, findings: f }) => {
		if (status >= 500) return [`${path}: ${status}`]
		if (!f) return []
		return [
			...f.raw.map((name) => `${path}: an internal name on the page or its title: ${name}`),
			...f.foreignTitle.map(
				(part) => `${path}: the title "${f.title}" is not in the reader's language: ${part}`,
			),
			...(status === 200 && ERROR_TITLES.has(f.title.split(' · ')[0]!)
				? [`${path}: the page loaded, yet its title "${f.title}" says it failed`]
				: []),
			...(f.title.endsWith('TEKTOS')
				? []
				: [`${path}: the title "${f.title}" does not end with TEKTOS`]),
			...f.overflow.map(
				(o) =>
					`${path}: ${o.scrollWidth} px wide on a ${o.width} px screen (${o.culprits.join(', ')})`,
			),
			...(f.fractionalTicks.length
				? [`${path}: a chart counts in fractions: ${f.fractionalTicks.join(' ')}`]
				: []),
			...f.axe.map((v) => `${path}: axe ${v.impact} ${v.id} (${v.help}): ${v.targets.join(' | ')}`),
		]
	})
}
