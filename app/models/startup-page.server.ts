import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import {
	cohorts,
	contacts,
	fundingEvents,
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
	teamMembers,
	units,
	introductions,
	kpiReports,
} from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { amountInEurCents } from './funding-sql.server'
import { listStartupActivity, visibleStartups } from './startup.server'
import { today } from '~/utils/dates'
import type { Viewer } from './viewer'

/** What each role sees of a startup's page; personal data never leaves the server for partners. */
function sectionsFor(viewer: Viewer, startupId: number) {
	const own = viewer.role === 'founder' && viewer.startupId === startupId
	const manager = viewer.role === 'manager'
	return {
		teamEmails: manager || own || viewer.role === 'mentor',
		team: viewer.role !== 'partner',
		lease: manager || own,
		mentoring: viewer.role !== 'partner',
		introductionContacts: viewer.role !== 'partner',
		timeline: manager || own,
		edit: manager || own,
		changeStatus: manager,
	}
}

export type StartupPageSections = ReturnType<typeof sectionsFor>

function getLeaseAndBalance(startupId: number) {
	const db = getDb()
	const date = today()
	const lease =
		db
			.select({
				id: leases.id,
				unitCode: units.code,
				unitKind: units.kind,
				areaM2: units.areaM2,
				startDate: leases.startDate,
				endDate: leases.endDate,
				monthlyRentCents: leases.monthlyRentCents,
			})
			.from(leases)
			.innerJoin(units, eq(units.id, leases.unitId))
			.where(
				and(
					eq(leases.startupId, startupId),
					lte(leases.startDate, date),
					or(isNull(leases.endDate), gte(leases.endDate, date)),
				),
			)
			.get() ?? null
	const steps = lease
		? db
				.select({
					fromMonth: leaseSubsidySteps.fromMonth,
					toMonth: leaseSubsidySteps.toMonth,
					kind: leaseSubsidySteps.kind,
					percentBasisPoints: leaseSubsidySteps.percentBasisPoints,
					amountCents: leaseSubsidySteps.amountCents,
				})
				.from(leaseSubsidySteps)
				.where(eq(leaseSubsidySteps.leaseId, lease.id))
				.orderBy(asc(leaseSubsidySteps.fromMonth))
				.all()
		: []
	// what the startup owes on statements already due, across all its leases
	const sign = sql`CASE ${rentStatements.kind} WHEN 'credit_note' THEN -1 ELSE 1 END`
	const due =
		db
			.select({
				cents: sql<number>`coalesce(sum(${sign} * ${rentStatements.startupShareCents}), 0)`,
			})
			.from(rentStatements)
			.innerJoin(leases, eq(leases.id, rentStatements.leaseId))
			.where(and(eq(leases.startupId, startupId), lte(rentStatements.dueOn, date)))
			.get()?.cents ?? 0
	const paid =
		db
			.select({ cents: sql<number>`coalesce(sum(${payments.amountCents}), 0)` })
			.from(payments)
			.innerJoin(rentStatements, eq(rentStatements.id, payments.statementId))
			.innerJoin(leases, eq(leases.id, rentStatements.leaseId))
			.where(
				and(
					eq(leases.startupId, startupId),
					eq(payments.payer, 'startup'),
					lte(rentStatements.dueOn, date),
				),
			)
			.get()?.cents ?? 0
	return { lease, steps, balanceCents: due - paid }
}

function getMentoring(startupId: number, viewer: Viewer) {
	const db = getDb()
	const date = today()
	const mentorList = db
		.select({
			assignmentId: mentorAssignments.id,
			mentorId: mentors.id,
			name: mentors.name,
			organisation: mentors.organisation,
			focus: mentorAssignments.focus,
			startDate: mentorAssignments.startDate,
			endDate: mentorAssignments.endDate,
		})
		.from(mentorAssignments)
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.where(
			and(
				eq(mentorAssignments.startupId, startupId),
				or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, date)),
			),
		)
		.orderBy(asc(mentors.name))
		.all()
	const sessions = db
		.select({
			id: mentoringSessions.id,
			date: mentoringSessions.date,
			minutes: mentoringSessions.minutes,
			topic: mentoringSessions.topic,
			notes: mentoringSessions.notes,
			notesPrivate: mentoringSessions.notesPrivate,
			nextSteps: mentoringSessions.nextSteps,
			mentorId: mentors.id,
			mentorName: mentors.name,
		})
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.where(eq(mentorAssignments.startupId, startupId))
		.orderBy(desc(mentoringSessions.date), desc(mentoringSessions.id))
		.limit(5)
		.all()
		// notes are the mentor's: managers read them, the founder only when not marked private,
		// another mentor never
		.map(({ notes, notesPrivate, ...s }) => {
			const readable =
				viewer.role === 'manager' ||
				(viewer.role === 'mentor' && viewer.mentorId === s.mentorId) ||
				(viewer.role === 'founder' && !notesPrivate)
			return { ...s, notes: readable ? notes : null }
		})
	return { mentors: mentorList, sessions }
}

function getFunding(startupId: number) {
	return getDb()
		.select({
			id: fundingEvents.id,
			kind: fundingEvents.kind,
			source: fundingEvents.source,
			isPublic: fundingEvents.isPublic,
			amountCents: fundingEvents.amountCents,
			currency: fundingEvents.currency,
			amountEurCents: amountInEurCents,
			status: fundingEvents.status,
			securedOn: fundingEvents.securedOn,
			plannedOn: fundingEvents.plannedOn,
			appliedOn: fundingEvents.appliedOn,
			triggeredById: fundingEvents.triggeredById,
		})
		.from(fundingEvents)
		.where(eq(fundingEvents.startupId, startupId))
		.orderBy(
			desc(
				sql`coalesce(${fundingEvents.securedOn}, ${fundingEvents.appliedOn}, ${fundingEvents.plannedOn})`,
			),
		)
		.all()
}

function getIntroductions(startupId: number, withContacts: boolean) {
	const rows = getDb()
		.select({
			id: introductions.id,
			purpose: introductions.purpose,
			status: introductions.status,
			introducedOn: introductions.introducedOn,
			dealValueCents: introductions.dealValueCents,
			dealCurrency: introductions.dealCurrency,
			organisationName: organisations.name,
			country: sql<string>`coalesce(${organisations.country}, ${contacts.country})`,
			firstName: contacts.firstName,
			lastName: contacts.lastName,
		})
		.from(introductions)
		.innerJoin(contacts, eq(contacts.id, introductions.contactId))
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.where(eq(introductions.startupId, startupId))
		.orderBy(desc(introductions.introducedOn))
		.all()
	return rows.map(({ firstName, lastName, ...r }) => ({
		...r,
		contactName: withContacts ? [firstName, lastName].filter(Boolean).join(' ') || null : null,
	}))
}

/** Everything about one startup, in one place, cut to what the viewer may see; null if hidden or absent. */
export function getStartupPage({ id, viewer }: { id: number; viewer: Viewer }) {
	const db = getDb()
	const startup = db
		.select({
			id: startups.id,
			name: startups.name,
			legalName: startups.legalName,
			siren: startups.siren,
			companiesHouseNumber: startups.companiesHouseNumber,
			sector: startups.sector,
			stage: startups.stage,
			status: startups.status,
			cohortId: startups.cohortId,
			cohortName: cohorts.name,
			enteredOn: startups.enteredOn,
			leftOn: startups.leftOn,
			website: startups.website,
			pitchFr: startups.pitchFr,
			pitchEn: startups.pitchEn,
			ukFocus: startups.ukFocus,
			targetMarkets: startups.targetMarkets,
		})
		.from(startups)
		.leftJoin(cohorts, eq(cohorts.id, startups.cohortId))
		.where(and(eq(startups.id, id), visibleStartups(viewer)))
		.get()
	if (!startup) return null
	const sections = sectionsFor(viewer, id)
	const date = today()

	const team = sections.team
		? db
				.select({
					id: teamMembers.id,
					name: teamMembers.name,
					role: teamMembers.role,
					email: teamMembers.email,
					hasLogin: sql<boolean>`${teamMembers.userId} IS NOT NULL`.mapWith(Boolean),
				})
				.from(teamMembers)
				.where(eq(teamMembers.startupId, id))
				.orderBy(asc(teamMembers.name))
				.all()
				.map((m) => (sections.teamEmails ? m : { ...m, email: null }))
		: []

	return {
		startup,
		sections,
		team,
		lease: sections.lease ? getLeaseAndBalance(id) : null,
		mentoring: sections.mentoring ? getMentoring(id, viewer) : null,
		funding: getFunding(id),
		milestones: db
			.select({
				id: milestones.id,
				kind: milestones.kind,
				title: milestones.title,
				dueOn: milestones.dueOn,
				status: milestones.status,
				doneOn: milestones.doneOn,
			})
			.from(milestones)
			.where(eq(milestones.startupId, id))
			.orderBy(sql`${milestones.status} IN ('done', 'dropped')`, asc(milestones.dueOn))
			.all()
			.map((m) => ({
				...m,
				overdue:
					m.dueOn != null &&
					m.dueOn < date &&
					(m.status === 'planned' || m.status === 'in_progress'),
			})),
		latestKpi:
			db
				.select({
					quarter: kpiReports.quarter,
					employees: kpiReports.employees,
					revenueCents: kpiReports.revenueCents,
					ukCustomers: kpiReports.ukCustomers,
				})
				.from(kpiReports)
				.where(eq(kpiReports.startupId, id))
				.orderBy(desc(kpiReports.quarter))
				.get() ?? null,
		introductions: getIntroductions(id, sections.introductionContacts),
		activity: sections.timeline ? listStartupActivity(id) : [],
	}
}

export type StartupPage = NonNullable<ReturnType<typeof getStartupPage>>
