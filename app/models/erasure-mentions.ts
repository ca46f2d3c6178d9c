/*
 * Finding a person in free text, for erasure (docs/decisions/0016-erasure-scrub.md).
 *
 * Always taken out, whatever the case or accents: the email, the phone as people write it
 * ("+44 1304 249999", "01304 249 999", "+44 (0)1304…"), the full name in either order
 * ("Harriet Collins", "COLLINS, Harriet").
 * Taken out when unambiguous — nobody else the CRM knows bears that name — a title with the last
 * name ("Ms Collins", "Mme Collins") and the first or last name alone, written as a name
 * (capitalised: "Harriet", not "harriet"). A name that is also a common word ("Will", "Grant",
 * "Rose") is taken out alone only from a text that is about the person or names her in full.
 * No database here: the same rules serve the preview and the erasure, and are tested as such.
 */

export type Person = {
	firstName: string | null
	lastName: string | null
	email: string | null
	phone: string | null
}

export const SCRUBBED = '[…]'

/** Lower case, accents dropped, with where each folded character came from in the original. */
function fold(text: string) {
	// eslint-disable-next-line no-control-regex -- plain ASCII folds one to one
	if (/^[\u0000-\u007f]*$/.test(text)) {
		return { folded: text.toLowerCase(), start: (i: number) => i, end: (i: number) => i }
	}
	let folded = ''
	const starts: number[] = []
	const ends: number[] = []
	let at = 0
	for (const ch of text) {
		const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
		for (let k = 0; k < f.length; k++) {
			starts.push(at)
			ends.push(at + ch.length)
		}
		folded += f
		at += ch.length
	}
	return {
		folded,
		start: (i: number) => (i < starts.length ? starts[i]! : text.length),
		// the end of the original character behind folded[i - 1]
		end: (i: number) => (i > 0 ? ends[i - 1]! : 0),
	}
}

export function foldName(name: string) {
	return fold(name.trim()).folded.replace(/[\s\u00a0\-‐–]+/g, ' ')
}

function escapeRegExp(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A folded name as a pattern: a space or a hyphen between its parts, either apostrophe. */
function namePattern(folded: string) {
	return folded
		.split(' ')
		.map((part) => escapeRegExp(part).replace(/['’]/g, "['’]"))
		.join('[\\s\\u00a0\\-‐–]+')
}

const BEFORE = '(?<![\\p{L}\\p{N}])'
const AFTER = '(?![\\p{L}\\p{N}])'
const TITLES =
	'(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lady|lord|m\\.|mme|mlle|madame|monsieur|mademoiselle|docteur|maitre|me|pr)\\.?'

/**
 * Names that are also everyday words, in English or French (or words of the incubator's trade):
 * alone, they are taken out only where the text is about the person.
 */
const COMMON_WORDS = new Set(
	`will may june april august rose grace hope faith joy mark bill pat art rich sunny summer dawn eve
	ivy lily daisy holly amber ruby pearl crystal sky river stone wood woods hill field fields king
	bishop baker smith cook miller turner carter porter mason wright young long short brown white
	black green gray grey little rice lane street ford bush well wells bell page case price nash
	frank guy major noble prince duke earl baron chase hunter fisher archer fuller sage chance
	grant bond cash rent lease sale deal port market trade hall house cross church lake brook marsh
	moore heath forest shore coast bridge bank banks fund good best new north south east west
	constant clement prudence patience honor sterling victor sunday monday friday summers winter
	pierre claire blanche marin marine petit blanc noir roux leger fort bon grand roy roi boucher
	boulanger berger marchand meunier charpentier france paris loire lune soleil jean martin
	vincent olive`
		.split(/\s+/)
		.filter(Boolean),
)

export type MentionRules = {
	/** what identifies her anywhere: full name, email, titled last name (when unambiguous) */
	full: RegExp[]
	phone: PhoneRule[]
	/** names alone that only she bears */
	alone: { name: string; regex: RegExp; common: boolean }[]
	/** names alone left in place: someone else bears them too */
	ambiguous: string[]
}

/**
 * The rules for one person. `otherNames` are the names of everyone else the CRM knows (other
 * contacts, users, mentors, team members): a first or last name one of them bears is ambiguous.
 */
export function mentionRules(person: Person, otherNames: Iterable<string>): MentionRules {
	const taken = new Set<string>()
	for (const name of otherNames) {
		const folded = foldName(name)
		if (!folded) continue
		taken.add(folded)
		for (const part of folded.split(' ')) taken.add(part)
	}
	const first = person.firstName ? foldName(person.firstName) : ''
	const last = person.lastName ? foldName(person.lastName) : ''
	const full: RegExp[] = []
	const email = person.email?.trim().toLowerCase()
	if (email && email.length >= 3) {
		full.push(
			new RegExp(
				`(?<![\\p{L}\\p{N}._%+\\-])${escapeRegExp(email)}(?![\\p{L}\\p{N}\\-]|\\.[\\p{L}\\p{N}])`,
				'gu',
			),
		)
	}
	if (first && last) {
		const [f, l] = [namePattern(first), namePattern(last)]
		full.push(new RegExp(`${BEFORE}(?:${TITLES}[\\s\\u00a0]+)?${f}[\\s\\u00a0]+${l}${AFTER}`, 'gu'))
		full.push(new RegExp(`${BEFORE}${l},?[\\s\\u00a0]+${f}${AFTER}`, 'gu'))
	}
	const alone: MentionRules['alone'] = []
	const ambiguous: string[] = []
	for (const [name, original] of [
		[last, person.lastName],
		[first, person.firstName],
	] as const) {
		if (!name || !original || name.replace(/[^\p{L}]/gu, '').length < 2) continue
		if (taken.has(name)) {
			ambiguous.push(original.trim())
			continue
		}
		if (name === last) {
			full.push(new RegExp(`${BEFORE}${TITLES}[\\s\\u00a0]+${namePattern(name)}${AFTER}`, 'gu'))
		}
		alone.push({
			name: original.trim(),
			regex: new RegExp(`${BEFORE}${namePattern(name)}${AFTER}`, 'gu'),
			common: name.split(' ').some((part) => COMMON_WORDS.has(part)),
		})
	}
	return { full, phone: phoneRules(person.phone), alone, ambiguous }
}

// ---------------------------------------------------------------- phone numbers

type PhoneRule = { nsn: string; prefixes: Set<string> | 'any' }

/**
 * A phone number as the digits that identify it (the national significant number) and the
 * prefixes people write before them: "0", the country code, "00" and the code, "(0)". Never
 * the bare national digits: nine digits alone are as likely a SIREN.
 */
function phoneRules(phone: string | null): PhoneRule[] {
	if (!phone) return []
	const digits = phone.replace(/\D/g, '')
	const international = /^\s*(\+|00)/.test(phone)
	if (international) {
		const d = phone.trim().startsWith('00') ? digits.slice(2) : digits
		const code = d.slice(0, countryCodeLength(d))
		const nsn = d.slice(code.length)
		if (nsn.length < 6) return []
		return [{ nsn, prefixes: new Set(['0', code, `${code}0`, `00${code}`, `00${code}0`]) }]
	}
	if (digits.length < 6) return []
	// written the national way: any country code may stand in front of it
	if (digits.startsWith('0')) return [{ nsn: digits.slice(1), prefixes: 'any' }]
	return [{ nsn: digits, prefixes: new Set(['']) }]
}

/** E.164 country codes: 1 and 7 alone, these two-digit ones, three digits for the rest. */
function countryCodeLength(digits: string) {
	if (/^[17]/.test(digits)) return 1
	if (/^(?:2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/.test(digits)) return 2
	return 3
}

function prefixAllowed(prefix: string, rule: PhoneRule) {
	if (rule.prefixes !== 'any') return rule.prefixes.has(prefix)
	return /^(?:0|(?:00)?\d{1,3}0?)$/.test(prefix)
}

/** Where the phone number is written in the text: runs of digit groups, any sub-run may be it. */
function phoneSpans(text: string, rules: PhoneRule[]): [number, number][] {
	if (rules.length === 0) return []
	const spans: [number, number][] = []
	for (const run of text.matchAll(/\+?\(?\d[\d\s.\-/()\u00a0]*\d\)?/g)) {
		const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({
			digits: g[0],
			start: run.index + g.index,
			end: run.index + g.index + g[0].length,
		}))
		for (let from = 0; from < groups.length; from++) {
			let digits = ''
			for (let to = from; to < groups.length; to++) {
				digits += groups[to]!.digits
				if (digits.length > 17) break
				const match = rules.some(
					(rule) =>
						digits.endsWith(rule.nsn) &&
						prefixAllowed(digits.slice(0, digits.length - rule.nsn.length), rule),
				)
				if (match) {
					// the "+" or "(" written before the first group goes with it
					const before = text.slice(0, groups[from]!.start).match(/[+(]+$/)?.[0].length ?? 0
					spans.push([groups[from]!.start - before, groups[to]!.end])
				}
			}
		}
	}
	return spans
}

// ---------------------------------------------------------------- scrubbing

/**
 * The text with every mention of the person replaced by "[…]"; the same string (===) when there
 * is none. `aboutHer`: the text belongs to her own history (an interaction with her, an audit
 * row about her record), where a name that is also a word is still her name.
 */
export function scrubMentions(text: string, rules: MentionRules, aboutHer = false): string {
	if (!text) return text
	const { folded, start, end } = fold(text)
	const spans: [number, number][] = []
	const add = (s: number, e: number) => spans.push([start(s), end(e)])
	for (const regex of rules.full) {
		for (const m of folded.matchAll(regex)) add(m.index, m.index + m[0].length)
	}
	spans.push(...phoneSpans(text, rules.phone))
	const namedInFull = spans.length > 0
	for (const { regex, common } of rules.alone) {
		if (common && !aboutHer && !namedInFull) continue
		for (const m of folded.matchAll(regex)) {
			const s = start(m.index)
			// written as a name: "Harriet" or "HARRIET", not the word "harriet" in a sentence
			if (!/\p{Lu}/u.test(text[s] ?? '')) continue
			add(m.index, m.index + m[0].length)
		}
	}
	if (spans.length === 0) return text
	spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
	let out = ''
	let at = 0
	for (const [s, e] of spans) {
		if (e <= at) continue
		out += text.slice(at, Math.max(at, s)) + (s >= at ? SCRUBBED : '')
		at = e
	}
	return out + text.slice(at)
}

/** The same, inside the strings of a JSON document (an audit row's changes); plain text if not JSON. */
export function scrubJsonMentions(text: string, rules: MentionRules, aboutHer = false): string {
	let parsed: unknown
	try {
		parsed = JSON.parse(text)
	} catch {
		return scrubMentions(text, rules, aboutHer)
	}
	let changed = false
	const walk = (value: unknown): unknown => {
		if (typeof value === 'string') {
			const scrubbed = scrubMentions(value, rules, aboutHer)
			if (scrubbed !== value) changed = true
			return scrubbed
		}
		if (Array.isArray(value)) return value.map(walk)
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]))
		}
		return value
	}
	const result = walk(parsed)
	return changed ? JSON.stringify(result) : text
}
