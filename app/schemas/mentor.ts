import { z } from 'zod'
import { parseTags } from '~/models/matching'
import { today } from '~/utils/clock'
import {
	checkbox,
	isoDate,
	optionalDate,
	optionalEmail,
	optionalText,
	requiredText,
} from './common'
import { MENTOR_STATES } from './mentor-states'

// Messages are i18n keys; 'mentors:…' ones live in the mentors namespace.

export { MENTOR_STATES }

/** The database's CHECK: minutes > 0 AND minutes < 720. */
export const MAX_SESSION_MINUTES = 719
export const MAX_CAPACITY_HOURS = 160

const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** "Finance, UK market" is stored as "finance,uk-market": one vocabulary for search and matching. */
const ExpertiseSchema = z
	.string({ required_error: 'errors.required' })
	.max(500, 'errors.tooLong')
	.transform(parseTags)
	.superRefine((tags, ctx) => {
		if (tags.length === 0) ctx.addIssue({ code: 'custom', message: 'errors.required' })
		else if (tags.length > 15)
			ctx.addIssue({ code: 'custom', message: 'mentors:errors.tooManyTags' })
		else if (tags.some((t) => !TAG.test(t) || t.length > 40)) {
			ctx.addIssue({ code: 'custom', message: 'mentors:errors.expertiseTag' })
		}
	})

const LanguagesSchema = z
	.string({ required_error: 'mentors:errors.languagesRequired' })
	.max(100, 'errors.tooLong')
	.transform(parseTags)
	.superRefine((codes, ctx) => {
		if (codes.length === 0) {
			ctx.addIssue({ code: 'custom', message: 'mentors:errors.languagesRequired' })
		} else if (codes.some((c) => !/^[a-z]{2}$/.test(c))) {
			ctx.addIssue({ code: 'custom', message: 'mentors:errors.languageCode' })
		}
	})

export const MentorSchema = z.object({
	name: requiredText(120),
	organisation: requiredText(160),
	email: optionalEmail,
	expertise: ExpertiseSchema,
	languages: LanguagesSchema,
	capacityHoursPerMonth: z
		.number({ required_error: 'errors.required', invalid_type_error: 'errors.number' })
		.int('mentors:errors.capacity')
		.min(0, 'mentors:errors.capacity')
		.max(MAX_CAPACITY_HOURS, 'mentors:errors.capacity'),
	bio: optionalText(2000),
})

export type MentorInput = z.infer<typeof MentorSchema>

const id = z
	.number({ required_error: 'errors.required', invalid_type_error: 'errors.invalidChoice' })
	.int('errors.invalidChoice')
	.positive('errors.invalidChoice')

export const AssignMentorSchema = z
	.object({
		intent: z.literal('assign'),
		mentorId: id,
		focus: requiredText(200),
		startDate: isoDate,
		endDate: optionalDate,
	})
	.superRefine((value, ctx) => {
		if (value.endDate && value.endDate < value.startDate) {
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'mentors:errors.endBeforeStart' })
		}
	})

export type AssignMentorInput = z.infer<typeof AssignMentorSchema>

export const EndAssignmentSchema = z.object({
	intent: z.literal('end'),
	assignmentId: id,
	endDate: isoDate,
})

const notFuture = isoDate.refine((d) => d <= today(), 'mentors:errors.futureDate')

const SessionFields = {
	date: notFuture,
	minutes: z
		.number({ required_error: 'errors.required', invalid_type_error: 'errors.number' })
		.int('mentors:errors.duration')
		.min(1, 'mentors:errors.duration')
		.max(MAX_SESSION_MINUTES, 'mentors:errors.duration'),
	topic: requiredText(200),
	notes: optionalText(4000),
	notesPrivate: checkbox,
	nextSteps: optionalText(1000),
}

/** A new session names the assignment (the startup) it belongs to. */
export const LogSessionSchema = z.object({ assignmentId: id, ...SessionFields })

/** An edited session stays with its assignment. */
export const EditSessionSchema = z.object(SessionFields)

export type SessionInput = z.infer<typeof EditSessionSchema>
export type LogSessionInput = z.infer<typeof LogSessionSchema>
