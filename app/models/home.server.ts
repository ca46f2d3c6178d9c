import { and, asc, count, desc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm'
import {
	auditLog,
	cohorts,
	contacts,
	fundingEvents,
	leases,
	mentorAssignments,
	mentoringSessions,
	mentors,
	milestones,
	payments,
	rentStatements,
	startups,
	units,
	users,
} from '#db/schema/index'
import { linkedMentor } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { cachedRead } from '~/utils/read-cache.server'
import { can } from '~/utils/permissions'
import { activityColumns, toActivityEntry } from './activity.server'
import { amountInEurCents, isPublicMoney, isSecured } from './funding-sql.server'
import { periodOf } from './mentoring.server'
import type { Viewer } from './viewer'
import { today } from '~/utils/clock'

/** Leases running on a given date. */
const activeLeaseOn = (date: string) =>
	and(lte(leases.startDate, date), or(isNull(leases.endDate), gte(leases.endDate, date)))

function startupsByStatus() {
	return getDb()
		.select({ status: startups.status, n: count() })
		.from(startups)
		.groupBy(startups.status)
		.all()
}

function fundsSecured() {
	// the euro amount once per event (a pound's rate is looked up in a subquery), then summed;
	// public money as the Funding page has it: a public bank's loan is bank money
	const row = getDb().get<{ totalEurCents: number; publicEurCents: number; missingRates: number }>(
		sql`SELECT coalesce(sum(eur), 0) AS totalEurCents,
			coalesce(sum(CASE WHEN public_money THEN eur END), 0) AS publicEurCents,
			count(*) - count(eur) AS missingRates
		FROM (SELECT ${amountInEurCents} AS eur, ${isPublicMoney} AS public_money
			FROM ${fundingEvents} WHERE ${isSecured})`,
	)
	return {
		totalEurCents: row?.totalEurCents ?? 0,
		publicEurCents: row?.publicEurCents ?? 0,
		missingRates: row?.missingRates ?? 0,
	}
}

/** What Cap Calaisis and the startups owe on statements already due, less what they paid. */
function arrears(asOf: string) {
	const db = getDb()
	const sign = sql`CASE ${rentStatements.kind} WHEN 'credit_note' THEN -1 ELSE 1 END`
	const due = db
		.select({
			startup: sql<number>`coalesce(sum(${sign} * ${rentStatements.startupShareCents}), 0)`,
			subsidy: sql<number>`coalesce(sum(${sign} * ${rentStatements.subsidyCents}), 0)`,
		})
		.from(rentStatements)
		.where(lte(rentStatements.dueOn, asOf))
		.get()
	const paid = db
		.select({
			startup: sql<number>`coalesce(sum(CASE ${payments.payer} WHEN 'startup' THEN ${payments.amountCents} END), 0)`,
			subsidy: sql<number>`coalesce(sum(CASE ${payments.payer} WHEN 'cap_calaisis' THEN ${payments.amountCents} END), 0)`,
		})
		.from(payments)
		.innerJoin(rentStatements, eq(rentStatements.id, payments.statementId))
		.where(lte(rentStatements.dueOn, asOf))
		.get()
	const startup = Math.max(0, (due?.startup ?? 0) - (paid?.startup ?? 0))
	const subsidy = Math.max(0, (due?.subsidy ?? 0) - (paid?.subsidy ?? 0))
	return { startupCents: startup, subsidyCents: subsidy }
}

/** The dashboard: the whole incubator at a glance, with who did what lately; null for whoever may not read it. */
export function getManagerHome({ viewer }: { viewer: Viewer }) {
	if (!can(viewer, 'read:dashboard:any')) return null
	const date = today()
	// the whole incubator's figures, kept until the next write to the database
	const home = cachedRead(`manager-home:${date}`, () => managerHome(date))
	// the accounts besides the viewer's: none yet is when the dashboard asks to create them
	const otherAccounts =
		getDb().select({ n: count() }).from(users).where(ne(users.id, viewer.id)).get()?.n ?? 0
	return { ...home, otherAccounts }
}

function managerHome(date: string) {
	const db = getDb()
	const unitCount = db.select({ n: count() }).from(units).get()?.n ?? 0
	const occupied =
		db
			.select({ n: sql<number>`count(DISTINCT ${leases.unitId})` })
			.from(leases)
			.where(activeLeaseOn(date))
			.get()?.n ?? 0
	return {
		byStatus: startupsByStatus(),
		cohorts: db.select({ n: count() }).from(cohorts).get()?.n ?? 0,
		units: { total: unitCount, occupied },
		mentors: db.select({ n: count() }).from(mentors).where(eq(mentors.active, true)).get()?.n ?? 0,
		contacts:
			db.select({ n: count() }).from(contacts).where(isNull(contacts.erasedAt)).get()?.n ?? 0,
		funds: fundsSecured(),
		arrears: arrears(date),
		overdueMilestones:
			db
				.select({ n: count() })
				.from(milestones)
				.innerJoin(startups, eq(startups.id, milestones.startupId))
				// only the startups still followed: a graduate's forgotten milestone is no worry now
				.where(
					and(
						sql`${milestones.status} IN ('planned', 'in_progress')`,
						sql`${milestones.dueOn} < ${date}`,
						sql`${startups.status} IN ('applicant', 'incubated')`,
					),
				)
				.get()?.n ?? 0,
		recentActivity: db
			.select(activityColumns)
			.from(auditLog)
			.leftJoin(users, eq(users.id, auditLog.userId))
			.leftJoin(startups, eq(startups.id, auditLog.startupId))
			.where(sql`${auditLog.action} <> 'sign_in'`)
			.orderBy(desc(auditLog.at), desc(auditLog.id))
			.limit(8)
			.all()
			.map(toActivityEntry),
	}
}

/**
 * A mentor's home: the startups assigned to them, nobody else's, and their time this month and
 * quarter; null for an account linked to no mentor record.
 */
export function getMentorHome({ viewer }: { viewer: Viewer }) {
	const mentorId = linkedMentor(viewer, 'read:assignment')
	if (mentorId === null) return null
	const db = getDb()
	const date = today()
	const { monthStart, monthEnd, quarterStart, quarterEnd } = periodOf(date)
	const assignments = db
		.select({
			id: mentorAssignments.id,
			focus: mentorAssignments.focus,
			startDate: mentorAssignments.startDate,
			startupId: startups.id,
			startupName: startups.name,
			startupStage: startups.stage,
			lastSessionOn: sql<string | null>`max(${mentoringSessions.date})`,
		})
		.from(mentorAssignments)
		.innerJoin(startups, eq(startups.id, mentorAssignments.startupId))
		.leftJoin(mentoringSessions, eq(mentoringSessions.assignmentId, mentorAssignments.id))
		.where(
			and(
				eq(mentorAssignments.mentorId, mentorId),
				or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, date)),
			),
		)
		.groupBy(mentorAssignments.id)
		.orderBy(asc(startups.sortKey))
		.all()
	const minutesBetween = (from: string, to: string) =>
		db
			.select({ minutes: sql<number>`coalesce(sum(${mentoringSessions.minutes}), 0)` })
			.from(mentoringSessions)
			.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
			.where(
				and(
					eq(mentorAssignments.mentorId, mentorId),
					gte(mentoringSessions.date, from),
					lte(mentoringSessions.date, to),
				),
			)
			.get()?.minutes ?? 0
	const capacity =
		db
			.select({ hours: mentors.capacityHoursPerMonth })
			.from(mentors)
			.where(eq(mentors.id, mentorId))
			.get()?.hours ?? 0
	return {
		assignments,
		minutesThisMonth: minutesBetween(monthStart, monthEnd),
		minutesThisQuarter: minutesBetween(quarterStart, quarterEnd),
		capacityHoursPerMonth: capacity,
		quarterStart,
	}
}
