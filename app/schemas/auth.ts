import { z } from 'zod'
import { ROLES } from '#db/schema/enums'
import { accountLinkOf } from '~/utils/permissions'

// Messages are i18n keys: the page translates them into the reader's language.
export const EmailSchema = z
	.string({ required_error: 'errors.required' })
	.trim()
	.max(254, 'errors.tooLong')
	.email('errors.email')

export const PasswordSchema = z
	.string({ required_error: 'errors.required' })
	.min(10, 'errors.passwordTooShort')
	.max(200, 'errors.tooLong')

export const LoginSchema = z.object({
	email: EmailSchema,
	// any length is checked against the hash: a short wrong password gets the generic message
	password: z.string({ required_error: 'errors.required' }).max(200, 'errors.tooLong'),
	redirectTo: z.string().optional(),
})

const NameSchema = z
	.string({ required_error: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.max(120, 'errors.tooLong')

const LinkFields = {
	role: z.enum(ROLES, { errorMap: () => ({ message: 'errors.role' }) }),
	startupId: z.coerce.number().int().positive().optional(),
	mentorId: z.coerce.number().int().positive().optional(),
	organisation: z.string().trim().max(120, 'errors.tooLong').optional(),
}

function checkLink(
	value: { role: string; startupId?: number; mentorId?: number },
	ctx: z.RefinementCtx,
) {
	if (accountLinkOf(value.role) === 'startup' && !value.startupId) {
		ctx.addIssue({ code: 'custom', path: ['startupId'], message: 'errors.founderNeedsStartup' })
	}
	if (accountLinkOf(value.role) === 'mentor' && !value.mentorId) {
		ctx.addIssue({ code: 'custom', path: ['mentorId'], message: 'errors.mentorNeedsMentor' })
	}
}

export const UserCreateSchema = z
	.object({ email: EmailSchema, name: NameSchema, password: PasswordSchema, ...LinkFields })
	.superRefine(checkLink)

export const UserUpdateSchema = z
	.object({ intent: z.literal('update'), email: EmailSchema, name: NameSchema, ...LinkFields })
	.superRefine(checkLink)

export const UserIntentSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('reset-password'), password: PasswordSchema }),
	z.object({ intent: z.literal('disable') }),
	z.object({ intent: z.literal('enable') }),
])
