import { today } from './dates'

test("today is Calais' date, not UTC's", () => {
	// 23:30 UTC on 31 December is already New Year's Day in Calais
	expect(today(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
	expect(today(new Date('2026-07-14T12:00:00Z'))).toBe('2026-07-14')
})
