import { type FieldDef, headerKey } from './fields'

/*
 * Matching a file's columns to an importer's fields. A header equal (once normalised) to one
 * of a field's known headers wins, the earliest-listed first; a header one or two letters away
 * from a known one (a typo, "Adresse e-mai") is matched too — the way Twenty CRM's importer
 * auto-maps with a small edit distance. Each field takes at most one column.
 */

/** For each column, the field it fills, or null: "do not import". */
export type Mapping = (string | null)[]

function distance(a: string, b: string) {
	if (Math.abs(a.length - b.length) > 2) return 3
	const prev = Array.from({ length: b.length + 1 }, (_, i) => i)
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!
		prev[0] = i
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j]!
			prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
			diag = up
		}
	}
	return prev[b.length]!
}

export function autoMatch(header: string[], fields: FieldDef[]): Mapping {
	const keys = header.map(headerKey)
	const candidates: { column: number; field: string; rank: number }[] = []
	for (const field of fields) {
		field.headers.forEach((known, rank) => {
			const k = headerKey(known)
			keys.forEach((key, column) => {
				if (!key) return
				if (key === k) candidates.push({ column, field: field.key, rank })
				else if (key.length >= 6 && distance(key, k) <= (key.length >= 10 ? 2 : 1)) {
					candidates.push({ column, field: field.key, rank: rank + 1000 })
				}
			})
		})
	}
	candidates.sort((a, b) => a.rank - b.rank || a.column - b.column)
	const mapping: Mapping = header.map(() => null)
	const taken = new Set<string>()
	for (const c of candidates) {
		if (mapping[c.column] || taken.has(c.field)) continue
		mapping[c.column] = c.field
		taken.add(c.field)
	}
	return mapping
}

export function knownHeaders(fields: FieldDef[]) {
	const set = new Set(fields.flatMap((f) => f.headers.map(headerKey)))
	return (cell: string) => set.has(headerKey(cell))
}

/** The file's shape: its normalised headers in order. Two exports of one tool share it. */
export function shapeOf(header: string[]) {
	return header.map(headerKey).join('|')
}

/** A saved mapping (header key → field) laid onto this file's columns. */
export function applySavedMapping(header: string[], saved: Record<string, string | null>) {
	return header.map((h) => saved[headerKey(h)] ?? null)
}

export function mappingToSaved(header: string[], mapping: Mapping) {
	return Object.fromEntries(header.map((h, i) => [headerKey(h), mapping[i] ?? null]))
}
