import { and, asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm'
import {
	auditLog,
	cohorts,
	fundingEvents,
	leases,
	startups,
	teamMembers,
	users,
} from '#db/schema/index'
import {
	STATUS_TRANSITIONS,
	type StartupManagerInput,
	type StartupProfileInput,
} from '~/schemas/startup'
import { getDb, type Tx, writeTransaction } from '~/utils/db.server'
import { likePattern, type Page, pageOf } from '~/utils/list-params'
import { activityColumns, toActivityEntry } from './activity.server'
import { diffFields, recordAudit } from './audit.server'
import { amountInEurCents, isSecured } from './funding-sql.server'
import type { Viewer } from './viewer'
import { startupRows } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { can, type Grant } from '~/utils/permissions'
import { type FieldErrors, refusedFields, type WriteResult, written } from '~/utils/write-result'
import { cohortCondition, sectorCondition } from './suggestions.server'

/**
 * Whole calendar months spent in the nursery so far, over all of a startup's leases: from each
 * lease's start to the day after its end (or after today, for a lease still running), so that a
 * lease from 1 January to 31 December counts 12 months and a renewal's two halves add up.
 */
const monthsInNursery = () => {
	const date = today()
	const after = sql`date(min(coalesce(${leases.endDate}, ${date}), ${date}), '+1 day')`
	return sql<number>`coalesce((SELECT sum(
		(CAST(strftime('%Y', ${after}) AS INTEGER) - CAST(strftime('%Y', ${leases.startDate}) AS INTEGER)) * 12
		+ CAST(strftime('%m', ${after}) AS INTEGER) - CAST(strftime('%m', ${leases.startDate}) AS INTEGER)
		- (CASE WHEN strftime('%d', ${after}) < strftime('%d', ${leases.startDate}) THEN 1 ELSE 0 END))
	FROM ${leases} WHERE ${leases.startupId} = ${startups.id} AND ${leases.startDate} <= ${date}), 0)`
}

/** Funds secured or received so far, in euro cents. */
const fundsSecuredEurCents = sql<number>`coalesce((SELECT sum(${amountInEurCents}) FROM ${fundingEvents}
	WHERE ${fundingEvents.startupId} = ${startups.id} AND ${isSecured}), 0)`

export const STARTUP_SORTS = [
	'name',
	'cohort',
	'status',
	'stage',
	'sector',
	'ukFocus',
	'months',
	'funds',
] as const
export type StartupSort = (typeof STARTUP_SORTS)[number]

const sortColumns: Record<StartupSort, () => SQL> = {
	name: () => sql`${startups.sortKey}`,
	cohort: () => sql`${cohorts.startDate}`,
	status: () => sql`${startups.status}`,
	stage: () =>
		sql`CASE ${startups.stage} WHEN 'idea' THEN 1 WHEN 'prototype' THEN 2 WHEN 'launch' THEN 3 WHEN 'growth' THEN 4 ELSE 5 END`,
	sector: () => sql`${startups.sector} COLLATE NOCASE`,
	ukFocus: () => sql`${startups.ukFocus}`,
	months: monthsInNursery,
	funds: () => fundsSecuredEurCents,
}

export type StartupFilters = {
	q?: string
	cohortId?: number
	/** a cohort's name as typed or picked: that cohort, or every cohort whose name holds it */
	cohortName?: string
	status?: (typeof startups.status.enumValues)[number]
	stage?: (typeof startups.stage.enumValues)[number]
	sector?: string
	ukFocus?: boolean
}

function filterConditions(viewer: Viewer, f: StartupFilters) {
	return and(
		startupRows(viewer, 'read:startup'),
		f.q
			? or(
					sql`${startups.name} LIKE ${likePattern(f.q)} ESCAPE '\\'`,
					sql`${startups.legalName} LIKE ${likePattern(f.q)} ESCAPE '\\'`,
				)
			: undefined,
		f.cohortId ? eq(startups.cohortId, f.cohortId) : undefined,
		f.cohortName ? cohortCondition(startups.cohortId, f.cohortName) : undefined,
		f.status ? eq(startups.status, f.status) : undefined,
		f.stage ? eq(startups.stage, f.stage) : undefined,
		f.sector ? sectorCondition(f.sector) : undefined,
		f.ukFocus === undefined ? undefined : eq(startups.ukFocus, f.ukFocus),
	)
}

const listColumns = () => ({
	id: startups.id,
	name: startups.name,
	cohortId: startups.cohortId,
	cohortName: cohorts.name,
	status: startups.status,
	stage: startups.stage,
	sector: startups.sector,
	ukFocus: startups.ukFocus,
	enteredOn: startups.enteredOn,
	leftOn: startups.leftOn,
	siren: startups.siren,
	companiesHouseNumber: startups.companiesHouseNumber,
	monthsInNursery: monthsInNursery(),
	fundsSecuredEurCents,
})

type ListOptions = {
	viewer: Viewer
	filters: StartupFilters
	sort: StartupSort
	dir: 'asc' | 'desc'
}

function listQuery({ viewer, filters, sort, dir }: ListOptions) {
	const order = dir === 'desc' ? desc : asc
	return getDb()
		.select(listColumns())
		.from(startups)
		.leftJoin(cohorts, eq(cohorts.id, startups.cohortId))
		.where(filterConditions(viewer, filters))
		.orderBy(
			order(sortColumns[sort]()),
			asc(startups.sortKey),
			asc(startups.name),
			asc(startups.id),
		)
}

export type StartupRow = ReturnType<ReturnType<typeof listQuery>['all']>[number]

/** The portfolio table: filtered, sorted and paginated in SQL. */
export function listStartups(
	options: ListOptions & { page: number; perPage: number },
): Page<StartupRow> {
	const total =
		getDb()
			.select({ n: count() })
			.from(startups)
			.where(filterConditions(options.viewer, options.filters))
			.get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / options.perPage))
	const page = Math.min(options.page, pageCount)
	const rows = listQuery(options)
		.limit(options.perPage)
		.offset((page - 1) * options.perPage)
		.all()
	return pageOf(rows, total, page, options.perPage)
}

/** The whole current view, for the CSV export. */
export function listStartupsForExport(options: ListOptions) {
	return listQuery(options).all()
}

export function listStartupFilterOptions(viewer: Viewer) {
	const db = getDb()
	return {
		cohorts: db
			.select({ id: cohorts.id, name: cohorts.name })
			.from(cohorts)
			.orderBy(desc(cohorts.startDate), asc(cohorts.sortKey))
			.all(),
		sectors: db
			.selectDistinct({ sector: startups.sector })
			.from(startups)
			.where(startupRows(viewer, 'read:startup'))
			.orderBy(asc(startups.sector))
			.all()
			.map((r) => r.sector),
	}
}

export function cohortExists(id: number) {
	return Boolean(getDb().select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, id)).get())
}

/** Another startup already holds this SIREN or Companies House number. */
export function findCompanyNumberClash(
	numbers: { siren?: string | null; companiesHouseNumber?: string | null },
	exceptId?: number,
) {
	const db = getDb()
	const clash = (
		column: typeof startups.siren | typeof startups.companiesHouseNumber,
		value?: string | null,
	) =>
		value
			? db
					.select({ id: startups.id, name: startups.name })
					.from(startups)
					.where(and(eq(column, value), exceptId ? sql`${startups.id} <> ${exceptId}` : undefined))
					.get()
			: undefined
	return {
		siren: clash(startups.siren, numbers.siren),
		companiesHouseNumber: clash(startups.companiesHouseNumber, numbers.companiesHouseNumber),
	}
}

function nullable<T extends Record<string, unknown>>(values: T) {
	return Object.fromEntries(
		Object.entries(values).map(([k, v]) => [k, v === undefined ? null : v]),
	) as { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] }
}

/** Inserts a startup and its audit row; used by the form and by the CSV import (inside its transaction). */
export function insertStartup(tx: Tx, input: StartupManagerInput, actorId: number) {
	const startup = tx
		.insert(startups)
		.values({ ...nullable(input), ukFocus: input.ukFocus })
		.returning({ id: startups.id, name: startups.name })
		.get()
	recordAudit(tx, {
		userId: actorId,
		action: 'create',
		entity: 'startup',
		entityId: startup.id,
		startupId: startup.id,
		subject: { name: startup.name },
	})
	return startup
}

/** A new startup, for who may create any; null for anyone else. */
export function createStartup({ input, viewer }: { input: StartupManagerInput; viewer: Viewer }) {
	if (!can(viewer, 'update:startup:any')) return null
	return writeTransaction((tx) => written(insertStartup(tx, input, viewer.id)))
}

const editableColumns = {
	name: startups.name,
	legalName: startups.legalName,
	siren: startups.siren,
	companiesHouseNumber: startups.companiesHouseNumber,
	sector: startups.sector,
	stage: startups.stage,
	website: startups.website,
	pitchFr: startups.pitchFr,
	pitchEn: startups.pitchEn,
	ukFocus: startups.ukFocus,
	targetMarkets: startups.targetMarkets,
	status: startups.status,
	cohortId: startups.cohortId,
	enteredOn: startups.enteredOn,
	leftOn: startups.leftOn,
}

export function getStartupForEdit({ id, viewer }: { id: number; viewer: Viewer }) {
	return (
		getDb()
			.select(editableColumns)
			.from(startups)
			.where(and(eq(startups.id, id), startupRows(viewer, 'update:startup')))
			.get() ?? null
	)
}

/** A startup's id and name when the viewer holds `grant` on it: the heading of its sub-pages. */
export function findStartupFor({
	id,
	viewer,
	grant,
}: {
	id: number
	viewer: Viewer
	grant: Grant
}) {
	return (
		getDb()
			.select({ id: startups.id, name: startups.name })
			.from(startups)
			.where(and(eq(startups.id, id), startupRows(viewer, grant)))
			.get() ?? null
	)
}

/**
 * A manager changes everything; a founder only their own startup's profile — the
 * programme fields (status, cohort, dates) are not even read from their input.
 */
export function updateStartup({
	id,
	viewer,
	input,
}: {
	id: number
	viewer: Viewer
	input: StartupProfileInput | StartupManagerInput
}) {
	return writeTransaction((tx) => {
		const before = tx
			.select(editableColumns)
			.from(startups)
			.where(and(eq(startups.id, id), startupRows(viewer, 'update:startup')))
			.get()
		if (!before) return null
		const { status, cohortId, enteredOn, leftOn, ...profile } = input as StartupManagerInput
		const values = can(viewer, 'update:programme:any')
			? nullable({ ...profile, status, cohortId, enteredOn, leftOn })
			: nullable(profile)
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ id, changed: false })
		tx.update(startups).set(values).where(eq(startups.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'startup',
			entityId: id,
			startupId: id,
			changes,
		})
		return written({ id, changed: true })
	})
}

/**
 * Moves a startup along its life (STATUS_TRANSITIONS): applicant → incubated sets the entry
 * date; graduated or left sets the exit date, which may not come before the entry. Null when
 * there is no such startup or the viewer may not change its programme.
 */
export function changeStartupStatus({
	id,
	status,
	date,
	viewer,
}: {
	id: number
	status: (typeof startups.status.enumValues)[number]
	date: string
	viewer: Viewer
}): WriteResult<{ id: number }> | null {
	return writeTransaction((tx) => {
		const before = tx
			.select({ status: startups.status, enteredOn: startups.enteredOn, leftOn: startups.leftOn })
			.from(startups)
			.where(and(eq(startups.id, id), startupRows(viewer, 'update:programme')))
			.get()
		if (!before) return null
		const problems: FieldErrors = {}
		if (!STATUS_TRANSITIONS[before.status].includes(status)) {
			problems.status = ['startups:errors.transition']
		}
		if (before.enteredOn && status !== 'incubated' && date < before.enteredOn) {
			problems.date = ['startups:errors.leftBeforeEntered']
		}
		if (Object.keys(problems).length) return refusedFields(problems)
		const values =
			status === 'incubated'
				? { status, enteredOn: date, leftOn: null }
				: status === 'applicant'
					? { status }
					: { status, leftOn: date }
		tx.update(startups).set(values).where(eq(startups.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'startup',
			entityId: id,
			startupId: id,
			verb: 'status',
			changes: diffFields(before, values),
		})
		return written({ id })
	})
}

type TeamInput = { name: string; role: string; email?: string }

export function addTeamMember({
	startupId,
	input,
	viewer,
}: {
	startupId: number
	input: TeamInput
	viewer: Viewer
}) {
	return writeTransaction((tx) => {
		if (
			!tx
				.select({ id: startups.id })
				.from(startups)
				.where(and(eq(startups.id, startupId), startupRows(viewer, 'update:team')))
				.get()
		) {
			return null
		}
		const member = tx
			.insert(teamMembers)
			.values({ startupId, name: input.name, role: input.role, email: input.email ?? null })
			.returning({ id: teamMembers.id })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'team_member',
			entityId: member.id,
			startupId,
			subject: { name: input.name, role: input.role },
		})
		return written(member)
	})
}

export function updateTeamMember({
	startupId,
	memberId,
	input,
	viewer,
}: {
	startupId: number
	memberId: number
	input: TeamInput
	viewer: Viewer
}) {
	return writeTransaction((tx) => {
		const before = tx
			.select({ name: teamMembers.name, role: teamMembers.role, email: teamMembers.email })
			.from(teamMembers)
			.innerJoin(startups, eq(startups.id, teamMembers.startupId))
			.where(
				and(
					eq(teamMembers.id, memberId),
					eq(teamMembers.startupId, startupId),
					startupRows(viewer, 'update:team'),
				),
			)
			.get()
		if (!before) return null
		const values = { name: input.name, role: input.role, email: input.email ?? null }
		tx.update(teamMembers).set(values).where(eq(teamMembers.id, memberId)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'team_member',
			entityId: memberId,
			startupId,
			subject: { name: before.name },
			changes: diffFields(before, values),
		})
		return written({ id: memberId })
	})
}

export function removeTeamMember({
	startupId,
	memberId,
	viewer,
}: {
	startupId: number
	memberId: number
	viewer: Viewer
}) {
	return writeTransaction((tx) => {
		const member = tx
			.select({ name: teamMembers.name })
			.from(teamMembers)
			.innerJoin(startups, eq(startups.id, teamMembers.startupId))
			.where(
				and(
					eq(teamMembers.id, memberId),
					eq(teamMembers.startupId, startupId),
					startupRows(viewer, 'update:team'),
				),
			)
			.get()
		if (!member) return null
		tx.delete(teamMembers).where(eq(teamMembers.id, memberId)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'delete',
			entity: 'team_member',
			entityId: memberId,
			startupId,
			subject: { name: member.name },
		})
		return written({ id: memberId })
	})
}

/** The startup's activity timeline, newest first: who did what — for those who may read it. */
export function listStartupActivity({
	startupId,
	viewer,
	limit = 30,
}: {
	startupId: number
	viewer: Viewer
	limit?: number
}) {
	return getDb()
		.select(activityColumns)
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.leftJoin(startups, eq(startups.id, auditLog.startupId))
		.where(
			and(
				eq(auditLog.startupId, startupId),
				startupRows(viewer, 'read:timeline', auditLog.startupId),
			),
		)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit)
		.all()
		.map(toActivityEntry)
}
