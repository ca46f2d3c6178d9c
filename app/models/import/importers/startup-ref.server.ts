import { and, eq } from 'drizzle-orm'
import { startups } from '#db/schema/index'
import type { Viewer } from '~/models/viewer'
import { CompaniesHouseSchema, SirenSchema } from '~/schemas/startup'
import { startupRows } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { normaliseName } from '../interpret'
import type { Issue } from '../types'

/** What importing a startup's funding or figures takes on that startup. */
export const IMPORT_GRANTS = { funding: 'update:funding', kpis: 'update:kpi' } as const
export type ImportGrant = (typeof IMPORT_GRANTS)[keyof typeof IMPORT_GRANTS]

/** The startup, if the viewer may write its funding (or figures): a founder's own, any for a manager. */
export function writableStartup(viewer: Viewer, grant: ImportGrant, startupId: number) {
	return (
		getDb()
			.select({ id: startups.id, name: startups.name })
			.from(startups)
			.where(and(eq(startups.id, startupId), startupRows(viewer, grant)))
			.get() ?? null
	)
}

/**
 * The startups whose funding and figures this viewer may write, found by SIREN, Companies
 * House number or name — a founder only ever finds their own.
 */
export function loadStartupRefs(viewer: Viewer, grant: ImportGrant) {
	const rows = getDb()
		.select({
			id: startups.id,
			name: startups.name,
			siren: startups.siren,
			companiesHouseNumber: startups.companiesHouseNumber,
		})
		.from(startups)
		.where(startupRows(viewer, grant))
		.all()
	const byKey = new Map<string, { id: number; name: string }>()
	for (const s of rows) {
		if (s.siren) byKey.set(`s:${s.siren}`, s)
		if (s.companiesHouseNumber) byKey.set(`c:${s.companiesHouseNumber}`, s)
		const name = normaliseName(s.name)
		if (!byKey.has(`n:${name}`)) byKey.set(`n:${name}`, s)
	}
	const ids = new Set(rows.map((r) => r.id))
	return {
		has: (id: number) => ids.has(id),
		find(text: string) {
			const siren = SirenSchema.safeParse(text).data
			if (siren && byKey.has(`s:${siren}`)) return byKey.get(`s:${siren}`)!
			const ch = /^[A-Z]{0,2}\d{6,8}$/i.test(text.trim())
				? CompaniesHouseSchema.safeParse(text).data
				: undefined
			if (ch && byKey.has(`c:${ch}`)) return byKey.get(`c:${ch}`)!
			return byKey.get(`n:${normaliseName(text)}`) ?? null
		},
	}
}

/**
 * The startup a row belongs to: the page's own when there is one, else the one its `startup`
 * cell names among those the viewer may write; an unknown name is an error on that cell.
 */
export function rowStartup(
	values: Record<string, unknown>,
	refs: ReturnType<typeof loadStartupRefs>,
	pageStartupId: number | null,
	errors: Issue[],
) {
	if (pageStartupId || !values.startup) return { startupId: pageStartupId, startupName: null }
	const found = refs.find(String(values.startup))
	if (found)
		return { startupId: found.id as number | null, startupName: found.name as string | null }
	errors.push({
		key: 'import:errors.unknownStartup',
		field: 'startup',
		values: { value: String(values.startup) },
	})
	return { startupId: null, startupName: null }
}
