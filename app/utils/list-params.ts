import type { z } from 'zod'
import { PER_PAGE_OPTIONS } from './pagination'

export { PER_PAGE_OPTIONS }

/** A whole number from the query string within [min, max], or null. */
function wholeNumber(value: string | null, min: number, max: number) {
	if (value === null) return null
	const n = Number(value)
	return Number.isInteger(n) && n >= min && n <= max ? n : null
}

/** A page number from the query string (`page`, or a second list's `debtorsPage`…): 1 unless valid. */
export function pageParam(searchParams: URLSearchParams, name = 'page') {
	return wholeNumber(searchParams.get(name), 1, 100_000) ?? 1
}

/**
 * The query string of a list page: search, sort, direction and page live in the URL
 * so that a view can be bookmarked and shared. Anything malformed falls back to the default.
 * Read without zod: route modules import this file, and zod would follow them to the browser.
 */
export function parseListParams<const S extends readonly [string, ...string[]]>(
	searchParams: URLSearchParams,
	sortable: S,
	defaults: { sort: S[number]; dir?: 'asc' | 'desc' },
) {
	const q = (searchParams.get('q') ?? '').trim()
	const sort = searchParams.get('sort')
	const dir = searchParams.get('dir')
	const perPage = wholeNumber(searchParams.get('perPage'), 1, 1000)
	return {
		q: q.length <= 100 ? q : '',
		sort: (sort !== null && sortable.includes(sort) ? sort : defaults.sort) as S[number],
		dir: dir === 'asc' || dir === 'desc' ? dir : (defaults.dir ?? 'asc'),
		page: pageParam(searchParams),
		perPage:
			perPage !== null && (PER_PAGE_OPTIONS as readonly number[]).includes(perPage)
				? perPage
				: PER_PAGE_OPTIONS[0],
	}
}

/** An optional filter value: "" or missing or invalid means "no filter". */
export function optionalParam<T extends z.ZodTypeAny>(schema: T, value: string | null) {
	if (value === null || value === '') return undefined
	const parsed = schema.safeParse(value)
	return parsed.success ? (parsed.data as z.infer<T>) : undefined
}

export type Page<T> = { rows: T[]; total: number; page: number; perPage: number; pageCount: number }

export function pageOf<T>(rows: T[], total: number, page: number, perPage: number): Page<T> {
	return { rows, total, page, perPage, pageCount: Math.max(1, Math.ceil(total / perPage)) }
}

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
export function likePattern(q: string) {
	return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
