import { createLease, createStartup, createSubsidyBudget, createUser } from '#tests/factories'
import { get, loaderArgs, sessionCookie, settle, statusOf } from '#tests/request'
import { loader as subsidyCsv } from './_app.nursery.export.subsidy[.csv]'

// its own file, so its own database: no open-ended lease of another test reaches 2097

async function as(role: 'manager' | 'partner') {
	const user = createUser({ role })
	return { user, cookie: await sessionCookie(user.id) }
}

describe('the subsidy CSV', () => {
	test('one row per year, or per startup of a year, in euros; partners download it too', async () => {
		const { cookie } = await as('manager')
		const partner = await as('partner')
		const startup = createStartup({ name: 'Dunes CSV' })
		createLease({
			startupId: startup.id,
			startDate: '2097-01-01',
			endDate: '2097-12-31',
			monthlyRentCents: 10_000,
		})
		createSubsidyBudget({ year: 2097, amountCents: 50_000, votedOn: '2096-12-15' })
		const years = (await subsidyCsv(
			loaderArgs(get('/nursery/export/subsidy.csv', cookie)),
		)) as Response
		const lines = (await years.text()).split('\r\n')
		expect(lines[0]).toBe(
			'year,budget_eur,voted_on,committed_eur,scheduled_eur,forecast_eur,remaining_eur,over_budget_by_eur',
		)
		// 12 months at 50 % of 100,00 €: 600,00 € scheduled against a 500,00 € budget
		expect(lines).toContain('2097,500.00,2096-12-15,0.00,600.00,600.00,0.00,100.00')
		const perStartup = (await subsidyCsv(
			loaderArgs(get('/nursery/export/subsidy.csv?year=2097', cookie)),
		)) as Response
		expect(await perStartup.text()).toContain('2097,Dunes CSV,0.00,600.00,600.00')
		const forPartner = (await subsidyCsv(
			loaderArgs(get('/nursery/export/subsidy.csv?year=2097', partner.cookie)),
		)) as Response
		expect(forPartner.status).toBe(200)
		expect(
			statusOf(
				await settle(() =>
					subsidyCsv(loaderArgs(get('/nursery/export/subsidy.csv?year=1990', cookie))),
				),
			),
		).toBe(404)
	})
})
