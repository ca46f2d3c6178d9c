import { z } from 'zod'
import { STARTUP_STAGES, STARTUP_STATUSES } from '#db/schema/enums'
import {
	checkbox,
	emptyToUndefined,
	isoDate,
	newStatus,
	optionalDate,
	optionalEmail,
	optionalId,
	optionalText,
	optionalUrl,
	requiredText,
} from './common'

/** SIREN: 9 digits with a Luhn check digit (spaces allowed when typed). */
export function isValidSiren(value: string) {
	if (!/^\d{9}$/.test(value)) return false
	let sum = 0
	for (let i = 0; i < 9; i++) {
		let digit = Number(value[8 - i])
		if (i % 2 === 1) {
			digit *= 2
			if (digit > 9) digit -= 9
		}
		sum += digit
	}
	return sum % 10 === 0
}

export const SirenSchema = z.preprocess(
	(v) => (typeof emptyToUndefined(v) === 'string' ? String(v).replace(/\s/g, '') : undefined),
	z
		.string()
		.regex(/^\d{9}$/, 'errors.sirenFormat')
		.refine(isValidSiren, 'errors.sirenChecksum')
		.optional(),
)

/** Companies House: 8 characters, digits or two letters then six digits (SC123456); short numbers get their leading zeros. */
export const CompaniesHouseSchema = z.preprocess(
	(v) => {
		const s = emptyToUndefined(v)
		if (typeof s !== 'string') return undefined
		const compact = s.replace(/\s/g, '').toUpperCase()
		return /^\d{1,7}$/.test(compact) ? compact.padStart(8, '0') : compact
	},
	z
		.string()
		.regex(/^(\d{8}|[A-Z]{2}\d{6})$/, 'errors.companiesHouseFormat')
		.optional(),
)

/** What a founder may change about their own startup. */
export const StartupProfileFields = {
	name: requiredText(120),
	legalName: optionalText(200),
	siren: SirenSchema,
	companiesHouseNumber: CompaniesHouseSchema,
	sector: requiredText(80),
	stage: z.enum(STARTUP_STAGES, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
	website: optionalUrl,
	pitchFr: optionalText(2000),
	pitchEn: optionalText(2000),
	ukFocus: checkbox,
	targetMarkets: optionalText(200),
}

/** What only a manager changes: where the startup stands in the programme. */
export const StartupProgrammeFields = {
	status: z.enum(STARTUP_STATUSES, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
	cohortId: optionalId,
	enteredOn: optionalDate,
	leftOn: optionalDate,
}

function datesInOrder(value: { enteredOn?: string; leftOn?: string }, ctx: z.RefinementCtx) {
	if (value.enteredOn && value.leftOn && value.leftOn < value.enteredOn) {
		ctx.addIssue({ code: 'custom', path: ['leftOn'], message: 'startups:errors.leftBeforeEntered' })
	}
}

export const StartupProfileSchema = z.object(StartupProfileFields)
export const StartupManagerSchema = z
	.object({ ...StartupProfileFields, ...StartupProgrammeFields })
	.superRefine(datesInOrder)

export type StartupProfileInput = z.infer<typeof StartupProfileSchema>
export type StartupManagerInput = z.infer<typeof StartupManagerSchema>

/** The allowed moves along a startup's life. */
export const STATUS_TRANSITIONS: Record<
	(typeof STARTUP_STATUSES)[number],
	(typeof STARTUP_STATUSES)[number][]
> = {
	applicant: ['incubated', 'left'],
	incubated: ['graduated', 'left'],
	graduated: [],
	left: [],
}

export const StatusChangeSchema = z.object({
	intent: z.literal('change-status'),
	status: newStatus(STARTUP_STATUSES),
	date: z.preprocess(emptyToUndefined, isoDate),
})

export const TeamMemberSchema = z.object({
	name: requiredText(120),
	role: requiredText(120),
	email: optionalEmail,
})
