import { z } from 'zod'
import { isDate } from '~/utils/calendar'
import { type MoneyParseError, parseMoney } from '~/utils/money'

// Messages are i18n keys, translated where they are shown.

/** An empty form field means "nothing", not "". */
export const emptyToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v

export const requiredText = (max: number) =>
	z
		.string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(max, 'errors.tooLong')

export const optionalText = (max: number) =>
	z.preprocess(emptyToUndefined, z.string().trim().max(max, 'errors.tooLong').optional())

export const isoDate = z.string({ required_error: 'errors.required' }).refine(isDate, 'errors.date')

export const optionalDate = z.preprocess(emptyToUndefined, isoDate.optional())

export const optionalId = z.preprocess(
	emptyToUndefined,
	z.coerce
		.number({ invalid_type_error: 'errors.invalidChoice' })
		.int()
		.positive('errors.invalidChoice')
		.optional(),
)

/**
 * The status a status-change form moves a record to. Nothing is pre-selected (issue 13 §12):
 * an empty choice is refused with a message of its own, a value off the list as any other.
 */
export const newStatus = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, {
		errorMap: (issue) => ({
			message: issue.code === 'invalid_type' ? 'errors.chooseStatus' : 'errors.invalidChoice',
		}),
	})

/** A checkbox: present ("on") is true, absent is false. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())

export const optionalUrl = z.preprocess((v) => {
	const s = emptyToUndefined(v)
	// "tektos.fr" is what people type: add the scheme for them
	return typeof s === 'string' && !/^https?:\/\//i.test(s.trim()) ? `https://${s.trim()}` : s
}, z.string().trim().max(200, 'errors.tooLong').url('errors.url').optional())

export const optionalEmail = z.preprocess(
	emptyToUndefined,
	z.string().trim().max(254, 'errors.tooLong').email('errors.email').optional(),
)

const MONEY_ERRORS: Record<MoneyParseError, string> = {
	empty: 'errors.required',
	invalid: 'errors.amount',
	negative: 'errors.amountNegative',
	tooLarge: 'errors.amountTooLarge',
}

/** The message for an amount `parseMoney` refused. */
export const moneyError = (error: MoneyParseError) => MONEY_ERRORS[error]

/** An amount as people type it ("12 500,50", "1,234.56 €") → integer cents (utils/money.ts). */
export const money = ({ allowZero = true } = {}) =>
	z
		.string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
		.transform((text, ctx) => {
			const cents = parseMoney(text)
			if (typeof cents !== 'number') {
				ctx.addIssue({ code: 'custom', message: moneyError(cents) })
				return z.NEVER
			}
			if (!allowZero && cents === 0) {
				ctx.addIssue({ code: 'custom', message: 'errors.amountPositive' })
				return z.NEVER
			}
			return cents
		})
