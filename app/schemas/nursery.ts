import { z } from 'zod'
import { PAYERS, SUBSIDY_KINDS, UNIT_KINDS } from '#db/schema/enums'
import { parseMoney } from '~/utils/money'
import { isMonth } from '~/utils/calendar'
import { parsePercentBasisPoints, type SubsidyStep, validateSchedule } from '~/utils/rent'
import {
	emptyToUndefined,
	isoDate,
	money,
	moneyError,
	optionalDate,
	optionalText,
	requiredText,
} from './common'

// Messages are i18n keys; the nursery's own ones live in nursery.json under errors.

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { errorMap: () => ({ message: 'errors.invalidChoice' }) })

/** "" or nothing → undefined (required), text → a number (NaN is then "not a number"). */
const toNumber = (v: unknown) => {
	const s = emptyToUndefined(v)
	return typeof s === 'string' ? Number(s.trim()) : s
}

const requiredId = z.preprocess(
	toNumber,
	z
		.number({ required_error: 'errors.required', invalid_type_error: 'errors.invalidChoice' })
		.int('errors.invalidChoice')
		.positive('errors.invalidChoice')
		.max(Number.MAX_SAFE_INTEGER, 'errors.invalidChoice'),
)

const wholeNumber = (min: number, max: number) =>
	z.preprocess(
		toNumber,
		z
			.number({ required_error: 'errors.required', invalid_type_error: 'errors.number' })
			.int('nursery:errors.wholeNumber')
			.min(min, 'nursery:errors.outOfRange')
			.max(max, 'nursery:errors.outOfRange'),
	)

export const MonthSchema = z
	.string({ required_error: 'errors.required' })
	.trim()
	.refine(isMonth, 'nursery:errors.month')

// ---------------------------------------------------------------- units

export const UnitSchema = z.object({
	code: requiredText(20).transform((s) => s.toUpperCase()),
	floor: wholeNumber(-3, 20),
	kind: choice(UNIT_KINDS),
	areaM2: z.preprocess(
		(v) => toNumber(typeof v === 'string' ? v.replace(',', '.') : v),
		z
			.number({ required_error: 'errors.required', invalid_type_error: 'errors.number' })
			.gt(0, 'nursery:errors.areaPositive')
			.max(10_000, 'nursery:errors.outOfRange'),
	),
	desks: wholeNumber(0, 200),
	marketRent: money(),
})
export type UnitInput = z.infer<typeof UnitSchema>

// ---------------------------------------------------------------- leases

/** One step as typed: months, and a value read by its kind (a percentage or euros a month). */
const StepSchema = z
	.object({
		fromMonth: wholeNumber(1, 600),
		toMonth: z.preprocess(
			toNumber,
			z
				.number({ invalid_type_error: 'errors.number' })
				.int('nursery:errors.wholeNumber')
				.min(1, 'nursery:errors.outOfRange')
				.max(600, 'nursery:errors.outOfRange')
				.optional(),
		),
		kind: choice(SUBSIDY_KINDS),
		value: z
			.string({ required_error: 'errors.required', invalid_type_error: 'errors.required' })
			.trim()
			.min(1, 'errors.required'),
	})
	.transform((step, ctx): SubsidyStep => {
		const base = { fromMonth: step.fromMonth, toMonth: step.toMonth ?? null }
		if (step.kind === 'percent') {
			const bp = parsePercentBasisPoints(step.value)
			if (bp === null) {
				ctx.addIssue({ code: 'custom', path: ['value'], message: 'nursery:errors.percent' })
				return z.NEVER
			}
			return { ...base, kind: 'percent', percentBasisPoints: bp, amountCents: null }
		}
		const cents = parseMoney(step.value)
		if (typeof cents !== 'number') {
			ctx.addIssue({ code: 'custom', path: ['value'], message: moneyError(cents) })
			return z.NEVER
		}
		return { ...base, kind: 'fixed', percentBasisPoints: null, amountCents: cents }
	})

export const MAX_STEPS = 12

const SCHEDULE_MESSAGES = {
	mustStartAtOne: 'nursery:errors.scheduleStart',
	endBeforeStart: 'nursery:errors.stepEndBeforeStart',
	overlap: 'nursery:errors.stepOverlap',
} as const

/** Adds the schedule's issues to the form's fields steps[i].fromMonth / toMonth. */
export function checkSchedule(
	steps: readonly SubsidyStep[],
	monthlyRentCents: number,
	ctx: z.RefinementCtx,
) {
	for (const issue of validateSchedule(steps)) {
		ctx.addIssue({
			code: 'custom',
			path: ['steps', issue.index, issue.field],
			message: SCHEDULE_MESSAGES[issue.code],
		})
	}
	steps.forEach((step, index) => {
		// a fixed subsidy above the rent would be cut to the rent every month: surely a typo
		if (step.kind === 'fixed' && (step.amountCents ?? 0) > monthlyRentCents) {
			ctx.addIssue({
				code: 'custom',
				path: ['steps', index, 'value'],
				message: 'nursery:errors.fixedAboveRent',
			})
		}
	})
}

export const LeaseSchema = z
	.object({
		startupId: requiredId,
		unitId: requiredId,
		startDate: z.preprocess(emptyToUndefined, isoDate),
		endDate: optionalDate,
		monthlyRent: money(),
		steps: z.array(StepSchema).max(MAX_STEPS, 'nursery:errors.tooManySteps').default([]),
		renewsLeaseId: z.preprocess(emptyToUndefined, requiredId.optional()),
	})
	.superRefine((value, ctx) => {
		if (value.endDate && value.endDate < value.startDate) {
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'nursery:errors.endBeforeStart' })
		}
		checkSchedule(value.steps, value.monthlyRent, ctx)
	})
export type LeaseInput = z.infer<typeof LeaseSchema>

export const EndLeaseSchema = z.object({
	intent: z.literal('end-lease'),
	endDate: z.preprocess(emptyToUndefined, isoDate),
})

// ---------------------------------------------------------------- statements and payments

/** What the confirmation step showed: issuing needs it back, checked (issue 13 §12). */
const confirmedNumber = z.preprocess(
	toNumber,
	z
		.number({
			required_error: 'nursery:errors.confirmIssue',
			invalid_type_error: 'nursery:errors.confirmIssue',
		})
		.int('nursery:errors.confirmIssue')
		.min(0, 'nursery:errors.confirmIssue')
		.max(Number.MAX_SAFE_INTEGER, 'nursery:errors.confirmIssue'),
)

export const IssueMonthSchema = z.object({
	intent: z.literal('issue'),
	month: MonthSchema,
	confirmed: z.literal('yes', { errorMap: () => ({ message: 'nursery:errors.confirmIssue' }) }),
	expected: confirmedNumber,
	expectedRentCents: confirmedNumber,
})

export const PaymentSchema = z.object({
	intent: z.literal('payment'),
	payer: choice(PAYERS),
	amount: money({ allowZero: false }),
	paidOn: z.preprocess(emptyToUndefined, isoDate),
	reference: optionalText(100),
})
export type PaymentInput = z.infer<typeof PaymentSchema>

export const CreditNoteSchema = z
	.object({
		intent: z.literal('credit-note'),
		subsidyAmount: money(),
		startupAmount: money(),
		reason: requiredText(300),
	})
	.superRefine((value, ctx) => {
		if (value.subsidyAmount + value.startupAmount === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['startupAmount'],
				message: 'nursery:errors.creditNoteEmpty',
			})
		}
	})
export type CreditNoteInput = z.infer<typeof CreditNoteSchema>

// ---------------------------------------------------------------- subsidy budgets

export const BudgetSchema = z.object({
	intent: z.literal('budget'),
	year: wholeNumber(2013, 2100),
	amount: money(),
	votedOn: optionalDate,
	note: optionalText(300),
})
export type BudgetInput = z.infer<typeof BudgetSchema>
