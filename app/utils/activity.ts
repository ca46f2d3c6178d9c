import type { Currency } from '#db/schema/enums'
import { formatDate, formatMonth, formatNumber, formatPercent, formatQuarter } from './format'
import { formatMoney } from './money'

/*
 * The activity history (decision 0033): an audit row stores what happened as data — the entity,
 * a verb, the values that name the record (its subject) and the fields that changed, each value
 * typed (an amount in cents with its currency, a date as ISO, an enumeration's code) — and the
 * reader's language turns it into words here, on the startup timeline and the dashboard alike.
 * No import from the server: the browser renders these lines too.
 */

/** Labels of an enumeration: `enums:<group>.<code>`, or the calls' application statuses. */
export type EnumGroup =
	| 'roles'
	| 'programmes'
	| 'startupStatuses'
	| 'startupStages'
	| 'unitKinds'
	| 'payers'
	| 'fundingKinds'
	| 'fundingStatuses'
	| 'milestoneKinds'
	| 'milestoneStatuses'
	| 'countries'
	| 'organisationKinds'
	| 'lawfulBases'
	| 'interactionKinds'
	| 'introductionPurposes'
	| 'introductionStatuses'
	| 'applicationStatuses'

/** One value as the audit log keeps it: what it is travels with it, so an old row reads right. */
export type AuditValue =
	| string
	| number
	| boolean
	| null
	| { money: number; currency: Currency }
	| { date: string }
	| { month: string }
	| { quarter: string }
	| { minutes: number }
	| { percent: number }
	/** an exchange rate in millionths */
	| { rate: number }
	| { enum: EnumGroup; value: string }

/** field → [before, after]; null when the field changed but its values are not kept (free text). */
export type AuditChanges = Record<string, [AuditValue, AuditValue] | null>

export type AuditDetail = {
	/** what happened, when the action alone does not say it ('status', 'payment', 'end'…) */
	verb?: string
	/** the values that name the record, given to the message of the event */
	subject?: Record<string, AuditValue>
	changes?: AuditChanges
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/** A minute count in hours: "1 h 30" / "1h 30m"; the same words as the reports. */
function formatMinutes(minutes: number, t: Translate, lang: string) {
	const hours = Math.floor(minutes / 60)
	const rest = minutes % 60
	if (hours === 0) return t('reports:duration.minutes', { m: String(rest) })
	if (rest === 0) return t('reports:duration.hours', { h: formatNumber(hours, lang) })
	return t('reports:duration.hoursMinutes', {
		h: formatNumber(hours, lang),
		m: String(rest),
		mm: String(rest).padStart(2, '0'),
	})
}

// labels that name a place or a body keep their capital inside a sentence
const PROPER_NAMES: EnumGroup[] = ['countries', 'payers']

/**
 * An enumeration's label inside a sentence: labels are written for lists and headings ("Prêt
 * bancaire"), a line of the history reads "un financement : prêt bancaire". An acronym keeps
 * its capitals ("UK market entry").
 */
function enumLabel(group: EnumGroup, value: string, t: Translate) {
	const label =
		group === 'applicationStatuses'
			? t(`calls:applicationStatuses.${value}`, { defaultValue: value })
			: t(`enums:${group}.${value}`, { defaultValue: value })
	if (PROPER_NAMES.includes(group) || !/^\p{Lu}\p{Ll}/u.test(label)) return label
	return label.charAt(0).toLocaleLowerCase() + label.slice(1)
}

/** One value in the reader's words: "30 000,00 €", "29 nov. 2026", "T3 2026", "levée de fonds". */
export function formatAuditValue(value: AuditValue, t: Translate, lang: string): string {
	if (value === null) return t('activity.none')
	if (typeof value === 'string') return value
	if (typeof value === 'number') return formatNumber(value, lang)
	if (typeof value === 'boolean') return t(value ? 'activity.yes' : 'activity.no')
	if ('money' in value) return formatMoney(value.money, value.currency, lang)
	if ('date' in value) return formatDate(value.date, lang)
	if ('month' in value) return formatMonth(value.month, lang)
	if ('quarter' in value) return formatQuarter(value.quarter, lang)
	if ('minutes' in value) return formatMinutes(value.minutes, t, lang)
	if ('percent' in value) return formatPercent(value.percent, lang)
	if ('rate' in value) {
		return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
			maximumFractionDigits: 6,
		}).format(value.rate / 1_000_000)
	}
	return enumLabel(value.enum, value.value, t)
}

/** What the activity list needs of an audit row written since structured details exist. */
export type ActivityDetail = {
	entity: string
	action: string
	detail: AuditDetail
}

/**
 * The line after the author's name: "a enregistré un financement : levée de fonds,
 * 30 000,00 €, prévu" / "recorded funding: equity round, €30,000.00, planned"; and the changed
 * fields, "statut : prévu → obtenu, note" (a field whose values are not kept is named alone).
 */
export function describeActivity(
	{ entity, action, detail }: ActivityDetail,
	t: Translate,
	lang: string,
) {
	const values = Object.fromEntries(
		Object.entries(detail.subject ?? {}).map(([key, value]) => [
			key,
			formatAuditValue(value, t, lang),
		]),
	)
	const event = t(`activity.events.${entity}.${detail.verb ?? action}`, {
		...values,
		defaultValue: t(`activity.actions.${action}`, { defaultValue: action }),
	})
	const changes = Object.entries(detail.changes ?? {}).map(([field, values]) => {
		const name = t(`activity.fields.${field}`, { defaultValue: field })
		if (!values) return name
		// a value given at creation: "échéance : 31 mars 2027"
		if (values[0] === null)
			return t('activity.set', { field: name, to: formatAuditValue(values[1], t, lang) })
		return t('activity.change', {
			field: name,
			from: formatAuditValue(values[0], t, lang),
			to: formatAuditValue(values[1], t, lang),
		})
	})
	return { event, changes: changes.length ? changes.join(', ') : null }
}
