import { z } from 'zod'
import { ORIGINS, rateInput, STEP_DATE_FIELD } from './funding-fields'
import {
	CURRENCIES,
	FUNDING_KINDS,
	FUNDING_STATUSES,
	MILESTONE_KINDS,
	MILESTONE_STATUSES,
} from '#db/schema/enums'
import { QUARTER_PATTERN, quarterOf } from '~/utils/calendar'
import {
	emptyToUndefined,
	isoDate,
	money,
	optionalDate,
	optionalId,
	optionalText,
	requiredText,
} from './common'

// Messages are i18n keys; the area's own ones live in app/locales/*/funding.json.

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { errorMap: () => ({ message: 'errors.invalidChoice' }) })

// ---------------------------------------------------------------- rates (amounts: utils/money.ts)

/** A GBP→EUR rate as typed ("1.1685" or "1,1685"), in millionths. */
export function parseRate(text: string): number | null {
	const m = /^(\d{1,3})(?:[.,](\d{1,6}))?$/.exec(text.trim())
	if (!m) return null
	return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'))
}

/** Whole numbers (people, customers): "12", "1 200". */
const wholeNumber = (max: number) =>
	z
		.string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
		.transform((text, ctx) => {
			const s = text.replace(/[\s\u00a0\u202f]/g, '')
			if (/^[-−]\d+$/.test(s)) {
				ctx.addIssue({ code: 'custom', message: 'funding:errors.negative' })
				return z.NEVER
			}
			if (!/^\d+$/.test(s)) {
				ctx.addIssue({ code: 'custom', message: 'errors.number' })
				return z.NEVER
			}
			const n = Number(s)
			if (n > max) {
				ctx.addIssue({ code: 'custom', message: 'funding:errors.tooLarge' })
				return z.NEVER
			}
			return n
		})

// ---------------------------------------------------------------- funding events

export type StepDates = {
	plannedOn?: string | null
	appliedOn?: string | null
	securedOn?: string | null
	receivedOn?: string | null
	declinedOn?: string | null
}

/** The day an event started: its first recorded step. "Triggered by" links go from earlier to later. */
export function startedOn(e: StepDates) {
	return e.plannedOn ?? e.appliedOn ?? e.securedOn ?? e.receivedOn ?? e.declinedOn ?? null
}

/** The step date fields in the order they were filled, for "which date is the earliest one". */
export const DATE_FIELDS = [
	'plannedOn',
	'appliedOn',
	'securedOn',
	'receivedOn',
	'declinedOn',
] as const

type FundingStatus = (typeof FUNDING_STATUSES)[number]

/**
 * planned → applied → secured → received, or declined after planned/applied: the date of the
 * current step is required, the dates of steps not reached stay empty, dates go forward.
 * Received money was secured first, and its secured date sets the exchange rate.
 */
export function checkStepDates(value: StepDates & { status: FundingStatus }, ctx: z.RefinementCtx) {
	const { status } = value
	const current = STEP_DATE_FIELD[status]
	if (!value[current]) {
		ctx.addIssue({ code: 'custom', path: [current], message: 'funding:errors.statusDate' })
	}
	if (status === 'received' && !value.securedOn) {
		ctx.addIssue({ code: 'custom', path: ['securedOn'], message: 'funding:errors.securedDate' })
	}
	const reached: Record<FundingStatus, (keyof StepDates)[]> = {
		planned: ['plannedOn'],
		applied: ['plannedOn', 'appliedOn'],
		secured: ['plannedOn', 'appliedOn', 'securedOn'],
		received: ['plannedOn', 'appliedOn', 'securedOn', 'receivedOn'],
		declined: ['plannedOn', 'appliedOn', 'declinedOn'],
	}
	for (const field of DATE_FIELDS) {
		if (value[field] && !reached[status].includes(field)) {
			ctx.addIssue({ code: 'custom', path: [field], message: 'funding:errors.stepNotReached' })
		}
	}
	// each date is on or after every earlier step's date
	const order: (keyof StepDates)[] =
		status === 'declined'
			? ['plannedOn', 'appliedOn', 'declinedOn']
			: ['plannedOn', 'appliedOn', 'securedOn', 'receivedOn']
	let latest: string | null = null
	for (const field of order) {
		const date = value[field]
		if (!date) continue
		if (latest && date < latest) {
			ctx.addIssue({ code: 'custom', path: [field], message: 'funding:errors.dateOrder' })
		} else {
			latest = date
		}
	}
}

/** A new event as the form starts it: planned today, in euros, from a public funder. */
export function newFundingEventDefaults(date: string) {
	return { currency: 'EUR', status: 'planned', origin: 'public', [STEP_DATE_FIELD.planned]: date }
}

export const FundingEventSchema = z
	.object({
		kind: choice(FUNDING_KINDS),
		source: requiredText(200),
		origin: choice(ORIGINS),
		amount: money(),
		currency: choice(CURRENCIES),
		status: choice(FUNDING_STATUSES),
		plannedOn: optionalDate,
		appliedOn: optionalDate,
		securedOn: optionalDate,
		receivedOn: optionalDate,
		declinedOn: optionalDate,
		triggeredById: optionalId,
		note: optionalText(1000),
	})
	.superRefine((value, ctx) => {
		checkStepDates(value, ctx)
		// Cap Calaisis's fund grants public euros
		if (value.kind === 'innovation_fund_grant') {
			if (value.origin !== 'public') {
				ctx.addIssue({ code: 'custom', path: ['origin'], message: 'funding:errors.fundIsPublic' })
			}
			if (value.currency !== 'EUR') {
				ctx.addIssue({ code: 'custom', path: ['currency'], message: 'funding:errors.fundInEuros' })
			}
		}
	})

export type FundingEventInput = z.infer<typeof FundingEventSchema>

// ---------------------------------------------------------------- milestones

/** `today` decides that a milestone cannot have been done tomorrow. */
export function milestoneSchema(today: string) {
	return z
		.object({
			kind: choice(MILESTONE_KINDS),
			title: requiredText(200),
			dueOn: optionalDate,
			status: choice(MILESTONE_STATUSES),
			doneOn: optionalDate,
			note: optionalText(1000),
		})
		.superRefine((value, ctx) => {
			if (value.status === 'done' && !value.doneOn) {
				ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'funding:errors.doneOnRequired' })
			}
			if (value.status !== 'done' && value.doneOn) {
				ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'funding:errors.doneOnOnlyDone' })
			}
			if (value.doneOn && value.doneOn > today) {
				ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'funding:errors.doneInFuture' })
			}
		})
}

export type MilestoneInput = z.infer<ReturnType<typeof milestoneSchema>>

// ---------------------------------------------------------------- KPI reports

/** `today` decides which quarters have begun: a report for a quarter to come is refused. */
export function kpiReportSchema(today: string) {
	return z.object({
		quarter: z
			.string({ required_error: 'errors.required' })
			.regex(QUARTER_PATTERN, 'funding:errors.quarter')
			.refine((q) => q <= quarterOf(today), 'funding:errors.futureQuarter'),
		employees: wholeNumber(100_000),
		revenue: money(),
		ukCustomers: wholeNumber(1_000_000),
		comment: optionalText(1000),
		// the quarter whose existing report the user has agreed to replace
		replace: z.preprocess(emptyToUndefined, z.string().optional()),
	})
}

export type KpiReportInput = z.infer<ReturnType<typeof kpiReportSchema>>

// ---------------------------------------------------------------- exchange rates

export const ExchangeRateSchema = z.object({
	date: z.preprocess(emptyToUndefined, isoDate),
	rate: z
		.string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
		.transform((text, ctx) => {
			const micros = parseRate(text)
			if (micros === null) {
				ctx.addIssue({ code: 'custom', message: 'funding:errors.rate' })
				return z.NEVER
			}
			// sterling has been worth between €1.05 and €1.75 since the euro began: anything far out is a typo
			if (micros < 500_000 || micros > 3_000_000) {
				ctx.addIssue({ code: 'custom', message: 'funding:errors.rateRange' })
				return z.NEVER
			}
			return micros
		}),
})

export type ExchangeRateInput = z.infer<typeof ExchangeRateSchema>

export { ORIGINS, rateInput, STEP_DATE_FIELD }
