import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import {
	leases,
	leaseSubsidySteps,
	payments,
	rentStatements,
	startups,
	units,
} from '#db/schema/index'
import type { CreditNoteInput, PaymentInput } from '~/schemas/nursery'
import { getDb, type Tx, writeTransaction } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { daysBetween, firstDayOf, lastDayOf } from '~/utils/calendar'
import { refused, written } from '~/utils/write-result'
import {
	AGEING_BUCKETS,
	type AgeingBucket,
	ageingBucket,
	computeStatement,
	dueDateFor,
	type SubsidyStep,
} from '~/utils/rent'
import { cachedRead } from '~/utils/read-cache.server'
import { recordAudit } from './audit.server'
import { mayManageNursery, statementRowsSql } from './nursery.server'
import type { Viewer } from './viewer'

/*
 * Rent statements, credit notes and payments. Amounts are integer cents and every balance is
 * computed in SQL from the rows: a statement's share, less the credit notes that correct it,
 * less what its payer paid against it. An issued statement is never updated.
 */

export type StatementRow = {
	id: number
	leaseId: number
	startupId: number
	startupName: string
	unitCode: string
	month: string
	rentCents: number
	subsidyCents: number
	startupShareCents: number
	issuedOn: string
	dueOn: string
	creditedSubsidyCents: number
	creditedStartupCents: number
	paidSubsidyCents: number
	paidStartupCents: number
	/** share − credit notes − payments, per payer */
	outstandingSubsidyCents: number
	outstandingStartupCents: number
}

/**
 * Statements (never credit notes) with their balances, cut to what the viewer may read.
 * `where` is raw SQL on the aliases s (rent_statements), l (leases), st (startups).
 */
function statementRows(
	db: Pick<Tx, 'all'>,
	viewer: Viewer,
	where: SQL,
	order?: SQL,
	/** on the balances (b.outstandingSubsidyCents…), after they are computed */
	outer?: SQL,
) {
	return db.all<StatementRow>(sql`
		SELECT b.*,
			b.subsidyCents - b.creditedSubsidyCents - b.paidSubsidyCents AS outstandingSubsidyCents,
			b.startupShareCents - b.creditedStartupCents - b.paidStartupCents AS outstandingStartupCents
		FROM (
			SELECT s.id AS id, s.lease_id AS leaseId, l.startup_id AS startupId, st.name AS startupName,
				u.code AS unitCode, s.month AS month, s.rent_cents AS rentCents,
				s.subsidy_cents AS subsidyCents, s.startup_share_cents AS startupShareCents,
				s.issued_on AS issuedOn, s.due_on AS dueOn,
				(SELECT coalesce(sum(c.subsidy_cents), 0) FROM rent_statements c
					WHERE c.corrects_id = s.id AND c.kind = 'credit_note') AS creditedSubsidyCents,
				(SELECT coalesce(sum(c.startup_share_cents), 0) FROM rent_statements c
					WHERE c.corrects_id = s.id AND c.kind = 'credit_note') AS creditedStartupCents,
				(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
					WHERE p.statement_id = s.id AND p.payer = 'cap_calaisis') AS paidSubsidyCents,
				(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
					WHERE p.statement_id = s.id AND p.payer = 'startup') AS paidStartupCents,
				st.sort_key AS sortName
			FROM rent_statements s
			JOIN leases l ON l.id = s.lease_id
			JOIN startups st ON st.id = l.startup_id
			JOIN units u ON u.id = l.unit_id
			WHERE s.kind = 'statement' AND (${statementRowsSql(viewer)}) AND (${where})
		) b
		${outer ? sql`WHERE ${outer}` : sql``}
		ORDER BY ${order ?? sql`b.month DESC, b.sortName, b.id`}`)
}

const strip = ({ sortName: _, ...row }: StatementRow & { sortName?: unknown }) =>
	row as StatementRow

export function sumRows<T>(rows: readonly T[], keys: readonly (keyof T)[]) {
	const totals = Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof T, number>
	for (const row of rows) for (const k of keys) totals[k] += row[k] as number
	return totals
}

export const STATEMENT_TOTAL_KEYS = [
	'rentCents',
	'subsidyCents',
	'startupShareCents',
	'creditedSubsidyCents',
	'creditedStartupCents',
	'paidSubsidyCents',
	'paidStartupCents',
	'outstandingSubsidyCents',
	'outstandingStartupCents',
] as const satisfies readonly (keyof StatementRow)[]

export function stepsByLease(db: Pick<Tx, 'select'>, leaseIds: number[]) {
	const map = new Map<number, SubsidyStep[]>()
	if (!leaseIds.length) return map
	const rows = db
		.select({
			leaseId: leaseSubsidySteps.leaseId,
			fromMonth: leaseSubsidySteps.fromMonth,
			toMonth: leaseSubsidySteps.toMonth,
			kind: leaseSubsidySteps.kind,
			percentBasisPoints: leaseSubsidySteps.percentBasisPoints,
			amountCents: leaseSubsidySteps.amountCents,
		})
		.from(leaseSubsidySteps)
		.where(inArray(leaseSubsidySteps.leaseId, leaseIds))
		.orderBy(asc(leaseSubsidySteps.fromMonth))
		.all()
	for (const { leaseId, ...step } of rows) {
		map.set(leaseId, [...(map.get(leaseId) ?? []), step])
	}
	return map
}

/** Leases that cover at least one day of the month. */
const leasesCovering = (month: string) =>
	and(
		lte(leases.startDate, lastDayOf(month)),
		or(isNull(leases.endDate), gte(leases.endDate, firstDayOf(month))),
	)

function runningLeases(db: Pick<Tx, 'select'>, month: string) {
	return db
		.select({
			id: leases.id,
			startupId: leases.startupId,
			startupName: startups.name,
			unitCode: units.code,
			startDate: leases.startDate,
			endDate: leases.endDate,
			monthlyRentCents: leases.monthlyRentCents,
		})
		.from(leases)
		.innerJoin(startups, eq(startups.id, leases.startupId))
		.innerJoin(units, eq(units.id, leases.unitId))
		.where(leasesCovering(month))
		.orderBy(asc(startups.sortKey), asc(leases.id))
		.all()
}

// ---------------------------------------------------------------- issuing a month

/**
 * Issues the month's statement of every lease that covers a day of it, in one transaction.
 * A lease that already has its statement for the month keeps it untouched (the partial
 * unique index on (lease_id, month) for kind = 'statement' makes the insert a no-op), so
 * issuing a month twice changes nothing.
 *
 * `confirmed` is what the manager was shown and confirmed (issued statements cannot be deleted):
 * how many statements and their total rent. When what would be issued now differs (a lease
 * signed or issued meanwhile), nothing is issued and the refusal asks to confirm again.
 */
export function issueMonth({
	month,
	viewer,
	confirmed,
}: {
	month: string
	viewer: Viewer
	confirmed?: { count: number; rentCents: number }
}) {
	if (!mayManageNursery(viewer)) return null
	const issuedOn = today()
	const dueOn = dueDateFor(month, issuedOn)
	return writeTransaction((tx) => {
		const running = runningLeases(tx, month)
		const steps = stepsByLease(
			tx,
			running.map((l) => l.id),
		)
		let created = 0
		let createdRentCents = 0
		for (const lease of running) {
			const amounts = computeStatement({
				monthlyRentCents: lease.monthlyRentCents,
				leaseStartDate: lease.startDate,
				leaseEndDate: lease.endDate,
				month,
				steps: steps.get(lease.id) ?? [],
			})
			if (!amounts) continue
			const row = tx
				.insert(rentStatements)
				.values({
					leaseId: lease.id,
					month,
					kind: 'statement',
					rentCents: amounts.rentCents,
					subsidyCents: amounts.subsidyCents,
					startupShareCents: amounts.startupShareCents,
					issuedOn,
					dueOn,
					issuedBy: viewer.id,
				})
				// an upsert's DO NOTHING skips uniqueness conflicts only (never a CHECK): the one
				// possible here is the partial unique index (lease_id, month) WHERE kind = 'statement'.
				// (drizzle 0.45 prints a target's WHERE after DO NOTHING, which SQLite rejects.)
				.onConflictDoNothing()
				.returning({ id: rentStatements.id })
				.get()
			if (!row) continue
			created++
			createdRentCents += amounts.rentCents
			recordAudit(tx, {
				userId: viewer.id,
				action: 'create',
				entity: 'rent_statement',
				entityId: row.id,
				startupId: lease.startupId,
				subject: {
					month,
					unit: lease.unitCode,
					rentCents: amounts.rentCents,
					subsidyCents: amounts.subsidyCents,
					startupShareCents: amounts.startupShareCents,
				},
			})
		}
		if (confirmed && (confirmed.count !== created || confirmed.rentCents !== createdRentCents)) {
			return refused('expected', 'nursery:errors.pendingChanged')
		}
		return written({ created, alreadyIssued: running.length - created })
	})
}

/** A month's statements with their balances, and the leases that issuing it would bill. */
export function getMonth({ month, viewer }: { month: string; viewer: Viewer }) {
	if (!mayManageNursery(viewer)) return null
	const db = getDb()
	const rows = statementRows(db, viewer, sql`s.month = ${month}`).map(strip)
	const issued = new Set(rows.map((r) => r.leaseId))
	const pendingLeases = runningLeases(db, month).filter((l) => !issued.has(l.id))
	const steps = stepsByLease(
		db,
		pendingLeases.map((l) => l.id),
	)
	const pending = pendingLeases.flatMap((lease) => {
		const amounts = computeStatement({
			monthlyRentCents: lease.monthlyRentCents,
			leaseStartDate: lease.startDate,
			leaseEndDate: lease.endDate,
			month,
			steps: steps.get(lease.id) ?? [],
		})
		return amounts
			? [
					{
						leaseId: lease.id,
						startupName: lease.startupName,
						unitCode: lease.unitCode,
						...amounts,
					},
				]
			: []
	})
	return {
		rows,
		totals: sumRows(rows, STATEMENT_TOTAL_KEYS),
		pending,
		pendingTotals: sumRows(pending, ['rentCents', 'subsidyCents', 'startupShareCents']),
	}
}

// ---------------------------------------------------------------- one statement

export function listStatementsOfLease({ leaseId, viewer }: { leaseId: number; viewer: Viewer }) {
	const rows = statementRows(getDb(), viewer, sql`s.lease_id = ${leaseId}`).map(strip)
	return { rows, totals: sumRows(rows, STATEMENT_TOTAL_KEYS) }
}

/**
 * A startup's statements, newest first, with what it still owes: everything issued and unpaid
 * (`owedCents`), of which what is already due (`overdueCents`).
 */
export function listStatementsOfStartup({
	startupId,
	viewer,
}: {
	startupId: number
	viewer: Viewer
}) {
	const date = today()
	const rows = statementRows(getDb(), viewer, sql`l.startup_id = ${startupId}`).map(strip)
	const totals = sumRows(rows, STATEMENT_TOTAL_KEYS)
	const overdueCents = rows
		.filter((r) => r.dueOn <= date)
		.reduce((sum, r) => sum + r.outstandingStartupCents, 0)
	return { rows, totals, owedCents: totals.outstandingStartupCents, overdueCents, asOf: date }
}

export function getStatement({ id, viewer }: { id: number; viewer: Viewer }) {
	const db = getDb()
	const row = statementRows(db, viewer, sql`s.id = ${id}`).map(strip)[0]
	if (!row) return null
	const lease = db
		.select({
			id: leases.id,
			startDate: leases.startDate,
			endDate: leases.endDate,
			monthlyRentCents: leases.monthlyRentCents,
			startupLegalName: startups.legalName,
			siren: startups.siren,
			companiesHouseNumber: startups.companiesHouseNumber,
			unitKind: units.kind,
			unitFloor: units.floor,
			unitArea: units.areaM2,
		})
		.from(leases)
		.innerJoin(startups, eq(startups.id, leases.startupId))
		.innerJoin(units, eq(units.id, leases.unitId))
		.where(eq(leases.id, row.leaseId))
		.get()!
	const steps = stepsByLease(db, [lease.id]).get(lease.id) ?? []
	const creditNotes = db
		.select({
			id: rentStatements.id,
			rentCents: rentStatements.rentCents,
			subsidyCents: rentStatements.subsidyCents,
			startupShareCents: rentStatements.startupShareCents,
			issuedOn: rentStatements.issuedOn,
		})
		.from(rentStatements)
		.where(and(eq(rentStatements.correctsId, id), eq(rentStatements.kind, 'credit_note')))
		.orderBy(asc(rentStatements.id))
		.all()
	const paymentRows = db
		.select({
			id: payments.id,
			payer: payments.payer,
			amountCents: payments.amountCents,
			paidOn: payments.paidOn,
			reference: payments.reference,
		})
		.from(payments)
		.where(eq(payments.statementId, id))
		.orderBy(asc(payments.paidOn), asc(payments.id))
		.all()
	// what the lease's terms give today: differs from the statement once the lease was ended early
	const expected = computeStatement({
		monthlyRentCents: lease.monthlyRentCents,
		leaseStartDate: lease.startDate,
		leaseEndDate: lease.endDate,
		month: row.month,
		steps,
	})
	const netSubsidy = row.subsidyCents - row.creditedSubsidyCents
	const netStartup = row.startupShareCents - row.creditedStartupCents
	const suggestedCredit = {
		subsidyCents: Math.max(
			0,
			Math.min(netSubsidy - (expected?.subsidyCents ?? 0), row.outstandingSubsidyCents),
		),
		startupCents: Math.max(
			0,
			Math.min(netStartup - (expected?.startupShareCents ?? 0), row.outstandingStartupCents),
		),
	}
	// the period billed, when the lease's dates still give the amount on the statement
	const period =
		expected && expected.rentCents === row.rentCents
			? {
					from: lease.startDate > firstDayOf(row.month) ? lease.startDate : firstDayOf(row.month),
					to:
						lease.endDate && lease.endDate < lastDayOf(row.month)
							? lease.endDate
							: lastDayOf(row.month),
					daysOccupied: expected.daysOccupied,
					daysInMonth: expected.daysInMonth,
				}
			: null
	return {
		statement: row,
		lease,
		steps,
		creditNotes,
		payments: paymentRows,
		paymentTotals: {
			startup: paymentRows
				.filter((p) => p.payer === 'startup')
				.reduce((s, p) => s + p.amountCents, 0),
			capCalaisis: paymentRows
				.filter((p) => p.payer === 'cap_calaisis')
				.reduce((s, p) => s + p.amountCents, 0),
		},
		suggestedCredit,
		period,
	}
}

// ---------------------------------------------------------------- payments and credit notes

function lockedStatement(tx: Tx, id: number, viewer: Viewer) {
	return statementRows(tx, viewer, sql`s.id = ${id}`).map(strip)[0] ?? null
}

/**
 * A payment against one payer's share. It may not exceed what that share still owes (net of
 * credit notes and earlier payments), checked inside the write transaction: there is no
 * overpayment record in the schema, so an overpayment is refused, never stored.
 */
export function recordPayment({
	statementId,
	input,
	viewer,
}: {
	statementId: number
	input: Omit<PaymentInput, 'intent'>
	viewer: Viewer
}) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		const row = lockedStatement(tx, statementId, viewer)
		if (!row) return null
		if (input.paidOn > today()) return refused('paidOn', 'nursery:errors.paidInFuture')
		if (input.paidOn < row.issuedOn) {
			return refused('paidOn', 'nursery:errors.paidBeforeIssue')
		}
		const outstanding =
			input.payer === 'startup' ? row.outstandingStartupCents : row.outstandingSubsidyCents
		if (outstanding <= 0) return refused('amount', 'nursery:errors.nothingDue')
		if (input.amount > outstanding) return refused('amount', 'nursery:errors.overpayment')
		const payment = tx
			.insert(payments)
			.values({
				statementId,
				payer: input.payer,
				amountCents: input.amount,
				paidOn: input.paidOn,
				reference: input.reference ?? null,
				recordedBy: viewer.id,
			})
			.returning()
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'payment',
			entityId: payment.id,
			startupId: row.startupId,
			subject: {
				payer: input.payer,
				amountCents: input.amount,
				month: row.month,
				paidOn: input.paidOn,
			},
		})
		return written({ payment, remainingCents: outstanding - input.amount })
	})
}

/**
 * A credit note cancels part of a statement, share by share; the statement itself stays as
 * issued. It may only cancel what is still unpaid on each share: money already received would
 * need a refund, which this tool does not record.
 */
export function issueCreditNote({
	statementId,
	input,
	viewer,
}: {
	statementId: number
	input: Omit<CreditNoteInput, 'intent'>
	viewer: Viewer
}) {
	if (!mayManageNursery(viewer)) return null
	return writeTransaction((tx) => {
		const row = lockedStatement(tx, statementId, viewer)
		if (!row) return null
		if (input.subsidyAmount > Math.max(0, row.outstandingSubsidyCents)) {
			return refused('subsidyAmount', 'nursery:errors.creditAboveUnpaid')
		}
		if (input.startupAmount > Math.max(0, row.outstandingStartupCents)) {
			return refused('startupAmount', 'nursery:errors.creditAboveUnpaid')
		}
		if (input.subsidyAmount + input.startupAmount === 0) {
			return refused('startupAmount', 'nursery:errors.creditNoteEmpty')
		}
		const issuedOn = today()
		const note = tx
			.insert(rentStatements)
			.values({
				leaseId: row.leaseId,
				month: row.month,
				kind: 'credit_note',
				correctsId: row.id,
				rentCents: input.subsidyAmount + input.startupAmount,
				subsidyCents: input.subsidyAmount,
				startupShareCents: input.startupAmount,
				issuedOn,
				// it falls due with the statement it corrects, so balances "as of" a date agree
				dueOn: row.dueOn > issuedOn ? row.dueOn : issuedOn,
				issuedBy: viewer.id,
			})
			.returning()
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'credit_note',
			entityId: note.id,
			startupId: row.startupId,
			subject: {
				month: row.month,
				subsidyCents: input.subsidyAmount,
				startupShareCents: input.startupAmount,
				reason: input.reason,
			},
		})
		return written(note)
	})
}

// ---------------------------------------------------------------- arrears

export type Payer = 'startup' | 'cap_calaisis'
type Buckets = Record<AgeingBucket, number>

const emptyBuckets = (): Buckets => Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Buckets

/**
 * What is due and unpaid on statements whose due date has come (the due date itself is day 0),
 * per startup and per payer, aged 0–30, 31–60, 61–90 and 90+ days past due. Totals are sums
 * of the rows above them.
 */
export function getArrears({
	viewer,
	asOf = today(),
	page = { page: 1, perPage: Number.MAX_SAFE_INTEGER },
	debtorsPage,
}: {
	viewer: Viewer
	asOf?: string
	/** the page of the statements list; the ageing tables always add up every statement */
	page?: { page: number; perPage: number }
	/** the page of who owes what (DEBTORS_PER_PAGE each; past the end, the last); all without it */
	debtorsPage?: number
}) {
	if (!mayManageNursery(viewer)) return null
	// every statement due is looked at, and only the unpaid ones come out: kept until the next
	// write to the database (the nursery's books change when a payment is recorded)
	const arrears = cachedRead(`arrears:${asOf}:${viewer.role}:${viewer.startupId}`, () =>
		computeArrears(viewer, asOf),
	)
	const offset = (page.page - 1) * page.perPage
	const debtorCount = arrears.rows.length
	const debtorPageCount = Math.max(1, Math.ceil(debtorCount / DEBTORS_PER_PAGE))
	const debtors = Math.min(Math.max(1, debtorsPage ?? 1), debtorPageCount)
	return {
		...arrears,
		rows:
			debtorsPage === undefined
				? arrears.rows
				: arrears.rows.slice((debtors - 1) * DEBTORS_PER_PAGE, debtors * DEBTORS_PER_PAGE),
		debtors: { page: debtors, pageCount: debtorPageCount, total: debtorCount },
		statements: arrears.statements.slice(offset, offset + page.perPage),
		statementCount: arrears.statements.length,
	}
}

/** Who owes what, a page at a time: a network has hundreds of debtors. */
export const DEBTORS_PER_PAGE = 25

function computeArrears(viewer: Viewer, asOf: string) {
	const statements = statementRows(
		getDb(),
		viewer,
		sql`s.due_on <= ${asOf}`,
		sql`b.sortName, b.month, b.id`,
		sql`b.subsidyCents - b.creditedSubsidyCents - b.paidSubsidyCents > 0
			OR b.startupShareCents - b.creditedStartupCents - b.paidStartupCents > 0`,
	)
		.map(strip)
		.flatMap((s) => {
			const daysPastDue = daysBetween(s.dueOn, asOf)
			const bucket = ageingBucket(daysPastDue)
			return (
				[
					['startup', s.outstandingStartupCents],
					['cap_calaisis', s.outstandingSubsidyCents],
				] as const
			)
				.filter(([, cents]) => cents > 0)
				.map(([payer, cents]) => ({
					statementId: s.id,
					startupId: s.startupId,
					startupName: s.startupName,
					month: s.month,
					dueOn: s.dueOn,
					daysPastDue,
					bucket,
					payer: payer as Payer,
					cents,
				}))
		})

	const byKey = new Map<
		string,
		{ startupId: number; startupName: string; payer: Payer; buckets: Buckets; totalCents: number }
	>()
	for (const s of statements) {
		const key = `${s.startupId}:${s.payer}`
		let row = byKey.get(key)
		if (!row) {
			row = {
				startupId: s.startupId,
				startupName: s.startupName,
				payer: s.payer,
				buckets: emptyBuckets(),
				totalCents: 0,
			}
			byKey.set(key, row)
		}
		row.buckets[s.bucket] += s.cents
		row.totalCents += s.cents
	}
	const rows = [...byKey.values()]
	const totalOf = (list: typeof rows) => {
		const buckets = emptyBuckets()
		for (const r of list) for (const b of AGEING_BUCKETS) buckets[b] += r.buckets[b]
		return { buckets, totalCents: list.reduce((sum, r) => sum + r.totalCents, 0) }
	}
	const byPayer = (['startup', 'cap_calaisis'] as const).map((payer) => ({
		payer,
		...totalOf(rows.filter((r) => r.payer === payer)),
	}))
	return { asOf, rows, byPayer, total: totalOf(rows), statements }
}

// ---------------------------------------------------------------- exports

/** Statements and credit notes of a period, for the accountant. */
export function listStatementsForExport({
	viewer,
	from,
	to,
}: {
	viewer: Viewer
	from: string
	to: string
}) {
	if (!mayManageNursery(viewer)) return []
	return getDb().all<{
		id: number
		kind: 'statement' | 'credit_note'
		correctsId: number | null
		month: string
		startupName: string
		unitCode: string
		leaseId: number
		rentCents: number
		subsidyCents: number
		startupShareCents: number
		issuedOn: string
		dueOn: string
		paidSubsidyCents: number
		paidStartupCents: number
	}>(sql`
		SELECT s.id AS id, s.kind AS kind, s.corrects_id AS correctsId, s.month AS month,
			st.name AS startupName, u.code AS unitCode, s.lease_id AS leaseId,
			s.rent_cents AS rentCents, s.subsidy_cents AS subsidyCents,
			s.startup_share_cents AS startupShareCents, s.issued_on AS issuedOn, s.due_on AS dueOn,
			(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
				WHERE p.statement_id = s.id AND p.payer = 'cap_calaisis') AS paidSubsidyCents,
			(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
				WHERE p.statement_id = s.id AND p.payer = 'startup') AS paidStartupCents
		FROM rent_statements s
		JOIN leases l ON l.id = s.lease_id
		JOIN startups st ON st.id = l.startup_id
		JOIN units u ON u.id = l.unit_id
		WHERE s.month BETWEEN ${from} AND ${to} AND (${statementRowsSql(viewer)})
		ORDER BY s.month, st.sort_key, s.id`)
}

/** Payments received over a period (by payment date), for the accountant. */
export function listPaymentsForExport({
	viewer,
	from,
	to,
}: {
	viewer: Viewer
	from: string
	to: string
}) {
	if (!mayManageNursery(viewer)) return []
	return getDb().all<{
		id: number
		paidOn: string
		payer: Payer
		amountCents: number
		reference: string | null
		statementId: number
		month: string
		startupName: string
		unitCode: string
	}>(sql`
		SELECT p.id AS id, p.paid_on AS paidOn, p.payer AS payer, p.amount_cents AS amountCents,
			p.reference AS reference, s.id AS statementId, s.month AS month,
			st.name AS startupName, u.code AS unitCode
		FROM payments p
		JOIN rent_statements s ON s.id = p.statement_id
		JOIN leases l ON l.id = s.lease_id
		JOIN startups st ON st.id = l.startup_id
		JOIN units u ON u.id = l.unit_id
		WHERE p.paid_on BETWEEN ${from} AND ${to} AND (${statementRowsSql(viewer)})
		ORDER BY p.paid_on, p.id`)
}
