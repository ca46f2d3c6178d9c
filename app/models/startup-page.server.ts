import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { cohorts, kpiReports, milestones, startups, teamMembers } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { getFunding } from './startup-page/funding.server'
import { getIntroductions } from './startup-page/introductions.server'
import { getLeaseAndBalance } from './startup-page/lease.server'
import { getMentoring } from './startup-page/mentoring.server'
import { listStartupActivity } from './startup.server'
import { holdsOn, startupRows } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { can } from '~/utils/permissions'
import type { Viewer } from './viewer'

/** What the viewer sees of this startup's page (the map decides); personal data never leaves the server for partners. */
function sectionsFor(viewer: Viewer, startupId: number) {
	return {
		team: holdsOn(viewer, 'read:team', startupId),
		lease: holdsOn(viewer, 'read:lease', startupId),
		mentoring: holdsOn(viewer, 'read:mentoring', startupId),
		timeline: holdsOn(viewer, 'read:timeline', startupId),
		edit: holdsOn(viewer, 'update:startup', startupId),
		changeStatus: can(viewer, 'update:programme:any'),
	}
}

/** Everything about one startup, in one place, cut to what the viewer may see; null if hidden or absent. */
export function getStartupPage({
	id,
	viewer,
	fundingPage = 1,
}: {
	id: number
	viewer: Viewer
	/** which page of the funding events (?fundingPage=) */
	fundingPage?: number
}) {
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
		.where(and(eq(startups.id, id), startupRows(viewer, 'read:startup')))
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
				.orderBy(asc(teamMembers.sortKey))
				.all()
		: []

	return {
		startup,
		sections,
		team,
		lease: getLeaseAndBalance({ startupId: id, viewer }),
		mentoring: getMentoring(id, viewer),
		funding: getFunding(id, fundingPage),
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
		introductions: getIntroductions({ startupId: id, viewer }),
		activity: listStartupActivity({ startupId: id, viewer }),
	}
}

export type StartupPage = NonNullable<ReturnType<typeof getStartupPage>>
