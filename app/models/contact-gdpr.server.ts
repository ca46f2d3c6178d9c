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
import { toCsv } from '~/utils/csv.server'
import { now, today } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { pageOf } from '~/utils/list-params'
import { recordAudit } from './audit.server'
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
		// who did what with the record: ids and field names only, never values
		history: db
			.select({ at: auditLog.at, action: auditLog.action, summary: auditLog.summary })
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
			.orderBy(asc(auditLog.at), asc(auditLog.id))
			.all()
			.map((h) => ({ ...h, at: h.at.toISOString() })),
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

function escapeRegExp(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The person's email, phone and full name taken out of a free text. */
export function scrubPerson(
	text: string,
	person: {
		email: string | null
		phone: string | null
		firstName: string | null
		lastName: string | null
	},
) {
	const needles = [
		person.email,
		person.phone,
		person.firstName && person.lastName ? `${person.firstName} ${person.lastName}` : null,
		person.firstName && person.lastName ? `${person.lastName} ${person.firstName}` : null,
	].filter((n): n is string => Boolean(n && n.trim().length >= 3))
	return needles.reduce(
		(out, needle) => out.replace(new RegExp(escapeRegExp(needle), 'gi'), '[…]'),
		text,
	)
}

export type EraseResult = { ok: true } | { ok: false; error: 'notFound' }

/**
 * Erasure (GDPR art. 17): the personal fields are nulled, the row stays with erased_at so that
 * the interactions and introductions remain as anonymous business history ("a contact at Port
 * of Dover"). The search index forgets the person; secure_delete zeroes the freed bytes and a
 * checkpoint moves the change out of the write-ahead log into the file.
 */
export function eraseContact({ id, viewer }: { id: number; viewer: Viewer }): EraseResult {
	const result = writeTransaction((tx): EraseResult => {
		const person = tx
			.select({
				email: contacts.email,
				phone: contacts.phone,
				firstName: contacts.firstName,
				lastName: contacts.lastName,
			})
			.from(contacts)
			.where(and(eq(contacts.id, id), isNull(contacts.erasedAt), contactScope(viewer)))
			.get()
		if (!person) return { ok: false, error: 'notFound' }

		// free texts written about the person may quote them
		for (const row of tx
			.select({ id: interactions.id, summary: interactions.summary })
			.from(interactions)
			.where(eq(interactions.contactId, id))
			.all()) {
			const summary = scrubPerson(row.summary, person)
			if (summary !== row.summary) {
				tx.update(interactions).set({ summary }).where(eq(interactions.id, row.id)).run()
			}
		}
		for (const row of tx
			.select({ id: introductions.id, note: introductions.note })
			.from(introductions)
			.where(eq(introductions.contactId, id))
			.all()) {
			const note = row.note ? scrubPerson(row.note, person) : null
			if (note !== row.note) {
				tx.update(introductions).set({ note }).where(eq(introductions.id, row.id)).run()
			}
		}

		tx.update(contacts)
			.set({
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
				erasedAt: now(),
			})
			.where(eq(contacts.id, id))
			.run()
		// the trigger removed the row from the index; 'optimize' rewrites the index without it
		tx.run(sql`INSERT INTO contacts_search(contacts_search) VALUES ('optimize')`)
		recordAudit(tx, {
			userId: viewer.id,
			action: 'erase',
			entity: 'contact',
			entityId: id,
			summary: `erased contact #${id}`,
		})
		return { ok: true }
	})
	if (result.ok) {
		// best effort: a reader still open keeps older pages in the log until its next checkpoint
		getDb().$client.pragma('wal_checkpoint(TRUNCATE)')
	}
	return result
}

/** The date three years before `date` (29 February becomes the 28th). */
export function threeYearsBefore(date: string) {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	const day = m === 2 && d === 29 ? 28 : d
	return `${y - 3}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
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
