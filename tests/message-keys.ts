/*
 * What the message files hold and what the code asks of them, read from the source text: the
 * locale test (app/locales/locales.test.ts) compares the two so that a key the code names is
 * never missing, a key nobody names does not linger, and no file says the same key twice.
 */
import fs from 'node:fs'
import path from 'node:path'

export const LOCALES_DIR = 'app/locales'
export const LANGUAGES = ['fr', 'en'] as const

// ---------------------------------------------------------------- the message files

export type Duplicate = { file: string; key: string }

/**
 * Keys written twice in one object of a JSON text: JSON.parse keeps the last one silently, so
 * this reads the raw text (a small tokenizer for the JSON the message files contain).
 */
export function duplicateKeys(text: string, file = ''): Duplicate[] {
	const duplicates: Duplicate[] = []
	let i = 0
	const skipSpace = () => {
		while (/\s/.test(text[i] ?? '')) i++
	}
	const readString = () => {
		const start = i
		i++ // opening quote
		while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1
		i++
		return JSON.parse(text.slice(start, i)) as string
	}
	const readValue = (at: string): void => {
		skipSpace()
		const c = text[i]
		if (c === '{') {
			i++
			const seen = new Set<string>()
			skipSpace()
			if (text[i] === '}') {
				i++
				return
			}
			for (;;) {
				skipSpace()
				const key = readString()
				const keyPath = at ? `${at}.${key}` : key
				if (seen.has(key)) duplicates.push({ file, key: keyPath })
				seen.add(key)
				skipSpace()
				i++ // colon
				readValue(keyPath)
				skipSpace()
				if (text[i++] === '}') return
			}
		} else if (c === '[') {
			i++
			skipSpace()
			if (text[i] === ']') {
				i++
				return
			}
			for (;;) {
				readValue(at)
				skipSpace()
				if (text[i++] === ']') return
			}
		} else if (c === '"') {
			readString()
		} else {
			while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++
		}
	}
	readValue('')
	return duplicates
}

export function namespacesOnDisk() {
	return fs
		.readdirSync(path.join(LOCALES_DIR, 'fr'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -'.json'.length))
		.sort()
}

export function readMessages(lang: string, ns: string): unknown {
	return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, `${ns}.json`), 'utf8'))
}

/** Every message of a namespace as 'a.b.c' paths to its strings. */
export function leafKeys(value: unknown, prefix = ''): string[] {
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k))
	}
	return [prefix]
}

const PLURAL = /_(zero|one|two|few|many|other)$/

/** A plural form 'x_one' is the message 'x' to the code. */
export const baseKey = (key: string) => key.replace(PLURAL, '')

// ---------------------------------------------------------------- what the code names

export type KeyUse = {
	file: string
	/** the namespaces the key may be in: the one it names, or those its file translates with */
	namespaces: string[]
	/** 'a.b.c', or a pattern when part of the key is computed: `kinds.${k}` */
	key: string | RegExp
	/** the static text the key was read from, for messages */
	text: string
	/** t('…') or a key named with its namespace: it must exist; other literals only may be keys */
	certain: boolean
}

export type Source = { file: string; text: string }

/** The app's code, tests left out: what the running app can ask for. */
export function appSources(dir = 'app'): Source[] {
	return (fs.readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
		.map((f) => path.join(dir, f))
		.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))
}

const KEY = /^[A-Za-z][\w-]*(\.[\w-]+)*$/
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

type Literal = { index: number; parts: string[] }

/**
 * The string literals of a TypeScript source, template literals as their written parts
 * (`kinds.${k}` → ['kinds.', '']), nested templates and comments understood, regular
 * expressions skipped.
 */
export function stringLiterals(text: string): Literal[] {
	const found: Literal[] = []
	let i = 0
	const isRegexStart = () => {
		let j = i - 1
		while (j >= 0 && /\s/.test(text[j]!)) j--
		if (j < 0) return true
		if (text[j] === '>') return text[j - 1] === '=' // an arrow, not the end of a JSX tag
		if (/[(,=:[!&|?{;+\-*%~^]/.test(text[j]!)) return true
		return /\b(return|typeof|case|in|of)$/.test(text.slice(Math.max(0, j - 6), j + 1))
	}
	// reads a template literal from its opening backtick; returns its parts
	const template = (): string[] => {
		const parts: string[] = []
		let current = ''
		i++
		while (i < text.length) {
			const c = text[i]!
			if (c === '\\') {
				current += text.slice(i, i + 2)
				i += 2
			} else if (c === '`') {
				i++
				parts.push(current)
				return parts
			} else if (c === '$' && text[i + 1] === '{') {
				parts.push(current)
				current = ''
				i += 2
				code(1)
			} else {
				current += c
				i++
			}
		}
		parts.push(current)
		return parts
	}
	// reads code until the brace that closes `depth` opened ones (0: to the end of the text)
	const code = (depth: number) => {
		while (i < text.length) {
			const c = text[i]!
			const next = text[i + 1]
			if (c === '/' && next === '/') {
				while (i < text.length && text[i] !== '\n') i++
			} else if (c === '/' && next === '*') {
				const end = text.indexOf('*/', i + 2)
				i = end < 0 ? text.length : end + 2
			} else if (c === "'" || c === '"') {
				const start = i
				i++
				let value = ''
				while (i < text.length && text[i] !== c && text[i] !== '\n') {
					if (text[i] === '\\') {
						value += text[i + 1]
						i += 2
					} else value += text[i++]
				}
				i++
				found.push({ index: start, parts: [value] })
			} else if (c === '`') {
				const start = i
				const parts = template()
				found.push({ index: start, parts })
			} else if (c === '/' && isRegexStart()) {
				i++
				let inClass = false
				while (i < text.length && text[i] !== '\n') {
					if (text[i] === '\\') i++
					else if (text[i] === '[') inClass = true
					else if (text[i] === ']') inClass = false
					else if (text[i] === '/' && !inClass) break
					i++
				}
				i++
			} else if (c === '{') {
				depth = depth ? depth + 1 : 0
				i++
			} else if (c === '}') {
				i++
				if (depth) {
					depth--
					if (depth === 0) return
				}
			} else {
				i++
			}
		}
	}
	code(0)
	return found
}

/**
 * The keys a file names. Its namespaces are those of its useTranslation('…') and
 * getFixedT(…, '…') calls, plus common (the fallback namespace); a file that translates
 * nothing itself (a schema, a model) hands its keys to any namespace.
 */
export function keyUses(namespaces: readonly string[], sources = appSources()): KeyUse[] {
	const uses: KeyUse[] = []
	for (const { file, text } of sources) {
		const own = [
			...text.matchAll(/useTranslation\(\s*'([a-z]+)'/g),
			...text.matchAll(/getFixedT\([^)]*?'([a-z]+)'\s*\)/g),
		].map((m) => m[1]!)
		const translates = /useTranslation\(|getFixedT\(/.test(text)
		const fileNamespaces = translates ? [...new Set([...own, 'common'])] : [...namespaces]
		// the names this file gives to its translation functions: t, tm, uiT…
		const tNames = new Set(['t'])
		for (const m of text.matchAll(/\{[^}]*\bt:\s*(\w+)[^}]*\}\s*=\s*useTranslation/g)) {
			tNames.add(m[1]!)
		}
		for (const m of text.matchAll(/const (\w+) = [\w.]*getFixedT\(/g)) tNames.add(m[1]!)
		const tCall = new RegExp(`\\b(?:${[...tNames].join('|')})\\(\\s*$`)

		for (const { index, parts } of stringLiterals(text)) {
			const before = text.slice(Math.max(0, index - 40), index)
			const raw = parts.join('${…}')
			const explicit = /^([a-z]+):(.*)$/s.exec(parts[0]!)
			const ns = explicit && namespaces.includes(explicit[1]!) ? explicit[1]! : null
			const head = ns ? explicit![2]! : parts[0]!
			// t('…'), a key with its namespace, and the keys handed over to be translated later
			const certain =
				ns !== null ||
				tCall.test(before) ||
				/\b(messageKey|labelKey):\s*$/.test(before) ||
				(/\bkey:\s*$/.test(before) && head.includes('.')) ||
				/^errors\./.test(head)
			const where = ns ? [ns] : fileNamespaces
			if (parts.length === 1) {
				if (KEY.test(head) && (head.includes('.') || certain)) {
					uses.push({ file, namespaces: where, key: head, text: raw, certain })
				}
			} else if (/^[A-Za-z]\w*(\.\w+)*\.$/.test(head)) {
				// only a key whose beginning is written out can be told apart from other text
				const pattern = new RegExp(`^${[head, ...parts.slice(1)].map(escape).join('.+')}$`)
				uses.push({ file, namespaces: where, key: pattern, text: raw, certain })
			}
		}
	}
	return uses
}

/** Whether `use` names `key` of `ns` (a plural form counts for its base key). */
export function names(use: KeyUse, ns: string, key: string) {
	if (!use.namespaces.includes(ns)) return false
	const base = baseKey(key)
	return typeof use.key === 'string'
		? use.key === key || use.key === base
		: use.key.test(key) || use.key.test(base)
}

// ---------------------------------------------------------------- the comparison

export type Messages = Record<string, Record<string, unknown>>

export type Problems = {
	/** keys the code names that a language lacks: 'fr funding:errors.x (in app/…)' */
	missing: string[]
	/** keys no code names: 'funding:page.title' */
	unused: string[]
}

/** `messages[lang][ns]`: the keys the code names but a language lacks, and those nobody names. */
export function compareKeys(messages: Messages, uses: readonly KeyUse[]): Problems {
	const missing = new Set<string>()
	const unused = new Set<string>()
	for (const [lang, byNamespace] of Object.entries(messages)) {
		const keys = Object.fromEntries(
			Object.entries(byNamespace).map(([ns, tree]) => [ns, leafKeys(tree)]),
		)
		for (const use of uses) {
			if (!use.certain) continue
			const found = use.namespaces.some((ns) =>
				(keys[ns] ?? []).some((key) =>
					typeof use.key === 'string'
						? key === use.key || baseKey(key) === use.key
						: use.key.test(key),
				),
			)
			if (!found) missing.add(`${lang} ${use.text} (in ${use.file})`)
		}
		for (const [ns, list] of Object.entries(keys)) {
			for (const key of list) {
				if (!uses.some((use) => names(use, ns, key))) unused.add(`${ns}:${key}`)
			}
		}
	}
	return { missing: [...missing].sort(), unused: [...unused].sort() }
}
