import { seedDemo } from '#db/seed'
import { getReport } from './index.server'
import { parseReportPeriod } from './period'

const TODAY = '2026-11-29'
seedDemo({ today: new Date(`${TODAY}T12:00:00Z`) })
const report = (query: string) => getReport(parseReportPeriod(new URLSearchParams(query), TODAY))

test('the demo report tells the TEKTOS story', () => {
	const all = report('')
	// about four startups incubated now
	const now = report(`year=${TODAY.slice(0, 4)}`)
	expect(now.portfolio.byStatus.find((s) => s.label === 'incubated')?.n).toBe(4)
	expect(all.portfolio.totals.entries).toBeGreaterThan(15)

	// over a million euros granted by the innovation fund in four years, and the leverage it triggered
	const fundFourYears = report('from=2015-01-01&to=2018-12-31').funding
	expect(fundFourYears.totals.grantedCents).toBeGreaterThan(1_000_000_00)
	expect(fundFourYears.totals.fundLeverage).toBeGreaterThan(1)

	// a rent subsidy paid by Cap Calaisis every year since the nursery opened its doors
	const years = all.rentSubsidy.byYear.filter(
		(y) => y.year >= 2014 && y.year <= Number(TODAY.slice(0, 4)),
	)
	expect(years.every((y) => y.subsidyCents > 0)).toBe(true)

	// UK introductions and deals
	expect(all.francoBritish.totals.ukIntroductions).toBeGreaterThan(0)
	expect(all.francoBritish.totals.ukDeals).toBeGreaterThan(0)
	expect(all.mentoring.totalMinutes).toBeGreaterThan(0)
	expect(all.jobs.total).toBeGreaterThan(0)
})
