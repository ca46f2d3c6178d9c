/**
 * Public money, one definition everywhere (issue 13, item 2): in a world built here with a loan
 * from a public bank, the dashboard's "of which public money", the Funding page (manager's and
 * partner's), the innovation-fund page, the report, its drill-down and both CSVs give the same
 * sum — money given by a public body, not a bank's loan (docs/leverage.md).
 */
import { createExchangeRate, createFundingEvent, createStartup, createUser } from '#tests/factories'
import { dataOf, get, loaderArgs, sessionCookie } from '#tests/request'
import { parseCsv } from '~/utils/csv.server'
import { loader as homeLoader } from '~/routes/_app._index/route'
import { loader as fundingCsvLoader } from '~/routes/_app.funding.export[.csv]'
import { loader as fundingLoader } from '~/routes/_app.funding._index'
import { loader as fundPageLoader } from '~/routes/_app.funding.innovation-fund'
import { loader as reportCsvLoader } from '~/routes/_app.reports.export.$section'
import { loader as reportLoader } from '~/routes/_app.reports._index/route'
import { loader as recordsLoader } from '~/routes/_app.reports.records'

const startup = createStartup({ name: 'Opale Hydrogène', enteredOn: '2024-09-01' })
createExchangeRate({ date: '2025-01-01', rateMicros: 1_200_000 })
const events = [
	{ kind: 'grant', isPublic: true, amountCents: 10_000_00, status: 'secured' },
	// Bpifrance lends: a public body, but bank money
	{ kind: 'bank_loan', isPublic: true, amountCents: 50_000_00, status: 'secured' },
	{ kind: 'regional_fund', isPublic: true, amountCents: 4_000_00, status: 'received' },
	{ kind: 'equity_round', isPublic: false, amountCents: 30_000_00, status: 'secured' },
	{ kind: 'bank_loan', isPublic: false, amountCents: 20_000_00, status: 'secured' },
	// applied for only: no money yet
	{ kind: 'grant', isPublic: true, amountCents: 7_000_00, status: 'applied' },
	// £1,000 at 1.20
	{ kind: 'grant', isPublic: true, amountCents: 1_000_00, status: 'secured', currency: 'GBP' },
] as const
events.forEach((e, i) =>
	createFundingEvent({
		startupId: startup.id,
		source: `Source ${i}`,
		currency: 'EUR',
		plannedOn: `2025-0${i + 1}-01`,
		...e,
	}),
)
// worked out by hand: the grants, the regional fund and the pound grant
const PUBLIC = 10_000_00 + 4_000_00 + 1_200_00
const PRIVATE_AND_BANK = 50_000_00 + 30_000_00 + 20_000_00

async function as(role: 'manager' | 'partner') {
	return sessionCookie(createUser({ role }).id)
}

test('the dashboard, the Funding pages, the report and the CSVs agree on public money', async () => {
	const manager = await as('manager')
	const partner = await as('partner')

	const home = dataOf(await homeLoader(loaderArgs(get('/', manager))))
	if (home.view !== 'dashboard') throw new Error('a manager lands on the dashboard')
	expect(home.home.funds.publicEurCents).toBe(PUBLIC)
	expect(home.home.funds.totalEurCents - home.home.funds.publicEurCents).toBe(PRIVATE_AND_BANK)

	const fundingPage = dataOf(await fundingLoader(loaderArgs(get('/funding', manager))))
	expect(fundingPage.summary!.portfolio).toMatchObject({
		publicCents: PUBLIC,
		privateAndBankCents: PRIVATE_AND_BANK,
	})
	const partnerPage = dataOf(await fundingLoader(loaderArgs(get('/funding', partner))))
	expect(partnerPage.byStartup!.totals.publicCents).toBe(PUBLIC)
	const fundPage = dataOf(
		await fundPageLoader(loaderArgs(get('/funding/innovation-fund', partner))),
	)
	expect(fundPage.portfolio.publicCents).toBe(PUBLIC)

	const report = dataOf(await reportLoader(loaderArgs(get('/reports?year=2025', partner))))
	expect(report.report.funding.totals).toMatchObject({
		publicCents: PUBLIC,
		privateCents: PRIVATE_AND_BANK,
	})
	const records = dataOf(
		await recordsLoader(
			loaderArgs(get('/reports/records?year=2025&metric=funding.public&key=2025', partner)),
		),
	)
	expect(records.records.rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(PUBLIC)

	const reportCsv = await (
		(await reportCsvLoader(
			loaderArgs(get('/reports/export/funding.csv?year=2025', partner), {
				params: { section: 'funding.csv' },
			}),
		)) as Response
	).text()
	expect(reportCsv).toContain(`by_year,total,public_eur,${PUBLIC / 100}`)

	// the accountant's CSV says which lines are public money, and they sum to the same
	const fundingCsv = parseCsv(
		await (
			(await fundingCsvLoader(loaderArgs(get('/funding/export.csv', manager)))) as Response
		).text(),
	)
	const publicLines = fundingCsv.rows.filter(
		(r) => r.public_money === 'yes' && ['secured', 'received'].includes(r.status!),
	)
	const cents = publicLines.reduce((s, r) => s + Math.round(Number(r.amount_eur) * 100), 0)
	expect(cents).toBe(PUBLIC)
	// the public bank's loan is a public funder's, not public money
	expect(
		fundingCsv.rows.filter((r) => r.public_funder === 'yes' && r.kind === 'bank_loan'),
	).toEqual([expect.objectContaining({ public_money: 'no' })])
})
