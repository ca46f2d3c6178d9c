import { z } from 'zod'

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

export const isoDate = z
	.string({ required_error: 'errors.required' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.refine((v) => {
		const d = new Date(`${v}T00:00:00Z`)
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
	}, 'errors.date')

export const optionalDate = z.preprocess(emptyToUndefined, isoDate.optional())

export const optionalId = z.preprocess(
	emptyToUndefined,
	z.coerce
		.number({ invalid_type_error: 'errors.invalidChoice' })
		.int()
		.positive('errors.invalidChoice')
		.optional(),
)

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
