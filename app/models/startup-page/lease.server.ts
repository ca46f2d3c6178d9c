import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import { leases, leaseSubsidySteps, units } from '#db/schema/index'
import { holdsOn } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/clock'
import type { Viewer } from '../viewer'

/**
 * The startup page's unit-and-rent panel: running lease, its schedule, and what the startup
 * owes; null for whoever may not read the startup's lease (a mentor, a partner).
 * - balanceCents: unpaid startup share on statements already due (today or before);
 * - owedCents: unpaid startup share on every statement issued, due or not;
 * both net of credit notes, computed per statement as the rent page does.
 */
export function getLeaseAndBalance({ startupId, viewer }: { startupId: number; viewer: Viewer }) {
	if (!holdsOn(viewer, 'read:lease', startupId)) return null
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
	const statements = db.all<{
		id: number
		month: string
		dueOn: string
		startupShareCents: number
		outstandingCents: number
	}>(sql`
		SELECT s.id AS id, s.month AS month, s.due_on AS dueOn,
			s.startup_share_cents AS startupShareCents,
			s.startup_share_cents
				- (SELECT coalesce(sum(c.startup_share_cents), 0) FROM rent_statements c
					WHERE c.corrects_id = s.id AND c.kind = 'credit_note')
				- (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
					WHERE p.statement_id = s.id AND p.payer = 'startup') AS outstandingCents
		FROM rent_statements s
		JOIN leases l ON l.id = s.lease_id
		WHERE s.kind = 'statement' AND l.startup_id = ${startupId}
		ORDER BY s.month DESC, s.id DESC`)
	const unpaid = (list: typeof statements) => list.reduce((sum, s) => sum + s.outstandingCents, 0)
	return {
		lease,
		steps,
		balanceCents: unpaid(statements.filter((s) => s.dueOn <= date)),
		owedCents: unpaid(statements),
		recentStatements: statements.slice(0, 3),
	}
}
