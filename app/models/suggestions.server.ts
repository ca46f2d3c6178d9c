import { and, type AnyColumn, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { cohorts, startups } from '#db/schema/index'
import { startupRows } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { likePattern } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import type { Viewer } from './viewer'

/*
 * Filters with many values — a network's cohorts, sectors, startups — are text fields that
 * suggest as one types (GET /suggest/<kind>?q=…, app/components/suggest-field.tsx) rather than
 * selects of two thousand options. Without JavaScript the field is plain text, and what was
 * typed filters all the same: an exact name picks that one, a part of a name all that hold it.
 */

export const SUGGESTION_KINDS = ['cohorts', 'sectors', 'startups'] as const
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number]

const LIMIT = 20

/** Up to 20 values of `kind` containing `q`, for this viewer; the most recent cohorts first. */
export function suggest({ kind, q, viewer }: { kind: SuggestionKind; q: string; viewer: Viewer }) {
	const db = getDb()
	const like = sql`LIKE ${likePattern(q.trim())} ESCAPE '\\'`
	switch (kind) {
		case 'cohorts':
			if (!can(viewer, 'read:cohort:any') && !can(viewer, 'read:report:any')) return []
			return db
				.select({ value: cohorts.name })
				.from(cohorts)
				.where(sql`${cohorts.name} ${like}`)
				.orderBy(desc(cohorts.startDate), asc(cohorts.sortKey))
				.limit(LIMIT)
				.all()
				.map((r) => r.value)
		case 'sectors':
			return db
				.selectDistinct({ value: startups.sector })
				.from(startups)
				.where(and(startupRows(viewer, 'read:startup'), sql`${startups.sector} ${like}`))
				.orderBy(asc(startups.sector))
				.limit(LIMIT)
				.all()
				.map((r) => r.value)
		case 'startups':
			return db
				.select({ value: startups.name })
				.from(startups)
				.where(and(startupRows(viewer, 'read:startup'), sql`${startups.name} ${like}`))
				.orderBy(asc(startups.sortKey))
				.limit(LIMIT)
				.all()
				.map((r) => r.value)
	}
}

/**
 * A text filter on a column: the rows whose value is exactly what was typed (any case) if some
 * row has it — the value picked from the suggestions — else the rows whose value contains it.
 */
export function textFilter(
	column: SQL | typeof startups.sector,
	typed: string,
	exists: () => boolean,
) {
	return exists()
		? sql`${column} = ${typed} COLLATE NOCASE`
		: sql`${column} LIKE ${likePattern(typed)} ESCAPE '\\'`
}

/**
 * The cohort filter of a list, on a startup's cohort column: an id (links from elsewhere), a
 * cohort's exact name, or a part of cohort names.
 */
export function cohortCondition(cohortColumn: SQL | AnyColumn, value: string) {
	if (/^\d+$/.test(value)) return sql`${cohortColumn} = ${Number(value)}`
	const names = textFilter(sql`c.name`, value, () =>
		Boolean(
			getDb()
				.select({ id: cohorts.id })
				.from(cohorts)
				.where(sql`${cohorts.name} = ${value} COLLATE NOCASE`)
				.get(),
		),
	)
	return sql`${cohortColumn} IN (SELECT c.id FROM cohorts c WHERE ${names})`
}

/** A startup filter on a startup column: the startup picked, or every startup whose name holds the text. */
export function startupNameCondition(startupColumn: SQL | AnyColumn, value: string) {
	const names = textFilter(sql`n.name`, value, () =>
		Boolean(
			getDb()
				.select({ id: startups.id })
				.from(startups)
				.where(sql`${startups.name} = ${value} COLLATE NOCASE`)
				.get(),
		),
	)
	return sql`${startupColumn} IN (SELECT n.id FROM startups n WHERE ${names})`
}

/** What a startup filter shows in its field: the startup's name for an id, else the text typed. */
export function startupFilterLabel(value: string | undefined) {
	if (!value || !/^\d+$/.test(value)) return value
	return (
		getDb()
			.select({ name: startups.name })
			.from(startups)
			.where(eq(startups.id, Number(value)))
			.get()?.name ?? value
	)
}

/** A sector filter: the exact sector picked, or every sector containing the text typed. */
export function sectorCondition(value: string) {
	return textFilter(startups.sector, value, () =>
		Boolean(
			getDb()
				.select({ id: startups.id })
				.from(startups)
				.where(sql`${startups.sector} = ${value} COLLATE NOCASE`)
				.get(),
		),
	)
}

/** What a cohort filter shows in its field: the cohort's name for an id, else the text as typed. */
export function cohortFilterLabel(value: string | undefined) {
	if (!value || !/^\d+$/.test(value)) return value
	return (
		getDb()
			.select({ name: cohorts.name })
			.from(cohorts)
			.where(eq(cohorts.id, Number(value)))
			.get()?.name ?? value
	)
}
