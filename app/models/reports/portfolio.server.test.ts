import { createStartup } from '#tests/factories'
import { parseReportPeriod } from './period'
import { getPortfolioReport } from './portfolio.server'

const survival = (query: string, years: number) =>
	getPortfolioReport(parseReportPeriod(new URLSearchParams(query), '2026-11-29')).survival.find(
		(s) => s.years === years,
	)

test('survival after a year: on the anniversary day itself a startup still there survived', () => {
	// entered 1 March 2021: the first anniversary is 1 March 2022
	createStartup({ status: 'left', enteredOn: '2021-03-01', leftOn: '2022-03-01' })
	createStartup({ status: 'left', enteredOn: '2021-03-01', leftOn: '2022-02-28' })
	createStartup({ status: 'graduated', enteredOn: '2021-03-01', leftOn: '2021-12-31' })
	// not a year old by the end of February 2022: not counted yet
	createStartup({ status: 'incubated', enteredOn: '2021-03-02' })
	expect(survival('from=2021-01-01&to=2022-03-01', 1)).toEqual({
		years: 1,
		eligible: 3,
		survived: 2,
	})
	expect(survival('from=2021-01-01&to=2022-02-28', 1)).toEqual({
		years: 1,
		eligible: 0,
		survived: 0,
	})
})

test('an entry on 29 February has its anniversary on 1 March', () => {
	createStartup({ status: 'left', enteredOn: '2024-02-29', leftOn: '2025-02-28' })
	// eligible from 1 March 2025 (with the four above, all a year old by then)
	expect(survival('from=2025-01-01&to=2025-02-28', 1)?.eligible).toBe(4)
	const onFirstMarch = survival('from=2025-01-01&to=2025-03-01', 1)!
	expect(onFirstMarch.eligible).toBe(5)
	// it left the day before its anniversary: one more failure
	expect(onFirstMarch.survived).toBe(3)
})
