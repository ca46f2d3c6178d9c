import { monthsOf, parseReportPeriod, quartersOf, yearsOf } from './period'

const parse = (query: string, today = '2026-11-29') =>
	parseReportPeriod(new URLSearchParams(query), today)

test('a year, a quarter, a range, or since the opening', () => {
	expect(parse('year=2025')).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31' })
	expect(parse('quarter=2024-Q3')).toMatchObject({
		kind: 'quarter',
		from: '2024-07-01',
		to: '2024-09-30',
	})
	expect(parse('from=2020-03-15&to=2021-02-28')).toMatchObject({
		kind: 'range',
		from: '2020-03-15',
		to: '2021-02-28',
	})
	expect(parse('')).toMatchObject({ kind: 'all', from: '2013-06-01', to: '2026-11-29' })
})

test('the current year is the year so far, and nonsense falls back to since the opening', () => {
	expect(parse('year=2026').to).toBe('2026-11-29')
	for (const q of [
		'year=abc',
		'quarter=2024-Q5',
		'from=2021-01-01&to=2020-01-01',
		'from=2021-02-30&to=2021-03-01',
	]) {
		expect(parse(q).kind).toBe('all')
	}
})

test('the period keeps its cohort and can be written back to a URL', () => {
	const period = parse('quarter=2025-Q1&cohort=4')
	expect(period.cohortId).toBe(4)
	expect(period.search).toBe('quarter=2025-Q1&cohort=4')
	expect(parse('cohort=x').cohortId).toBeNull()
})

test('years, months and quarters of a period', () => {
	expect(yearsOf({ from: '2024-11-01', to: '2026-02-01' })).toEqual([2024, 2025, 2026])
	expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual([
		'2025-11',
		'2025-12',
		'2026-01',
		'2026-02',
	])
	expect(quartersOf({ from: '2025-11-15', to: '2026-04-01' })).toEqual([
		'2025-Q4',
		'2026-Q1',
		'2026-Q2',
	])
})

test('the period form says which kind it means; the other fields are ignored', () => {
	expect(parse('period=quarter&year=2020&quarter=2025-Q2&from=&to=')).toMatchObject({
		kind: 'quarter',
		from: '2025-04-01',
	})
	expect(parse('period=all&year=2020')).toMatchObject({ kind: 'all' })
})
