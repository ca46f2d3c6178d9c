import { asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { cohorts, fundingEvents, kpiReports, milestones, startups } from '#db/schema/index'
import type { STARTUP_STATUSES } from '#db/schema/enums'
import type { CohortInput, Programme } from '~/schemas/cohort'
import { lastFinishedQuarter, quarterEnd } from '~/utils/calendar'
import { getDb, writeTransaction } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { diffFields, recordAudit } from './audit.server'
import { amountInEurCents, isSecured } from './funding-sql.server'
import type { Viewer } from './viewer'
import { today } from '~/utils/clock'
import { written } from '~/utils/write-result'

/*
 * Cohorts are a manager's screen. Every function here takes the viewer and gives anyone else
 * nothing (an empty list, null, no write), so a route that forgot its permission check would
 * still leak nothing.
 */
const mayRead = (viewer: Viewer) => can(viewer, 'read:cohort:any')
const mayWrite = (viewer: Viewer) => can(viewer, 'update:cohort:any')

const cohortColumns = {
	id: cohorts.id,
	name: cohorts.name,
	programme: cohorts.programme,
	startDate: cohorts.startDate,
	endDate: cohorts.endDate,
}

// ---------------------------------------------------------------- the list

type StartupStatus = (typeof STARTUP_STATUSES)[number]

const startupsWithStatus = (status: StartupStatus) =>
	sql<number>`count(CASE WHEN ${startups.status} = ${status} THEN 1 END)`

const statusCounts = {
	incubated: startupsWithStatus('incubated'),
	graduated: startupsWithStatus('graduated'),
	left: startupsWithStatus('left'),
}

export const COHORT_SORTS = [
	'startDate',
	'name',
	'programme',
	'endDate',
	'incubated',
	'graduated',
	'left',
] as const
export type CohortSort = (typeof COHORT_SORTS)[number]

const sortColumns: Record<CohortSort, SQL> = {
	startDate: sql`${cohorts.startDate}`,
	name: sql`${cohorts.sortKey}`,
	programme: sql`${cohorts.programme}`,
	endDate: sql`${cohorts.endDate}`,
	...statusCounts,
}

/** Every cohort with its startups counted by status; newest first unless sorted otherwise. */
export function listCohorts({
	viewer,
	programme,
	sort = 'startDate',
	dir = 'desc',
	page,
}: {
	viewer: Viewer
	programme?: Programme
	sort?: CohortSort
	dir?: 'asc' | 'desc'
	/** one page of the list (the cohorts page); every cohort without it */
	page?: { page: number; perPage: number }
}) {
	if (!mayRead(viewer)) return []
	const order = dir === 'desc' ? desc : asc
	const byProgramme = programme ? eq(cohorts.programme, programme) : undefined
	const ordering = [order(sortColumns[sort]), desc(cohorts.startDate), desc(cohorts.id)]
	const counted = (where: SQL | undefined) =>
		getDb()
			.select({ ...cohortColumns, ...statusCounts, startups: count(startups.id) })
			.from(cohorts)
			.leftJoin(startups, eq(startups.cohortId, cohorts.id))
			.where(where)
			.groupBy(cohorts.id)
			.orderBy(...ordering)
	if (!page) return counted(byProgramme).all()
	const skip = (page.page - 1) * page.perPage
	// sorted by a count: every cohort's startups are counted to find the page
	if (sort in statusCounts) return counted(byProgramme).limit(page.perPage).offset(skip).all()
	// sorted by the cohort itself: the page's cohorts first, then their startups counted (at
	// network scale, 1,800 cohorts grouped for 25 of them was most of the page's time)
	const ids = getDb()
		.select({ id: cohorts.id })
		.from(cohorts)
		.where(byProgramme)
		.orderBy(...ordering)
		.limit(page.perPage)
		.offset(skip)
		.all()
		.map((c) => c.id)
	return ids.length ? counted(inArray(cohorts.id, ids)).all() : []
}

/** How many cohorts the list holds (its pages). */
export function countCohorts({ viewer, programme }: { viewer: Viewer; programme?: Programme }) {
	if (!mayRead(viewer)) return 0
	return (
		getDb()
			.select({ n: count() })
			.from(cohorts)
			.where(programme ? eq(cohorts.programme, programme) : undefined)
			.get()?.n ?? 0
	)
}

export function getCohort({ id, viewer }: { id: number; viewer: Viewer }) {
	if (!mayRead(viewer)) return null
	return getDb().select(cohortColumns).from(cohorts).where(eq(cohorts.id, id)).get() ?? null
}

// ---------------------------------------------------------------- writes

/**
 * Another cohort already has this name. Case is ignored: "Promotion 2026" and
 * "promotion 2026" would be the same cohort to anyone reading a report.
 */
export function isCohortNameTaken({
	name,
	exceptId,
	viewer,
}: {
	name: string
	exceptId?: number
	viewer: Viewer
}) {
	if (!mayWrite(viewer)) return false
	const clash = getDb()
		.select({ id: cohorts.id })
		.from(cohorts)
		.where(
			sql`${cohorts.name} = ${name} COLLATE NOCASE${exceptId ? sql` AND ${cohorts.id} <> ${exceptId}` : sql``}`,
		)
		.get()
	return Boolean(clash)
}

/** The cohort and its audit row commit together; null when the viewer may not write. */
export function createCohort({ input, viewer }: { input: CohortInput; viewer: Viewer }) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const cohort = tx
			.insert(cohorts)
			.values(input)
			.returning({ id: cohorts.id, name: cohorts.name })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'cohort',
			entityId: cohort.id,
			subject: { name: cohort.name },
		})
		return written(cohort)
	})
}

/** Null when there is no such cohort or the viewer may not write; an unchanged form writes nothing. */
export function updateCohort({
	id,
	input,
	viewer,
}: {
	id: number
	input: CohortInput
	viewer: Viewer
}) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const before = tx.select(cohortColumns).from(cohorts).where(eq(cohorts.id, id)).get()
		if (!before) return null
		const values = {
			name: input.name,
			programme: input.programme,
			startDate: input.startDate,
			endDate: input.endDate,
		}
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ id, name: before.name, changed: false })
		tx.update(cohorts).set(values).where(eq(cohorts.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'cohort',
			entityId: id,
			subject: { name: input.name },
			changes,
		})
		return written({ id, name: input.name, changed: true })
	})
}

// ---------------------------------------------------------------- the progress view

/**
 * In a select from one table drizzle writes the columns of a selected expression without their
 * table name, which turns `milestones.startup_id = startups.id` in a correlated subquery into
 * `startup_id = id` — both read from milestones. Nested in one more sql`` the names are kept.
 */
const correlated = <T>(subquery: SQL<T>) => sql<T>`${subquery}`

const milestonesWhere = (condition: SQL) =>
	correlated(sql<number>`(SELECT count(*) FROM ${milestones}
		WHERE ${milestones.startupId} = ${startups.id} AND ${condition})`)

const openMilestone = sql`${milestones.status} IN ('planned', 'in_progress')`

/** The figures of each startup of a cohort, one query with correlated subqueries. */
function progressQuery(cohortId: number, asOf: string) {
	const db = getDb()
	const last = lastFinishedQuarter(asOf)
	const latestReport = <T>(column: typeof kpiReports.quarter | typeof kpiReports.employees) =>
		correlated(sql<T>`(SELECT ${column} FROM ${kpiReports} WHERE ${kpiReports.startupId} = ${startups.id}
			ORDER BY ${kpiReports.quarter} DESC LIMIT 1)`)
	const figures = db
		.select({
			id: startups.id,
			name: startups.name,
			sortKey: startups.sortKey,
			status: startups.status,
			stage: startups.stage,
			milestonesDone: milestonesWhere(sql`${milestones.status} = 'done'`).as('milestones_done'),
			// an open milestone with no due date is still to do, not late
			milestonesDue: milestonesWhere(
				sql`${openMilestone} AND (${milestones.dueOn} IS NULL OR ${milestones.dueOn} >= ${asOf})`,
			).as('milestones_due'),
			milestonesOverdue: milestonesWhere(
				sql`${openMilestone} AND ${milestones.dueOn} < ${asOf}`,
			).as('milestones_overdue'),
			fundsSecuredEurCents: correlated(sql<number>`coalesce((SELECT sum(${amountInEurCents})
				FROM ${fundingEvents} WHERE ${fundingEvents.startupId} = ${startups.id} AND ${isSecured}), 0)`).as(
				'funds_secured_eur_cents',
			),
			// GBP amounts with no rate recorded for their date are left out of the sum above
			fundsWithoutRate: correlated(sql<number>`(SELECT count(*) FROM ${fundingEvents}
				WHERE ${fundingEvents.startupId} = ${startups.id} AND ${isSecured}
					AND ${amountInEurCents} IS NULL)`).as('funds_without_rate'),
			latestKpiQuarter: latestReport<string | null>(kpiReports.quarter).as('latest_kpi_quarter'),
			jobs: latestReport<number | null>(kpiReports.employees).as('jobs'),
			// only a startup in the programme reports, and only for quarters it was here for
			kpiReportMissing: correlated(sql<number>`CASE WHEN ${startups.status} = 'incubated'
				AND (${startups.enteredOn} IS NULL OR ${startups.enteredOn} <= ${quarterEnd(last)})
				AND NOT EXISTS (SELECT 1 FROM ${kpiReports}
					WHERE ${kpiReports.startupId} = ${startups.id} AND ${kpiReports.quarter} = ${last})
				THEN 1 ELSE 0 END`).as('kpi_report_missing'),
		})
		.from(startups)
		.where(eq(startups.cohortId, cohortId))
		.as('figures')

	// graduates and leavers are no longer followed: only a startup in the programme is flagged
	const overdueAttention = sql`${figures.status} = 'incubated' AND ${figures.milestonesOverdue} > 0`
	const needsAttention = sql`(${overdueAttention}) OR ${figures.kpiReportMissing} = 1`
	const rows = db
		.select({
			id: figures.id,
			name: figures.name,
			status: figures.status,
			stage: figures.stage,
			milestonesDone: figures.milestonesDone,
			milestonesDue: figures.milestonesDue,
			milestonesOverdue: figures.milestonesOverdue,
			fundsSecuredEurCents: figures.fundsSecuredEurCents,
			fundsWithoutRate: figures.fundsWithoutRate,
			latestKpiQuarter: figures.latestKpiQuarter,
			jobs: figures.jobs,
			hasOverdueMilestones: sql<boolean>`${overdueAttention}`.mapWith(Boolean),
			kpiReportMissing: sql<boolean>`${figures.kpiReportMissing}`.mapWith(Boolean),
			needsAttention: sql<boolean>`${needsAttention}`.mapWith(Boolean),
		})
		.from(figures)
		// the startups that need help come first, the most overdue at the top
		.orderBy(
			desc(needsAttention),
			desc(figures.milestonesOverdue),
			asc(figures.sortKey),
			asc(figures.id),
		)
		.all()
	return { rows, lastQuarter: last }
}

export type CohortProgressRow = ReturnType<typeof progressQuery>['rows'][number]

/**
 * A cohort and how each of its startups is doing on `asOf` (today by default), so that a
 * manager spots the one that needs help. The totals are the sums of the rows.
 */
export function getCohortProgress({
	id,
	viewer,
	asOf = today(),
}: {
	id: number
	viewer: Viewer
	asOf?: string
}) {
	const cohort = getCohort({ id, viewer })
	if (!cohort) return null
	const { rows, lastQuarter } = progressQuery(id, asOf)
	const sum = (pick: (row: CohortProgressRow) => number | null) =>
		rows.reduce((total, row) => total + (pick(row) ?? 0), 0)
	return {
		cohort,
		asOf,
		lastQuarter,
		startups: rows,
		summary: {
			startups: rows.length,
			needingAttention: rows.filter((r) => r.needsAttention).length,
			fundsSecuredEurCents: sum((r) => r.fundsSecuredEurCents),
			fundsWithoutRate: sum((r) => r.fundsWithoutRate),
			jobs: sum((r) => r.jobs),
		},
	}
}
