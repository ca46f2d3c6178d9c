import { eq } from 'drizzle-orm'
import { auditLog, rentStatements } from '#db/schema/index'
import { createPayment, createStatement } from '#tests/factories'
import {
	auditCount,
	founderViewer,
	leaseOn,
	managerViewer,
	paymentsOf,
	statementsOf,
} from '#tests/factories-nursery'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { addDays } from '~/utils/calendar'
import { DEFAULT_SCHEDULES, dueDateFor } from '~/utils/rent'
import { endLease, getLease } from './lease.server'
import {
	getArrears,
	getMonth,
	getStatement,
	issueCreditNote,
	issueMonth,
	listStatementsOfStartup,
	recordPayment,
} from './statement.server'
import { activityText } from '#tests/activity'

const date = today()

describe('issuing a month', () => {
	test('one prorated statement per lease covering the month, none for the others', () => {
		const manager = managerViewer()
		const midMonth = leaseOn({ start: '2031-09-16', rent: 45_000, end: '2031-12-31' })
		const full = leaseOn({
			start: '2030-01-01',
			rent: 58_735,
			steps: DEFAULT_SCHEDULES.acceleration,
			end: '2031-12-31',
		})
		const endedBefore = leaseOn({ start: '2030-01-01', end: '2031-08-31' })
		const startsAfter = leaseOn({ start: '2031-10-01', end: '2031-12-31' })

		const result = issueMonth({ month: '2031-09', viewer: manager })
		expect(result).toEqual({ ok: true, value: { created: 2, alreadyIssued: 0 } })

		// 15 days of 30 at 450,00 € → 225,00 €, month 1 at 50 % → 112,50 / 112,50
		expect(statementsOf(midMonth.id)).toEqual([
			expect.objectContaining({
				month: '2031-09',
				kind: 'statement',
				rentCents: 22_500,
				subsidyCents: 11_250,
				startupShareCents: 11_250,
				issuedOn: date,
				dueOn: dueDateFor('2031-09', date),
				issuedBy: manager.id,
			}),
		])
		// month 21 of an acceleration lease: no subsidy any more
		expect(statementsOf(full.id)).toEqual([
			expect.objectContaining({ rentCents: 58_735, subsidyCents: 0, startupShareCents: 58_735 }),
		])
		expect(statementsOf(endedBefore.id)).toEqual([])
		expect(statementsOf(startsAfter.id)).toEqual([])
		// each statement is on its startup's timeline
		const audit = getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'rent_statement'))
			.all()
			.filter((a) => a.startupId === midMonth.startupId)
		expect(audit).toHaveLength(1)
		expect(activityText(audit[0], 'fr')).toMatch(
			/^a émis l'avis d'échéance de septembre 2031 \(local .+\)\u202f: loyer 225,00\u202f€, Cap Calaisis 112,50\u202f€, startup 112,50\u202f€$/,
		)
	})

	test('issuing the same month twice changes nothing', () => {
		const manager = managerViewer()
		const lease = leaseOn({ start: '2032-03-01', end: '2032-12-31' })
		issueMonth({ month: '2032-04', viewer: manager })
		const before = statementsOf(lease.id)
		const audits = auditCount()

		expect(issueMonth({ month: '2032-04', viewer: manager })).toEqual({
			ok: true,
			value: { created: 0, alreadyIssued: 1 },
		})
		expect(statementsOf(lease.id)).toEqual(before)
		expect(auditCount()).toBe(audits)
	})

	test('the database itself refuses a second statement for a lease and month', () => {
		const lease = leaseOn({ start: '2032-06-01', end: '2032-12-31' })
		createStatement({ leaseId: lease.id, month: '2032-06' })
		expect(() => createStatement({ leaseId: lease.id, month: '2032-06' })).toThrow(/UNIQUE/)
	})

	test('an issued statement is not rewritten when the lease changes; the page proposes a credit note', () => {
		const manager = managerViewer()
		const lease = leaseOn({ start: '2033-01-01', rent: 60_000, end: '2033-12-31' })
		issueMonth({ month: '2033-03', viewer: manager })
		const [issued] = statementsOf(lease.id)
		expect(issued).toMatchObject({ rentCents: 60_000, subsidyCents: 30_000 })

		// the startup leaves on 10 March: the statement stays, the detail shows the correction
		expect(endLease({ id: lease.id, endDate: '2033-03-10', viewer: manager })?.ok).toBe(true)
		issueMonth({ month: '2033-03', viewer: manager })
		expect(statementsOf(lease.id)).toEqual([issued])
		const detail = getStatement({ id: issued!.id, viewer: manager })!
		// 10/31 of 600,00 € = 193,55 €; 50 % of it rounds half up to 96,78 for Cap Calaisis, 96,77
		// for the startup → credits of 203,22 and 203,23
		expect(detail.suggestedCredit).toEqual({
			subsidyCents: 30_000 - 9_678,
			startupCents: 30_000 - 9_677,
		})
		expect(detail.period).toBeNull()
		// the lease page lists it until the proposed credit note is issued
		expect(getLease({ id: lease.id, viewer: manager })!.toCorrect).toEqual([
			{ id: issued!.id, month: '2033-03' },
		])
		issueCreditNote({
			statementId: issued!.id,
			input: {
				subsidyAmount: detail.suggestedCredit.subsidyCents,
				startupAmount: detail.suggestedCredit.startupCents,
				reason: 'Départ le 10 mars',
			},
			viewer: manager,
		})
		expect(getStatement({ id: issued!.id, viewer: manager })!.statement).toMatchObject({
			outstandingSubsidyCents: 9_678,
			outstandingStartupCents: 9_677,
		})
		expect(getLease({ id: lease.id, viewer: manager })!.toCorrect).toEqual([])
	})

	test('the month view lists what issuing would bill, and its totals are sums of its rows', () => {
		const manager = managerViewer()
		const a = leaseOn({
			start: '2034-02-10',
			rent: 45_000,
			startupName: 'Alpha Quai',
			end: '2034-12-31',
		})
		const b = leaseOn({
			start: '2034-01-01',
			rent: 14_500,
			startupName: 'Beta Dunes',
			end: '2034-12-31',
		})
		createStatement({ leaseId: b.id, month: '2034-02' })

		const month = getMonth({ month: '2034-02', viewer: manager })!
		expect(month.pending.map((p) => p.leaseId)).toEqual([a.id])
		// 19 days of 28
		expect(month.pending[0]).toMatchObject({ rentCents: 30_536, daysOccupied: 19, daysInMonth: 28 })
		expect(month.rows.map((r) => r.leaseId)).toEqual([b.id])
		for (const key of ['rentCents', 'subsidyCents', 'outstandingStartupCents'] as const) {
			expect(month.totals[key]).toBe(month.rows.reduce((s, r) => s + r[key], 0))
		}
	})
})

describe('payments', () => {
	function issued(start = '2035-01-01') {
		const manager = managerViewer()
		const lease = leaseOn({ start, rent: 45_000, end: `${start.slice(0, 4)}-12-31` })
		issueMonth({ month: start.slice(0, 7), viewer: manager })
		const [statement] = statementsOf(lease.id)
		return { manager, lease, statement: statement! }
	}

	test('a part payment, then the rest; each payer pays its own share', () => {
		const { manager, statement } = issued('2035-01-01')
		const pay = (payer: 'startup' | 'cap_calaisis', amount: number) =>
			recordPayment({
				statementId: statement.id,
				input: { payer, amount, paidOn: date, reference: 'VIR-1' },
				viewer: manager,
			})
		expect(pay('startup', 10_000)).toMatchObject({ ok: true, value: { remainingCents: 12_500 } })
		expect(getStatement({ id: statement.id, viewer: manager })!.statement).toMatchObject({
			paidStartupCents: 10_000,
			outstandingStartupCents: 12_500,
			outstandingSubsidyCents: 22_500,
		})
		expect(pay('startup', 12_500)).toMatchObject({ ok: true, value: { remainingCents: 0 } })
		expect(pay('cap_calaisis', 22_500)).toMatchObject({ ok: true })
		expect(pay('startup', 1)).toEqual({
			ok: false,
			fieldErrors: { amount: ['nursery:errors.nothingDue'] },
			formErrors: [],
		})
		expect(paymentsOf(statement.id).map((p) => [p.payer, p.amountCents])).toEqual([
			['startup', 10_000],
			['startup', 12_500],
			['cap_calaisis', 22_500],
		])
	})

	test('an overpayment is refused and nothing is written', () => {
		const { manager, statement } = issued('2035-02-01')
		createPayment({
			statementId: statement.id,
			payer: 'startup',
			amountCents: 20_000,
			paidOn: date,
		})
		const audits = auditCount()
		const result = recordPayment({
			statementId: statement.id,
			input: { payer: 'startup', amount: 2_501, paidOn: date },
			viewer: manager,
		})
		expect(result).toEqual({
			ok: false,
			fieldErrors: { amount: ['nursery:errors.overpayment'] },
			formErrors: [],
		})
		expect(paymentsOf(statement.id)).toHaveLength(1)
		expect(auditCount()).toBe(audits)
	})

	test('payment dates: not in the future, not before the statement was issued', () => {
		const { manager, statement } = issued('2035-03-01')
		const at = (paidOn: string) =>
			recordPayment({
				statementId: statement.id,
				input: { payer: 'startup', amount: 100, paidOn },
				viewer: manager,
			})
		expect(at(addDays(date, 1))).toMatchObject({
			ok: false,
			fieldErrors: { paidOn: ['nursery:errors.paidInFuture'] },
		})
		expect(at(addDays(statement.issuedOn, -1))).toMatchObject({
			ok: false,
			fieldErrors: { paidOn: ['nursery:errors.paidBeforeIssue'] },
		})
		expect(paymentsOf(statement.id)).toEqual([])
	})

	test('a payment against another startup’s statement is not the founder’s to record', () => {
		const { statement, lease } = issued('2035-04-01')
		const founder = founderViewer(lease.startupId)
		expect(
			recordPayment({
				statementId: statement.id,
				input: { payer: 'startup', amount: 100, paidOn: date },
				viewer: founder,
			}),
		).toBeNull()
		expect(paymentsOf(statement.id)).toEqual([])
	})
})

describe('credit notes', () => {
	test('a credit note is linked to its statement, which stays as issued; balances drop', () => {
		const manager = managerViewer()
		const lease = leaseOn({ start: '2036-01-01', rent: 45_000, end: '2036-12-31' })
		issueMonth({ month: '2036-01', viewer: manager })
		const [statement] = statementsOf(lease.id)
		createPayment({
			statementId: statement!.id,
			payer: 'startup',
			amountCents: 2_500,
			paidOn: date,
		})

		const result = issueCreditNote({
			statementId: statement!.id,
			input: { subsidyAmount: 5_000, startupAmount: 20_000, reason: 'Chauffage en panne' },
			viewer: manager,
		})
		expect(result?.ok).toBe(true)
		const rows = statementsOf(lease.id)
		expect(rows).toHaveLength(2)
		expect(rows.find((r) => r.id === statement!.id)).toEqual(statement)
		expect(rows.find((r) => r.kind === 'credit_note')).toMatchObject({
			correctsId: statement!.id,
			month: '2036-01',
			rentCents: 25_000,
			subsidyCents: 5_000,
			startupShareCents: 20_000,
		})
		expect(getStatement({ id: statement!.id, viewer: manager })!.statement).toMatchObject({
			creditedSubsidyCents: 5_000,
			creditedStartupCents: 20_000,
			outstandingSubsidyCents: 17_500,
			outstandingStartupCents: 0,
		})
		const audit = getDb().select().from(auditLog).where(eq(auditLog.entity, 'credit_note')).all()
		expect(activityText(audit.at(-1))).toContain('— Chauffage en panne')
	})

	test('a credit note cannot cancel money already paid, nor nothing at all', () => {
		const manager = managerViewer()
		const lease = leaseOn({ start: '2036-02-01', rent: 45_000, end: '2036-12-31' })
		issueMonth({ month: '2036-02', viewer: manager })
		const [statement] = statementsOf(lease.id)
		createPayment({ statementId: statement!.id, payer: 'cap_calaisis', paidOn: date })
		const credit = (subsidyAmount: number, startupAmount: number) =>
			issueCreditNote({
				statementId: statement!.id,
				input: { subsidyAmount, startupAmount, reason: 'x' },
				viewer: manager,
			})
		expect(credit(1, 0)).toMatchObject({
			ok: false,
			fieldErrors: { subsidyAmount: ['nursery:errors.creditAboveUnpaid'] },
		})
		expect(credit(0, 22_501)).toMatchObject({
			ok: false,
			fieldErrors: { startupAmount: ['nursery:errors.creditAboveUnpaid'] },
		})
		expect(credit(0, 0)).toMatchObject({ ok: false })
		expect(statementsOf(lease.id)).toHaveLength(1)
	})

	test('the database refuses a credit note that is not linked to a statement', () => {
		const lease = leaseOn({ start: '2036-03-01', end: '2036-12-31' })
		expect(() =>
			getDb()
				.insert(rentStatements)
				.values({
					leaseId: lease.id,
					month: '2036-03',
					kind: 'credit_note',
					rentCents: 100,
					subsidyCents: 0,
					startupShareCents: 100,
					issuedOn: '2036-03-01',
					dueOn: '2036-03-01',
				})
				.run(),
		).toThrow(/CHECK/)
	})
})

describe('arrears', () => {
	const asOf = '2040-06-30'
	function dueStatement(leaseId: number, month: string, dueOn: string) {
		return createStatement({ leaseId, month, issuedOn: `${month}-01`, dueOn })
	}

	test('amounts are aged from the due date: 0–30, 31–60, 61–90, 90+ days', () => {
		const manager = managerViewer()
		const lease = leaseOn({
			start: '2040-01-01',
			rent: 10_000,
			startupName: 'Ageing Test',
			end: '2040-12-31',
		})
		dueStatement(lease.id, '2040-01', '2040-03-31') // 91 days → 90+
		dueStatement(lease.id, '2040-02', '2040-04-01') // 90 days → 61–90
		dueStatement(lease.id, '2040-03', '2040-05-01') // 60 days → 31–60
		const apr = dueStatement(lease.id, '2040-04', '2040-05-31') // 30 days → 0–30
		dueStatement(lease.id, '2040-05', '2040-06-30') // due today → 0–30
		dueStatement(lease.id, '2040-06', '2040-07-01') // not due yet: not in arrears
		// the startup paid 30,00 € of April; Cap Calaisis paid its April share
		createPayment({ statementId: apr.id, payer: 'startup', amountCents: 3_000, paidOn: asOf })
		createPayment({ statementId: apr.id, payer: 'cap_calaisis', paidOn: asOf })

		const arrears = getArrears({ viewer: manager, asOf })!
		const mine = arrears.rows.filter((r) => r.startupId === lease.startupId)
		// 100,00 € a month, 50 / 50
		expect(mine).toEqual([
			{
				startupId: lease.startupId,
				startupName: 'Ageing Test',
				payer: 'startup',
				buckets: { '0-30': 2_000 + 5_000, '31-60': 5_000, '61-90': 5_000, '90+': 5_000 },
				totalCents: 22_000,
			},
			{
				startupId: lease.startupId,
				startupName: 'Ageing Test',
				payer: 'cap_calaisis',
				buckets: { '0-30': 5_000, '31-60': 5_000, '61-90': 5_000, '90+': 5_000 },
				totalCents: 20_000,
			},
		])
		expect(
			arrears.statements.filter((s) => s.startupId === lease.startupId).map((s) => s.daysPastDue),
		).toEqual([91, 91, 90, 90, 60, 60, 30, 0, 0])
	})

	test('totals per payer and overall are the sums of the rows', () => {
		const manager = managerViewer()
		const a = leaseOn({
			start: '2041-01-01',
			rent: 33_333,
			startupName: 'Sum A',
			end: '2041-12-31',
		})
		const b = leaseOn({
			start: '2041-01-01',
			rent: 12_345,
			startupName: 'Sum B',
			end: '2041-12-31',
		})
		for (const l of [a, b]) dueStatement(l.id, '2041-01', '2041-01-11')
		const arrears = getArrears({ viewer: manager, asOf: '2041-05-01' })!
		for (const payer of ['startup', 'cap_calaisis'] as const) {
			const rows = arrears.rows.filter((r) => r.payer === payer)
			const byPayer = arrears.byPayer.find((p) => p.payer === payer)!
			expect(byPayer.totalCents).toBe(rows.reduce((s, r) => s + r.totalCents, 0))
			expect(byPayer.buckets['90+']).toBe(rows.reduce((s, r) => s + r.buckets['90+'], 0))
		}
		expect(arrears.total.totalCents).toBe(arrears.rows.reduce((s, r) => s + r.totalCents, 0))
		expect(arrears.total.totalCents).toBe(arrears.statements.reduce((s, r) => s + r.cents, 0))
	})

	test('only managers see arrears', () => {
		const lease = leaseOn({ start: '2041-02-01', end: '2041-12-31' })
		expect(getArrears({ viewer: founderViewer(lease.startupId) })).toBeNull()
	})
})

describe('a founder reads only their own startup’s statements', () => {
	test('own statements with what they still owe; another startup’s are not there', () => {
		const manager = managerViewer()
		const mine = leaseOn({ start: '2042-01-01', rent: 45_000, end: '2042-12-31' })
		const theirs = leaseOn({ start: '2042-01-01', rent: 45_000, end: '2042-12-31' })
		issueMonth({ month: '2042-01', viewer: manager })
		const [own] = statementsOf(mine.id)
		const [other] = statementsOf(theirs.id)
		createPayment({ statementId: own!.id, payer: 'startup', amountCents: 5_000, paidOn: date })
		const founder = founderViewer(mine.startupId)

		const account = listStatementsOfStartup({ startupId: mine.startupId, viewer: founder })
		expect(account.rows.map((r) => r.id)).toEqual([own!.id])
		expect(account.owedCents).toBe(17_500)
		expect(getStatement({ id: own!.id, viewer: founder })).not.toBeNull()
		expect(getStatement({ id: other!.id, viewer: founder })).toBeNull()
		expect(listStatementsOfStartup({ startupId: theirs.startupId, viewer: founder }).rows).toEqual(
			[],
		)
	})
})
