import { z } from 'zod'

export const PER_PAGE_OPTIONS = [25, 50, 100] as const

/**
 * The query string of a list page: search, sort, direction and page live in the URL
 * so that a view can be bookmarked and shared. Anything malformed falls back to the default.
 */
export function parseListParams<const S extends readonly [string, ...string[]]>(
	searchParams: URLSearchParams,
	sortable: S,
	defaults: { sort: S[number]; dir?: 'asc' | 'desc' },
) {
	const schema = z.object({
		q: z.string().trim().max(100).catch(''),
		sort: z.enum(sortable).catch(defaults.sort),
		dir: z.enum(['asc', 'desc']).catch(defaults.dir ?? 'asc'),
		page: z.coerce.number().int().min(1).max(100_000).catch(1),
		perPage: z.coerce
			.number()
			.int()
			.refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))
			.catch(PER_PAGE_OPTIONS[0]),
	})
	return schema.parse({
		q: searchParams.get('q') ?? '',
		sort: searchParams.get('sort') ?? defaults.sort,
		dir: searchParams.get('dir') ?? defaults.dir ?? 'asc',
		page: searchParams.get('page') ?? 1,
		perPage: searchParams.get('perPage') ?? PER_PAGE_OPTIONS[0],
	})
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
