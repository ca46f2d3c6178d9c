import { z } from 'zod'
import {
	COUNTRIES,
	CURRENCIES,
	INTERACTION_KINDS,
	INTRODUCTION_PURPOSES,
	INTRODUCTION_STATUSES,
	LAWFUL_BASES,
	ORGANISATION_KINDS,
} from '#db/schema/enums'
import { normaliseLabel, normalisePhone } from '~/utils/contact-keys'
import { ISO_COUNTRY_CODES } from '~/utils/iso-countries'
import { parseMoney } from '~/utils/money'
import {
	emptyToUndefined,
	isoDate,
	moneyError,
	newStatus,
	optionalId,
	optionalText,
	optionalUrl,
} from './common'

export { normaliseLabel, normalisePhone }

// Messages are i18n keys; 'contacts:…' ones live in the contacts namespace.

export type Country = (typeof COUNTRIES)[number]
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number]

export const LIMITS = {
	name: 80,
	email: 254,
	phone: 40,
	jobTitle: 120,
	notes: 2000,
	consentSource: 200,
	tag: 40,
	tags: 20,
	languages: 10,
	organisationName: 200,
	sector: 120,
	summary: 1000,
	introductionNote: 1000,
} as const

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { errorMap: () => ({ message: 'errors.invalidChoice' }) })

// ---------------------------------------------------------------- countries (ISO 3166-1)

export { ISO_COUNTRY_CODES }

// the ways people write the two countries the incubator works with, besides ISO names
const COUNTRY_ALIASES: Record<string, Country> = {
	fra: 'FR',
	'republique francaise': 'FR',
	'french republic': 'FR',
	gbr: 'GB',
	uk: 'GB',
	'great britain': 'GB',
	'grande bretagne': 'GB',
	britain: 'GB',
	england: 'GB',
	angleterre: 'GB',
	scotland: 'GB',
	ecosse: 'GB',
	wales: 'GB',
	'pays de galles': 'GB',
	'northern ireland': 'GB',
	'irlande du nord': 'GB',
	'united kingdom of great britain and northern ireland': 'GB',
	other: 'other',
	autre: 'other',
	'autre pays': 'other',
}

let countryNames: Map<string, Country> | undefined

/** ISO names in English and French, built once on first use (Intl knows them all). */
function namesOfCountries() {
	if (countryNames) return countryNames
	const map = new Map<string, Country>()
	const bucket = (code: string): Country => (code === 'FR' ? 'FR' : code === 'GB' ? 'GB' : 'other')
	for (const locale of ['en', 'fr']) {
		let names: Intl.DisplayNames | undefined
		try {
			names = new Intl.DisplayNames([locale], { type: 'region' })
		} catch {
			names = undefined
		}
		for (const code of ISO_COUNTRY_CODES) {
			const name = names?.of(code)
			if (name && name !== code) map.set(normaliseLabel(name), bucket(code))
		}
	}
	for (const [alias, country] of Object.entries(COUNTRY_ALIASES)) map.set(alias, country)
	countryNames = map
	return map
}

/**
 * A country as typed in a form or a spreadsheet — an ISO 3166-1 code ("FR", "gb", "BE") or
 * a name in English or French ("France", "United Kingdom", "UK", "Belgique") — stored as
 * FR, GB or other. Null when it is not a country.
 */
export function parseCountry(value: string): Country | null {
	const text = value.trim()
	if (!text) return null
	if (text === 'other') return 'other'
	const upper = text.toUpperCase()
	if (/^[A-Z]{2}$/.test(upper)) {
		if (upper === 'UK') return 'GB'
		if (!ISO_COUNTRY_CODES.includes(upper)) return null
		return upper === 'FR' ? 'FR' : upper === 'GB' ? 'GB' : 'other'
	}
	return namesOfCountries().get(normaliseLabel(text)) ?? null
}

export const CountrySchema = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : (parseCountry(v) ?? v)) : v),
	z.enum(COUNTRIES, {
		errorMap: (issue, ctx) =>
			issue.code === 'invalid_type' || ctx.data === undefined
				? { message: 'errors.required' }
				: { message: 'contacts:errors.country' },
	}),
)

// ---------------------------------------------------------------- emails and phones

/** Lower case and trimmed: emails are compared and stored that way. */
export function normaliseEmail(value: string) {
	return value.trim().toLowerCase()
}

export const EmailSchema = z.preprocess(
	(v) => (typeof v === 'string' ? normaliseEmail(v) : v),
	z.string().max(LIMITS.email, 'errors.tooLong').email('errors.email'),
)

export const optionalContactEmail = z.preprocess(emptyToUndefined, EmailSchema.optional())

/** The message for a phone that normalisePhone refused. */
export function phoneError(country: Country | undefined) {
	return country === 'FR' || country === 'GB'
		? 'contacts:errors.phone'
		: 'contacts:errors.phoneInternational'
}

// ---------------------------------------------------------------- languages and tags

const LANGUAGE_ALIASES: Record<string, string> = {
	french: 'fr',
	francais: 'fr',
	english: 'en',
	anglais: 'en',
	german: 'de',
	allemand: 'de',
	dutch: 'nl',
	neerlandais: 'nl',
	flemish: 'nl',
	flamand: 'nl',
	spanish: 'es',
	espagnol: 'es',
	italian: 'it',
	italien: 'it',
	portuguese: 'pt',
	portugais: 'pt',
	polish: 'pl',
	polonais: 'pl',
	arabic: 'ar',
	arabe: 'ar',
	chinese: 'zh',
	chinois: 'zh',
}

/** "fr, English; de" → "fr,en,de"; null when one of them is not a language code or name. */
export function parseLanguages(value: string): string | null {
	const parts = value
		.split(/[,;/\s]+/)
		.map((p) => normaliseLabel(p))
		.filter(Boolean)
	const codes: string[] = []
	for (const part of parts) {
		const code = LANGUAGE_ALIASES[part] ?? (/^[a-z]{2}$/.test(part) ? part : null)
		if (!code) return null
		if (!codes.includes(code)) codes.push(code)
	}
	return codes.length > LIMITS.languages ? null : codes.join(',')
}

// optional, not preprocessed: Conform turns an empty field into undefined before zod sees it
export const LanguagesSchema = z
	.string()
	.optional()
	.transform((text, ctx) => {
		const parsed = parseLanguages(text ?? '')
		if (parsed === null) {
			ctx.addIssue({ code: 'custom', message: 'contacts:errors.languages' })
			return z.NEVER
		}
		return parsed
	})

/** "Port, maritime ,, UK" → "port,maritime,uk": lower case, no empties, no repeats. */
export function parseTags(value: string): string | null {
	const tags: string[] = []
	for (const raw of value.split(/[,;]/)) {
		const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase()
		if (!tag) continue
		if (tag.length > LIMITS.tag) return null
		if (!tags.includes(tag)) tags.push(tag)
	}
	return tags.length > LIMITS.tags ? null : tags.join(',')
}

export const TagsSchema = z
	.string()
	.optional()
	.transform((text, ctx) => {
		const parsed = parseTags(text ?? '')
		if (parsed === null) {
			ctx.addIssue({ code: 'custom', message: 'contacts:errors.tags' })
			return z.NEVER
		}
		return parsed
	})

// ---------------------------------------------------------------- contacts

const optionalName = optionalText(LIMITS.name)

/** A date that has happened: consent, opt-out, an interaction. */
const pastDate = (today: string) => isoDate.refine((v) => v <= today, 'contacts:errors.futureDate')

/**
 * The contact form and the CSV import share it. `today` (Paris) bounds the dates; the phone is
 * read in the light of the country, so both are checked together once each is valid.
 */
export function contactSchema(today: string) {
	return z
		.object({
			firstName: optionalName,
			lastName: optionalName,
			organisationId: optionalId,
			email: optionalContactEmail,
			phone: optionalText(LIMITS.phone),
			jobTitle: optionalText(LIMITS.jobTitle),
			country: CountrySchema,
			languages: LanguagesSchema,
			tags: TagsSchema,
			notes: optionalText(LIMITS.notes),
			lawfulBasis: choice(LAWFUL_BASES),
			consentOn: z.preprocess(emptyToUndefined, pastDate(today).optional()),
			consentSource: optionalText(LIMITS.consentSource),
			optedOutOn: z.preprocess(emptyToUndefined, pastDate(today).optional()),
			ownerId: optionalId,
		})
		.transform((value, ctx) => {
			if (!value.firstName && !value.lastName) {
				ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'contacts:errors.name' })
			}
			// consent is a fact with a date and a proof (GDPR art. 7): the database insists on the date
			if (value.lawfulBasis === 'consent') {
				if (!value.consentOn) {
					ctx.addIssue({
						code: 'custom',
						path: ['consentOn'],
						message: 'contacts:errors.consentDate',
					})
				}
				if (!value.consentSource) {
					ctx.addIssue({
						code: 'custom',
						path: ['consentSource'],
						message: 'contacts:errors.consentSource',
					})
				}
			}
			let phone: string | undefined
			if (value.phone) {
				const normalised = normalisePhone(value.phone, value.country)
				if (normalised) phone = normalised
				else ctx.addIssue({ code: 'custom', path: ['phone'], message: phoneError(value.country) })
			}
			return { ...value, phone }
		})
}

export type ContactInput = z.output<ReturnType<typeof contactSchema>>

// ---------------------------------------------------------------- organisations

export const OrganisationSchema = z.object({
	name: z
		.string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(LIMITS.organisationName, 'errors.tooLong'),
	country: CountrySchema,
	kind: choice(ORGANISATION_KINDS),
	sector: optionalText(LIMITS.sector),
	website: optionalUrl,
	notes: optionalText(LIMITS.notes),
})

export type OrganisationInput = z.infer<typeof OrganisationSchema>

// ---------------------------------------------------------------- interactions

const idList = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z
		.array(z.coerce.number({ invalid_type_error: 'errors.invalidChoice' }).int().positive())
		.max(50, 'errors.invalidChoice')
		.transform((ids) => [...new Set(ids)]),
)

export function interactionSchema(today: string) {
	return z.object({
		intent: z.literal('log-interaction'),
		kind: choice(INTERACTION_KINDS),
		date: z.preprocess(emptyToUndefined, pastDate(today)),
		summary: z
			.string({ required_error: 'errors.required' })
			.trim()
			.min(1, 'errors.required')
			.max(LIMITS.summary, 'errors.tooLong'),
		startupIds: idList,
		// a startup named rather than checked, when there are too many to list (decision 0044)
		otherStartup: optionalText(200),
	})
}

export type InteractionInput = z.output<ReturnType<typeof interactionSchema>>

// ---------------------------------------------------------------- introductions

export const INTRODUCTION_STEP: Record<IntroductionStatus, number> = {
	proposed: 0,
	made: 1,
	meeting_held: 2,
	deal: 3,
	no_fit: 3,
}

export function introductionSchema(today: string) {
	return z.object({
		intent: z.literal('introduce'),
		startupId: z.preprocess(
			emptyToUndefined,
			z.coerce
				.number({ required_error: 'errors.required', invalid_type_error: 'errors.invalidChoice' })
				.int()
				.positive('errors.invalidChoice'),
		),
		purpose: choice(INTRODUCTION_PURPOSES),
		introducedOn: z.preprocess(emptyToUndefined, pastDate(today)),
		note: optionalText(LIMITS.introductionNote),
	})
}

export type IntroductionInput = z.output<ReturnType<typeof introductionSchema>>

/** A new status for an introduction and, for a deal, its value. */
export function introductionStatusSchema(today: string) {
	return z
		.object({
			status: newStatus(INTRODUCTION_STATUSES),
			statusOn: z.preprocess(emptyToUndefined, pastDate(today)),
			dealValue: optionalText(30),
			dealCurrency: z.preprocess(emptyToUndefined, choice(CURRENCIES).optional()),
			note: optionalText(LIMITS.introductionNote),
		})
		.transform((value, ctx) => {
			let dealValueCents: number | null = null
			let dealCurrency: (typeof CURRENCIES)[number] | null = null
			if (value.status === 'deal') {
				if (!value.dealValue) {
					ctx.addIssue({
						code: 'custom',
						path: ['dealValue'],
						message: 'contacts:errors.dealValue',
					})
				} else {
					const cents = parseMoney(value.dealValue)
					if (typeof cents !== 'number') {
						ctx.addIssue({ code: 'custom', path: ['dealValue'], message: moneyError(cents) })
					} else {
						dealValueCents = cents
						dealCurrency = value.dealCurrency ?? 'EUR'
					}
				}
			}
			// the database ties value and currency together; neither belongs to a deal not made
			return {
				status: value.status,
				statusOn: value.statusOn,
				note: value.note ?? null,
				dealValueCents,
				dealCurrency,
			}
		})
}

export type IntroductionStatusInput = z.output<ReturnType<typeof introductionStatusSchema>>

// ---------------------------------------------------------------- GDPR and merge

export const EraseSchema = z.object({
	intent: z.literal('erase'),
	confirm: z.literal('on', {
		errorMap: () => ({ message: 'contacts:errors.confirmErase' }),
	}),
})

export const MergeSchema = z.object({
	intent: z.literal('merge'),
	otherId: z.coerce
		.number({ invalid_type_error: 'errors.invalidChoice' })
		.int()
		.positive('errors.invalidChoice'),
})
