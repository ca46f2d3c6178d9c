import { now, today } from './clock'

test("today is Calais' date, not UTC's", () => {
	// 23:30 UTC on 31 December is already New Year's Day in Calais
	expect(today(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
	expect(today(new Date('2026-07-14T12:00:00Z'))).toBe('2026-07-14')
})

test('TEKTOS_CLOCK sets the date the app lives on, and the clock runs on from there', () => {
	const saved = process.env.TEKTOS_CLOCK
	try {
		process.env.TEKTOS_CLOCK = '2031-02-03T09:00:00Z'
		const first = now()
		expect(today()).toBe('2031-02-03')
		expect(Math.abs(first.getTime() - Date.parse('2031-02-03T09:00:00Z'))).toBeLessThan(
			24 * 3600 * 1000,
		)
		expect(now().getTime()).toBeGreaterThanOrEqual(first.getTime())
		process.env.TEKTOS_CLOCK = 'soon'
		expect(() => now()).toThrow(/TEKTOS_CLOCK/)
	} finally {
		process.env.TEKTOS_CLOCK = saved
	}
})
