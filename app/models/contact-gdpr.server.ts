import { and, asc, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import {
	auditLog,
	contacts,
	interactions,
	introductions,
	organisations,
	startups,
	users,
} from '#db/schema/index'
import type { AuditDetail } from '~/utils/activity'
import { addMonthsToDate } from '~/utils/calendar'
import { toCsv } from '~/utils/csv.server'
import { now, today } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { pageOf } from '~/utils/list-params'
import { recordAudit } from './audit.server'
import { applyScrub, planScrub } from './erasure-scrub.server'
import { contactScope, listContactInteractions } from './contact.server'
import type { Viewer } from './viewer'

/*
 * The GDPR duties towards a person in the contact base: tell them everything held about them
 * (art. 15, portable as JSON and CSV, art. 20), erase them (art. 17) while the incubator keeps
 * the anonymous business history, and review people nobody has contacted for three years
 * (the CNIL's guidance for prospects).
 */

/** Everything held about one person; null when absent, already erased, or not for this viewer. */
export function exportPersonData({ id, viewer }: { id: number; viewer: Viewer }) {
	const db = getDb()
	const contact = db
		.select({
			id: contacts.id,
			firstName: contacts.firstName,
			lastName: contacts.lastName,
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
			lastContactOn: contacts.lastContactOn,
			createdAt: contacts.createdAt,
			organisation: organisations.name,
			organisationCountry: organisations.country,
			owner: users.name,
		})
		.from(contacts)
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.leftJoin(users, eq(users.id, contacts.ownerId))
		.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
		.get()
	if (!contact) return null

	return {
		exportedOn: today(),
		controller: 'TEKTOS — incubateur de Calais',
		contact: { ...contact, createdAt: contact.createdAt.toISOString() },
		// oldest first, as a history reads
		interactions: listContactInteractions({ contactId: id, viewer })
			.reverse()
			.map(({ userName, startups: concerned, ...i }) => ({
				...i,
				loggedBy: userName,
				startups: concerned.map((c) => c.name),
			})),
		introductions: db
			.select({
				id: introductions.id,
				startup: startups.name,
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
			.orderBy(asc(introductions.introducedOn), asc(introductions.id))
			.all(),
		// what was done with the record and when: field names only, never values
		history: db
			.select({
				at: auditLog.at,
				action: auditLog.action,
				summary: auditLog.summary,
				detail: auditLog.detail,
			})
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
			.orderBy(asc(auditLog.at), asc(auditLog.id))
			.all()
			.map(({ at, action, summary, detail }) => {
				// a row written before decision 0033 says it in an English line
				if (!detail) return { at: at.toISOString(), action, summary }
				const { verb, changes } = JSON.parse(detail) as AuditDetail
				return {
					at: at.toISOString(),
					action: verb ?? action,
					fields: Object.keys(changes ?? {}),
				}
			}),
	}
}

export type PersonData = NonNullable<ReturnType<typeof exportPersonData>>

/** The same data as one flat table: record, id, field, value — a spreadsheet opens it as is. */
export function personDataCsv(data: PersonData) {
	type Line = { record: string; id: number | string; field: string; value: unknown }
	const lines: Line[] = []
	const add = (record: string, id: number | string, object: Record<string, unknown>) => {
		for (const [field, value] of Object.entries(object)) {
			if (field === 'id') continue
			lines.push({ record, id, field, value: Array.isArray(value) ? value.join(', ') : value })
		}
	}
	add('contact', data.contact.id, data.contact)
	for (const i of data.interactions) add('interaction', i.id, i)
	for (const i of data.introductions) add('introduction', i.id, i)
	data.history.forEach((h, index) => add('history', index + 1, h))
	return toCsv(lines, [
		{ header: 'record', value: (l) => l.record },
		{ header: 'id', value: (l) => l.id },
		{ header: 'field', value: (l) => l.field },
		{ header: 'value', value: (l) => l.value },
	])
}

const personColumns = {
	firstName: contacts.firstName,
	lastName: contacts.lastName,
	email: contacts.email,
	phone: contacts.phone,
}

/**
 * What an erasure would do, for the manager to read before confirming: her own fields that are
 * emptied, the history kept anonymous, and every other record where she is mentioned with the
 * text as it will read. Null when absent, already erased, or not for this viewer.
 */
export function previewErasure({ id, viewer }: { id: number; viewer: Viewer }) {
	const db = getDb()
	const contact = db
		.select({
			id: contacts.id,
			...personColumns,
			jobTitle: contacts.jobTitle,
			languages: contacts.languages,
			tags: contacts.tags,
			notes: contacts.notes,
			consentOn: contacts.consentOn,
			consentSource: contacts.consentSource,
			optedOutOn: contacts.optedOutOn,
			organisationName: organisations.name,
		})
		.from(contacts)
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
		.get()
	if (!contact) return null
	const { firstName, lastName, email, phone } = contact
	const plan = planScrub(db, id, { firstName, lastName, email, phone })
	const countOf = (table: typeof interactions | typeof introductions) =>
		db.select({ n: count() }).from(table).where(eq(table.contactId, id)).get()?.n ?? 0
	return {
		contact,
		// her own fields that hold something, all emptied
		erasedFields: (Object.keys(ERASED_FIELDS) as (keyof typeof ERASED_FIELDS)[]).filter((field) =>
			Boolean(contact[field]),
		),
		kept: { interactions: countOf(interactions), introductions: countOf(introductions) },
		plan,
	}
}

export type ErasurePreview = NonNullable<ReturnType<typeof previewErasure>>

/** Her fields as an erasure leaves them. */
const ERASED_FIELDS = {
	firstName: null,
	lastName: null,
	email: null,
	phone: null,
	jobTitle: null,
	languages: '',
	tags: '',
	notes: null,
	consentOn: null,
	consentSource: null,
	optedOutOn: null,
}

export type EraseResult = { ok: true; records: number } | { ok: false; error: 'notFound' }

/**
 * Erasure (GDPR art. 17): the personal fields are nulled, the row stays with erased_at so that
 * the interactions and introductions remain as anonymous business history ("a contact at Port
 * of Dover"). Her email, phone and names are taken out of every free text of every table (see
 * erasure-scrub.server.ts), which also re-indexes the search rows of any contact whose notes
 * mentioned her. Then nothing of her may stay in the file: secure_delete zeroes what a change
 * frees, the search index is rewritten without her, and once committed the log is checkpointed
 * and the file rebuilt (VACUUM) so that no old page still holds her.
 */
export function eraseContact({ id, viewer }: { id: number; viewer: Viewer }): EraseResult {
	const result = writeTransaction((tx): EraseResult => {
		const person = tx
			.select(personColumns)
			.from(contacts)
			.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
			.get()
		if (!person) return { ok: false, error: 'notFound' }

		const plan = planScrub(tx, id, person)
		applyScrub(tx, plan)
		tx.update(contacts)
			.set({ ...ERASED_FIELDS, erasedAt: now() })
			.where(eq(contacts.id, id))
			.run()
		// the triggers took her out of the index; 'optimize' rewrites the index without her
		tx.run(sql`INSERT INTO contacts_search(contacts_search) VALUES ('optimize')`)
		const fields = plan.changes.reduce((n, c) => n + Object.keys(c.fields).length, 0)
		recordAudit(tx, {
			userId: viewer.id,
			action: 'erase',
			entity: 'contact',
			entityId: id,
			subject: { fields, records: plan.changes.length },
		})
		return { ok: true, records: plan.changes.length }
	})
	if (result.ok) purgeFreedPages()
	return result
}

/**
 * After an erasure: no page of the file or of the write-ahead log may still hold the old text.
 * The checkpoint copies the log into the file and empties it; VACUUM rewrites the file from its
 * live rows (a few hundred milliseconds for the demo's size, the write lock held meanwhile: an
 * erasure is rare); the last checkpoint empties the log VACUUM wrote through. A reader holding
 * an old snapshot (a backup under way) keeps the log from emptying: the next checkpoint does it,
 * and the server's log says so.
 */
function purgeFreedPages() {
	const sqlite = getDb().$client
	try {
		sqlite.pragma('wal_checkpoint(TRUNCATE)')
		sqlite.exec('VACUUM')
		const [state] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
		if (state?.busy) {
			console.warn('erasure: another connection kept the write-ahead log from being emptied')
		}
	} catch (error) {
		// committed all the same: secure_delete has already zeroed what the erasure freed
		console.warn(`erasure: the database file could not be compacted: ${String(error)}`)
	}
}

/** The date three years before `date` (29 February becomes the 28th). */
export function threeYearsBefore(date: string) {
	return addMonthsToDate(date, -36)
}

/** Live contacts not touched for three years, or never touched and created three years ago. */
export function listContactsForReview({
	viewer,
	page,
	perPage,
	date = today(),
}: {
	viewer: Viewer
	page: number
	perPage: number
	date?: string
}) {
	const cutoff = threeYearsBefore(date)
	const cutoffMs = Date.parse(`${cutoff}T00:00:00Z`)
	const where = and(
		contactScope(viewer),
		isNull(contacts.erasedAt),
		or(
			lt(contacts.lastContactOn, cutoff),
			and(isNull(contacts.lastContactOn), sql`${contacts.createdAt} < ${cutoffMs}`),
		),
	)
	const db = getDb()
	const total =
		db
			.select({ n: count() })
			.from(contacts)
			.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
			.where(where)
			.get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / perPage))
	const current = Math.min(page, pageCount)
	const rows = db
		.select({
			id: contacts.id,
			firstName: contacts.firstName,
			lastName: contacts.lastName,
			organisationName: organisations.name,
			country: contacts.country,
			lawfulBasis: contacts.lawfulBasis,
			optedOutOn: contacts.optedOutOn,
			lastContactOn: contacts.lastContactOn,
			createdAt: contacts.createdAt,
		})
		.from(contacts)
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.where(where)
		.orderBy(
			sql`coalesce(${contacts.lastContactOn}, date(${contacts.createdAt} / 1000, 'unixepoch'))`,
			desc(contacts.id),
		)
		.limit(perPage)
		.offset((current - 1) * perPage)
		.all()
	return { cutoff, list: pageOf(rows, total, current, perPage) }
}
