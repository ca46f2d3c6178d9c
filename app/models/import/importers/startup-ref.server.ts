import { startups } from '#db/schema/index'
import { editableStartups } from '~/models/funding.server'
import type { Viewer } from '~/models/viewer'
import { CompaniesHouseSchema, SirenSchema } from '~/schemas/startup'
import { getDb } from '~/utils/db.server'
import { normaliseName } from '../interpret'

/**
 * The startups whose funding and figures this viewer may write, found by SIREN, Companies
 * House number or name — a founder only ever finds their own.
 */
export function loadStartupRefs(viewer: Viewer) {
	const rows = getDb()
		.select({
			id: startups.id,
			name: startups.name,
			siren: startups.siren,
			companiesHouseNumber: startups.companiesHouseNumber,
		})
		.from(startups)
		.where(editableStartups(viewer))
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
