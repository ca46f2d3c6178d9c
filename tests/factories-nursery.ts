/*
 * Helpers for the nursery's tests: viewers made from real users (the audit log references
 * them), and leases on a fresh unit with a given schedule.
 */
import { asc, eq } from 'drizzle-orm'
import { auditLog, payments, rentStatements } from '#db/schema/index'
import type { Viewer } from '~/models/viewer'
import { getDb } from '~/utils/db.server'
import type { SubsidyStep } from '~/utils/rent'
import { createLease, createStartup, createUnit, createUser } from './factories'

export function viewerOf(user: {
	id: number
	role: Viewer['role']
	startupId: number | null
	mentorId: number | null
}): Viewer {
	return { id: user.id, role: user.role, startupId: user.startupId, mentorId: user.mentorId }
}

export function managerViewer() {
	return viewerOf(createUser({ role: 'manager' }))
}

export function founderViewer(startupId: number) {
	return viewerOf(createUser({ role: 'founder', startupId }))
}

/** A lease on a unit of its own (so that it never clashes with another test's). */
export function leaseOn({
	start,
	end = null,
	rent = 45_000,
	steps,
	startupId,
	startupName,
}: {
	start: string
	end?: string | null
	rent?: number
	steps?: readonly SubsidyStep[]
	startupId?: number
	startupName?: string
}) {
	const sid = startupId ?? createStartup(startupName ? { name: startupName } : {}).id
	const unit = createUnit()
	return createLease({
		startupId: sid,
		unitId: unit.id,
		startDate: start,
		endDate: end,
		monthlyRentCents: rent,
		...(steps ? { steps } : {}),
	})
}

export function statementsOf(leaseId: number) {
	return getDb()
		.select()
		.from(rentStatements)
		.where(eq(rentStatements.leaseId, leaseId))
		.orderBy(asc(rentStatements.id))
		.all()
}

export function paymentsOf(statementId: number) {
	return getDb()
		.select()
		.from(payments)
		.where(eq(payments.statementId, statementId))
		.orderBy(asc(payments.id))
		.all()
}

export function auditCount() {
	return getDb().select().from(auditLog).all().length
}

export const percentStep = (
	fromMonth: number,
	toMonth: number | null,
	bp: number,
): SubsidyStep => ({
	fromMonth,
	toMonth,
	kind: 'percent',
	percentBasisPoints: bp,
	amountCents: null,
})

export const fixedStep = (
	fromMonth: number,
	toMonth: number | null,
	amountCents: number,
): SubsidyStep => ({ fromMonth, toMonth, kind: 'fixed', percentBasisPoints: null, amountCents })
