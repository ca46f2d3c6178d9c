import { z } from 'zod'
import { PROGRAMMES } from '#db/schema/enums'
import { isoDate, requiredText } from './common'

export { PROGRAMMES }
export type Programme = (typeof PROGRAMMES)[number]

// Messages are i18n keys; 'cohorts:…' ones live in the cohorts namespace.

export const CohortSchema = z
	.object({
		name: requiredText(120),
		programme: z.enum(PROGRAMMES, { errorMap: () => ({ message: 'errors.invalidChoice' }) }),
		startDate: isoDate,
		endDate: isoDate,
	})
	.superRefine((value, ctx) => {
		// ISO dates compare as text; the database has the same CHECK
		if (value.endDate < value.startDate) {
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'cohorts:errors.endBeforeStart' })
		}
	})

export type CohortInput = z.infer<typeof CohortSchema>
