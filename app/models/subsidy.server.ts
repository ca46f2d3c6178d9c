import { asc, eq, sql } from 'drizzle-orm'
import { leases, startups, subsidyBudgets } from '#db/schema/index'
import type { BudgetInput } from '~/schemas/nursery'
import { getDb, writeTransaction } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { can } from '~/utils/permissions'
import { unissuedSubsidyForYear } from '~/utils/rent'
import { written } from '~/utils/write-result'
import { diffFields, recordAudit } from './audit.server'
import { mayManageNursery } from './nursery.server'
import { stepsByLease } from './statement.server'
import type { Viewer } from './viewer'
import { compareNames } from '~/utils/sort-key'

/*
 * Cap Calaisis's rent subsidy, year by year:
 * - committed = the subsidy share of the statements of the year's months, less the credit
 *   notes that correct them;
 * - scheduled = what the schedules will still cost that year: for every lease, every month of
 *   the year it covers and that has no statement yet, the subsidy computeStatement gives;
 * - forecast = committed + scheduled, compared with the budget Cap Calaisis voted.
 * Only totals per startup name: no payment, no person. Partners read it too.
 */

export type SubsidyStartupRow = {
	startupId: number
	startupName: string
	committedCents: number
	scheduledCents: number
	forecastCents: number
}

export type SubsidyYear = {
	year: number
	budgetId: number | null
	budgetCents: number | null
	votedOn: string | null
	note: string | null
	committedCents: number
	scheduledCents: number
	forecastCents: number
	/** budget − forecast; negative when the forecast passes the budget */
	marginCents: number | null
	overBudget: boolean
	startups: SubsidyStartupRow[]
}

export const mayReadSubsidy = (viewer: Viewer) => can(viewer, 'read:subsidy:any')

/** Every year with a budget or a statement, and the current one; newest first. */
export function getSubsidyOverview({ viewer }: { viewer: Viewer }): SubsidyYear[] | null {
	if (!mayReadSubsidy(viewer)) return null
	const db = getDb()
	const currentYear = Number(today().slice(0, 4))

	const committed = db.all<{ year: number; startupId: number; cents: number }>(sql`
		SELECT CAST(substr(s.month, 1, 4) AS INTEGER) AS year, l.startup_id AS startupId,
			sum(CASE s.kind WHEN 'credit_note' THEN -s.subsidy_cents ELSE s.subsidy_cents END) AS cents
		FROM rent_statements s
		JOIN leases l ON l.id = s.lease_id
		GROUP BY year, l.startup_id`)
	const budgets = db
		.select({
			id: subsidyBudgets.id,
			year: subsidyBudgets.year,
			amountCents: subsidyBudgets.amountCents,
			votedOn: subsidyBudgets.votedOn,
			note: subsidyBudgets.note,
		})
		.from(subsidyBudgets)
		.orderBy(asc(subsidyBudgets.year))
		.all()
	const leaseRows = db
		.select({
			id: leases.id,
			startupId: leases.startupId,
			startDate: leases.startDate,
			endDate: leases.endDate,
			monthlyRentCents: leases.monthlyRentCents,
		})
		.from(leases)
		.all()
	const names = new Map(
		db
			.select({ id: startups.id, name: startups.name })
			.from(startups)
			.all()
			.map((s) => [s.id, s.name]),
	)
	const issued = new Map<number, Set<string>>()
	for (const s of db.all<{ leaseId: number; month: string }>(
		sql`SELECT s.lease_id AS leaseId, s.month AS month FROM rent_statements s WHERE s.kind = 'statement'`,
	)) {
		let set = issued.get(s.leaseId)
		if (!set) issued.set(s.leaseId, (set = new Set()))
		set.add(s.month)
	}
	const steps = stepsByLease(
		db,
		leaseRows.map((l) => l.id),
	)

	const years = new Set<number>([currentYear, ...budgets.map((b) => b.year)])
	for (const c of committed) years.add(c.year)

	// (year, startup) → amounts
	const cells = new Map<string, SubsidyStartupRow & { year: number }>()
	const cell = (year: number, startupId: number) => {
		const key = `${year}:${startupId}`
		let row = cells.get(key)
		if (!row) {
			row = {
				year,
				startupId,
				startupName: names.get(startupId) ?? '',
				committedCents: 0,
				scheduledCents: 0,
				forecastCents: 0,
			}
			cells.set(key, row)
		}
		return row
	}
	for (const c of committed) cell(c.year, c.startupId).committedCents += c.cents
	for (const year of years) {
		for (const lease of leaseRows) {
			// only leases that cover a day of the year
			if (lease.startDate > `${year}-12-31`) continue
			if (lease.endDate !== null && lease.endDate < `${year}-01-01`) continue
			const cents = unissuedSubsidyForYear({
				lease,
				steps: steps.get(lease.id) ?? [],
				year,
				issuedMonths: issued.get(lease.id) ?? new Set(),
			})
			if (cents > 0) cell(year, lease.startupId).scheduledCents += cents
		}
	}

	const byYear = new Map<number, SubsidyStartupRow[]>()
	for (const { year, ...row } of cells.values()) {
		row.forecastCents = row.committedCents + row.scheduledCents
		if (row.committedCents === 0 && row.scheduledCents === 0) continue
		byYear.set(year, [...(byYear.get(year) ?? []), row])
	}

	return [...years]
		.sort((a, b) => b - a)
		.map((year) => {
			const rows = (byYear.get(year) ?? []).sort((a, b) =>
				compareNames(a.startupName, b.startupName),
			)
			// the year's totals are the sums of its startups' rows, to the cent
			const committedCents = rows.reduce((s, r) => s + r.committedCents, 0)
			const scheduledCents = rows.reduce((s, r) => s + r.scheduledCents, 0)
			const forecastCents = committedCents + scheduledCents
			const budget = budgets.find((b) => b.year === year)
			return {
				year,
				budgetId: budget?.id ?? null,
				budgetCents: budget?.amountCents ?? null,
				votedOn: budget?.votedOn ?? null,
				note: budget?.note ?? null,
				committedCents,
				scheduledCents,
				forecastCents,
				marginCents: budget ? budget.amountCents - forecastCents : null,
				overBudget: budget ? forecastCents > budget.amountCents : false,
				startups: rows,
			}
		})
}

/** Sets the budget Cap Calaisis voted for a year: creates it, or changes the year's one. */
export function saveSubsidyBudget({
	input,
	viewer,
}: {
	input: Omit<BudgetInput, 'intent'>
	viewer: Viewer
}) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		const values = {
			amountCents: input.amount,
			votedOn: input.votedOn ?? null,
			note: input.note ?? null,
		}
		const before = tx
			.select({
				id: subsidyBudgets.id,
				amountCents: subsidyBudgets.amountCents,
				votedOn: subsidyBudgets.votedOn,
				note: subsidyBudgets.note,
			})
			.from(subsidyBudgets)
			.where(eq(subsidyBudgets.year, input.year))
			.get()
		if (!before) {
			const budget = tx
				.insert(subsidyBudgets)
				.values({ year: input.year, ...values })
				.returning()
				.get()
			recordAudit(tx, {
				userId: viewer.id,
				action: 'create',
				entity: 'subsidy_budget',
				entityId: budget.id,
				subject: { year: String(input.year), amountCents: input.amount },
			})
			return written({ created: true, changed: true })
		}
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ created: false, changed: false })
		tx.update(subsidyBudgets).set(values).where(eq(subsidyBudgets.id, before.id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'subsidy_budget',
			entityId: before.id,
			subject: { year: String(input.year) },
			changes,
		})
		return written({ created: false, changed: true })
	})
}
