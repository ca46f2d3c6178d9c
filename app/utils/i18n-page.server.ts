import crypto from 'node:crypto'
import { Transform } from 'node:stream'
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Locale } from './i18n'
import { resources, serverI18nConfig } from './i18n-resources.server'

/*
 * A page carries the messages it used, in its language only (decision 0032): the namespaces the
 * server's render looked up or asked for, and always common and enums. The browser starts
 * i18next with them (entry.client.tsx) and fetches any other namespace on demand.
 */

export const PAGE_MESSAGES_ID = 'i18n-messages'

const ALWAYS = ['common', 'enums']

type Options = Record<string, unknown> & { ns?: string | readonly string[] }

// what a plain lookup's options hold (react-i18next's fixed t fills these in); anything else —
// a count, a value to interpolate — and the message is made afresh
const PLAIN = new Set(['lng', 'lngs', 'ns', 'keyPrefix'])

const bases = new Map<Locale, Promise<I18n>>()
const plainMessages = new Map<Locale, Map<string, unknown>>()

function baseInstance(lng: Locale) {
	let base = bases.get(lng)
	if (!base) {
		const instance = createInstance()
		base = instance
			.use(initReactI18next)
			.init({ ...serverI18nConfig, lng })
			.then(() => instance)
		bases.set(lng, base)
	}
	return base
}

/**
 * The i18next instance one page renders with: a clone of the language's instance (made once
 * with every message), whose `t` remembers the plain messages it looked up — a page of a
 * thousand rows asks for the same labels a thousand times — and notes every namespace used, for
 * the messages the page carries to the browser.
 */
export async function pageI18n(lng: Locale) {
	const clone = (await baseInstance(lng)).cloneInstance({ initImmediate: false })
	let cache = plainMessages.get(lng)
	if (!cache) plainMessages.set(lng, (cache = new Map()))
	const used = new Set<string>(ALWAYS)
	const note = (ns: Options['ns']) => {
		if (typeof ns === 'string') used.add(ns)
		else if (ns) for (const n of ns) used.add(n)
	}
	const translate = clone.t.bind(clone) as (key: unknown, options?: unknown) => unknown
	const t = (key: unknown, options?: unknown) => {
		const opts = (typeof options === 'object' && options !== null ? options : {}) as Options
		note(opts.ns)
		if (typeof key === 'string') {
			const colon = key.indexOf(':')
			if (colon > 0) used.add(key.slice(0, colon))
		}
		const plain =
			typeof key === 'string' &&
			(options === undefined || typeof options === 'object') &&
			Object.keys(opts).every((k) => PLAIN.has(k) && (k !== 'keyPrefix' || !opts[k]))
		if (!plain) return translate(key, options)
		const id = `${Array.isArray(opts.ns) ? opts.ns.join(',') : (opts.ns ?? '')}\u0001${key}`
		if (cache.has(id)) return cache.get(id)
		const message = translate(key, options)
		cache.set(id, message)
		return message
	}
	clone.t = t as typeof clone.t
	const hasLoadedNamespace = clone.hasLoadedNamespace.bind(clone)
	clone.hasLoadedNamespace = (ns, options) => {
		note(ns)
		return hasLoadedNamespace(ns, options)
	}
	return { instance: clone, used }
}

let versions: Record<string, string> | undefined
/**
 * A short hash of each namespace's messages in each language ("fr/contacts" → "3f9a1c2b"):
 * /locales/fr/contacts?v=3f9a1c2b can then be kept by the browser for good.
 */
export function messageVersions() {
	versions ??= Object.fromEntries(
		Object.entries(resources).flatMap(([lng, namespaces]) =>
			Object.entries(namespaces).map(([ns, messages]) => [
				`${lng}/${ns}`,
				crypto.createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 8),
			]),
		),
	)
	return versions
}

const jsonCache = new Map<string, string>()
/** JSON with "<" escaped, so that no message can close the script element; made once. */
function escapedJson(id: string, value: () => unknown) {
	let json = jsonCache.get(id)
	if (json === undefined) {
		json = JSON.stringify(value()).replace(/</g, '\\u003c')
		jsonCache.set(id, json)
	}
	return json
}

/** The page's messages as a JSON data block (no script runs: nothing for a CSP to allow). */
export function messagesBlock(lng: Locale, namespaces: Iterable<string>) {
	const all = resources[lng] as Record<string, unknown>
	const chosen = [...namespaces]
		.filter((ns) => ns in all)
		.map((ns) => `${JSON.stringify(ns)}:${escapedJson(`${lng}/${ns}`, () => all[ns])}`)
	const versions = escapedJson('versions', messageVersions)
	const json = `{"lng":${JSON.stringify(lng)},"resources":{${chosen.join(',')}},"versions":${versions}}`
	return `<script type="application/json" id="${PAGE_MESSAGES_ID}">${json}</script>`
}

const CLOSING = Buffer.from('</body></html>')

/**
 * Passes the page through and puts `block()` — computed once the render is over, when every
 * namespace is known — just before `</body></html>`. React writes a page in chunks of 2 KB; what
 * it writes in one go leaves as one chunk, so that the response's later steps (the web stream,
 * gzip, the socket) handle a page in a few pieces rather than thirty.
 */
export function appendBeforeClosingTags(block: () => string) {
	let tail = Buffer.alloc(0)
	let pending: Buffer[] = []
	let scheduled = false
	const release = () => {
		if (pending.length) stream.push(pending.length === 1 ? pending[0] : Buffer.concat(pending))
		pending = []
	}
	const stream = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			const all = Buffer.concat([tail, chunk])
			// hold back what could be the start of the closing tags
			const keep = Math.min(all.length, CLOSING.length)
			tail = all.subarray(all.length - keep)
			pending.push(all.subarray(0, all.length - keep))
			if (!scheduled) {
				scheduled = true
				queueMicrotask(() => {
					scheduled = false
					release()
				})
			}
			callback()
		},
		flush(callback) {
			release()
			const closes = tail.equals(CLOSING)
			if (!closes) this.push(tail)
			this.push(Buffer.from(block()))
			if (closes) this.push(CLOSING)
			callback()
		},
	})
	return stream
}
