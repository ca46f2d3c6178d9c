import { z } from 'zod'
import { requiredText } from './common'

export const ShareReportSchema = z.object({
	intent: z.literal('share'),
	name: requiredText(80),
	query: z.string().max(300).default(''),
})

export const DeleteReportViewSchema = z.object({
	intent: z.literal('delete-view'),
	viewId: z.coerce.number().int().positive(),
})
