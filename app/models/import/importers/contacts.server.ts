import { and, eq, isNull, sql } from 'drizzle-orm'
import { contacts, organisations } from '#db/schema/index'
import { recordAudit } from '~/models/audit.server'
import { contactSchema, LIMITS } from '~/schemas/contact'
import { getDb } from '~/utils/db.server'
import { IMPORT_FIELDS } from '../fields'
import { readRow, schemaIssues } from '../interpret'
import type { Issue, Stored } from '../types'
import { countryBucket } from '../values'
import type { Importer } from './types'

/*
 * Contacts, with their organisations. A row is matched to a contact on its e-mail: a known
 * e-mail updates that contact with the row's non-empty cells, an unknown one creates a contact.
 * A row without e-mail whose name is a known contact's is created but flagged as a look-alike.
 */

type State = {
	byEmail: Map<string, Record<string, Stored>>
	/** Contacts by first and last name: a row without e-mail is matched on them. */
	byName: Map<string, Record<string, Stored>[]>
	organisations: Map<string, { id: number; name: string }>
	emailLines: Map<string, number>
	schema: ReturnType<typeof contactSchema>
}

const COLUMNS = {
	id: contacts.id,
	firstName: contacts.firstName,
	lastName: contacts.lastName,
	email: contacts.email,
	phone: contacts.phone,
	jobTitle: contacts.jobTitle,
	organisationId: contacts.organisationId,
	country: contacts.country,
	countryCode: contacts.countryCode,
	languages: contacts.languages,
	tags: contacts.tags,
	notes: contacts.notes,
	lawfulBasis: contacts.lawfulBasis,
	consentOn: contacts.consentOn,
	consentSource: contacts.consentSource,
	optedOutOn: contacts.optedOutOn,
	lastContactOn: contacts.lastContactOn,
}

/** The fields a row may change on a known contact (its organisation by name). */
const UPDATABLE = [
	'firstName',
	'lastName',
	'phone',
	'jobTitle',
	'country',
	'countryCode',
	'languages',
	'tags',
	'notes',
	'lawfulBasis',
	'consentOn',
	'consentSource',
	'optedOutOn',
	'lastContactOn',
] as const

const orgKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()
const personKey = (first: string | null, last: string | null) =>
	`${(first ?? '').trim().toLowerCase()}|${(last ?? '').trim().toLowerCase()}`

/** "Jean-Marc Dupont" → Jean-Marc / Dupont; "DUPONT Jean" stays in that order (last word last). */
function splitFullName(full: string) {
	const parts = full.trim().split(/\s+/)
	if (parts.length === 1) return { first: null, last: parts[0]! }
	return { first: parts.slice(0, -1).join(' '), last: parts[parts.length - 1]! }
}

const FORM_FIELD: Record<string, string> = {
	firstName: 'firstName',
	lastName: 'lastName',
	email: 'email',
	phone: 'phone',
	jobTitle: 'jobTitle',
	country: 'country',
	languages: 'languages',
	tags: 'tags',
	notes: 'notes',
	lawfulBasis: 'lawfulBasis',
	consentOn: 'consentOn',
	consentSource: 'consentSource',
	optedOutOn: 'optedOutOn',
}

export const contactImporter: Importer<State> = {
	kind: 'contacts',
	permission: 'update:contact:any',
	fields: () => IMPORT_FIELDS.contacts,

	load(ctx) {
		const db = getDb()
		const byEmail = new Map<string, Record<string, Stored>>()
		const byName = new Map<string, Record<string, Stored>[]>()
		for (const c of db
			.select(COLUMNS)
			.from(contacts)
			.where(isNull(contacts.erasedAt))
			.orderBy(contacts.id)
			.all()) {
			if (c.email) byEmail.set(c.email.toLowerCase(), c)
			const key = personKey(c.firstName, c.lastName)
			byName.set(key, [...(byName.get(key) ?? []), c])
		}
		const orgs = new Map<string, { id: number; name: string }>()
		for (const o of db
			.select({ id: organisations.id, name: organisations.name })
			.from(organisations)
			.orderBy(organisations.id)
			.all()) {
			if (!orgs.has(orgKey(o.name))) orgs.set(orgKey(o.name), o)
		}
		return {
			byEmail,
			byName,
			organisations: orgs,
			emailLines: new Map(),
			schema: contactSchema(ctx.today),
		}
	},

	checkRow(cells, state, ctx, line) {
		const fields = IMPORT_FIELDS.contacts
		const { values, errors } = readRow(fields, cells, ctx.dateOrder)
		const flags: Issue[] = []
		const flagged = new Set(errors.map((e) => e.field))
		let firstName = values.firstName as string | null
		let lastName = values.lastName as string | null
		if (!firstName && !lastName && values.fullName) {
			const split = splitFullName(String(values.fullName))
			firstName = split.first
			lastName = split.last
		}
		const countryCode = (values.country as string | null) ?? null
		const organisationName = (values.organisation as string | null)?.replace(/\s+/g, ' ') ?? null
		if (organisationName && organisationName.length > LIMITS.organisationName) {
			errors.push({
				key: 'errors.tooLong',
				field: 'organisation',
				values: { value: organisationName },
			})
		}
		const lastContactOn = (values.lastContactOn as string | null) ?? null
		if (lastContactOn && lastContactOn > ctx.today) {
			errors.push({
				key: 'contacts:errors.futureDate',
				field: 'lastContactOn',
				values: { value: cells.lastContactOn ?? '' },
			})
		}
		// a known e-mail: the names already stored stand in for the row's missing ones
		const known = values.email ? state.byEmail.get(String(values.email)) : undefined
		if (known && !firstName && !lastName) {
			firstName = known.firstName as string | null
			lastName = known.lastName as string | null
		}
		const parsed = state.schema.safeParse({
			firstName: firstName ?? '',
			lastName: lastName ?? '',
			email: (values.email as string | null) ?? '',
			phone: (values.phone as string | null) ?? '',
			jobTitle: (values.jobTitle as string | null) ?? '',
			country: countryCode ? countryBucket(countryCode) : '',
			languages: (values.languages as string | null) ?? '',
			tags: cleanTags((values.tags as string | null) ?? ''),
			notes: (values.notes as string | null) ?? '',
			lawfulBasis: (values.lawfulBasis as string | null) ?? 'legitimate_interest',
			consentOn: (values.consentOn as string | null) ?? '',
			consentSource: (values.consentSource as string | null) ?? '',
			optedOutOn: (values.optedOutOn as string | null) ?? '',
		})
		if (!parsed.success) {
			const fieldOf = (path: string) =>
				path === 'lastName' && !cells.lastName && cells.fullName !== undefined
					? 'fullName'
					: FORM_FIELD[path]
			errors.push(...schemaIssues(parsed.error.issues, fieldOf, cells, flagged))
		}

		const email = parsed.success ? (parsed.data.email ?? null) : null
		let existing: Record<string, Stored> | undefined
		if (email) {
			const first = state.emailLines.get(email)
			if (first !== undefined) {
				errors.push({
					key: 'import:errors.sameEmail',
					field: 'email',
					values: { value: email, line: first },
				})
			} else state.emailLines.set(email, line)
			existing = state.byEmail.get(email)
		}
		if (errors.length || !parsed.success) {
			return { action: 'error', existingId: null, record: values, errors, flags }
		}
		const v = parsed.data
		const record: Record<string, Stored> = {
			firstName: v.firstName ?? null,
			lastName: v.lastName ?? null,
			email: v.email ?? null,
			phone: v.phone ?? null,
			jobTitle: v.jobTitle ?? null,
			organisation: organisationName,
			organisationKind: (values.organisationKind as string | null) ?? 'other',
			country: v.country,
			countryCode,
			languages: v.languages,
			tags: v.tags,
			notes: v.notes ?? null,
			lawfulBasis: v.lawfulBasis,
			consentOn: v.lawfulBasis === 'consent' ? (v.consentOn ?? null) : null,
			consentSource: v.lawfulBasis === 'consent' ? (v.consentSource ?? null) : null,
			optedOutOn: v.optedOutOn ?? null,
			lastContactOn,
			lawfulBasisStated: cells.lawfulBasis !== undefined,
		}
		const name = `${record.firstName ?? ''} ${record.lastName ?? ''}`.trim()
		const namesakes =
			state.byName.get(personKey(record.firstName as string, record.lastName as string)) ?? []
		if (!existing && !email && namesakes.length === 1) {
			// a LinkedIn connection who hides their e-mail comes back every month: the one
			// contact of that name is them (flagged), not a new contact each time
			existing = namesakes[0]
			flags.push({
				key: 'import:flags.contactNameOnly',
				field: 'lastName',
				values: { value: name },
			})
		} else if (!existing && namesakes.length) {
			const withoutEmail = namesakes.filter((c) => !c.email).length
			if (!email || withoutEmail)
				flags.push({
					key: 'import:flags.contactLookAlike',
					field: 'lastName',
					values: { value: name, count: namesakes.length },
				})
		}
		if (!existing) return { action: 'create', existingId: null, record, errors, flags }
		// only the row's non-empty cells change a known contact
		const changes = changedFields(existing, record, cells)
		const orgChanged =
			organisationName !== null &&
			state.organisations.get(orgKey(organisationName))?.id !== existing.organisationId
		return {
			action: Object.keys(changes).length || orgChanged ? 'update' : 'unchanged',
			existingId: existing.id as number,
			record,
			errors,
			flags,
		}
	},

	writeRows(tx, rows, { actorId }) {
		const orgIds = new Map<string, number>()
		const findOrg = (name: string) => {
			const key = orgKey(name)
			if (orgIds.has(key)) return { id: orgIds.get(key)!, created: false }
			const found = tx
				.select({ id: organisations.id })
				.from(organisations)
				.where(sql`lower(${organisations.name}) = ${key}`)
				.orderBy(organisations.id)
				.get()
			if (found) {
				orgIds.set(key, found.id)
				return { id: found.id, created: false }
			}
			return null
		}
		let created = 0
		let updated = 0
		let conflicts = 0
		let organisationsCreated = 0
		for (const row of rows) {
			const r = row.record
			let organisationId: number | null = null
			if (r.organisation) {
				const found = findOrg(String(r.organisation))
				if (found) organisationId = found.id
				else {
					organisationId = tx
						.insert(organisations)
						.values({
							name: String(r.organisation),
							country: r.country as 'FR' | 'GB' | 'other',
							countryCode: (r.countryCode as string | null) ?? null,
							kind: r.organisationKind as 'other',
						})
						.returning({ id: organisations.id })
						.get().id
					orgIds.set(orgKey(String(r.organisation)), organisationId)
					organisationsCreated++
				}
			}
			if (row.action === 'create') {
				// another manager may have added this person since the file was checked
				if (
					r.email &&
					tx
						.select({ id: contacts.id })
						.from(contacts)
						.where(and(sql`lower(${contacts.email}) = ${r.email}`, isNull(contacts.erasedAt)))
						.get()
				) {
					conflicts++
					continue
				}
				tx.insert(contacts)
					.values({
						organisationId,
						firstName: r.firstName as string | null,
						lastName: r.lastName as string | null,
						email: r.email as string | null,
						phone: r.phone as string | null,
						jobTitle: r.jobTitle as string | null,
						country: r.country as 'FR',
						countryCode: r.countryCode as string | null,
						languages: String(r.languages ?? ''),
						tags: String(r.tags ?? ''),
						notes: r.notes as string | null,
						lawfulBasis: r.lawfulBasis as 'consent',
						consentOn: r.consentOn as string | null,
						consentSource: r.consentSource as string | null,
						optedOutOn: r.optedOutOn as string | null,
						lastContactOn: r.lastContactOn as string | null,
						ownerId: actorId,
					})
					.run()
				created++
			} else if (row.existingId) {
				const set: Record<string, Stored> = {}
				for (const key of UPDATABLE) if (r[key] !== null && r[key] !== '') set[key] = r[key]!
				if (!r.lawfulBasisStated) delete set.lawfulBasis
				if (r.lawfulBasis !== 'consent' || !r.lawfulBasisStated) {
					delete set.consentOn
					delete set.consentSource
				}
				if (organisationId) set.organisationId = organisationId
				tx.update(contacts)
					.set(set)
					.where(and(eq(contacts.id, row.existingId), isNull(contacts.erasedAt)))
					.run()
				updated++
			}
		}
		// counts only: the audit log is append-only and must never hold a person's data
		if (created || updated) {
			recordAudit(tx, {
				userId: actorId,
				action: 'create',
				entity: 'contact',
				verb: 'importFile',
				subject: { contacts: created, updated, organisations: organisationsCreated },
			})
		}
		return { created, updated, conflicts, organisationsCreated }
	},
}

function changedFields(
	existing: Record<string, Stored>,
	record: Record<string, Stored>,
	cells: Record<string, string>,
) {
	const changes: Record<string, Stored> = {}
	for (const key of UPDATABLE) {
		const value = record[key]
		if (value === null || value === '' || value === undefined) continue
		// a default the row did not state (legitimate interest) never overrides what is known
		if (key === 'lawfulBasis' && cells.lawfulBasis === undefined) continue
		if (
			key === 'countryCode' &&
			existing.countryCode === null &&
			existing.country === record.country &&
			cells.country === undefined
		)
			continue
		if (existing[key] !== value) changes[key] = value
	}
	return changes
}

/** Google's "* myContacts ::: Salons": its own system labels dropped, ":::" a separator. */
function cleanTags(text: string) {
	return text
		.split(/\s*:::\s*|[,;]/)
		.map((t) => t.trim())
		.filter((t) => t && !t.startsWith('*'))
		.join(',')
}
