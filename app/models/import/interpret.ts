import { EmailSchema } from '~/schemas/contact'
import { choiceLookup, type FieldDef, headerKey } from './fields'
import type { Issue, Stored } from './types'
import {
	type DateOrder,
	parseBoolean,
	parseCountryCode,
	parseDate,
	parseImportAmount,
	parseQuarter,
	parseWholeNumber,
} from './values'

/*
 * One cell read as its field's type. Errors carry the offending value, so the preview can show
 * "“31/02/2025” is not a date" next to the row.
 */

export type CellResult = { value: Stored } | { error: Issue }

const lookups = new WeakMap<FieldDef, Map<string, string>>()

export function choiceOf(field: FieldDef, text: string) {
	let map = lookups.get(field)
	if (!map) {
		map = choiceLookup(field)
		lookups.set(field, map)
	}
	return map.get(headerKey(text)) ?? null
}

const AMOUNT_ERRORS = {
	invalid: 'import:errors.amount',
	negative: 'import:errors.amountNegative',
	tooLarge: 'import:errors.amountTooLarge',
} as const

export function readCell(field: FieldDef, raw: string, dateOrder: DateOrder): CellResult {
	const text = raw.trim()
	const fail = (key: string, values: Record<string, string | number> = {}): CellResult => ({
		error: { key, field: field.key, values: { value: text, ...values } },
	})
	if (!text) return { value: null }
	switch (field.type) {
		case 'text':
		case 'phone':
		case 'list':
		case 'startup':
		case 'trigger':
			return { value: text.replace(/\r\n?/g, '\n') }
		case 'email': {
			const parsed = EmailSchema.safeParse(text)
			return parsed.success ? { value: parsed.data } : fail('import:errors.email')
		}
		case 'date': {
			const date = parseDate(text, dateOrder)
			return date ? { value: date } : fail('import:errors.date')
		}
		case 'country': {
			const code = parseCountryCode(text)
			return code ? { value: code } : fail('import:errors.country')
		}
		case 'amount': {
			const cents = parseImportAmount(text)
			return typeof cents === 'number' ? { value: cents } : fail(AMOUNT_ERRORS[cents])
		}
		case 'boolean': {
			const yes = parseBoolean(text)
			return yes === null ? fail('import:errors.boolean') : { value: yes }
		}
		case 'whole': {
			const n = parseWholeNumber(text)
			return n === null ? fail('import:errors.whole') : { value: n }
		}
		case 'quarter': {
			const q = parseQuarter(text, dateOrder)
			return q ? { value: q } : fail('import:errors.quarter')
		}
		case 'choice': {
			const value = choiceOf(field, text)
			return value
				? { value }
				: fail('import:errors.choice', { allowed: Object.keys(field.choices ?? {}).join(', ') })
		}
	}
}

/** Every mapped cell of a row read; the values and the errors side by side. */
export function readRow(fields: FieldDef[], cells: Record<string, string>, dateOrder: DateOrder) {
	const values: Record<string, Stored> = {}
	const errors: Issue[] = []
	for (const field of fields) {
		const raw = cells[field.key]
		if (raw === undefined) continue
		const result = readCell(field, raw, dateOrder)
		if ('error' in result) errors.push(result.error)
		else values[field.key] = result.value
	}
	return { values, errors }
}

/** Zod issues of a form schema, as import issues on the import's fields. */
export function schemaIssues(
	issues: { path: (string | number)[]; message: string }[],
	fieldOf: (path: string) => string | undefined,
	cells: Record<string, string>,
	already: Set<string | undefined>,
): Issue[] {
	const out: Issue[] = []
	for (const issue of issues) {
		const field = fieldOf(String(issue.path[0] ?? ''))
		if (already.has(field) && field) continue
		out.push({
			key: issue.message === 'errors.date' ? 'import:errors.date' : issue.message,
			field,
			values: field ? { value: (cells[field] ?? '').trim() } : undefined,
		})
	}
	return out
}

export const normaliseName = (name: string) =>
	name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\b(sas|sasu|sarl|sa|eurl|ltd|limited|plc|llp|gmbh|inc)\b\.?/g, '')
		.replace(/[^a-z0-9]/g, '')
