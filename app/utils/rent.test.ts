import {
	computeStatement,
	DEFAULT_SCHEDULES,
	leaseMonthIndex,
	roundHalfUpDiv,
	type SubsidyStep,
} from './rent'

const percent = (fromMonth: number, toMonth: number | null, bp: number): SubsidyStep => ({
	fromMonth,
	toMonth,
	kind: 'percent',
	percentBasisPoints: bp,
	amountCents: null,
})
const fixed = (fromMonth: number, toMonth: number | null, amountCents: number): SubsidyStep => ({
	fromMonth,
	toMonth,
	kind: 'fixed',
	percentBasisPoints: null,
	amountCents,
})

describe('leaseMonthIndex', () => {
	test('the calendar month containing the start date is month 1', () => {
		expect(leaseMonthIndex('2013-06-03', '2013-06')).toBe(1)
		expect(leaseMonthIndex('2025-12-31', '2026-01')).toBe(2)
		expect(leaseMonthIndex('2025-11-16', '2026-10')).toBe(12)
		expect(leaseMonthIndex('2025-11-16', '2026-11')).toBe(13)
		expect(leaseMonthIndex('2026-03-01', '2026-02')).toBe(0)
	})

	test('rejects malformed dates and months', () => {
		expect(() => leaseMonthIndex('2026-02-30', '2026-03')).toThrow(/Not a date/)
		expect(() => leaseMonthIndex('2026-02-01', '2026-13')).toThrow(/Not a month/)
	})
})

describe('computeStatement', () => {
	const incubation = DEFAULT_SCHEDULES.incubation

	test('a full month of 450,00 € at 50 % splits 225,00 / 225,00', () => {
		expect(
			computeStatement({
				monthlyRentCents: 45_000,
				leaseStartDate: '2026-01-01',
				leaseEndDate: null,
				month: '2026-03',
				steps: incubation,
			}),
		).toEqual({
			rentCents: 45_000,
			subsidyCents: 22_500,
			startupShareCents: 22_500,
			daysOccupied: 31,
			daysInMonth: 31,
		})
	})

	test('a lease starting on the 16th of a 30-day month pays 15 days of 30', () => {
		const s = computeStatement({
			monthlyRentCents: 45_000,
			leaseStartDate: '2026-09-16',
			leaseEndDate: null,
			month: '2026-09',
			steps: incubation,
		})
		expect(s).toEqual({
			rentCents: 22_500,
			subsidyCents: 11_250,
			startupShareCents: 11_250,
			daysOccupied: 15,
			daysInMonth: 30,
		})
	})

	test('a lease ending mid-February pays its days only', () => {
		const s = computeStatement({
			monthlyRentCents: 45_000,
			leaseStartDate: '2025-01-01',
			leaseEndDate: '2026-02-10',
			month: '2026-02',
			steps: incubation,
		})
		// 45 000 × 10 / 28 = 16 071,43 → 16 071; month 14 → 30 % = 4 821,3 → 4 821
		expect(s).toMatchObject({ rentCents: 16_071, subsidyCents: 4_821, startupShareCents: 11_250 })
		expect(s).toMatchObject({ daysOccupied: 10, daysInMonth: 28 })
	})

	test('a leap February has 29 days', () => {
		const s = computeStatement({
			monthlyRentCents: 29_000,
			leaseStartDate: '2028-02-15',
			leaseEndDate: null,
			month: '2028-02',
			steps: [],
		})
		expect(s).toMatchObject({ rentCents: 15_000, daysOccupied: 15, daysInMonth: 29 })
	})

	test('an odd-cent rent at 30 % rounds the subsidy half up and the shares still add up', () => {
		const s = computeStatement({
			monthlyRentCents: 58_735,
			leaseStartDate: '2026-01-01',
			leaseEndDate: null,
			month: '2026-02',
			steps: DEFAULT_SCHEDULES.acceleration,
		})
		// 587,35 € × 30 % = 176,205 € → 176,21 €
		expect(s).toMatchObject({ rentCents: 58_735, subsidyCents: 17_621, startupShareCents: 41_114 })
	})

	test('prorated rent rounds half up', () => {
		const s = computeStatement({
			monthlyRentCents: 1_001,
			leaseStartDate: '2026-09-16',
			leaseEndDate: null,
			month: '2026-09',
			steps: [],
		})
		// 1 001 × 15 / 30 = 500,5 → 501
		expect(s?.rentCents).toBe(501)
	})

	test('month 13 switches from 50 % to 30 %, month 25 reaches market rent', () => {
		const at = (month: string) =>
			computeStatement({
				monthlyRentCents: 45_000,
				leaseStartDate: '2025-11-16',
				leaseEndDate: null,
				month,
				steps: incubation,
			})
		expect(at('2026-10')?.subsidyCents).toBe(22_500)
		expect(at('2026-11')?.subsidyCents).toBe(13_500)
		expect(at('2026-11')?.startupShareCents).toBe(31_500)
		expect(at('2027-10')?.subsidyCents).toBe(13_500)
		expect(at('2027-11')).toMatchObject({ subsidyCents: 0, startupShareCents: 45_000 })
	})

	test('acceleration gives 30 % for 12 months, then nothing', () => {
		const at = (month: string) =>
			computeStatement({
				monthlyRentCents: 14_500,
				leaseStartDate: '2026-01-01',
				leaseEndDate: null,
				month,
				steps: DEFAULT_SCHEDULES.acceleration,
			})?.subsidyCents
		expect(at('2026-12')).toBe(4_350)
		expect(at('2027-01')).toBe(0)
	})

	test('a fixed step is prorated and never exceeds the rent', () => {
		const base = { leaseStartDate: '2026-09-16', leaseEndDate: null, steps: [fixed(1, 12, 30_000)] }
		expect(computeStatement({ ...base, monthlyRentCents: 45_000, month: '2026-10' })).toMatchObject(
			{ rentCents: 45_000, subsidyCents: 30_000, startupShareCents: 15_000 },
		)
		expect(computeStatement({ ...base, monthlyRentCents: 45_000, month: '2026-09' })).toMatchObject(
			{ rentCents: 22_500, subsidyCents: 15_000, startupShareCents: 7_500 },
		)
		expect(computeStatement({ ...base, monthlyRentCents: 20_000, month: '2026-10' })).toMatchObject(
			{ rentCents: 20_000, subsidyCents: 20_000, startupShareCents: 0 },
		)
	})

	test('no step for the month means no subsidy; 100 % means the startup pays nothing', () => {
		const steps = [percent(1, 6, 10_000), percent(10, null, 5_000)]
		const at = (month: string) =>
			computeStatement({
				monthlyRentCents: 45_000,
				leaseStartDate: '2026-01-01',
				leaseEndDate: null,
				month,
				steps,
			})
		expect(at('2026-06')).toMatchObject({ subsidyCents: 45_000, startupShareCents: 0 })
		expect(at('2026-08')).toMatchObject({ subsidyCents: 0, startupShareCents: 45_000 })
		expect(at('2026-10')).toMatchObject({ subsidyCents: 22_500 })
	})

	test('a month outside the lease has no statement', () => {
		const lease = {
			monthlyRentCents: 45_000,
			leaseStartDate: '2026-03-10',
			leaseEndDate: '2026-06-30',
			steps: incubation,
		}
		expect(computeStatement({ ...lease, month: '2026-02' })).toBeNull()
		expect(computeStatement({ ...lease, month: '2026-07' })).toBeNull()
		expect(computeStatement({ ...lease, month: '2026-06' })?.rentCents).toBe(45_000)
		// a lease of a single day
		expect(
			computeStatement({ ...lease, leaseEndDate: '2026-03-10', month: '2026-03' }),
		).toMatchObject({ rentCents: 1_452, daysOccupied: 1, daysInMonth: 31 })
	})

	test('rent always equals subsidy + startup share, to the cent', () => {
		const schedules = [
			incubation,
			DEFAULT_SCHEDULES.acceleration,
			[percent(1, null, 3_333)],
			[fixed(1, null, 12_345)],
		]
		const starts = ['2026-01-01', '2026-01-16', '2026-02-28', '2025-12-31']
		let checked = 0
		for (let rent = 0; rent <= 250_000; rent += 997) {
			for (const steps of schedules) {
				for (const leaseStartDate of starts) {
					for (const month of ['2026-01', '2026-02', '2027-01', '2028-02']) {
						const s = computeStatement({
							monthlyRentCents: rent,
							leaseStartDate,
							leaseEndDate: '2028-02-17',
							month,
							steps,
						})
						if (!s) continue
						expect(s.subsidyCents + s.startupShareCents).toBe(s.rentCents)
						expect(s.subsidyCents).toBeGreaterThanOrEqual(0)
						expect(s.startupShareCents).toBeGreaterThanOrEqual(0)
						expect(s.rentCents).toBeLessThanOrEqual(rent)
						checked++
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(10_000)
	})

	test('rejects a rent that is not integer cents', () => {
		expect(() =>
			computeStatement({
				monthlyRentCents: 450.5,
				leaseStartDate: '2026-01-01',
				leaseEndDate: null,
				month: '2026-01',
				steps: [],
			}),
		).toThrow(/integer of cents/)
	})
})

test('roundHalfUpDiv rounds halves up', () => {
	expect(roundHalfUpDiv(5, 2)).toBe(3)
	expect(roundHalfUpDiv(7, 4)).toBe(2)
	expect(roundHalfUpDiv(5, 4)).toBe(1)
	expect(roundHalfUpDiv(0, 30)).toBe(0)
})
