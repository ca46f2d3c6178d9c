import { z } from 'zod'
import { COUNTRIES, DECISIONS, type QuestionKind, STARTUP_STAGES } from '#db/schema/enums'
import { EmailSchema } from './auth'
import type { ChoiceOption } from './call'
import {
	checkbox,
	emptyToUndefined,
	isoDate,
	money,
	optionalEmail,
	optionalText,
	optionalUrl,
	requiredText,
} from './common'

// Messages are i18n keys; 'calls:…' ones live in the calls namespace.

/** A question as the public form and the committee see it. */
export type FormQuestion = {
	id: number
	kind: QuestionKind
	labelFr: string
	labelEn: string
	helpFr: string | null
	helpEn: string | null
	required: boolean
	options: ChoiceOption[] | null
}

/** A file sent with an application: a PDF of 10 MB at most (checked again on the server, by its bytes). */
export const APPLICATION_FILE_MAX_BYTES = 10 * 1024 * 1024

/** The form has room for this many founders; empty rows are ignored. */
export const FOUNDER_ROWS = 4

/**
 * A field no person sees or fills (hidden from view and from screen readers): a robot that
 * fills every field it finds gives itself away.
 */
export const HONEYPOT_FIELD = 'fax'

export const questionField = (id: number) => `q${id}`

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { errorMap: () => ({ message: 'errors.invalidChoice' }) })

const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess(emptyToUndefined, choice(values).optional())

/** Each kind of question, as text to store: digits for numbers, cents for amounts, ISO dates. */
function answerSchema(question: FormQuestion, required: boolean): z.ZodTypeAny {
	let schema: z.ZodTypeAny
	switch (question.kind) {
		case 'short_text':
			schema = z.string().trim().max(300, 'errors.tooLong')
			break
		case 'long_text':
			schema = z.string().trim().max(5000, 'errors.tooLong')
			break
		case 'choice': {
			const indexes = (question.options ?? []).map((_, i) => String(i))
			schema = z.string().refine((v) => indexes.includes(v), 'errors.invalidChoice')
			break
		}
		case 'yes_no':
			schema = choice(['yes', 'no'])
			break
		case 'number':
			schema = z
				.string()
				.trim()
				.regex(/^-?\d{1,12}([.,]\d{1,4})?$/, 'calls:errors.number')
				.transform((v) => v.replace(',', '.'))
			break
		case 'amount':
			schema = money().transform(String)
			break
		case 'date':
			schema = isoDate
			break
		case 'file':
			// the server reads files from the upload and checks their bytes, outside this schema;
			// in the browser this stops a file that is too big before it is sent
			return z
				.any()
				.optional()
				.refine(
					(v) =>
						!(
							typeof File !== 'undefined' &&
							v instanceof File &&
							v.size > APPLICATION_FILE_MAX_BYTES
						),
					'calls:errors.fileTooBig',
				)
	}
	return required
		? z.preprocess(emptyToUndefined, schema, {
				errorMap: () => ({ message: 'errors.required' }),
			})
		: z.preprocess(emptyToUndefined, schema.optional())
}

const FounderSchema = z
	.object({
		name: optionalText(120),
		role: optionalText(120),
		email: optionalEmail,
	})
	.superRefine((founder, ctx) => {
		if (!founder.name && (founder.role || founder.email)) {
			ctx.addIssue({ code: 'custom', path: ['name'], message: 'errors.required' })
		}
	})

export const APPLICATION_INTENTS = ['save', 'submit'] as const
export type ApplicationIntent = (typeof APPLICATION_INTENTS)[number]

/**
 * The application form of a call. A draft is saved with whatever is there (each answer given
 * must still be well-formed); submitting asks for every required answer, one founder with an
 * email and the privacy notice read.
 */
export function applicationSchema(questions: readonly FormQuestion[], intent: ApplicationIntent) {
	const submit = intent === 'submit'
	const answers = Object.fromEntries(
		questions.map((q) => [questionField(q.id), answerSchema(q, submit && q.required)]),
	)
	return z
		.object({
			intent: choice(APPLICATION_INTENTS),
			contactName: requiredText(120),
			contactEmail: EmailSchema,
			contactPhone: optionalText(40),
			projectName: requiredText(120),
			origin: submit ? choice(COUNTRIES) : optionalChoice(COUNTRIES),
			sector: submit ? requiredText(80) : optionalText(80),
			stage: submit ? choice(STARTUP_STAGES) : optionalChoice(STARTUP_STAGES),
			website: optionalUrl,
			pitch: submit ? requiredText(2000) : optionalText(2000),
			ukFocus: checkbox,
			founders: z.array(FounderSchema).max(FOUNDER_ROWS).default([]),
			privacy: submit ? checkbox.refine((v) => v, 'calls:errors.privacy') : checkbox,
			...answers,
		})
		.superRefine((value, ctx) => {
			if (submit && !value.founders.some((f) => f.name && f.email)) {
				ctx.addIssue({ code: 'custom', path: ['founders'], message: 'calls:errors.oneFounder' })
			}
		})
}

export type ApplicationFormValue = z.infer<ReturnType<typeof applicationSchema>>

/** The first step on the public page: who is applying, and for which project. */
export const StartApplicationSchema = z.object({
	contactName: requiredText(120),
	contactEmail: EmailSchema,
	projectName: requiredText(120),
})

export const ResendLinkSchema = z.object({ email: EmailSchema })

export const DecisionSchema = z
	.object({
		intent: z.literal('decide'),
		decision: choice(DECISIONS),
		reason: optionalText(2000),
	})
	.superRefine((value, ctx) => {
		// a refusal or a waiting list is always explained to the applicant
		if (value.decision !== 'accepted' && !value.reason) {
			ctx.addIssue({ code: 'custom', path: ['reason'], message: 'calls:errors.reasonRequired' })
		}
	})

export const scoreField = (criterionId: number) => `score${criterionId}`
export const commentField = (criterionId: number) => `comment${criterionId}`

/** A member's scores: 0–5 for each criterion, an optional comment; all of them to submit. */
export function reviewSchema(criteria: readonly { id: number }[]) {
	const fields: Record<string, z.ZodTypeAny> = {
		intent: choice(['save-review', 'submit-review']),
	}
	for (const c of criteria) {
		fields[scoreField(c.id)] = z.preprocess(
			emptyToUndefined,
			z.coerce
				.number({ invalid_type_error: 'calls:errors.score' })
				.int('calls:errors.score')
				.min(0, 'calls:errors.score')
				.max(5, 'calls:errors.score')
				.optional(),
		)
		fields[commentField(c.id)] = optionalText(2000)
	}
	return z.object(fields).superRefine((value, ctx) => {
		if (value.intent !== 'submit-review') return
		for (const c of criteria) {
			if (value[scoreField(c.id)] === undefined) {
				ctx.addIssue({ code: 'custom', path: [scoreField(c.id)], message: 'calls:errors.scoreAll' })
			}
		}
	})
}

/** The GDPR review: erase one application (id), or every one that is due. */
export const EraseApplicationsSchema = z.object({
	intent: z.literal('erase'),
	id: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
})
