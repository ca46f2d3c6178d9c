/*
 * Helpers for the contacts area's tests, on top of tests/factories.ts.
 */
import type { ImportableContact } from '~/models/contact-import-write.server'
import type { Viewer } from '~/models/viewer'
import { createUser, nextId } from './factories'
import { sessionCookie } from './request'

export function viewerOf(user: {
	id: number
	role: Viewer['role']
	startupId: number | null
	mentorId: number | null
}): Viewer {
	return { id: user.id, role: user.role, startupId: user.startupId, mentorId: user.mentorId }
}

/** A user of the role, signed in: the row, a Viewer and a Cookie header. */
export async function signedIn(
	role: Viewer['role'],
	overrides: Parameters<typeof createUser>[0] = {},
) {
	const user = createUser({ role, ...overrides })
	return { user, viewer: viewerOf(user), cookie: await sessionCookie(user.id) }
}

/** A row as the import writer takes it; unique email unless given. */
export function importableContact(overrides: Partial<ImportableContact> = {}): ImportableContact {
	const n = nextId()
	return {
		line: n + 1,
		firstName: 'Alex',
		lastName: `Importé ${n}`,
		email: `imported${n}@import.example`,
		phone: '+441304240400',
		jobTitle: 'Buyer',
		organisationName: 'Port of Dover',
		organisationKind: 'customer',
		country: 'GB',
		languages: 'en',
		tags: 'port',
		notes: null,
		lawfulBasis: 'legitimate_interest',
		consentOn: null,
		consentSource: null,
		optedOutOn: null,
		lastContactOn: null,
		...overrides,
	}
}

/** A CSV file of `count` valid contacts with the template's columns. */
export function contactsCsv(count: number, prefix = 'bulk') {
	const header =
		'first_name,last_name,email,phone,job_title,organisation,country,languages,tags,lawful_basis'
	const lines = [header]
	for (let i = 0; i < count; i++) {
		lines.push(
			`Sam,${prefix} ${i},${prefix}${i}@bulk.example,+44 1304 ${String(240000 + (i % 760000)).padStart(6, '0')},Buyer,Org ${i % 500},${i % 2 ? 'United Kingdom' : 'FR'},"en,fr","kent,port",legitimate_interest`,
		)
	}
	return lines.join('\n')
}
