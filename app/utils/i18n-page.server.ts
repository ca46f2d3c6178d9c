import crypto from 'node:crypto'
import { Transform } from 'node:stream'
import type { i18n as I18n } from 'i18next'
import type { Locale } from './i18n'
import { resources } from './i18n-resources.server'

/*
 * A page carries the messages it used, in its language only (decision 0032): the namespaces the
 * server's render looked up or asked for, and always common and enums. The browser starts
 * i18next with them (entry.client.tsx) and fetches any other namespace on demand.
 */

export const PAGE_MESSAGES_ID = 'i18n-messages'

const ALWAYS = ['common', 'enums']

/** Notes every namespace a render of `instance` reads. */
export function recordNamespaces(instance: I18n) {
	const used = new Set<string>(ALWAYS)
	// every lookup of a key goes through the store (i18next's types leave this method out)
	const store = instance.services.resourceStore as unknown as {
		getResource: (lng: string, ns: string, ...rest: unknown[]) => unknown
	}
	const getResource = store.getResource.bind(store)
	store.getResource = (lng, ns, ...rest) => {
		used.add(ns)
		return getResource(lng, ns, ...rest)
	}
	const hasLoadedNamespace = instance.hasLoadedNamespace.bind(instance)
	instance.hasLoadedNamespace = (ns, options) => {
		for (const n of Array.isArray(ns) ? ns : [ns]) used.add(n)
		return hasLoadedNamespace(ns, options)
	}
	return used
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

/** The page's messages as a JSON data block (no script runs: nothing for a CSP to allow). */
export function messagesBlock(lng: Locale, namespaces: Iterable<string>) {
	const all = resources[lng] as Record<string, unknown>
	const chosen = Object.fromEntries(
		[...namespaces].filter((ns) => ns in all).map((ns) => [ns, all[ns]]),
	)
	const page = { lng, resources: chosen, versions: messageVersions() }
	// "<" escaped: no message can close the script element
	const json = JSON.stringify(page).replace(/</g, '\\u003c')
	return `<script type="application/json" id="${PAGE_MESSAGES_ID}">${json}</script>`
}

const CLOSING = Buffer.from('</body></html>')

/**
 * Passes the page through and puts `block()` — computed once the render is over, when every
 * namespace is known — just before `</body></html>`.
 */
export function appendBeforeClosingTags(block: () => string) {
	let tail = Buffer.alloc(0)
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			const all = Buffer.concat([tail, chunk])
			// hold back what could be the start of the closing tags
			const keep = Math.min(all.length, CLOSING.length)
			tail = all.subarray(all.length - keep)
			callback(null, all.subarray(0, all.length - keep))
		},
		flush(callback) {
			const closes = tail.equals(CLOSING)
			this.push(closes ? Buffer.alloc(0) : tail)
			this.push(Buffer.from(block()))
			if (closes) this.push(CLOSING)
			callback()
		},
	})
}
