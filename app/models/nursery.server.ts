import { and, asc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { leases, startups, units } from '#db/schema/index'
import type { UnitInput } from '~/schemas/nursery'
import { cachedRead } from '~/utils/read-cache.server'
import { getDb, type Tx, writeTransaction } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { startupRows } from '~/utils/access.server'
import { can } from '~/utils/permissions'
import { addMonths, firstDayOf, lastDayOf, monthOf, monthRange } from '~/utils/calendar'
import { refused, written } from '~/utils/write-result'
import { diffFields, recordAudit } from './audit.server'
import type { Viewer } from './viewer'

/*
 * The nursery building: units and who occupies them. Shared helpers of the nursery models
 * (who may read which lease) live here too.
 */

/**
 * Leases, statements and payments are the managers'; a founder reads their own startup's.
 * Anyone else gets null (or nothing) from the nursery models, never an exception.
 */
export const mayManageNursery = (viewer: Viewer) => can(viewer, 'update:lease:any')

/**
 * The statements a viewer may read, as raw SQL on the alias `l` (their leases): everything for a
 * manager, their own startup's for a founder, nothing for anyone else.
 */
export function statementRowsSql(viewer: Viewer): SQL {
	return startupRows(viewer, 'read:statement', sql`l.startup_id`) ?? sql`1`
}

/** Leases running on a date (start and end days included). */
export const leaseRunningOn = (date: string) =>
	and(lte(leases.startDate, date), or(isNull(leases.endDate), gte(leases.endDate, date)))

// ---------------------------------------------------------------- units

const unitColumns = {
	id: units.id,
	code: units.code,
	floor: units.floor,
	kind: units.kind,
	areaM2: units.areaM2,
	desks: units.desks,
	marketRentCents: units.marketRentCents,
}

/** Every unit with today's occupant, floor by floor. */
export function listUnits({
	viewer,
	page,
}: {
	viewer: Viewer
	/** one page of the units (the nursery page); every unit without it */
	page?: { page: number; perPage: number }
}) {
	if (!mayManageNursery(viewer)) return []
	const date = today()
	const query = getDb()
		.select({
			...unitColumns,
			leaseId: leases.id,
			leaseEndDate: leases.endDate,
			startupId: startups.id,
			startupName: startups.name,
		})
		.from(units)
		.leftJoin(leases, and(eq(leases.unitId, units.id), leaseRunningOn(date)))
		.leftJoin(startups, eq(startups.id, leases.startupId))
		.orderBy(asc(units.floor), asc(units.code))
	return (page ? query.limit(page.perPage).offset((page.page - 1) * page.perPage) : query).all()
}

/** The building today: how many units, how many with a running lease. */
export function countUnits({ viewer }: { viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return { total: 0, occupied: 0 }
	const db = getDb()
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(units)
			.get()?.n ?? 0
	const occupied =
		db
			.select({ n: sql<number>`count(DISTINCT ${leases.unitId})` })
			.from(leases)
			.where(leaseRunningOn(today()))
			.get()?.n ?? 0
	return { total, occupied }
}

export function getUnit({ id, viewer }: { id: number; viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return null
	return getDb().select(unitColumns).from(units).where(eq(units.id, id)).get() ?? null
}

function codeTaken(tx: Tx, code: string, exceptId?: number) {
	const clash = tx
		.select({ id: units.id })
		.from(units)
		.where(
			sql`${units.code} = ${code} COLLATE NOCASE${exceptId ? sql` AND ${units.id} <> ${exceptId}` : sql``}`,
		)
		.get()
	return Boolean(clash)
}

const unitValues = (input: UnitInput) => ({
	code: input.code,
	floor: input.floor,
	kind: input.kind,
	areaM2: input.areaM2,
	desks: input.desks,
	marketRentCents: input.marketRent,
})

export function createUnit({ input, viewer }: { input: UnitInput; viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		if (codeTaken(tx, input.code)) return refused('code', 'nursery:errors.codeTaken')
		const unit = tx.insert(units).values(unitValues(input)).returning().get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'unit',
			entityId: unit.id,
			subject: { code: unit.code },
		})
		return written(unit)
	})
}

export function updateUnit({
	id,
	input,
	viewer,
}: {
	id: number
	input: UnitInput
	viewer: Viewer
}) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		const before = tx.select(unitColumns).from(units).where(eq(units.id, id)).get()
		if (!before) return null
		if (codeTaken(tx, input.code, id)) return refused('code', 'nursery:errors.codeTaken')
		const values = unitValues(input)
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ unit: before, changed: false })
		const unit = tx.update(units).set(values).where(eq(units.id, id)).returning().get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'unit',
			entityId: id,
			subject: { code: unit.code },
			changes,
		})
		return written({ unit, changed: true })
	})
}

// ---------------------------------------------------------------- occupancy

/**
 * Units occupied each month of the past 24 (the current one included): a unit counts for a
 * month when a lease covers at least one day of it. The rate is against today's units.
 */
export function occupancyHistory({ viewer, months = 24 }: { viewer: Viewer; months?: number }) {
	if (!mayManageNursery(viewer)) return { totalUnits: 0, months: [] }
	const current = monthOf(today())
	// the same history for every manager: kept until the next write (decision 0031)
	return cachedRead(`nursery-occupancy:${current}:${months}`, () => countOccupancy(current, months))
}

function countOccupancy(current: string, months: number) {
	const db = getDb()
	const list = monthRange(addMonths(current, -(months - 1)), current)
	const totalUnits =
		db
			.select({ n: sql<number>`count(*)` })
			.from(units)
			.get()?.n ?? 0
	const values = sql.join(
		list.map((m) => sql`(${m}, ${firstDayOf(m)}, ${lastDayOf(m)})`),
		sql`, `,
	)
	const rows = db.all<{ month: string; occupied: number }>(sql`
		WITH months(month, first_day, last_day) AS (VALUES ${values})
		SELECT m.month AS month,
			(SELECT count(DISTINCT l.unit_id) FROM leases l
				WHERE l.start_date <= m.last_day AND (l.end_date IS NULL OR l.end_date >= m.first_day)
			) AS occupied
		FROM months m
		ORDER BY m.month`)
	return { totalUnits, months: rows }
}
