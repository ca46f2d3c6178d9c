import { z } from 'zod'
import { QUESTION_KINDS } from '#db/schema/enums'
import { checkbox, isoDate, optionalId, optionalText, requiredText } from './common'

// Messages are i18n keys; 'calls:…' ones live in the calls namespace.

export { QUESTION_KINDS }

export const MAX_QUESTIONS = 30
export const MAX_CRITERIA = 12

export type ChoiceOption = { fr: string; en: string }

/**
 * A choice question's options, one a line, "French | English" (the English may be left out):
 * "Oui, une SAS | Yes, a SAS".
 */
export function parseOptions(text: string | undefined): ChoiceOption[] {
	return (text ?? '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const [fr = '', en = ''] = line.split('|').map((part) => part.trim())
			return { fr, en: en || fr }
		})
}

export function optionsText(options: readonly ChoiceOption[]) {
	return options.map((o) => (o.en && o.en !== o.fr ? `${o.fr} | ${o.en}` : o.fr)).join('\n')
}

export const QuestionSchema = z
	.object({
		id: optionalId,
		kind: z.enum(QUESTION_KINDS, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
		labelFr: requiredText(300),
		labelEn: requiredText(300),
		helpFr: optionalText(500),
		helpEn: optionalText(500),
		required: checkbox,
		options: optionalText(3000),
	})
	.superRefine((q, ctx) => {
		if (q.kind !== 'choice') return
		const options = parseOptions(q.options)
		if (options.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'calls:errors.twoOptions' })
		} else if (options.length > 30 || options.some((o) => o.fr.length > 200 || o.en.length > 200)) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'errors.tooLong' })
		}
	})

export const CriterionSchema = z.object({
	id: optionalId,
	labelFr: requiredText(120),
	labelEn: requiredText(120),
	weight: z.coerce
		.number({ invalid_type_error: 'calls:errors.weight' })
		.int('calls:errors.weight')
		.min(1, 'calls:errors.weight')
		.max(100, 'calls:errors.weight'),
})

export const CallSchema = z
	.object({
		cohortId: z.coerce
			.number({ invalid_type_error: 'errors.invalidChoice', required_error: 'errors.required' })
			.int()
			.positive('errors.invalidChoice'),
		titleFr: requiredText(160),
		titleEn: requiredText(160),
		textFr: requiredText(5000),
		textEn: requiredText(5000),
		opensOn: isoDate,
		closesOn: isoDate,
		published: checkbox,
		retentionMonths: z.coerce
			.number({ invalid_type_error: 'calls:errors.retention' })
			.int('calls:errors.retention')
			.min(1, 'calls:errors.retention')
			.max(120, 'calls:errors.retention'),
		questions: z
			.array(QuestionSchema)
			.max(MAX_QUESTIONS, 'calls:errors.tooManyQuestions')
			.default([]),
		criteria: z
			.array(CriterionSchema)
			.min(1, 'calls:errors.oneCriterion')
			.max(MAX_CRITERIA, 'calls:errors.tooManyCriteria')
			.default([]),
	})
	.superRefine((value, ctx) => {
		if (value.closesOn < value.opensOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['closesOn'],
				message: 'calls:errors.closesBeforeOpens',
			})
		}
	})

export type CallInput = z.infer<typeof CallSchema>
export type QuestionInput = z.infer<typeof QuestionSchema>
export type CriterionInput = z.infer<typeof CriterionSchema>

/** The usual criteria of a TEKTOS committee: a new call starts with them. */
export const DEFAULT_CRITERIA: Omit<CriterionInput, 'id'>[] = [
	{ labelFr: 'Équipe', labelEn: 'Team', weight: 30 },
	{ labelFr: 'Innovation', labelEn: 'Innovation', weight: 20 },
	{ labelFr: 'Marché', labelEn: 'Market', weight: 20 },
	{ labelFr: 'Potentiel franco-britannique', labelEn: 'Franco-British potential', weight: 20 },
	{ labelFr: 'Adéquation avec la pépinière', labelEn: 'Fit with the nursery', weight: 10 },
]

export const DEFAULT_QUESTIONS: Omit<QuestionInput, 'id'>[] = [
	{
		kind: 'file',
		labelFr: 'Pitch deck (PDF)',
		labelEn: 'Pitch deck (PDF)',
		helpFr: 'Un PDF de 10 Mo au plus.',
		helpEn: 'A PDF of 10 MB at most.',
		required: true,
		options: undefined,
	},
	{
		kind: 'amount',
		labelFr: 'Besoin de financement sur 18 mois (€)',
		labelEn: 'Funding needed over 18 months (€)',
		helpFr: undefined,
		helpEn: undefined,
		required: false,
		options: undefined,
	},
]

export const CommitteeSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('add-member'),
		userId: z.coerce.number({ invalid_type_error: 'errors.invalidChoice' }).int().positive(),
	}),
	z.object({
		intent: z.literal('remove-member'),
		userId: z.coerce.number({ invalid_type_error: 'errors.invalidChoice' }).int().positive(),
	}),
])
