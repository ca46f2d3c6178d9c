import fc from 'fast-check'
import {
	addDays,
	addMonths,
	addMonthsToDate,
	addQuarters,
	daysBetween,
	firstDayOf,
	isDate,
	isMonth,
	lastDayOf,
	lastFinishedQuarter,
	monthDiff,
	monthOf,
	monthRange,
	quarterEnd,
	quarterOf,
	quarterRange,
	quarterStart,
} from './calendar'

test('days and months move across months, years and leap days', () => {
	expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
	expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
	expect(daysBetween('2026-10-11', '2026-11-29')).toBe(49)
	expect(daysBetween('2026-11-29', '2026-10-11')).toBe(-49)
	expect(addMonths('2026-11', 2)).toBe('2027-01')
	expect(addMonths('2026-01', -1)).toBe('2025-12')
	expect(addMonths('2026-01', -25)).toBe('2023-12')
	expect(monthDiff('2025-11', '2026-02')).toBe(3)
	expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
	expect(monthRange('2026-02', '2025-11')).toEqual([])
	expect(firstDayOf('2028-02')).toBe('2028-02-01')
	expect(lastDayOf('2028-02')).toBe('2028-02-29')
	expect(lastDayOf('2027-02')).toBe('2027-02-28')
	expect(monthOf('2026-05-10')).toBe('2026-05')
})

test('a date plus months stays within the month it lands in', () => {
	expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28')
	expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29')
	expect(addMonthsToDate('2026-03-16', -14)).toBe('2025-01-16')
	expect(addMonthsToDate('2025-12-15', 1)).toBe('2026-01-15')
})

test('quarters: which one, its first and last day, the last one finished', () => {
	expect(quarterOf('2026-05-10')).toBe('2026-Q2')
	expect(quarterOf('2026-12')).toBe('2026-Q4')
	expect(quarterStart('2026-Q3')).toBe('2026-07-01')
	expect(quarterEnd('2026-Q1')).toBe('2026-03-31')
	expect(quarterEnd('2026-Q2')).toBe('2026-06-30')
	expect(quarterEnd('2026-Q4')).toBe('2026-12-31')
	expect(addQuarters('2026-Q1', -1)).toBe('2025-Q4')
	expect(addQuarters('2025-Q3', 6)).toBe('2027-Q1')
	expect(lastFinishedQuarter('2026-05-10')).toBe('2026-Q1')
	expect(lastFinishedQuarter('2026-01-01')).toBe('2025-Q4')
	expect(lastFinishedQuarter('2026-12-31')).toBe('2026-Q3')
	expect(quarterRange('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'])
})

test('what is not a date or a month is refused, not rolled over', () => {
	expect(isDate('2026-02-29')).toBe(false)
	expect(isDate('2028-02-29')).toBe(true)
	expect(isDate('2026-13-01')).toBe(false)
	expect(isDate('26-01-01')).toBe(false)
	expect(isMonth('2026-00')).toBe(false)
	expect(isMonth('2026-12')).toBe(true)
	expect(() => addDays('2026-02-30', 1)).toThrow(/Not a date/)
	expect(() => addMonths('2026-13', 1)).toThrow(/Not a month/)
	expect(() => quarterEnd('2026-Q5')).toThrow(/Not a quarter/)
})

test('every day of a quarter lies between its first and last day, and after the last finished one', () => {
	const day = fc
		.record({ offset: fc.integer({ min: 0, max: 365 * 80 }) })
		.map(({ offset }) => addDays('2000-01-01', offset))
	fc.assert(
		fc.property(day, fc.integer({ min: -40, max: 40 }), (date, n) => {
			const q = quarterOf(date)
			expect(quarterStart(q) <= date && date <= quarterEnd(q)).toBe(true)
			expect(quarterEnd(lastFinishedQuarter(date)) < date).toBe(true)
			expect(addDays(quarterEnd(q), 1)).toBe(quarterStart(addQuarters(q, 1)))
			expect(daysBetween(date, addDays(date, n))).toBe(n)
			expect(monthDiff(monthOf(date), addMonths(monthOf(date), n))).toBe(n)
		}),
	)
})
