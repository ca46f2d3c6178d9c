import {
	and,
	asc,
	type Column,
	count,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	ne,
	or,
	type SQL,
	sql,
} from 'drizzle-orm'
import type { z } from 'zod'
import type { COUNTRIES, LAWFUL_BASES, ORGANISATION_KINDS } from '#db/schema/enums'
import {
	contacts,
	interactions,
	interactionStartups,
	introductions,
	organisations,
	startups,
	users,
} from '#db/schema/index'
import { type ContactInput } from '~/schemas/contact'
import { contactEmailKey } from '~/utils/contact-keys'
import { today } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { type Page, pageOf } from '~/utils/list-params'
import { rowsOf } from '~/utils/access.server'
import { rolesWith } from '~/utils/permissions'
import { PICKER_LIMIT } from '~/utils/picker'
import { written } from '~/utils/write-result'
import { recordAudit } from './audit.server'
import { pickChoices, pickLabel } from './pickers.server'
import type { Viewer } from './viewer'

/*
 * The contact base is the TEKTOS team's: every query here is cut to nothing for any other
 * role, so a route that forgot its check still leaks no person. Audit rows about contacts
 * carry ids and field names only — the audit log is append-only, and an erased person must
 * leave no trace in it.
 */

/** undefined for a manager; a condition that matches no row for anyone else. */
export function contactScope(viewer: Viewer): SQL | undefined {
	return rowsOf(viewer, 'read:contact', {})
}

/** Who may own a contact: the TEKTOS staff, those who may change contacts. */
const ownerRoles = () => rolesWith('update:contact:any')

/**
 * A search box's words as an FTS5 query: each word a prefix ("dov" finds Dover), all of them
 * required. Only letters and digits reach MATCH, so nothing typed can be FTS syntax.
 */
export function toFtsQuery(q: string): string | null {
	const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)
	if (!words) return null
	return words
		.slice(0, 10)
		.map((w) => `"${w}"*`)
		.join(' ')
}

/** Contacts matching the search: names, organisation, tags and notes, or an exact email. */
export function searchCondition(q: string): SQL {
	const fts = toFtsQuery(q)
	const conditions = [
		fts
			? sql`${contacts.id} IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ${fts})`
			: undefined,
		q.includes('@') ? eq(contacts.emailKey, contactEmailKey(q) ?? '') : undefined,
	].filter(Boolean) as SQL[]
	return conditions.length ? (or(...conditions) as SQL) : sql`0`
}

/**
 * Another live contact with the same email, the same name in the same organisation, or the
 * same name and phone: a flag the database keeps on every write (migration 0008_contact_duplicate_keys).
 */
export const hasLikelyDuplicate = sql`${contacts.likelyDuplicate} = 1`

export const CONTACT_SORTS = ['name', 'organisation', 'country', 'lastContact', 'created'] as const
export type ContactSort = (typeof CONTACT_SORTS)[number]

export type ContactFilters = {
	q?: string
	country?: (typeof COUNTRIES)[number]
	kind?: (typeof ORGANISATION_KINDS)[number]
	basis?: (typeof LAWFUL_BASES)[number]
	ownerId?: number
	optedOut?: boolean
	language?: string
	tag?: string
	duplicates?: boolean
}

/** "fr" in "en,fr,de": lists are comma-separated without spaces. */
const inList = (column: Column, value: string) =>
	sql`(',' || ${column} || ',') LIKE ${`%,${value.replace(/[\\%_]/g, (c) => `\\${c}`)},%`} ESCAPE '\\'`

function filterConditions(viewer: Viewer, f: ContactFilters) {
	return and(
		contactScope(viewer),
		isNull(contacts.erasedAt),
		f.q ? searchCondition(f.q) : undefined,
		f.country ? eq(contacts.country, f.country) : undefined,
		f.kind ? eq(organisations.kind, f.kind) : undefined,
		f.basis ? eq(contacts.lawfulBasis, f.basis) : undefined,
		f.ownerId ? eq(contacts.ownerId, f.ownerId) : undefined,
		f.optedOut === undefined
			? undefined
			: f.optedOut
				? isNotNull(contacts.optedOutOn)
				: isNull(contacts.optedOutOn),
		f.language ? inList(contacts.languages, f.language) : undefined,
		f.tag ? inList(contacts.tags, f.tag) : undefined,
		f.duplicates ? hasLikelyDuplicate : undefined,
	)
}

const sortColumns: Record<ContactSort, () => SQL[]> = {
	// a person's name as it is shown, first name first, as everywhere (decision 0035)
	name: () => [sql`${contacts.sortKey}`],
	organisation: () => [sql`${organisations.sortKey}`],
	country: () => [sql`${contacts.country}`],
	lastContact: () => [sql`${contacts.lastContactOn}`],
	created: () => [sql`${contacts.createdAt}`],
}

const listColumns = () => ({
	id: contacts.id,
	firstName: contacts.firstName,
	lastName: contacts.lastName,
	email: contacts.email,
	phone: contacts.phone,
	jobTitle: contacts.jobTitle,
	country: contacts.country,
	countryCode: contacts.countryCode,
	languages: contacts.languages,
	tags: contacts.tags,
	lawfulBasis: contacts.lawfulBasis,
	optedOutOn: contacts.optedOutOn,
	lastContactOn: contacts.lastContactOn,
	organisationId: contacts.organisationId,
	organisationName: organisations.name,
	organisationKind: organisations.kind,
	organisationSector: organisations.sector,
	ownerName: users.name,
})

type ListOptions = {
	viewer: Viewer
	filters: ContactFilters
	sort: ContactSort
	dir: 'asc' | 'desc'
}

function listQuery({ viewer, filters, sort, dir }: ListOptions) {
	const order = dir === 'desc' ? desc : asc
	// empty values last whichever the direction
	const nullsLast = sort === 'organisation' ? [sql`${organisations.name} IS NULL`] : []
	if (sort === 'lastContact') nullsLast.push(sql`${contacts.lastContactOn} IS NULL`)
	return getDb()
		.select(listColumns())
		.from(contacts)
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.leftJoin(users, eq(users.id, contacts.ownerId))
		.where(filterConditions(viewer, filters))
		.orderBy(...nullsLast, ...sortColumns[sort]().map((s) => order(s)), asc(contacts.id))
}

export type ContactRow = ReturnType<ReturnType<typeof listQuery>['all']>[number]

/** The contact table: searched, filtered, sorted and paginated in SQL. */
export function listContacts(
	options: ListOptions & { page: number; perPage: number },
): Page<ContactRow> {
	// the count reads organisations only to filter by their kind
	const counted = getDb().select({ n: count() }).from(contacts).$dynamic()
	if (options.filters.kind) {
		counted.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
	}
	const total = counted.where(filterConditions(options.viewer, options.filters)).get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / options.perPage))
	const page = Math.min(options.page, pageCount)
	const rows = listQuery(options)
		.limit(options.perPage)
		.offset((page - 1) * options.perPage)
		.all()
	return pageOf(rows, total, page, options.perPage)
}

/**
 * The current view for outreach (mailings, invitations): opted-out and erased people are
 * never in it, whatever the filters say.
 */
export function listContactsForOutreach(options: ListOptions) {
	return listQuery({ ...options, filters: { ...options.filters, optedOut: false } }).all()
}

export function countLikelyDuplicates(viewer: Viewer) {
	return (
		getDb()
			.select({ n: count() })
			.from(contacts)
			.where(and(contactScope(viewer), hasLikelyDuplicate, isNull(contacts.erasedAt)))
			.get()?.n ?? 0
	)
}

/** The choices of the contact form and the list filters. */
/**
 * The contact form's choices: the organisations while there are few (null beyond: the field is
 * a name to type, decision 0044), with the words showing `organisationId` in that field; the owners.
 */
export function listContactFormOptions(viewer: Viewer, organisationId?: number | null) {
	if (contactScope(viewer)) return { organisations: [], organisationLabel: undefined, owners: [] }
	const choices = pickChoices({ kind: 'organisations', viewer })
	return {
		organisations: choices && choices.map((c) => ({ id: c.id, name: c.label })),
		organisationLabel: choices
			? undefined
			: pickLabel({ kind: 'organisations', id: organisationId, viewer }),
		owners: getDb()
			.select({ id: users.id, name: users.name })
			.from(users)
			.where(and(inArray(users.role, ownerRoles()), isNull(users.disabledAt)))
			.orderBy(asc(users.sortKey))
			.all(),
	}
}

export function organisationExists(id: number) {
	return Boolean(
		getDb()
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, id))
			.get(),
	)
}

/** Owners are TEKTOS staff: an enabled account that may change contacts. */
export function ownerExists(id: number) {
	return Boolean(
		getDb()
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.id, id), inArray(users.role, ownerRoles()), isNull(users.disabledAt)))
			.get(),
	)
}

/**
 * The checks the form cannot make alone: an organisation or owner id that does not exist (a
 * tampered select), an email another contact already has.
 */
export function checkContactAgainstDatabase(
	value: { organisationId?: number; ownerId?: number; email?: string },
	ctx: z.RefinementCtx,
	exceptId?: number,
) {
	if (value.organisationId && !organisationExists(value.organisationId)) {
		ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'errors.invalidChoice' })
	}
	if (value.ownerId && !ownerExists(value.ownerId)) {
		ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'errors.invalidChoice' })
	}
	if (value.email && findContactByEmail(value.email, exceptId)) {
		ctx.addIssue({ code: 'custom', path: ['email'], message: 'contacts:errors.emailTaken' })
	}
}

/** Another live contact already has this email. */
export function findContactByEmail(email: string, exceptId?: number) {
	return (
		getDb()
			.select({ id: contacts.id })
			.from(contacts)
			.where(
				and(
					eq(contacts.emailKey, contactEmailKey(email) ?? ''),
					isNull(contacts.erasedAt),
					exceptId ? ne(contacts.id, exceptId) : undefined,
				),
			)
			.get() ?? null
	)
}

const editableColumns = {
	firstName: contacts.firstName,
	lastName: contacts.lastName,
	organisationId: contacts.organisationId,
	email: contacts.email,
	phone: contacts.phone,
	jobTitle: contacts.jobTitle,
	country: contacts.country,
	languages: contacts.languages,
	tags: contacts.tags,
	notes: contacts.notes,
	lawfulBasis: contacts.lawfulBasis,
	consentOn: contacts.consentOn,
	consentSource: contacts.consentSource,
	optedOutOn: contacts.optedOutOn,
	ownerId: contacts.ownerId,
}

function toValues(input: ContactInput) {
	return {
		firstName: input.firstName ?? null,
		lastName: input.lastName ?? null,
		organisationId: input.organisationId ?? null,
		email: input.email ?? null,
		phone: input.phone ?? null,
		jobTitle: input.jobTitle ?? null,
		country: input.country,
		languages: input.languages,
		tags: input.tags,
		notes: input.notes ?? null,
		lawfulBasis: input.lawfulBasis,
		// a consent date means nothing under another lawful basis
		consentOn: input.lawfulBasis === 'consent' ? (input.consentOn ?? null) : null,
		consentSource: input.lawfulBasis === 'consent' ? (input.consentSource ?? null) : null,
		optedOutOn: input.optedOutOn ?? null,
		ownerId: input.ownerId ?? null,
	}
}

export function createContact({ input, viewer }: { input: ContactInput; viewer: Viewer }) {
	if (contactScope(viewer)) return null
	return writeTransaction((tx) => {
		const contact = tx.insert(contacts).values(toValues(input)).returning({ id: contacts.id }).get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'contact',
			entityId: contact.id,
			// no name: the audit log cannot be erased (what the contact page shows is her record)
		})
		return written(contact)
	})
}

export function getContactForEdit({ id, viewer }: { id: number; viewer: Viewer }) {
	return (
		getDb()
			.select(editableColumns)
			.from(contacts)
			.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
			.get() ?? null
	)
}

export function updateContact({
	id,
	input,
	viewer,
}: {
	id: number
	input: ContactInput
	viewer: Viewer
}) {
	return writeTransaction((tx) => {
		const before = tx
			.select(editableColumns)
			.from(contacts)
			.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
			.get()
		if (!before) return null
		const values = toValues(input)
		const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
			(k) => before[k] !== values[k],
		)
		if (changed.length === 0) return written({ id, changed: false })
		// an imported ISO country (DE) holds while the form keeps its grouping (other); a new
		// grouping chosen in the form replaces it
		const countryCode = changed.includes('country') ? { countryCode: null } : {}
		tx.update(contacts)
			.set({ ...values, ...countryCode })
			.where(eq(contacts.id, id))
			.run()
		// field names only: the values are personal data, and the audit log cannot be erased
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'contact',
			entityId: id,
			changes: Object.fromEntries(changed.map((k) => [k, [before[k], values[k]]])),
		})
		return written({ id, changed: true })
	})
}

/** The person asked not to be contacted any more (GDPR art. 21): recorded once, dated. */
export function recordOptOut({
	id,
	viewer,
	date = today(),
}: {
	id: number
	viewer: Viewer
	date?: string
}) {
	return writeTransaction((tx) => {
		const contact = tx
			.select({ optedOutOn: contacts.optedOutOn })
			.from(contacts)
			.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
			.get()
		if (!contact) return null
		if (contact.optedOutOn) return written({ id, changed: false })
		tx.update(contacts).set({ optedOutOn: date }).where(eq(contacts.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'contact',
			entityId: id,
			verb: 'opt_out',
			changes: { optedOutOn: [null, date] },
		})
		return written({ id, changed: true })
	})
}

/** Everything the contact page shows; null when absent, erased, or not for this viewer. */
/**
 * A contact's interactions, newest first, each with the startups it concerned: the contact's
 * page shows them and the person's data export carries them. None for whoever may not read contacts.
 */
/** How many interactions a contact's page shows at a time (the newest first). */
export const HISTORY_PER_PAGE = 25

/** A contact's interactions, newest first: all of them (their data export), or one page. */
export function listContactInteractions({
	contactId,
	viewer,
	page,
}: {
	contactId: number
	viewer: Viewer
	page?: { page: number; perPage: number }
}) {
	const db = getDb()
	const query = db
		.select({
			id: interactions.id,
			kind: interactions.kind,
			date: interactions.date,
			summary: interactions.summary,
			userName: users.name,
		})
		.from(interactions)
		.leftJoin(users, eq(users.id, interactions.userId))
		.where(and(eq(interactions.contactId, contactId), contactScope(viewer)))
		.orderBy(desc(interactions.date), desc(interactions.id))
	const rows = page
		? query
				.limit(page.perPage)
				.offset((page.page - 1) * page.perPage)
				.all()
		: query.all()
	if (!rows.length) return []
	const concerned = db
		.select({
			interactionId: interactionStartups.interactionId,
			startupId: startups.id,
			startupName: startups.name,
		})
		.from(interactionStartups)
		.innerJoin(interactions, eq(interactions.id, interactionStartups.interactionId))
		.innerJoin(startups, eq(startups.id, interactionStartups.startupId))
		.where(
			and(
				inArray(
					interactionStartups.interactionId,
					rows.map((i) => i.id),
				),
				contactScope(viewer),
			),
		)
		.orderBy(asc(startups.sortKey))
		.all()
	const byInteraction = new Map<number, { id: number; name: string }[]>()
	for (const c of concerned) {
		const list = byInteraction.get(c.interactionId) ?? []
		list.push({ id: c.startupId, name: c.startupName })
		byInteraction.set(c.interactionId, list)
	}
	return rows.map((i) => ({ ...i, startups: byInteraction.get(i.id) ?? [] }))
}

function countContactInteractions(contactId: number, viewer: Viewer) {
	return (
		getDb()
			.select({ n: count() })
			.from(interactions)
			.where(and(eq(interactions.contactId, contactId), contactScope(viewer)))
			.get()?.n ?? 0
	)
}

export function getContactPage({
	id,
	viewer,
	historyPage = 1,
}: {
	id: number
	viewer: Viewer
	/** which page of the interactions (HISTORY_PER_PAGE each, the newest first) */
	historyPage?: number
}) {
	const db = getDb()
	const contact = db
		.select({
			...listColumns(),
			notes: contacts.notes,
			consentOn: contacts.consentOn,
			consentSource: contacts.consentSource,
			ownerId: contacts.ownerId,
			createdAt: contacts.createdAt,
			organisationCountry: organisations.country,
		})
		.from(contacts)
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.leftJoin(users, eq(users.id, contacts.ownerId))
		.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
		.get()
	if (!contact) return null

	const total = countContactInteractions(id, viewer)
	const pageCount = Math.max(1, Math.ceil(total / HISTORY_PER_PAGE))
	const current = Math.min(Math.max(1, historyPage), pageCount)
	return {
		contact,
		interactions: listContactInteractions({
			contactId: id,
			viewer,
			page: { page: current, perPage: HISTORY_PER_PAGE },
		}),
		history: { page: current, pageCount, total, perPage: HISTORY_PER_PAGE },
		introductions: db
			.select({
				id: introductions.id,
				startupId: introductions.startupId,
				startupName: startups.name,
				purpose: introductions.purpose,
				status: introductions.status,
				introducedOn: introductions.introducedOn,
				statusOn: introductions.statusOn,
				dealValueCents: introductions.dealValueCents,
				dealCurrency: introductions.dealCurrency,
				note: introductions.note,
			})
			.from(introductions)
			.innerJoin(startups, eq(startups.id, introductions.startupId))
			.where(eq(introductions.contactId, id))
			.orderBy(desc(introductions.introducedOn), desc(introductions.id))
			.all(),
	}
}

/**
 * The startups this person already deals with — those of their interactions and introductions,
 * the most recent first, at most PICKER_LIMIT — offered as checkboxes when an interaction is
 * logged and the viewer may pick among too many startups for a list of them all.
 */
export function listLinkedStartups({ contactId, viewer }: { contactId: number; viewer: Viewer }) {
	if (contactScope(viewer)) return []
	return getDb().all<{ id: number; name: string }>(sql`
		SELECT s.id, s.name FROM startups s JOIN (
			SELECT ist.startup_id AS id, max(i.date) AS last
			FROM interactions i JOIN interaction_startups ist ON ist.interaction_id = i.id
			WHERE i.contact_id = ${contactId}
			GROUP BY ist.startup_id
			UNION ALL
			SELECT startup_id, max(introduced_on) FROM introductions
			WHERE contact_id = ${contactId}
			GROUP BY startup_id
		) l ON l.id = s.id
		GROUP BY s.id
		ORDER BY max(l.last) DESC, s.sort_key
		LIMIT ${PICKER_LIMIT}`)
}

export type ContactPageData = NonNullable<ReturnType<typeof getContactPage>>
