/*
 * What the funding forms and pages share besides the zod schemas (funding.ts): here without zod,
 * so that a page that only shows funding does not ship it.
 */

export function rateInput(micros: number, locale: string) {
	const text = (micros / 1_000_000).toFixed(6).replace(/0+$/, '').replace(/\.$/, '')
	return locale === 'fr' ? text.replace('.', ',') : text
}

export const STEP_DATE_FIELD = {
	planned: 'plannedOn',
	applied: 'appliedOn',
	secured: 'securedOn',
	received: 'receivedOn',
	declined: 'declinedOn',
} as const

/** Who gives: a public body or a private funder. */
export const ORIGINS = ['public', 'private'] as const
