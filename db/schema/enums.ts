/** Enumerations of the domain, free of drizzle so that UI code can import them too. */

export const ROLES = ['manager', 'founder', 'mentor', 'partner'] as const
export type Role = (typeof ROLES)[number]

export const LOCALES = ['fr', 'en'] as const

export const PROGRAMMES = ['incubation', 'acceleration'] as const

export const STARTUP_STATUSES = ['applicant', 'incubated', 'graduated', 'left'] as const

export const STARTUP_STAGES = ['idea', 'prototype', 'launch', 'growth', 'scale'] as const

export const UNIT_KINDS = ['office', 'workshop', 'desk'] as const

export const SUBSIDY_KINDS = ['percent', 'fixed'] as const

export const STATEMENT_KINDS = ['statement', 'credit_note'] as const

export const PAYERS = ['startup', 'cap_calaisis'] as const

export const CURRENCIES = ['EUR', 'GBP'] as const
export type Currency = (typeof CURRENCIES)[number]

export const FUNDING_KINDS = [
	'equity_round',
	'bank_loan',
	'honour_loan',
	'grant',
	'innovation_fund_grant',
	'regional_fund',
	'crowdfunding',
	'other',
] as const

export const FUNDING_STATUSES = ['planned', 'applied', 'secured', 'received', 'declined'] as const

export const MILESTONE_KINDS = [
	'product',
	'market',
	'uk_market_entry',
	'team',
	'legal',
	'funding',
] as const

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const

export const COUNTRIES = ['FR', 'GB', 'other'] as const

export const ORGANISATION_KINDS = [
	'customer',
	'distributor',
	'investor',
	'public_body',
	'university',
	'incubator',
	'service_provider',
	'other',
] as const

export const LAWFUL_BASES = ['consent', 'legitimate_interest', 'contract'] as const

export const INTERACTION_KINDS = ['meeting', 'call', 'email', 'event', 'trade_mission'] as const

export const INTRODUCTION_PURPOSES = [
	'customer',
	'distributor',
	'investor',
	'partner',
	'adviser',
] as const

export const INTRODUCTION_STATUSES = ['proposed', 'made', 'meeting_held', 'deal', 'no_fit'] as const

/** What a question of a call for applications asks for; each kind has its own form control. */
export const QUESTION_KINDS = [
	'short_text',
	'long_text',
	'choice',
	'number',
	'amount',
	'date',
	'file',
	'yes_no',
] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

/** An application's life: a draft, then submitted, then one decision (waitlisted may move on). */
export const APPLICATION_STATUSES = [
	'draft',
	'submitted',
	'accepted',
	'waitlisted',
	'rejected',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const DECISIONS = ['accepted', 'waitlisted', 'rejected'] as const
export type Decision = (typeof DECISIONS)[number]

/** Single-use links to set a password: an invitation for a new account, or a forgotten password. */
export const PASSWORD_TOKEN_PURPOSES = ['invitation', 'reset'] as const
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number]

export const OUTBOX_KINDS = [
	'application_link',
	'application_received',
	'application_new',
	'application_decision',
	'invitation',
	'password_reset',
] as const
export type OutboxKind = (typeof OUTBOX_KINDS)[number]
