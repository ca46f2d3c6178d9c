import { desc, eq, sql } from 'drizzle-orm'
import { contacts, introductions, organisations } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

/** The startup page's introductions panel; contact names only for who may see people. */
export function getIntroductions(startupId: number, withContacts: boolean) {
	const rows = getDb()
		.select({
			id: introductions.id,
			purpose: introductions.purpose,
			status: introductions.status,
			introducedOn: introductions.introducedOn,
			dealValueCents: introductions.dealValueCents,
			dealCurrency: introductions.dealCurrency,
			organisationName: organisations.name,
			country: sql<string>`coalesce(${organisations.country}, ${contacts.country})`,
			firstName: contacts.firstName,
			lastName: contacts.lastName,
		})
		.from(introductions)
		.innerJoin(contacts, eq(contacts.id, introductions.contactId))
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.where(eq(introductions.startupId, startupId))
		.orderBy(desc(introductions.introducedOn))
		.all()
	return rows.map(({ firstName, lastName, ...r }) => ({
		...r,
		contactName: withContacts ? [firstName, lastName].filter(Boolean).join(' ') || null : null,
	}))
}
