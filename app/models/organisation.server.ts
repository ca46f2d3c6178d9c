import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm'
import type { COUNTRIES, ORGANISATION_KINDS } from '#db/schema/enums'
import { contacts, introductions, organisations, startups } from '#db/schema/index'
import type { OrganisationInput } from '~/schemas/contact'
import { getDb, writeTransaction } from '~/utils/db.server'
import { likePattern, type Page, pageOf } from '~/utils/list-params'
import { written } from '~/utils/write-result'
import { diffFields, recordAudit } from './audit.server'
import { contactScope } from './contact.server'
import type { Viewer } from './viewer'

/*
 * Organisations are companies and public bodies, not people: their names may appear in
 * audit summaries. They belong to the contact base, so only managers reach them.
 */

export const ORGANISATION_SORTS = ['name', 'country', 'kind', 'contacts'] as const
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number]

export type OrganisationFilters = {
	q?: string
	country?: (typeof COUNTRIES)[number]
	kind?: (typeof ORGANISATION_KINDS)[number]
}

// correlated on the outer row by its full name: see the drizzle single-table pitfall
const contactCount = sql<number>`(SELECT count(*) FROM contacts c
	WHERE c.organisation_id = "organisations"."id" AND c.erased_at IS NULL)`

function filterConditions(viewer: Viewer, f: OrganisationFilters) {
	return and(
		contactScope(viewer),
		f.q
			? sql`(${organisations.name} LIKE ${likePattern(f.q)} ESCAPE '\\' OR ${organisations.sector} LIKE ${likePattern(f.q)} ESCAPE '\\')`
			: undefined,
		f.country ? eq(organisations.country, f.country) : undefined,
		f.kind ? eq(organisations.kind, f.kind) : undefined,
	)
}

const sortColumns: Record<OrganisationSort, SQL> = {
	name: sql`"organisations"."sort_key"`,
	country: sql`"organisations"."country"`,
	kind: sql`"organisations"."kind"`,
	contacts: contactCount,
}

type ListOptions = {
	viewer: Viewer
	filters: OrganisationFilters
	sort: OrganisationSort
	dir: 'asc' | 'desc'
	page: number
	perPage: number
}

export function listOrganisations({
	viewer,
	filters,
	sort,
	dir,
	page,
	perPage,
}: ListOptions): Page<{
	id: number
	name: string
	country: (typeof COUNTRIES)[number]
	countryCode: string | null
	kind: (typeof ORGANISATION_KINDS)[number]
	sector: string | null
	website: string | null
	contactCount: number
}> {
	const db = getDb()
	const where = filterConditions(viewer, filters)
	const total = db.select({ n: count() }).from(organisations).where(where).get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / perPage))
	const current = Math.min(page, pageCount)
	const order = dir === 'desc' ? desc : asc
	const rows = db
		.select({
			id: organisations.id,
			name: organisations.name,
			country: organisations.country,
			countryCode: organisations.countryCode,
			kind: organisations.kind,
			sector: organisations.sector,
			website: organisations.website,
			contactCount,
		})
		.from(organisations)
		.where(where)
		.orderBy(order(sortColumns[sort]), asc(sortColumns.name), asc(organisations.id))
		.limit(perPage)
		.offset((current - 1) * perPage)
		.all()
	return pageOf(rows, total, current, perPage)
}

const editableColumns = {
	name: organisations.name,
	country: organisations.country,
	kind: organisations.kind,
	sector: organisations.sector,
	website: organisations.website,
	notes: organisations.notes,
}

export function getOrganisationForEdit({ id, viewer }: { id: number; viewer: Viewer }) {
	return (
		getDb()
			.select(editableColumns)
			.from(organisations)
			.where(and(eq(organisations.id, id), contactScope(viewer)))
			.get() ?? null
	)
}

/** The organisation, its people and the introductions they led to. */
export function getOrganisationPage({ id, viewer }: { id: number; viewer: Viewer }) {
	const db = getDb()
	const organisation = db
		.select({ id: organisations.id, ...editableColumns, countryCode: organisations.countryCode })
		.from(organisations)
		.where(and(eq(organisations.id, id), contactScope(viewer)))
		.get()
	if (!organisation) return null
	return {
		organisation,
		contacts: db
			.select({
				id: contacts.id,
				firstName: contacts.firstName,
				lastName: contacts.lastName,
				jobTitle: contacts.jobTitle,
				email: contacts.email,
				country: contacts.country,
				countryCode: contacts.countryCode,
				optedOutOn: contacts.optedOutOn,
				lastContactOn: contacts.lastContactOn,
			})
			.from(contacts)
			.where(and(eq(contacts.organisationId, id), isNull(contacts.erasedAt)))
			.orderBy(asc(contacts.sortKey), asc(contacts.id))
			.all(),
		introductions: db
			.select({
				id: introductions.id,
				startupId: startups.id,
				startupName: startups.name,
				purpose: introductions.purpose,
				status: introductions.status,
				introducedOn: introductions.introducedOn,
			})
			.from(introductions)
			.innerJoin(contacts, eq(contacts.id, introductions.contactId))
			.innerJoin(startups, eq(startups.id, introductions.startupId))
			.where(eq(contacts.organisationId, id))
			.orderBy(desc(introductions.introducedOn))
			.all(),
	}
}

function toValues(input: OrganisationInput) {
	return {
		name: input.name,
		country: input.country,
		kind: input.kind,
		sector: input.sector ?? null,
		website: input.website ?? null,
		notes: input.notes ?? null,
	}
}

/** Another organisation already has this name (case aside). */
export function findOrganisationByName(name: string, exceptId?: number) {
	return (
		getDb()
			.select({ id: organisations.id })
			.from(organisations)
			.where(
				and(
					sql`lower(${organisations.name}) = lower(${name.trim()})`,
					exceptId ? sql`${organisations.id} <> ${exceptId}` : undefined,
				),
			)
			.get() ?? null
	)
}

export function createOrganisation({
	input,
	viewer,
}: {
	input: OrganisationInput
	viewer: Viewer
}) {
	if (contactScope(viewer)) return null
	return writeTransaction((tx) => {
		const organisation = tx
			.insert(organisations)
			.values(toValues(input))
			.returning({ id: organisations.id, name: organisations.name })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'organisation',
			entityId: organisation.id,
			subject: { name: organisation.name },
		})
		return written(organisation)
	})
}

export function updateOrganisation({
	id,
	input,
	viewer,
}: {
	id: number
	input: OrganisationInput
	viewer: Viewer
}) {
	return writeTransaction((tx) => {
		const before = tx
			.select(editableColumns)
			.from(organisations)
			.where(and(eq(organisations.id, id), contactScope(viewer)))
			.get()
		if (!before) return null
		const values = toValues(input)
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ id, changed: false })
		// an imported ISO country (DE) holds while the form keeps its grouping (other)
		const countryCode = changes.country ? { countryCode: null } : {}
		tx.update(organisations)
			.set({ ...values, ...countryCode })
			.where(eq(organisations.id, id))
			.run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'organisation',
			entityId: id,
			subject: { name: values.name },
			// notes are free text that may name people: kept by name only (audit.server.ts)
			changes,
		})
		return written({ id, changed: true })
	})
}
