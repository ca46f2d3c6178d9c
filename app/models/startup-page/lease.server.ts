import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import { leases, leaseSubsidySteps, payments, rentStatements, units } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/dates'

/** The startup page's unit-and-rent panel: running lease, its schedule, what the startup owes. */
export function getLeaseAndBalance(startupId: number) {
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
