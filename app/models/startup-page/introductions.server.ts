import { desc, eq, sql } from 'drizzle-orm'
import { contacts, introductions, organisations } from '#db/schema/index'
import { holdsOn } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import type { Viewer } from '../viewer'

/**
 * The startup page's introductions panel; contact names only for who may read the startup's
 * introductions (the TEKTOS team, the startup's founders, its mentors), never an email or a
 * phone; organisations and outcomes only for who reads counts (partners); nothing for others.
 */
export function getIntroductions({ startupId, viewer }: { startupId: number; viewer: Viewer }) {
	const withContacts = holdsOn(viewer, 'read:introduction', startupId)
	if (!withContacts && !can(viewer, 'read:introduction:summary')) return []
	const rows = getDb()
		.select({
			id: introductions.id,
			purpose: introductions.purpose,
			status: introductions.status,
			introducedOn: introductions.introducedOn,
			statusOn: introductions.statusOn,
			dealValueCents: introductions.dealValueCents,
			dealCurrency: introductions.dealCurrency,
			organisationName: organisations.name,
			country: sql<'FR' | 'GB' | 'other'>`coalesce(${organisations.country}, ${contacts.country})`,
			contactId: contacts.id,
			firstName: contacts.firstName,
			lastName: contacts.lastName,
			optedOut: sql<boolean>`${contacts.optedOutOn} IS NOT NULL`.mapWith(Boolean),
			erased: sql<boolean>`${contacts.erasedAt} IS NOT NULL`.mapWith(Boolean),
		})
		.from(introductions)
		.innerJoin(contacts, eq(contacts.id, introductions.contactId))
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.where(eq(introductions.startupId, startupId))
		.orderBy(desc(introductions.introducedOn), desc(introductions.id))
		.all()
	return rows.map(({ firstName, lastName, contactId, optedOut, erased, ...r }) => ({
		...r,
		contactId: withContacts ? contactId : null,
		contactName: withContacts ? [firstName, lastName].filter(Boolean).join(' ') || null : null,
		optedOut: withContacts ? optedOut : false,
		erased: withContacts ? erased : false,
	}))
}
