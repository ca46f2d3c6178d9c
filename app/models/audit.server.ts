import type { Currency } from '#db/schema/enums'
import { auditLog } from '#db/schema/index'
import type { AuditChanges, AuditDetail, AuditValue, EnumGroup } from '~/utils/activity'
import type { Tx } from '~/utils/db.server'

/*
 * Every change writes one audit row in its own transaction (decision 0033): who, when, what
 * entity, a verb when the action alone does not say it, the values that name the record and the
 * fields that changed — data, not an English sentence: the reader's language words it
 * (app/utils/activity.ts). FIELDS below says how each field's values are kept; a field it does
 * not list is kept by name only (free text, people's details, internal ids): the log is
 * append-only, so what goes in stays, and a founder reads her startup's timeline.
 */

type Kind =
	| 'text'
	| 'number'
	| 'boolean'
	| 'date'
	| 'month'
	| 'quarter'
	| 'minutes'
	| 'percent'
	| 'rate'
	| 'eur'
	| { enum: EnumGroup }

const e = (group: EnumGroup): Kind => ({ enum: group })

/** How the values of each entity's fields are kept; anything else: the field's name only. */
const FIELDS: Record<string, Record<string, Kind>> = {
	startup: {
		name: 'text',
		legalName: 'text',
		siren: 'text',
		companiesHouseNumber: 'text',
		sector: 'text',
		stage: e('startupStages'),
		status: e('startupStatuses'),
		enteredOn: 'date',
		leftOn: 'date',
		website: 'text',
		ukFocus: 'boolean',
		targetMarkets: 'text',
	},
	team_member: { name: 'text', role: 'text' },
	cohort: { name: 'text', programme: e('programmes'), startDate: 'date', endDate: 'date' },
	contact: {
		country: e('countries'),
		lawfulBasis: e('lawfulBases'),
		optedOutOn: 'date',
		// an import: how many contacts and organisations it created
		contacts: 'number',
		updated: 'number',
		organisations: 'number',
		// an erasure: how many fields of how many other records lost her mentions
		fields: 'number',
		records: 'number',
	},
	organisation: {
		name: 'text',
		country: e('countries'),
		kind: e('organisationKinds'),
		sector: 'text',
		website: 'text',
	},
	interaction: { kind: e('interactionKinds'), date: 'date', organisation: 'text' },
	introduction: {
		purpose: e('introductionPurposes'),
		status: e('introductionStatuses'),
		statusOn: 'date',
		// given typed with its currency (introduction.server.ts)
		dealValueCents: 'eur',
		organisation: 'text',
	},
	funding_event: {
		kind: e('fundingKinds'),
		// given typed with its currency (funding.server.ts)
		amountCents: 'eur',
		status: e('fundingStatuses'),
		source: 'text',
		isPublic: 'boolean',
		currency: 'text',
		plannedOn: 'date',
		appliedOn: 'date',
		securedOn: 'date',
		receivedOn: 'date',
		declinedOn: 'date',
		// how many events a deleted one had triggered
		unlinked: 'number',
	},
	milestone: {
		title: 'text',
		kind: e('milestoneKinds'),
		status: e('milestoneStatuses'),
		dueOn: 'date',
		doneOn: 'date',
	},
	kpi_report: {
		quarter: 'quarter',
		employees: 'number',
		revenueCents: 'eur',
		ukCustomers: 'number',
	},
	lease: {
		unit: 'text',
		startDate: 'date',
		endDate: 'date',
		monthlyRentCents: 'eur',
		steps: 'number',
	},
	rent_statement: {
		month: 'month',
		unit: 'text',
		rentCents: 'eur',
		subsidyCents: 'eur',
		startupShareCents: 'eur',
	},
	payment: { payer: e('payers'), amountCents: 'eur', month: 'month', paidOn: 'date' },
	credit_note: {
		month: 'month',
		subsidyCents: 'eur',
		startupShareCents: 'eur',
		reason: 'text',
	},
	subsidy_budget: { year: 'text', amountCents: 'eur', votedOn: 'date' },
	exchange_rate: { date: 'date', rateMicros: 'rate' },
	unit: {
		code: 'text',
		kind: e('unitKinds'),
		floor: 'number',
		areaM2: 'number',
		marketRentCents: 'eur',
	},
	mentor: {
		name: 'text',
		organisation: 'text',
		capacityHoursPerMonth: 'number',
		active: 'boolean',
	},
	mentor_assignment: {
		mentor: 'text',
		startup: 'text',
		focus: 'text',
		startDate: 'date',
		endDate: 'date',
	},
	mentoring_session: {
		date: 'date',
		minutes: 'minutes',
		topic: 'text',
		notesPrivate: 'boolean',
	},
	call: {
		title: 'text',
		titleEn: 'text',
		opensOn: 'date',
		closesOn: 'date',
		published: 'boolean',
		member: 'text',
	},
	application: { status: e('applicationStatuses'), call: 'text', callEn: 'text' },
	user: { name: 'text', role: e('roles'), organisation: 'text' },
	report_view: { name: 'text' },
}

/** A value read from a row or a form, kept as `kind` says. */
function keep(kind: Kind | undefined, value: unknown): AuditValue | undefined {
	if (kind === undefined) return undefined
	if (value === null || value === undefined || value === '') return null
	if (typeof value === 'object' && !(value instanceof Date)) return value as AuditValue
	switch (kind) {
		case 'text':
			return String(value)
		case 'number':
			return Number(value)
		case 'boolean':
			return Boolean(value)
		case 'date':
			return { date: String(value) }
		case 'month':
			return { month: String(value) }
		case 'quarter':
			return { quarter: String(value) }
		case 'minutes':
			return { minutes: Number(value) }
		case 'percent':
			return { percent: Number(value) }
		case 'rate':
			return { rate: Number(value) }
		case 'eur':
			return money(Number(value))
		default:
			return { enum: kind.enum, value: String(value) }
	}
}

/** An amount as the log keeps it: cents and currency. */
export function money(cents: number, currency: Currency = 'EUR'): AuditValue {
	return { money: cents, currency }
}

type AuditEntry = Omit<typeof auditLog.$inferInsert, 'summary' | 'changes' | 'detail'> & {
	/** what happened, when the action alone does not say it: the message is events.<entity>.<verb> */
	verb?: string
	/** the values that name the record (field → value): typed as FIELDS says, or given typed */
	subject?: Record<string, unknown>
	/** { field: [before, after] } of the fields that changed (diffFields) */
	changes?: Record<string, [unknown, unknown]>
}

/** The structured detail of an entry: values typed, values of unlisted fields left out. */
export function auditDetail({ entity, verb, subject, changes }: AuditEntry): AuditDetail {
	const fields = FIELDS[entity] ?? {}
	const detail: AuditDetail = {}
	if (verb) detail.verb = verb
	if (subject) {
		const kept: Record<string, AuditValue> = {}
		for (const [key, value] of Object.entries(subject)) {
			const typed = keep(fields[key], value)
			if (typed !== undefined) kept[key] = typed
		}
		if (Object.keys(kept).length) detail.subject = kept
	}
	if (changes && Object.keys(changes).length) {
		const kept: AuditChanges = {}
		for (const [field, [before, after]] of Object.entries(changes)) {
			const kind = fields[field]
			kept[field] = kind === undefined ? null : [keep(kind, before)!, keep(kind, after)!]
		}
		detail.changes = kept
	}
	return detail
}

/** Called inside the write's own transaction, so a change and its trace commit together. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
	const { verb: _verb, subject: _subject, changes: _changes, ...row } = entry
	tx.insert(auditLog)
		.values({ ...row, detail: JSON.stringify(auditDetail(entry)) })
		.run()
}

/** { field: [before, after] } for the fields that differ. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
	const changes: Record<string, [unknown, unknown]> = {}
	for (const key of Object.keys(after)) {
		if (before[key] !== after[key]) changes[key] = [before[key], after[key]]
	}
	return changes
}
