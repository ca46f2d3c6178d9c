import { z } from 'zod'
import { EmailSchema, PasswordSchema } from './auth'

// Messages are i18n keys; 'account:…' ones live in the account namespace.

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

export const SetPasswordSchema = z
	.object({
		password: PasswordSchema,
		confirm: z.string({ required_error: 'errors.required' }).max(200, 'errors.tooLong'),
	})
	.superRefine((value, ctx) => {
		if (value.password !== value.confirm) {
			ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'account:errors.mismatch' })
		}
	})
