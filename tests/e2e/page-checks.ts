import fs from 'node:fs'
import path from 'node:path'
import type * as AxeCore from 'axe-core'
import type { Page } from 'playwright-core'
import * as domainEnums from '../../db/schema/enums'
import { LANGUAGES, leafKeys, namespacesOnDisk, readMessages } from '../message-keys'

/*
 * What the page sweep (every-page.e2e.ts) checks on each page, as a reader would notice it:
 * words in the reader's language and no internal names, a title that says where one is, nothing
 * wider than the screen, nothing axe-core calls serious.
 */

export type Language = (typeof LANGUAGES)[number]

const ROOT = path.resolve(import.meta.dirname, '../..')
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')

const namespaces = (() => {
	const cwd = process.cwd()
	process.chdir(ROOT)
	try {
		return namespacesOnDisk().map((ns) => ({
			ns,
			messages: Object.fromEntries(LANGUAGES.map((lang) => [lang, readMessages(lang, ns)])),
		}))
	} finally {
		process.chdir(cwd)
	}
})()

function valueAt(messages: unknown, key: string): string {
	return key
		.split('.')
		.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages) as string
}

/** Every message key, as the code names it ("nav.skip", "startups:list.title"), plural forms too. */
const KEYS = new Set(
	namespaces.flatMap(({ ns, messages }) =>
		leafKeys(messages.fr).flatMap((key) => {
			const base = key.replace(/_(zero|one|two|few|many|other)$/, '')
			return [key, base, `${ns}:${key}`, `${ns}:${base}`]
		}),
	),
)

/** The codes of the domain's enumerations ("equity_round", "credit_note"). */
const CODES = new Set<string>(
	(Object.values(domainEnums) as unknown[]).filter((v) => Array.isArray(v)).flat() as string[],
)

/** A message as a whole-text pattern: its {{values}} stand for anything. */
function messagePattern(text: string) {
	const parts = text.split(/\{\{[^}]+\}\}|\$t\([^)]*\)/)
	return new RegExp(
		`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`,
		's',
	)
}

const MESSAGES = Object.fromEntries(
	LANGUAGES.map((lang) => {
		const texts = namespaces.flatMap(({ messages }) =>
			leafKeys(messages[lang]).map((key) => valueAt(messages[lang], key)),
		)
		const plain = new Set(texts.filter((t) => !t.includes('{{')))
		const patterns = texts.filter((t) => t.includes('{{')).map(messagePattern)
		return [lang, { plain, patterns }]
	}),
) as Record<Language, { plain: Set<string>; patterns: RegExp[] }>

/** The words the messages themselves use: a code a message names on purpose (a CSV's values) is one. */
const MESSAGE_WORDS = Object.fromEntries(
	LANGUAGES.map((lang) => [
		lang,
		new Set(
			namespaces.flatMap(({ messages }) =>
				leafKeys(messages[lang]).flatMap((key) =>
					valueAt(messages[lang], key).split(/[^\p{L}\p{N}_.:-]+/u),
				),
			),
		),
	]),
) as Record<Language, Set<string>>

function isMessage(lang: Language, text: string) {
	const m = MESSAGES[lang]
	return m.plain.has(text) || m.patterns.some((p) => p.test(text))
}

/** Internal names a reader should never meet: message keys and enumeration codes. */
export function rawNames(text: string, lang: Language): string[] {
	// addresses, emails and file names are what they are
	const words = text
		.replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
		.replace(/\bhttps?:\/\/\S+/g, ' ')
		.replace(/\b[\w-]+\.(pdf|csv|json|xlsx|svg)\b/gi, ' ')
		.split(/[^\p{L}\p{N}_.:-]+/u)
		.map((w) => w.replace(/^[.:-]+|[.:-]+$/g, ''))
		.filter(Boolean)
	return [
		...new Set(
			words.filter(
				(w) =>
					!MESSAGE_WORDS[lang].has(w) &&
					(((w.includes('.') || w.includes(':')) && KEYS.has(w)) ||
						// a code that is no word: "equity_round", "meeting_held"
						(CODES.has(w) && w.includes('_')) ||
						// a figure's code: "portfolio.hosted", "fb.ukEntries"
						(/^[a-z]{2,}\.[a-z]{2,}(?:[A-Z][a-z]+)*$/.test(w) &&
							!/\.(fr|uk|com|org|eu|io|net|example|gov|co)$/.test(w))),
			),
		),
	]
}

/**
 * The parts of a title ("Fretmanche · Startups · TEKTOS") that are neither a message of the
 * reader's language nor something the page shows (a record's name): a title written in the other
 * language, or not translated at all.
 */
export function foreignTitleParts(title: string, lang: Language, pageText: string): string[] {
	const parts = title.split(' · ')
	return parts.filter(
		(part) => part !== 'TEKTOS' && !isMessage(lang, part) && !pageText.includes(part),
	)
}

export type Findings = {
	url: string
	lang: Language
	title: string
	raw: string[]
	foreignTitle: string[]
	overflow: { width: number; scrollWidth: number; culprits: string[] }[]
	/** a chart's axis that counts in fractions: "0.25", "0,5" */
	fractionalTicks: string[]
	axe: { id: string; impact: string; help: string; targets: string[] }[]
}

/** The visible text and the names a screen reader reads (labels, alternative texts). */
export function readableText(page: Page) {
	return page.evaluate(() => {
		const names = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
			.flatMap((el) =>
				['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
			)
			.filter(Boolean)
		return [document.body.innerText, ...names].join('\n')
	})
}

/** How much wider than the window the page is, and the widest things that stick out. */
export async function overflowAt(page: Page, width: number) {
	await page.setViewportSize({ width, height: 900 })
	// the charts' ResizeObserver redraws them a few frames later: give the layout up to a
	// second to settle (a busy machine is slow), then measure
	await page.evaluate(async (width) => {
		const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
		await frame()
		await frame()
		const until = performance.now() + 1000
		while (document.documentElement.scrollWidth > width && performance.now() < until) await frame()
	}, width)
	return page.evaluate((width) => {
		const scrollWidth = document.documentElement.scrollWidth
		if (scrollWidth <= width) return null
		const culprits: string[] = []
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect()
			if (r.right <= width + 1 || r.width === 0) continue
			// only the outermost one of each branch, and none inside something that scrolls
			let parent = el.parentElement
			let inside = false
			while (parent && parent !== document.body) {
				const style = getComputedStyle(parent)
				if (
					/(auto|scroll|hidden)/.test(style.overflowX) ||
					parent.getBoundingClientRect().right > width + 1
				) {
					inside = true
					break
				}
				parent = parent.parentElement
			}
			if (inside) continue
			const name =
				el.tagName.toLowerCase() +
				(el.id ? `#${el.id}` : '') +
				(el.className && typeof el.className === 'string'
					? `.${el.className.trim().split(/\s+/).join('.')}`
					: '')
			culprits.push(`${name} (${Math.round(r.right)} px)`)
			if (culprits.length >= 5) break
		}
		return { width, scrollWidth, culprits }
	}, width)
}

/**
 * The ticks of the charts' value axes that are bare numbers and not whole ones. Counts and hours
 * are read on whole ticks; an amount says "€" and a ratio "×", so they are not bare numbers.
 */
export function fractionalTicks(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('.recharts-yAxis .recharts-cartesian-axis-tick-value')]
			.map((tick) => tick.textContent?.trim() ?? '')
			.filter((text) => /^[\d\s\u202f\u00a0]*[.,]\d+$/.test(text) && !/[.,]0+$/.test(text)),
	)
}

/** The serious and critical violations axe-core finds (WCAG 2.1 A and AA, and best practices). */
export async function axeViolations(page: Page) {
	// page.evaluate is not a <script>: the page's Content-Security-Policy does not apply to it
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
	const results = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: typeof AxeCore }).axe
		const { violations } = await axe.run(document, {
			resultTypes: ['violations'],
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
			},
		})
		return violations.map((v) => ({
			id: v.id,
			impact: v.impact ?? '',
			help: v.help,
			targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
		}))
	})
	return results.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** An error page's titles ("Introuvable", "Something went wrong"): a page that loaded is not one. */
export const ERROR_TITLES = new Set(
	LANGUAGES.flatMap((lang) =>
		['unexpected', 'notFound', 'forbidden', 'badRequest'].map((kind) =>
			valueAt(namespaces.find(({ ns }) => ns === 'common')!.messages[lang], `errors.${kind}.title`),
		),
	),
)

/** Everything wrong with the page as it is now, at 1,366 px and at 390 px. */
export async function checkPage(page: Page, lang: Language): Promise<Findings> {
	const [title, text] = await Promise.all([page.title(), readableText(page)])
	const axe = await axeViolations(page)
	const ticks = await fractionalTicks(page)
	const overflow = []
	for (const width of [1366, 390]) {
		const o = await overflowAt(page, width)
		if (o) overflow.push(o)
	}
	return {
		url: page.url(),
		lang,
		title,
		raw: rawNames(`${title}\n${text}`, lang),
		foreignTitle: foreignTitleParts(title, lang, text),
		overflow,
		fractionalTicks: ticks,
		axe,
	}
}
