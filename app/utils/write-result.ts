import type { SubmissionResult } from '@conform-to/react'

/*
 * What every model write returns (decision 0018):
 * - `{ ok: true, value }` — written (or found unchanged), with what the caller needs;
 * - `{ ok: false, fieldErrors, formErrors }` — refused by a rule of the domain, nothing written,
 *   with message keys for the form: on a field, or on the whole form;
 * - `null` — no such record for this viewer (absent, or outside their rows): the route's 404.
 * Expected refusals are values, never exceptions; writeTransaction rolls back a write that
 * returns a refusal, so a rule checked after a first statement still leaves nothing behind.
 */

export type FieldErrors = Record<string, string[]>

export type Written<T> = { ok: true; value: T }
export type Refusal = { ok: false; fieldErrors: FieldErrors; formErrors: string[] }
export type WriteResult<T> = Written<T> | Refusal

export function written<T>(value: T): Written<T> {
	return { ok: true, value }
}

/** Refused on one field, or on the whole form when `field` is ''. */
export function refused(field: string, messageKey: string): Refusal {
	return field
		? { ok: false, fieldErrors: { [field]: [messageKey] }, formErrors: [] }
		: { ok: false, fieldErrors: {}, formErrors: [messageKey] }
}

/** Refused on several fields at once. */
export function refusedFields(fieldErrors: FieldErrors): Refusal {
	return { ok: false, fieldErrors, formErrors: [] }
}

export function isRefusal(value: unknown): value is Refusal {
	return (
		typeof value === 'object' &&
		value !== null &&
		'ok' in value &&
		value.ok === false &&
		'fieldErrors' in value
	)
}

type Replyable = {
	reply(options?: {
		formErrors?: string[]
		fieldErrors?: Record<string, string[]>
		hideFields?: string[]
	}): SubmissionResult<string[]>
}

/**
 * A refused write as Conform's reply: the messages on their fields, what the user typed kept.
 *   if (!result.ok) return data(replyTo(submission, result), { status: 400 })
 */
export function replyTo(
	submission: Replyable,
	refusal: Refusal,
	options: { hideFields?: string[] } = {},
): SubmissionResult<string[]> {
	return submission.reply({
		fieldErrors: refusal.fieldErrors,
		formErrors: refusal.formErrors,
		...options,
	})
}
