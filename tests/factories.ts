/*
 * One factory per table. Each inserts one row with getDb() and returns it; parents that are
 * not given are created too, so a test never relies on ids that happen to exist. Defaults are
 * deterministic (a module-level counter makes names, codes and emails unique) and obey the
 * rules of /work/shared/domain.md: a statement's shares add up to its rent, a funding event's
 * step dates follow its status, a consent contact has a consent date…
 * Everything is synchronous, so factories also work inside writeTransaction().
 */
import { asc, eq } from 'drizzle-orm'
import {
	cohorts,
	contacts,
	exchangeRates,
	fundingEvents,
	interactions,
	interactionStartups,
	introductions,
	kpiReports,
	leases,
	leaseSubsidySteps,
	mentorAssignments,
	mentoringSessions,
	mentors,
	milestones,
	organisations,
	payments,
	rentStatements,
	startups,
	subsidyBudgets,
	teamMembers,
	units,
	users,
} from '#db/schema/index'
import { addDays, quarterEnd } from '~/utils/calendar'
import { getDb } from '~/utils/db.server'
import { hashPasswordSync } from '~/utils/password.server'
import { computeStatement, DEFAULT_SCHEDULES, type SubsidyStep } from '~/utils/rent'

export const DEFAULT_PASSWORD = 'tektos-demo'

let counter = 0
/** A number never returned twice in this process: the source of every unique default. */
export function nextId() {
	return ++counter
}

function pad(n: number, width: number) {
	return String(n).padStart(width, '0')
}

/** A SIREN is 8 digits plus a Luhn check digit; unique for each n < 10⁸. */
export function sirenFor(n: number) {
	const base = pad(30_000_000 + (n % 70_000_000), 8)
	for (let check = 0; check <= 9; check++) {
		const candidate = base + check
		let sum = 0
		for (let i = 0; i < 9; i++) {
			let digit = Number(candidate[8 - i])
			if (i % 2 === 1) {
				digit *= 2
				if (digit > 9) digit -= 9
			}
			sum += digit
		}
		if (sum % 10 === 0) return candidate
	}
	throw new Error('unreachable: one check digit always fits')
}

export type NewCohort = typeof cohorts.$inferInsert
export type NewStartup = typeof startups.$inferInsert
export type NewTeamMember = typeof teamMembers.$inferInsert
export type NewUser = typeof users.$inferInsert
export type NewMentor = typeof mentors.$inferInsert
export type NewAssignment = typeof mentorAssignments.$inferInsert
export type NewMentoringSession = typeof mentoringSessions.$inferInsert
export type NewUnit = typeof units.$inferInsert
export type NewLease = typeof leases.$inferInsert
export type NewStatement = typeof rentStatements.$inferInsert
export type NewPayment = typeof payments.$inferInsert
export type NewSubsidyBudget = typeof subsidyBudgets.$inferInsert
export type NewFundingEvent = typeof fundingEvents.$inferInsert
export type NewExchangeRate = typeof exchangeRates.$inferInsert
export type NewMilestone = typeof milestones.$inferInsert
export type NewKpiReport = typeof kpiReports.$inferInsert
export type NewOrganisation = typeof organisations.$inferInsert
export type NewContact = typeof contacts.$inferInsert
export type NewInteraction = typeof interactions.$inferInsert
export type NewIntroduction = typeof introductions.$inferInsert

// ---------------------------------------------------------------- startups

export function createCohort(overrides: Partial<NewCohort> = {}) {
	const n = nextId()
	return getDb()
		.insert(cohorts)
		.values({
			name: `Promotion test ${n}`,
			programme: 'incubation',
			startDate: '2025-09-01',
			endDate: '2027-08-31',
			...overrides,
		})
		.returning()
		.get()
}

export function createStartup(overrides: Partial<NewStartup> = {}) {
	const n = nextId()
	return getDb()
		.insert(startups)
		.values({
			name: `Startup ${n}`,
			legalName: `Startup ${n} SAS`,
			siren: sirenFor(n),
			sector: 'logistics',
			stage: 'prototype',
			status: 'incubated',
			enteredOn: '2025-09-01',
			pitchFr: `Startup ${n} simplifie le passage des marchandises vers le Royaume-Uni.`,
			pitchEn: `Startup ${n} makes moving goods to the United Kingdom simpler.`,
			ukFocus: true,
			targetMarkets: 'FR,GB',
			...overrides,
		})
		.returning()
		.get()
}

export function createTeamMember(overrides: Partial<NewTeamMember> = {}) {
	const n = nextId()
	const startupId = overrides.startupId ?? createStartup().id
	return getDb()
		.insert(teamMembers)
		.values({
			name: `Camille Martin ${n}`,
			role: 'CEO',
			email: `team${n}@startup.example`,
			...overrides,
			startupId,
		})
		.returning()
		.get()
}

// ---------------------------------------------------------------- users

// hashing is slow on purpose (even at the tests' low cost): each distinct password once per process
const hashes = new Map<string, string>()
function hashOnce(password: string) {
	let hash = hashes.get(password)
	if (!hash) {
		hash = hashPasswordSync(password)
		hashes.set(password, hash)
	}
	return hash
}

/**
 * A user with a known password (returned in plain text for sign-in tests). A founder without
 * startupId gets a new startup, a mentor without mentorId a new mentor record.
 */
export function createUser(overrides: Partial<NewUser> & { password?: string } = {}) {
	const { password = DEFAULT_PASSWORD, ...values } = overrides
	const n = nextId()
	const role = values.role ?? 'manager'
	const startupId =
		role === 'founder' ? (values.startupId ?? createStartup().id) : (values.startupId ?? null)
	const mentorId =
		role === 'mentor' ? (values.mentorId ?? createMentor().id) : (values.mentorId ?? null)
	const user = getDb()
		.insert(users)
		.values({
			email: `${role}${n}@tektos.example`,
			name: `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`,
			passwordHash: values.passwordHash ?? hashOnce(password),
			locale: 'fr',
			...values,
			role,
			startupId,
			mentorId,
		})
		.returning()
		.get()
	return { ...user, password }
}

// ---------------------------------------------------------------- mentors

export function createMentor(overrides: Partial<NewMentor> = {}) {
	const n = nextId()
	return getDb()
		.insert(mentors)
		.values({
			name: `Mentor ${n}`,
			organisation: "CCI Côte d'Opale",
			email: `mentor${n}@mentors.example`,
			expertise: 'export,uk-market',
			languages: 'fr,en',
			capacityHoursPerMonth: 4,
			...overrides,
		})
		.returning()
		.get()
}

export function createAssignment(overrides: Partial<NewAssignment> = {}) {
	const mentorId = overrides.mentorId ?? createMentor().id
	const startupId = overrides.startupId ?? createStartup().id
	return getDb()
		.insert(mentorAssignments)
		.values({
			focus: 'UK market entry',
			startDate: '2025-10-01',
			endDate: null,
			...overrides,
			mentorId,
			startupId,
		})
		.returning()
		.get()
}

/** Defaults to the first day of its assignment, so the session lies within it. */
export function createMentoringSession(overrides: Partial<NewMentoringSession> = {}) {
	const assignmentId = overrides.assignmentId ?? createAssignment().id
	let date = overrides.date
	if (date === undefined) {
		const assignment = getDb()
			.select({ startDate: mentorAssignments.startDate })
			.from(mentorAssignments)
			.where(eq(mentorAssignments.id, assignmentId))
			.get()
		if (!assignment) throw new Error(`No mentor assignment with id ${assignmentId}`)
		date = assignment.startDate
	}
	return getDb()
		.insert(mentoringSessions)
		.values({
			minutes: 60,
			topic: 'Go-to-market in Kent',
			notes: 'Reviewed the pricing grid for UK hauliers.',
			nextSteps: 'Call two Dover freight forwarders.',
			...overrides,
			assignmentId,
			date,
		})
		.returning()
		.get()
}

// ---------------------------------------------------------------- nursery

export function createUnit(overrides: Partial<NewUnit> = {}) {
	const n = nextId()
	return getDb()
		.insert(units)
		.values({
			code: `T${Math.floor(n / 100) % 10}-${pad(n, 4)}`,
			floor: 1,
			kind: 'office',
			areaM2: 18,
			desks: 2,
			marketRentCents: 45_000,
			...overrides,
		})
		.returning()
		.get()
}

/** A lease and its subsidy schedule (default: the incubation preset, 50 % / 30 % / 0 %). */
export function createLease(
	overrides: Partial<NewLease> & { steps?: readonly SubsidyStep[] } = {},
) {
	const { steps = DEFAULT_SCHEDULES.incubation, ...values } = overrides
	const db = getDb()
	const startupId = values.startupId ?? createStartup().id
	const unitId = values.unitId ?? createUnit().id
	const lease = db
		.insert(leases)
		.values({
			startDate: '2025-09-01',
			endDate: null,
			monthlyRentCents: 45_000,
			...values,
			startupId,
			unitId,
		})
		.returning()
		.get()
	const stepRows = steps.map((step) =>
		db
			.insert(leaseSubsidySteps)
			.values({
				leaseId: lease.id,
				fromMonth: step.fromMonth,
				toMonth: step.toMonth,
				kind: step.kind,
				percentBasisPoints: step.percentBasisPoints,
				amountCents: step.amountCents,
			})
			.returning()
			.get(),
	)
	return { ...lease, steps: stepRows }
}

/**
 * A month's statement of a lease. Amounts not given are computed from the lease and its
 * schedule with computeStatement; the startup share defaults to rent − subsidy.
 * Issued on the 1st of the month (or the lease start), due ten days later.
 */
export function createStatement(overrides: Partial<NewStatement> = {}) {
	const db = getDb()
	const leaseId = overrides.leaseId ?? createLease().id
	const lease = db.select().from(leases).where(eq(leases.id, leaseId)).get()
	if (!lease) throw new Error(`No lease with id ${leaseId}`)
	const month = overrides.month ?? lease.startDate.slice(0, 7)
	let { rentCents, subsidyCents, startupShareCents } = overrides
	if (rentCents === undefined || subsidyCents === undefined) {
		const steps = db
			.select()
			.from(leaseSubsidySteps)
			.where(eq(leaseSubsidySteps.leaseId, leaseId))
			.orderBy(asc(leaseSubsidySteps.fromMonth))
			.all()
		const computed = computeStatement({
			monthlyRentCents: lease.monthlyRentCents,
			leaseStartDate: lease.startDate,
			leaseEndDate: lease.endDate,
			month,
			steps,
		})
		if (!computed) throw new Error(`Lease ${leaseId} does not cover ${month}`)
		rentCents ??= computed.rentCents
		subsidyCents ??= Math.min(computed.subsidyCents, rentCents)
	}
	startupShareCents ??= rentCents - subsidyCents
	const firstDay = `${month}-01`
	const issuedOn = overrides.issuedOn ?? (lease.startDate > firstDay ? lease.startDate : firstDay)
	return db
		.insert(rentStatements)
		.values({
			kind: 'statement',
			dueOn: addDays(issuedOn, 10),
			...overrides,
			leaseId,
			month,
			rentCents,
			subsidyCents,
			startupShareCents,
			issuedOn,
		})
		.returning()
		.get()
}

/** Defaults to paying the payer's whole share on the due date. */
export function createPayment(overrides: Partial<NewPayment> = {}) {
	const db = getDb()
	const statementId = overrides.statementId ?? createStatement().id
	const payer = overrides.payer ?? 'startup'
	let { amountCents, paidOn } = overrides
	if (amountCents === undefined || paidOn === undefined) {
		const statement = db
			.select()
			.from(rentStatements)
			.where(eq(rentStatements.id, statementId))
			.get()
		if (!statement) throw new Error(`No rent statement with id ${statementId}`)
		amountCents ??= payer === 'startup' ? statement.startupShareCents : statement.subsidyCents
		paidOn ??= statement.dueOn
	}
	if (amountCents <= 0) {
		throw new Error(`Nothing to pay by ${payer} on statement ${statementId}: give amountCents`)
	}
	const n = nextId()
	return db
		.insert(payments)
		.values({
			reference: payer === 'startup' ? `VIR-${pad(n, 6)}` : `MANDAT-CAP-${pad(n, 6)}`,
			...overrides,
			statementId,
			payer,
			amountCents,
			paidOn,
		})
		.returning()
		.get()
}

/** Years far from the demo's (2013 onwards) so that a default never collides with the seed. */
export function createSubsidyBudget(overrides: Partial<NewSubsidyBudget> = {}) {
	const n = nextId()
	const year = overrides.year ?? 2100 + n
	return getDb()
		.insert(subsidyBudgets)
		.values({
			amountCents: 6_000_000,
			votedOn: `${year - 1}-12-15`,
			note: `Budget pépinière ${year}, délibération du conseil communautaire`,
			...overrides,
			year,
		})
		.returning()
		.get()
}

// ---------------------------------------------------------------- funding

const STEP_ORDER = ['planned', 'applied', 'secured', 'received'] as const

/**
 * A funding event whose step dates follow its status: a 'received' event has planned,
 * applied, secured and received dates a month apart from `plannedOn`; a 'declined' one was
 * applied for and has declinedOn. Any date given wins.
 */
export function createFundingEvent(overrides: Partial<NewFundingEvent> = {}) {
	const startupId = overrides.startupId ?? createStartup().id
	const status = overrides.status ?? 'received'
	const plannedOn = overrides.plannedOn ?? '2025-10-01'
	const reached = (step: (typeof STEP_ORDER)[number]) =>
		status === 'declined'
			? step === 'planned' || step === 'applied'
			: STEP_ORDER.indexOf(step) <= STEP_ORDER.indexOf(status)
	return getDb()
		.insert(fundingEvents)
		.values({
			kind: 'innovation_fund_grant',
			source: "Cap Calaisis — fonds d'appui à l'innovation",
			isPublic: true,
			amountCents: 3_000_000,
			currency: 'EUR',
			plannedOn,
			appliedOn: reached('applied') ? addDays(plannedOn, 30) : null,
			securedOn: reached('secured') ? addDays(plannedOn, 60) : null,
			receivedOn: reached('received') ? addDays(plannedOn, 90) : null,
			declinedOn: status === 'declined' ? addDays(plannedOn, 60) : null,
			...overrides,
			startupId,
			status,
		})
		.returning()
		.get()
}

/** GBP→EUR by default, one a day from 2020-01-01 so dates stay unique. */
export function createExchangeRate(overrides: Partial<NewExchangeRate> = {}) {
	const n = nextId()
	return getDb()
		.insert(exchangeRates)
		.values({
			date: addDays('2020-01-01', n),
			fromCurrency: 'GBP',
			toCurrency: 'EUR',
			rateMicros: 1_170_000,
			...overrides,
		})
		.returning()
		.get()
}

export function createMilestone(overrides: Partial<NewMilestone> = {}) {
	const n = nextId()
	const startupId = overrides.startupId ?? createStartup().id
	const status = overrides.status ?? 'planned'
	const dueOn = overrides.dueOn === undefined ? '2026-06-30' : overrides.dueOn
	return getDb()
		.insert(milestones)
		.values({
			kind: 'product',
			title: `Milestone ${n}`,
			dueOn,
			// the database insists: done ⇔ doneOn
			doneOn: status === 'done' ? (dueOn ?? '2026-06-30') : null,
			...overrides,
			startupId,
			status,
		})
		.returning()
		.get()
}

/** Quarters come from the counter, so two default reports of one startup never collide. */
export function createKpiReport(overrides: Partial<NewKpiReport> = {}) {
	const n = nextId()
	const startupId = overrides.startupId ?? createStartup().id
	const quarter = overrides.quarter ?? `${2020 + (Math.floor(n / 4) % 7000)}-Q${(n % 4) + 1}`
	return getDb()
		.insert(kpiReports)
		.values({
			employees: 3,
			revenueCents: 4_500_000,
			ukCustomers: 1,
			// two weeks into the next quarter
			submittedOn: addDays(quarterEnd(quarter), 15),
			...overrides,
			startupId,
			quarter,
		})
		.returning()
		.get()
}

// ---------------------------------------------------------------- contacts

export function createOrganisation(overrides: Partial<NewOrganisation> = {}) {
	const n = nextId()
	return getDb()
		.insert(organisations)
		.values({
			name: `Organisation ${n}`,
			country: 'FR',
			kind: 'customer',
			sector: 'logistics',
			website: `https://org${n}.example`,
			...overrides,
		})
		.returning()
		.get()
}

/** A consent contact gets a consent date and source unless given. */
export function createContact(overrides: Partial<NewContact> = {}) {
	const n = nextId()
	const lawfulBasis = overrides.lawfulBasis ?? 'legitimate_interest'
	return getDb()
		.insert(contacts)
		.values({
			firstName: 'Camille',
			lastName: `Contact ${n}`,
			email: `contact${n}@contacts.example`,
			phone: `+33 3 21 00 ${pad(n % 100, 2)} ${pad(Math.floor(n / 100) % 100, 2)}`,
			jobTitle: 'Responsable achats',
			country: 'FR',
			languages: 'fr,en',
			consentOn: lawfulBasis === 'consent' ? '2025-03-12' : null,
			consentSource: lawfulBasis === 'consent' ? 'Formulaire du salon Tektos 2025' : null,
			lastContactOn: '2025-06-15',
			...overrides,
			lawfulBasis,
		})
		.returning()
		.get()
}

/** An interaction with a contact, optionally about some startups (interaction_startups). */
export function createInteraction(
	overrides: Partial<NewInteraction> & { startupIds?: number[] } = {},
) {
	const { startupIds = [], ...values } = overrides
	const db = getDb()
	const contactId = values.contactId ?? createContact().id
	const interaction = db
		.insert(interactions)
		.values({
			kind: 'meeting',
			date: '2025-06-15',
			summary: 'Rendez-vous de découverte',
			...values,
			contactId,
		})
		.returning()
		.get()
	for (const startupId of startupIds) {
		db.insert(interactionStartups).values({ interactionId: interaction.id, startupId }).run()
	}
	return { ...interaction, startupIds }
}

export function createIntroduction(overrides: Partial<NewIntroduction> = {}) {
	const contactId = overrides.contactId ?? createContact().id
	const startupId = overrides.startupId ?? createStartup().id
	const introducedOn = overrides.introducedOn ?? '2025-06-15'
	return getDb()
		.insert(introductions)
		.values({
			purpose: 'customer',
			status: 'proposed',
			statusOn: introducedOn,
			...overrides,
			contactId,
			startupId,
			introducedOn,
		})
		.returning()
		.get()
}
