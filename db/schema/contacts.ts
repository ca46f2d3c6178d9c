import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
	COUNTRIES,
	CURRENCIES,
	INTERACTION_KINDS,
	INTRODUCTION_PURPOSES,
	INTRODUCTION_STATUSES,
	LAWFUL_BASES,
	ORGANISATION_KINDS,
} from './enums'
import { users } from './auth'
import { startups } from './startups'

export const organisations = sqliteTable(
	'organisations',
	{
		id: integer().primaryKey(),
		name: text().notNull(),
		country: text({ enum: COUNTRIES }).notNull(),
		// ISO 3166-1 alpha-2 (DE, BE…): `country` only groups France, the UK and the rest
		countryCode: text('country_code'),
		kind: text({ enum: ORGANISATION_KINDS }).notNull(),
		sector: text(),
		website: text(),
		notes: text(),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		// organisation lists sorted by name, filtered by country
		index('organisations_name_idx').on(t.name),
		// every list and select of organisations, in the reader's order
		index('organisations_sort_key_idx').on(t.sortKey),
		index('organisations_country_idx').on(t.country),
	],
)

/** A person. Personal fields are nulled on erasure; erasedAt keeps the row for history. */
export const contacts = sqliteTable(
	'contacts',
	{
		id: integer().primaryKey(),
		organisationId: integer('organisation_id').references(() => organisations.id, {
			onDelete: 'set null',
		}),
		firstName: text('first_name'),
		lastName: text('last_name'),
		email: text(),
		phone: text(),
		jobTitle: text('job_title'),
		country: text({ enum: COUNTRIES }).notNull(),
		// ISO 3166-1 alpha-2 (DE, BE…): `country` only groups France, the UK and the rest
		countryCode: text('country_code'),
		// comma-separated language codes
		languages: text().notNull().default(''),
		tags: text().notNull().default(''),
		notes: text(),
		lawfulBasis: text('lawful_basis', { enum: LAWFUL_BASES }).notNull(),
		consentOn: text('consent_on'),
		consentSource: text('consent_source'),
		optedOutOn: text('opted_out_on'),
		lastContactOn: text('last_contact_on'),
		ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
		erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		// Kept by triggers on every write (app/utils/contact-keys.ts, decision 0030), never set
		// by the app: the folded name "first|last", the email in lower case, the phone in E.164,
		// and whether another live contact shares the email, the name in the same organisation,
		// or the name and the phone. Null (and false) once erased.
		nameKey: text('name_key'),
		emailKey: text('email_key'),
		phoneKey: text('phone_key'),
		likelyDuplicate: integer('likely_duplicate', { mode: 'boolean' }).notNull().default(false),
		// the name folded for sorting (accents, case), kept by triggers: decision 0035
		sortKey: text('sort_key'),
	},
	(t) => [
		// contacts of an organisation; the report's UK contacts by creation date (those of a
		// British organisation), and ON DELETE SET NULL of an organisation
		index('contacts_organisation_created_idx').on(t.organisationId, t.erasedAt, t.createdAt),
		// the report's UK contacts by creation date (those without an organisation)
		index('contacts_unattached_country_created_idx')
			.on(t.country, t.createdAt)
			.where(sql`${t.organisationId} IS NULL AND ${t.erasedAt} IS NULL`),
		// likely duplicates: same email; same name in the same organisation; same name and phone
		index('contacts_email_key_idx')
			.on(t.emailKey)
			.where(sql`${t.erasedAt} IS NULL`),
		// a file's names looked up by an import (and the namesakes of a contact)
		index('contacts_name_key_idx')
			.on(t.nameKey)
			.where(sql`${t.erasedAt} IS NULL`),
		index('contacts_organisation_name_key_idx')
			.on(t.organisationId, t.nameKey)
			.where(sql`${t.erasedAt} IS NULL`),
		index('contacts_phone_name_key_idx')
			.on(t.phoneKey, t.nameKey)
			.where(sql`${t.erasedAt} IS NULL`),
		// the likely-duplicates count and filter of the contact list
		index('contacts_likely_duplicate_idx')
			.on(t.likelyDuplicate)
			.where(sql`${t.likelyDuplicate} = 1`),
		// the list sorted by name; review of contacts untouched for 3 years
		index('contacts_name_idx').on(t.lastName, t.firstName),
		// every list of people: by the name as it is shown, first name first (decision 0035)
		index('contacts_sort_key_idx').on(t.sortKey),
		index('contacts_last_contact_idx').on(t.lastContactOn),
		check(
			'contacts_consent',
			sql`${t.lawfulBasis} <> 'consent' OR ${t.erasedAt} IS NOT NULL OR ${t.consentOn} IS NOT NULL`,
		),
	],
)

export const interactions = sqliteTable(
	'interactions',
	{
		id: integer().primaryKey(),
		contactId: integer('contact_id')
			.notNull()
			.references(() => contacts.id, { onDelete: 'cascade' }),
		kind: text({ enum: INTERACTION_KINDS }).notNull(),
		date: text().notNull(),
		summary: text().notNull(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
	},
	(t) => [
		// a contact's history, newest first
		index('interactions_contact_date_idx').on(t.contactId, t.date),
	],
)

export const interactionStartups = sqliteTable(
	'interaction_startups',
	{
		interactionId: integer('interaction_id')
			.notNull()
			.references(() => interactions.id, { onDelete: 'cascade' }),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
	},
	(t) => [
		primaryKey({ columns: [t.interactionId, t.startupId] }),
		// a startup's timeline of interactions
		index('interaction_startups_startup_idx').on(t.startupId),
	],
)

export const introductions = sqliteTable(
	'introductions',
	{
		id: integer().primaryKey(),
		contactId: integer('contact_id')
			.notNull()
			.references(() => contacts.id, { onDelete: 'restrict' }),
		startupId: integer('startup_id')
			.notNull()
			.references(() => startups.id, { onDelete: 'cascade' }),
		purpose: text({ enum: INTRODUCTION_PURPOSES }).notNull(),
		status: text({ enum: INTRODUCTION_STATUSES }).notNull().default('proposed'),
		introducedOn: text('introduced_on').notNull(),
		statusOn: text('status_on').notNull(),
		dealValueCents: integer('deal_value_cents'),
		dealCurrency: text('deal_currency', { enum: CURRENCIES }),
		note: text(),
	},
	(t) => [
		// a startup's introductions and the funnel per startup
		index('introductions_startup_status_idx').on(t.startupId, t.status),
		index('introductions_contact_idx').on(t.contactId),
		// the list, newest first (the rowid breaks ties, as the list's id DESC does)
		index('introductions_introduced_idx').on(t.introducedOn),
		check('introductions_value', sql`${t.dealValueCents} IS NULL OR ${t.dealValueCents} >= 0`),
		check(
			'introductions_value_currency',
			sql`(${t.dealValueCents} IS NULL) = (${t.dealCurrency} IS NULL)`,
		),
	],
)
