import type { LoaderFunctionArgs } from '@remix-run/node'
import { count, eq } from 'drizzle-orm'
import { leases, payments, rentStatements, subsidyBudgets } from '#db/schema/index'
import {
	createLease,
	createStartup,
	createStatement,
	createSubsidyBudget,
	createUnit,
	createUser,
} from '#tests/factories'
import {
	actionArgs,
	dataOf,
	get,
	loaderArgs,
	post,
	sessionCookie,
	settle,
	statusOf,
} from '#tests/request'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { addMonths, monthOf } from '~/utils/calendar'
import { loader as nurseryLoader } from './_app.nursery._index'
import { loader as arrearsLoader } from './_app.nursery.arrears'
import { loader as paymentsCsv } from './_app.nursery.export.payments[.csv]'
import { loader as statementsCsv } from './_app.nursery.export.statements[.csv]'
import { loader as subsidyCsv } from './_app.nursery.export.subsidy[.csv]'
import { action as leaseAction, loader as leaseLoader } from './_app.nursery.leases.$leaseId'
import { action as newLeaseAction, loader as newLeaseLoader } from './_app.nursery.leases.new'
import {
	action as statementAction,
	loader as statementLoader,
} from './_app.nursery.statements.$statementId'
import { loader as printLoader } from './_app.nursery.statements.$statementId_.print'
import {
	action as statementsAction,
	loader as statementsLoader,
} from './_app.nursery.statements._index'
import { action as subsidyAction, loader as subsidyLoader } from './_app.nursery.subsidy'
import { action as newUnitAction } from './_app.nursery.units.new'
import { loader as rentLoader } from './_app.startups.$startupId_.rent'

type Role = 'manager' | 'founder' | 'mentor' | 'partner'

async function as(role: Role, overrides = {}) {
	const user = createUser({ role, ...overrides })
	return { user, cookie: await sessionCookie(user.id) }
}

const date = today()
const n = (
	table: typeof leases | typeof payments | typeof rentStatements | typeof subsidyBudgets,
) => getDb().select({ n: count() }).from(table).get()!.n

/** A startup with a lease and one issued statement of this month, unpaid. */
function startupWithStatement(name = 'Fretmanche Test') {
	const startup = createStartup({ name })
	const lease = createLease({
		startupId: startup.id,
		startDate: `${monthOf(date)}-01`,
		endDate: `${monthOf(date)}-28`,
		monthlyRentCents: 45_000,
	})
	const statement = createStatement({
		leaseId: lease.id,
		month: monthOf(date),
		issuedOn: date,
		dueOn: date,
	})
	return { startup, lease, statement }
}

describe('access by role', () => {
	test('the nursery pages are the managers’', async () => {
		for (const role of ['founder', 'mentor', 'partner'] as const) {
			const { cookie } = await as(role)
			const pages: [(args: LoaderFunctionArgs) => Promise<unknown>, string][] = [
				[nurseryLoader, '/nursery'],
				[statementsLoader, '/nursery/statements'],
				[arrearsLoader, '/nursery/arrears'],
				[newLeaseLoader, '/nursery/leases/new'],
			]
			for (const [loader, path] of pages) {
				expect(statusOf(await settle(() => loader(loaderArgs(get(path, cookie)))))).toBe(403)
			}
		}
		const { cookie } = await as('manager')
		expect(statusOf(await settle(() => nurseryLoader(loaderArgs(get('/nursery', cookie)))))).toBe(
			200,
		)
	})

	test('a founder opens neither another startup’s statement nor its rent, even by id', async () => {
		const own = startupWithStatement('Own Startup')
		const other = startupWithStatement('Other Startup')
		const { cookie } = await as('founder', { startupId: own.startup.id })
		const print = (id: number) =>
			settle(() =>
				printLoader(
					loaderArgs(get(`/nursery/statements/${id}/print`, cookie), {
						params: { statementId: String(id) },
					}),
				),
			)
		expect(statusOf(await print(own.statement.id))).toBe(200)
		expect(statusOf(await print(other.statement.id))).toBe(404)
		// the manager's statement page is not for founders at all
		expect(
			statusOf(
				await settle(() =>
					statementLoader(
						loaderArgs(get(`/nursery/statements/${own.statement.id}`, cookie), {
							params: { statementId: String(own.statement.id) },
						}),
					),
				),
			),
		).toBe(403)
		const rent = (id: number) =>
			settle(() =>
				rentLoader(
					loaderArgs(get(`/startups/${id}/rent`, cookie), { params: { startupId: String(id) } }),
				),
			)
		const mine = await rent(own.startup.id)
		expect(statusOf(mine)).toBe(200)
		expect(JSON.stringify(mine)).not.toContain('Other Startup')
		expect(statusOf(await rent(other.startup.id))).toBe(404)
		// nor another startup's lease page
		expect(
			statusOf(
				await settle(() =>
					leaseLoader(
						loaderArgs(get(`/nursery/leases/${other.lease.id}`, cookie), {
							params: { leaseId: String(other.lease.id) },
						}),
					),
				),
			),
		).toBe(403)
	})

	test('mentors and partners have no rent account to open', async () => {
		const { startup, statement } = startupWithStatement()
		for (const role of ['mentor', 'partner'] as const) {
			const { cookie } = await as(role)
			expect(
				statusOf(
					await settle(() =>
						rentLoader(
							loaderArgs(get(`/startups/${startup.id}/rent`, cookie), {
								params: { startupId: String(startup.id) },
							}),
						),
					),
				),
			).toBe(403)
			expect(
				statusOf(
					await settle(() =>
						printLoader(
							loaderArgs(get(`/nursery/statements/${statement.id}/print`, cookie), {
								params: { statementId: String(statement.id) },
							}),
						),
					),
				),
			).toBe(403)
		}
	})

	test('a partner reads the subsidy summary, with no payment detail, and cannot set a budget', async () => {
		const { startup, statement } = startupWithStatement('Partner Visible')
		getDb()
			.insert(payments)
			.values({
				statementId: statement.id,
				payer: 'startup',
				amountCents: 1_234,
				paidOn: date,
				reference: 'VIR-SECRET',
			})
			.run()
		const { cookie } = await as('partner')
		const result = await subsidyLoader(loaderArgs(get('/nursery/subsidy', cookie)))
		expect(result.canEdit).toBe(false)
		expect(result.selected.startups.map((s) => s.startupName)).toContain(startup.name)
		const json = JSON.stringify(result)
		expect(json).not.toContain('VIR-SECRET')
		expect(json).not.toMatch(/paid|payment|outstanding/i)

		const budgets = n(subsidyBudgets)
		const res = await settle(() =>
			subsidyAction(
				actionArgs(
					post('/nursery/subsidy', { intent: 'budget', year: '2090', amount: '1000' }, cookie),
				),
			),
		)
		expect(statusOf(res)).toBe(403)
		expect(n(subsidyBudgets)).toBe(budgets)
		// the partner's CSV: totals per startup name, no payments; the payments CSV is closed
		const csv = (await subsidyCsv(
			loaderArgs(get('/nursery/export/subsidy.csv', cookie)),
		)) as Response
		expect(csv.status).toBe(200)
		expect(await csv.text()).toContain('forecast_eur')
		expect(
			statusOf(
				await settle(() => paymentsCsv(loaderArgs(get('/nursery/export/payments.csv', cookie)))),
			),
		).toBe(403)
	})
})

describe('signing a lease through the form', () => {
	const form = (values: Record<string, string>) => ({
		startupId: '',
		unitId: '',
		startDate: '2029-04-01',
		endDate: '',
		monthlyRent: '450,00',
		'steps[0].fromMonth': '1',
		'steps[0].toMonth': '12',
		'steps[0].kind': 'percent',
		'steps[0].value': '50',
		'steps[1].fromMonth': '13',
		'steps[1].toMonth': '',
		'steps[1].kind': 'fixed',
		'steps[1].value': '100,50',
		...values,
	})

	test('bad input comes back with field messages and writes nothing', async () => {
		const { cookie } = await as('manager')
		const startup = createStartup()
		const unit = createUnit()
		const before = n(leases)
		const cases: [Record<string, string>, string, string][] = [
			[{ startupId: '' }, 'startupId', 'errors.required'],
			[{ endDate: '2029-03-31' }, 'endDate', 'nursery:errors.endBeforeStart'],
			[{ monthlyRent: '450,0055' }, 'monthlyRent', 'errors.amount'],
			[{ monthlyRent: '-3' }, 'monthlyRent', 'errors.amountNegative'],
			[{ 'steps[0].fromMonth': '2' }, 'steps[0].fromMonth', 'nursery:errors.scheduleStart'],
			[{ 'steps[1].fromMonth': '12' }, 'steps[1].fromMonth', 'nursery:errors.stepOverlap'],
			[{ 'steps[0].value': '150' }, 'steps[0].value', 'nursery:errors.percent'],
			[{ 'steps[1].value': '500' }, 'steps[1].value', 'nursery:errors.fixedAboveRent'],
			[{ startDate: '2029-02-30' }, 'startDate', 'errors.date'],
			[{ startupId: '999999' }, 'startupId', 'nursery:errors.unknownStartup'],
		]
		for (const [values, field, message] of cases) {
			const res = await newLeaseAction(
				actionArgs(
					post(
						'/nursery/leases/new',
						form({ startupId: String(startup.id), unitId: String(unit.id), ...values }),
						cookie,
					),
				),
			)
			expect(statusOf(res), field).toBe(400)
			const reply = dataOf(res) as { error?: Record<string, string[]>; initialValue?: unknown }
			expect(reply.error?.[field], field).toContain(message)
			// what was typed comes back
			expect(JSON.stringify(reply.initialValue)).toContain('2029')
		}
		expect(n(leases)).toBe(before)
	})

	test('a preset fills the schedule without writing anything; signing redirects to the lease', async () => {
		const { cookie } = await as('manager')
		const startup = createStartup()
		const unit = createUnit()
		const before = n(leases)
		const preset = await newLeaseAction(
			actionArgs(
				post(
					'/nursery/leases/new',
					form({
						startupId: String(startup.id),
						unitId: String(unit.id),
						__intent__: JSON.stringify({
							type: 'update',
							payload: {
								name: 'steps',
								value: [{ fromMonth: '1', toMonth: '', kind: 'percent', value: '30' }],
							},
						}),
					}),
					cookie,
				),
			),
		)
		expect(statusOf(preset)).toBe(200)
		expect(n(leases)).toBe(before)

		const res = (await newLeaseAction(
			actionArgs(
				post(
					'/nursery/leases/new',
					form({ startupId: String(startup.id), unitId: String(unit.id) }),
					cookie,
				),
			),
		)) as Response
		expect(res.status).toBe(302)
		const id = Number(res.headers.get('Location')!.split('/').pop())
		const page = await leaseLoader(
			loaderArgs(get(`/nursery/leases/${id}`, cookie), { params: { leaseId: String(id) } }),
		)
		expect(page.lease).toMatchObject({
			startupId: startup.id,
			unitId: unit.id,
			monthlyRentCents: 45_000,
		})
		expect(page.steps).toEqual([
			{ fromMonth: 1, toMonth: 12, kind: 'percent', percentBasisPoints: 5000, amountCents: null },
			{
				fromMonth: 13,
				toMonth: null,
				kind: 'fixed',
				percentBasisPoints: null,
				amountCents: 10_050,
			},
		])

		// the same unit over the same days: refused
		const again = await newLeaseAction(
			actionArgs(
				post(
					'/nursery/leases/new',
					form({ startupId: String(startup.id), unitId: String(unit.id) }),
					cookie,
				),
			),
		)
		expect(statusOf(again)).toBe(400)
		expect((dataOf(again) as { error: Record<string, string[]> }).error.startDate).toEqual([
			'nursery:errors.unitTaken',
		])
		expect(n(leases)).toBe(before + 1)
	})

	test('ending a lease: a date before its start is refused', async () => {
		const { cookie } = await as('manager')
		const lease = createLease({ startDate: '2029-01-01', endDate: null })
		const end = (endDate: string) =>
			settle(() =>
				leaseAction(
					actionArgs(
						post(`/nursery/leases/${lease.id}`, { intent: 'end-lease', endDate }, cookie),
						{
							params: { leaseId: String(lease.id) },
						},
					),
				),
			)
		expect(statusOf(await end('2028-12-31'))).toBe(400)
		expect(statusOf(await end('2029-13-01'))).toBe(400)
		expect(statusOf(await end('2029-06-30'))).toBe(302)
		expect(getDb().select().from(leases).where(eq(leases.id, lease.id)).get()!.endDate).toBe(
			'2029-06-30',
		)
	})

	test('a unit with a code already taken is refused', async () => {
		const { cookie } = await as('manager')
		const unit = createUnit()
		const res = await newUnitAction(
			actionArgs(
				post(
					'/nursery/units/new',
					{
						code: unit.code.toLowerCase(),
						floor: '1',
						kind: 'office',
						areaM2: '12,5',
						desks: '1',
						marketRent: '300',
					},
					cookie,
				),
			),
		)
		expect(statusOf(res)).toBe(400)
		expect((dataOf(res) as { error: Record<string, string[]> }).error.code).toEqual([
			'nursery:errors.codeTaken',
		])
	})
})

describe('issuing, paying and exporting through the pages', () => {
	test('issuing a month twice through the page creates its statements once', async () => {
		const { cookie } = await as('manager')
		const month = addMonths(monthOf(date), 1)
		const lease = createLease({ startDate: `${month}-01`, endDate: `${month}-28` })
		const view0 = await statementsLoader(
			loaderArgs(get(`/nursery/statements?month=${month}`, cookie)),
		)
		// what the confirmation step showed is sent back with the issue
		const confirmed = {
			intent: 'issue',
			month,
			confirmed: 'yes',
			expected: String(view0.pending.length),
			expectedRentCents: String(view0.pendingTotals.rentCents),
		}
		const issue = () => statementsAction(actionArgs(post('/nursery/statements', confirmed, cookie)))
		expect(((await issue()) as Response).status).toBe(302)
		const once = getDb()
			.select()
			.from(rentStatements)
			.where(eq(rentStatements.leaseId, lease.id))
			.all()
		expect(once).toHaveLength(1)
		// the same confirmation again: nothing is left to issue, the page says so
		expect(statusOf(await issue())).toBe(400)
		expect(
			getDb().select().from(rentStatements).where(eq(rentStatements.leaseId, lease.id)).all(),
		).toEqual(once)
		// beyond next month: refused
		const far = await statementsAction(
			actionArgs(
				post(
					'/nursery/statements',
					{ ...confirmed, month: addMonths(month, 1), expected: '0', expectedRentCents: '0' },
					cookie,
				),
			),
		)
		expect(statusOf(far)).toBe(400)
		const view = await statementsLoader(
			loaderArgs(get(`/nursery/statements?month=${month}`, cookie)),
		)
		expect(view.rows.map((r) => r.leaseId)).toContain(lease.id)
		expect(view.totals.rentCents).toBe(view.rows.reduce((s, r) => s + r.rentCents, 0))
	})

	test('payments: a part payment, then an overpayment refused with a field message', async () => {
		const { cookie } = await as('manager')
		const { statement } = startupWithStatement()
		const pay = (values: Record<string, string>) =>
			settle(() =>
				statementAction(
					actionArgs(
						post(
							`/nursery/statements/${statement.id}`,
							{ intent: 'payment', payer: 'startup', paidOn: date, ...values },
							cookie,
						),
						{ params: { statementId: String(statement.id) } },
					),
				),
			)
		expect(statusOf(await pay({ amount: '100,00' }))).toBe(302)
		const share = statement.startupShareCents
		const over = await pay({ amount: ((share - 10_000 + 1) / 100).toFixed(2) })
		expect(statusOf(over)).toBe(400)
		const reply = dataOf(over) as { intent: string; result: { error: Record<string, string[]> } }
		expect(reply.result.error.amount).toEqual(['nursery:errors.overpayment'])
		const bads: Record<string, string>[] = [
			{ amount: 'cent euros' },
			{ amount: '0' },
			{ paidOn: 'hier' },
			{ payer: 'bank' },
		]
		for (const bad of bads) {
			expect(statusOf(await pay({ amount: '1', ...bad }))).toBe(400)
		}
		expect(
			getDb().select().from(payments).where(eq(payments.statementId, statement.id)).all(),
		).toEqual([expect.objectContaining({ amountCents: 10_000, payer: 'startup' })])
		// ids that are not ids, or not there
		for (const id of ['abc', '999999']) {
			const res = await settle(() =>
				statementAction(
					actionArgs(
						post(
							`/nursery/statements/${id}`,
							{ intent: 'payment', payer: 'startup', amount: '1', paidOn: date },
							cookie,
						),
						{
							params: { statementId: id },
						},
					),
				),
			)
			expect(statusOf(res)).toBe(404)
		}
		expect(
			statusOf(
				await settle(() =>
					statementAction(
						actionArgs(post(`/nursery/statements/${statement.id}`, { intent: 'refund' }, cookie), {
							params: { statementId: String(statement.id) },
						}),
					),
				),
			),
		).toBe(400)
	})

	test('a founder cannot record a payment, even on their own statement', async () => {
		const { startup, statement } = startupWithStatement()
		const { cookie } = await as('founder', { startupId: startup.id })
		const res = await settle(() =>
			statementAction(
				actionArgs(
					post(
						`/nursery/statements/${statement.id}`,
						{ intent: 'payment', payer: 'startup', amount: '1', paidOn: date },
						cookie,
					),
					{ params: { statementId: String(statement.id) } },
				),
			),
		)
		expect(statusOf(res)).toBe(403)
		expect(
			getDb().select().from(payments).where(eq(payments.statementId, statement.id)).all(),
		).toEqual([])
	})

	test('CSV exports list the month’s statements and payments in euros', async () => {
		const { cookie } = await as('manager')
		const { statement } = startupWithStatement('Export Quai')
		getDb()
			.insert(payments)
			.values({
				statementId: statement.id,
				payer: 'startup',
				amountCents: 12_345,
				paidOn: date,
				reference: '=cmd()',
			})
			.run()
		const month = monthOf(date)
		const st = (await statementsCsv(
			loaderArgs(get(`/nursery/export/statements.csv?month=${month}`, cookie)),
		)) as Response
		const stText = await st.text()
		expect(st.headers.get('Content-Type')).toContain('text/csv')
		expect(stText).toContain('Export Quai')
		expect(stText).toContain((statement.rentCents / 100).toFixed(2))
		const pay = (await paymentsCsv(
			loaderArgs(get(`/nursery/export/payments.csv?month=${month}`, cookie)),
		)) as Response
		const payText = await pay.text()
		expect(payText).toContain('123.45')
		// a formula typed as a reference stays text in a spreadsheet
		expect(payText).toContain("'=cmd()")
		const { cookie: founderCookie } = await as('founder')
		expect(
			statusOf(
				await settle(() =>
					statementsCsv(loaderArgs(get('/nursery/export/statements.csv', founderCookie))),
				),
			),
		).toBe(403)
	})

	test('a manager sets a budget from the subsidy page; bad input is refused', async () => {
		const { cookie } = await as('manager')
		createSubsidyBudget({ year: 2095, amountCents: 100 })
		const save = (values: Record<string, string>) =>
			settle(() =>
				subsidyAction(
					actionArgs(post('/nursery/subsidy', { intent: 'budget', ...values }, cookie)),
				),
			)
		expect(statusOf(await save({ year: '2095', amount: '12 500,50' }))).toBe(302)
		expect(
			getDb().select().from(subsidyBudgets).where(eq(subsidyBudgets.year, 2095)).get()!.amountCents,
		).toBe(1_250_050)
		expect(statusOf(await save({ year: '1999', amount: '1' }))).toBe(400)
		expect(statusOf(await save({ year: '2095', amount: 'beaucoup' }))).toBe(400)
	})
})

describe('arrears at network scale', () => {
	test('who owes what comes a page of debtors at a time; the totals stay the whole nursery’s', async () => {
		const created = Array.from({ length: 27 }, (_, i) =>
			startupWithStatement(`Débiteur ${String(i).padStart(2, '0')}`),
		)
		const { cookie } = await as('manager')
		const page = async (query: string) =>
			dataOf(await arrearsLoader(loaderArgs(get(`/nursery/arrears${query}`, cookie))))
		const first = await page('')
		expect(first.debtors.page).toBe(1)
		expect(first.debtors.total).toBeGreaterThanOrEqual(27)
		expect(first.rows).toHaveLength(25)
		const last = await page(`?debtorsPage=${first.debtors.pageCount}`)
		const shown = new Set([...first.rows, ...last.rows].map((r) => r.startupName))
		expect(shown).toContain('Débiteur 00')
		expect(last.rows.length).toBeGreaterThan(0)
		// the totals are every debtor's, on every page
		expect(last.total).toEqual(first.total)
		const owed = created.reduce((sum, c) => sum + c.statement.startupShareCents, 0)
		expect(first.total.totalCents).toBeGreaterThanOrEqual(owed)
		// a page past the end shows the last one
		expect((await page('?debtorsPage=999')).debtors.page).toBe(first.debtors.pageCount)
	})
})
