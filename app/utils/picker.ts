/*
 * Pickers of one record among many (decision 0044): a form offers a select (or checkboxes)
 * while the viewer can choose among at most PICKER_LIMIT records, and a text field with
 * suggestions (GET /suggest/pick-<kind>) above that. A typed field says so with a hidden
 * PICKED_BY_NAME input naming it, and the server resolves the text to a record
 * (app/models/pickers.server.ts), within what the viewer may pick.
 */

/** Above this many records a picker is a text field with suggestions, not a select. */
export const PICKER_LIMIT = 50

/** The hidden input that names a field whose value is a typed name, not an id. */
export const PICKED_BY_NAME = 'pickedByName'

export const PICK_KINDS = [
	'startups',
	'organisations',
	'cohorts',
	'mentors',
	'units',
	'triggers',
] as const
export type PickKind = (typeof PICK_KINDS)[number]

/** One record a select offers. */
export type PickChoice = { id: number; label: string }

/**
 * The form data as the browser checks it before sending: a typed name stands in as a valid id,
 * since only the server can say which record it names.
 */
export function namesAsIds(formData: FormData): FormData {
	const typed = formData.getAll(PICKED_BY_NAME).map(String)
	if (!typed.length) return formData
	const copy = new FormData()
	for (const [key, value] of formData) {
		copy.append(
			key,
			typed.includes(key) && String(value).trim() && !/^\d+$/.test(String(value)) ? '1' : value,
		)
	}
	return copy
}
