import { and, asc, desc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm'
import { cohorts, leases, leaseSubsidySteps, startups, units } from '#db/schema/index'
import type { LeaseInput } from '~/schemas/nursery'
import { getDb, type Tx, writeTransaction } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { addDays, addMonths, firstDayOf, monthOf } from '~/utils/calendar'
import { holdsOn, startupRows } from '~/utils/access.server'
import { refused, written } from '~/utils/write-result'
import {
	computeStatement,
	leaseMonthIndex,
	shiftSchedule,
	type SubsidyStep,
	validateSchedule,
} from '~/utils/rent'
import { recordAudit } from './audit.server'
import { mayManageNursery } from './nursery.server'
import { listStatementsOfLease, listStatementsOfStartup, stepsByLease } from './statement.server'
import type { Viewer } from './viewer'
import { PICKER_LIMIT } from '~/utils/picker'

const unitCode = (tx: Tx, unitId: number) =>
	tx.select({ code: units.code }).from(units).where(eq(units.id, unitId)).get()?.code ?? null

const FAR_FUTURE = '9999-12-31'

/**
 * The startups and units a lease form offers, each while there are few (null beyond: a name or
 * a code to type, decision 0044).
 */
export function listLeaseFormOptions({ viewer }: { viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return { startups: [], units: [] }
	const choices = leaseStartups(undefined)
		.limit(PICKER_LIMIT + 1)
		.all()
	const unitChoices = leaseUnits(undefined)
		.limit(PICKER_LIMIT + 1)
		.all()
	return {
		startups: choices.length > PICKER_LIMIT ? null : choices,
		units: unitChoices.length > PICKER_LIMIT ? null : unitChoices,
	}
}

const leaseUnits = (id: number | undefined) =>
	getDb()
		.select({
			id: units.id,
			code: units.code,
			kind: units.kind,
			floor: units.floor,
			marketRentCents: units.marketRentCents,
		})
		.from(units)
		.where(id === undefined ? undefined : eq(units.id, id))
		.orderBy(asc(units.floor), asc(units.code))
		.$dynamic()

/** A unit a lease form names (a renewal's, a preselected one), with its market rent. */
export function findLeaseUnit({ viewer, id }: { viewer: Viewer; id: number | undefined }) {
	if (!id || !mayManageNursery(viewer)) return undefined
	return leaseUnits(id).get()
}

function leaseStartups(id: number | undefined) {
	return (
		getDb()
			.select({
				id: startups.id,
				name: startups.name,
				status: startups.status,
				programme: cohorts.programme,
			})
			.from(startups)
			.leftJoin(cohorts, eq(cohorts.id, startups.cohortId))
			.where(id === undefined ? undefined : eq(startups.id, id))
			// those who may move in first; graduates and leavers at the end of the list
			.orderBy(sql`${startups.status} IN ('graduated', 'left')`, asc(startups.sortKey))
			.$dynamic()
	)
}

/** A startup a lease form names (a renewal's, a preselected one), with its programme. */
export function findLeaseStartup({ viewer, id }: { viewer: Viewer; id: number | undefined }) {
	if (!id || !mayManageNursery(viewer)) return undefined
	return leaseStartups(id).get()
}

/** Another lease of the unit that shares at least one day with [start, end]. */
function overlappingLease(
	tx: Tx,
	unitId: number,
	start: string,
	end: string | null,
	exceptId?: number,
) {
	return (
		tx
			.select({ id: leases.id })
			.from(leases)
			.where(
				and(
					eq(leases.unitId, unitId),
					lte(leases.startDate, end ?? FAR_FUTURE),
					or(isNull(leases.endDate), gte(leases.endDate, start)),
					exceptId ? ne(leases.id, exceptId) : undefined,
				),
			)
			.get() ?? null
	)
}

const SCHEDULE_MESSAGES = {
	mustStartAtOne: 'nursery:errors.scheduleStart',
	endBeforeStart: 'nursery:errors.stepEndBeforeStart',
	overlap: 'nursery:errors.stepOverlap',
} as const

/**
 * Signs a lease and its schedule. Every rule is checked again inside the write transaction —
 * the end not before the start, a schedule that starts at month 1 with no overlap, the unit
 * free over the whole period — so that two managers signing the same unit at once cannot
 * both succeed. A renewal first ends the lease it renews the day before the new one starts.
 */
export function signLease({ input, viewer }: { input: LeaseInput; viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		if (input.endDate && input.endDate < input.startDate) {
			return refused('endDate', 'nursery:errors.endBeforeStart')
		}
		const issue = validateSchedule(input.steps)[0]
		if (issue) {
			return refused(`steps[${issue.index}].${issue.field}`, SCHEDULE_MESSAGES[issue.code])
		}
		const startup = tx
			.select({ id: startups.id, name: startups.name })
			.from(startups)
			.where(eq(startups.id, input.startupId))
			.get()
		if (!startup) return refused('startupId', 'nursery:errors.unknownStartup')
		const unit = tx
			.select({ id: units.id, code: units.code })
			.from(units)
			.where(eq(units.id, input.unitId))
			.get()
		if (!unit) return refused('unitId', 'nursery:errors.unknownUnit')

		if (input.renewsLeaseId) {
			const old = tx.select().from(leases).where(eq(leases.id, input.renewsLeaseId)).get()
			if (!old || old.startupId !== startup.id || old.unitId !== unit.id) {
				return refused('', 'nursery:errors.renewalMismatch')
			}
			if (input.startDate <= old.startDate) {
				return refused('startDate', 'nursery:errors.renewalStart')
			}
			const newEnd = addDays(input.startDate, -1)
			if (old.endDate === null || old.endDate > newEnd) {
				tx.update(leases).set({ endDate: newEnd }).where(eq(leases.id, old.id)).run()
				recordAudit(tx, {
					userId: viewer.id,
					action: 'update',
					entity: 'lease',
					entityId: old.id,
					startupId: startup.id,
					verb: 'end',
					subject: { unit: unit.code },
					changes: { endDate: [old.endDate, newEnd] },
				})
			}
		}

		// checked after a renewal has ended the old lease: a refusal here undoes that too
		if (overlappingLease(tx, unit.id, input.startDate, input.endDate ?? null)) {
			return refused('startDate', 'nursery:errors.unitTaken')
		}
		const lease = tx
			.insert(leases)
			.values({
				startupId: startup.id,
				unitId: unit.id,
				startDate: input.startDate,
				endDate: input.endDate ?? null,
				monthlyRentCents: input.monthlyRent,
			})
			.returning()
			.get()
		for (const step of input.steps) {
			tx.insert(leaseSubsidySteps)
				.values({
					leaseId: lease.id,
					fromMonth: step.fromMonth,
					toMonth: step.toMonth,
					kind: step.kind,
					percentBasisPoints: step.kind === 'percent' ? step.percentBasisPoints : null,
					amountCents: step.kind === 'fixed' ? step.amountCents : null,
				})
				.run()
		}
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'lease',
			entityId: lease.id,
			startupId: startup.id,
			verb: input.renewsLeaseId ? 'renew' : undefined,
			subject: {
				unit: unit.code,
				startDate: input.startDate,
				monthlyRentCents: input.monthlyRent,
				steps: input.steps.length,
			},
			changes: input.endDate ? { endDate: [null, input.endDate] } : undefined,
		})
		return written(lease)
	})
}

/**
 * Ends a lease on a date (or moves its end). A later end must keep the unit free of other
 * leases; an end before statements already issued leaves them as they are — the statement
 * page then proposes the credit note that corrects them.
 */
export function endLease({ id, endDate, viewer }: { id: number; endDate: string; viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		const lease = tx.select().from(leases).where(eq(leases.id, id)).get()
		if (!lease) return null
		if (endDate < lease.startDate) return refused('endDate', 'nursery:errors.endBeforeStart')
		if (overlappingLease(tx, lease.unitId, lease.startDate, endDate, lease.id)) {
			return refused('endDate', 'nursery:errors.unitTaken')
		}
		if (lease.endDate === endDate) return written({ changed: false })
		tx.update(leases).set({ endDate }).where(eq(leases.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'lease',
			entityId: id,
			startupId: lease.startupId,
			verb: 'end',
			subject: { unit: unitCode(tx, lease.unitId) },
			changes: { endDate: [lease.endDate, endDate] },
		})
		return written({ changed: true })
	})
}

// ---------------------------------------------------------------- reading leases

const leaseColumns = {
	id: leases.id,
	startupId: leases.startupId,
	startupName: startups.name,
	unitId: leases.unitId,
	unitCode: units.code,
	unitKind: units.kind,
	unitFloor: units.floor,
	unitAreaM2: units.areaM2,
	startDate: leases.startDate,
	endDate: leases.endDate,
	monthlyRentCents: leases.monthlyRentCents,
}

/** A lease with its schedule and statements; null when absent or not the viewer's. */
export function getLease({ id, viewer }: { id: number; viewer: Viewer }) {
	const db = getDb()
	const lease = db
		.select(leaseColumns)
		.from(leases)
		.innerJoin(startups, eq(startups.id, leases.startupId))
		.innerJoin(units, eq(units.id, leases.unitId))
		.where(and(eq(leases.id, id), startupRows(viewer, 'read:lease', leases.startupId)))
		.get()
	if (!lease) return null
	const date = today()
	const running = lease.startDate <= date && (lease.endDate === null || lease.endDate >= date)
	// the next lease of the same startup on the same unit: this one was renewed
	const renewal =
		db
			.select({ id: leases.id, startDate: leases.startDate })
			.from(leases)
			.where(
				and(
					eq(leases.startupId, lease.startupId),
					eq(leases.unitId, lease.unitId),
					sql`${leases.startDate} > ${lease.startDate}`,
				),
			)
			.orderBy(asc(leases.startDate))
			.get() ?? null
	const steps = stepsByLease(db, [id]).get(id) ?? []
	const statements = listStatementsOfLease({ leaseId: id, viewer })
	// statements that bill more than the lease's terms now give (it was ended or renewed after
	// they were issued): each needs the credit note its page proposes
	const toCorrect = statements.rows
		.filter((s) => {
			const expected = computeStatement({
				monthlyRentCents: lease.monthlyRentCents,
				leaseStartDate: lease.startDate,
				leaseEndDate: lease.endDate,
				month: s.month,
				steps,
			})
			const net = s.rentCents - s.creditedSubsidyCents - s.creditedStartupCents
			return net > (expected?.rentCents ?? 0)
		})
		.map((s) => ({ id: s.id, month: s.month }))
	return {
		lease,
		steps,
		running,
		currentMonthIndex: running ? leaseMonthIndex(lease.startDate, monthOf(date)) : null,
		renewal,
		statements,
		toCorrect,
	}
}

/** Every lease of a startup, newest first, with its schedule. */
export function listLeasesOfStartup({ startupId, viewer }: { startupId: number; viewer: Viewer }) {
	const db = getDb()
	const rows = db
		.select(leaseColumns)
		.from(leases)
		.innerJoin(startups, eq(startups.id, leases.startupId))
		.innerJoin(units, eq(units.id, leases.unitId))
		.where(
			and(eq(leases.startupId, startupId), startupRows(viewer, 'read:lease', leases.startupId)),
		)
		.orderBy(desc(leases.startDate))
		.all()
	const steps = stepsByLease(
		db,
		rows.map((r) => r.id),
	)
	const date = today()
	return rows.map((lease) => {
		const running = lease.startDate <= date && (lease.endDate === null || lease.endDate >= date)
		return {
			...lease,
			steps: steps.get(lease.id) ?? [],
			running,
			currentMonthIndex: running ? leaseMonthIndex(lease.startDate, monthOf(date)) : null,
		}
	})
}

/**
 * What the renewal form starts from: same startup and unit, from the day after the lease
 * ends (or the first of next month for an open-ended one), same rent, and the schedule
 * continued where the lease stands (see shiftSchedule).
 */
export function getRenewalDraft({ leaseId, viewer }: { leaseId: number; viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return null
	const db = getDb()
	const lease = db.select().from(leases).where(eq(leases.id, leaseId)).get()
	if (!lease) return null
	const steps: SubsidyStep[] = stepsByLease(db, [leaseId]).get(leaseId) ?? []
	const date = today()
	const nextMonthFirst = firstDayOf(addMonths(monthOf(date), 1))
	let startDate = lease.endDate ? addDays(lease.endDate, 1) : nextMonthFirst
	if (startDate <= lease.startDate) startDate = addDays(lease.startDate, 1)
	const elapsed = leaseMonthIndex(lease.startDate, monthOf(startDate)) - 1
	return {
		renewsLeaseId: lease.id,
		startupId: lease.startupId,
		unitId: lease.unitId,
		startDate,
		monthlyRentCents: lease.monthlyRentCents,
		steps: shiftSchedule(steps, elapsed),
	}
}

/**
 * A startup's rent account: its leases with their schedules and its statements with what it
 * still owes. Managers open any; a founder only their own startup's (null otherwise).
 */
export function getRentAccount({ startupId, viewer }: { startupId: number; viewer: Viewer }) {
	if (!holdsOn(viewer, 'read:statement', startupId)) return null
	const startup = getDb()
		.select({ id: startups.id, name: startups.name })
		.from(startups)
		.where(eq(startups.id, startupId))
		.get()
	if (!startup) return null
	return {
		startup,
		leases: listLeasesOfStartup({ startupId, viewer }),
		statements: listStatementsOfStartup({ startupId, viewer }),
	}
}
