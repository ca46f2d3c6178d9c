import fc from 'fast-check'
import { addDays, addMonths, monthOf } from './calendar'
import {
	ageingBucket,
	basisPointsToInput,
	computeStatement,
	DEFAULT_SCHEDULES,
	dueDateFor,
	findSubsidyStep,
	fullMonthSplit,
	leaseMonthIndex,
	parsePercentBasisPoints,
	roundHalfUpDiv,
	scheduleSegments,
	shiftSchedule,
	statementLanguage,
	type SubsidyStep,
	unissuedSubsidyForYear,
	validateSchedule,
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

// ---------------------------------------------------------------- properties (fast-check)

describe('computeStatement, for any rent, schedule and start/end day', () => {
	/** Days of the month the lease covers, counted one by one: an oracle independent of the code. */
	function daysCovered(start: string, end: string | null, month: string) {
		const [y, m] = month.split('-').map(Number) as [number, number]
		const dim = new Date(Date.UTC(y, m, 0)).getUTCDate()
		let days = 0
		for (let d = 1; d <= dim; d++) {
			const day = `${month}-${String(d).padStart(2, '0')}`
			if (day >= start && (end === null || day <= end)) days++
		}
		return { days, dim }
	}

	const isoDay = fc
		.date({ min: new Date('2013-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z') })
		.map((d) => d.toISOString().slice(0, 10))

	/** Any steps at all, even overlapping or out of order: shares must stay sound regardless. */
	const anyStep = fc.oneof(
		fc.record({
			fromMonth: fc.integer({ min: 1, max: 60 }),
			toMonth: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }),
			kind: fc.constant('percent' as const),
			percentBasisPoints: fc.integer({ min: 0, max: 10_000 }),
			amountCents: fc.constant(null),
		}),
		fc.record({
			fromMonth: fc.integer({ min: 1, max: 60 }),
			toMonth: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }),
			kind: fc.constant('fixed' as const),
			percentBasisPoints: fc.constant(null),
			amountCents: fc.integer({ min: 0, max: 20_000_000 }),
		}),
	)

	const lease = fc
		.record({
			monthlyRentCents: fc.integer({ min: 0, max: 100_000_000 }),
			start: isoDay,
			lengthDays: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: null }),
			monthOffset: fc.integer({ min: -2, max: 40 }),
			steps: fc.array(anyStep, { maxLength: 6 }),
		})
		.map(({ start, lengthDays, monthOffset, ...rest }) => ({
			...rest,
			leaseStartDate: start,
			leaseEndDate: lengthDays === null ? null : addDays(start, lengthDays),
			month: addMonths(monthOf(start), monthOffset),
		}))

	test('subsidy + startup share = the rent prorated by days, and no share is negative', () => {
		fc.assert(
			fc.property(lease, (l) => {
				const s = computeStatement(l)
				const { days, dim } = daysCovered(l.leaseStartDate, l.leaseEndDate, l.month)
				if (days === 0) {
					expect(s).toBeNull()
					return
				}
				expect(s).not.toBeNull()
				expect(s!.daysOccupied).toBe(days)
				expect(s!.daysInMonth).toBe(dim)
				// the prorated rent, rounded half up, computed here with BigInt
				const exact =
					(BigInt(l.monthlyRentCents) * BigInt(days) * 2n + BigInt(dim)) / (2n * BigInt(dim))
				expect(s!.rentCents).toBe(Number(exact))
				expect(s!.subsidyCents + s!.startupShareCents).toBe(s!.rentCents)
				expect(s!.subsidyCents).toBeGreaterThanOrEqual(0)
				expect(s!.startupShareCents).toBeGreaterThanOrEqual(0)
				expect(Number.isInteger(s!.subsidyCents)).toBe(true)
				expect(Number.isInteger(s!.startupShareCents)).toBe(true)
			}),
			{ numRuns: 3_000 },
		)
	})

	test('a percent step gives exactly round-half-up(rent × percent) to Cap Calaisis', () => {
		fc.assert(
			fc.property(lease, fc.integer({ min: 0, max: 10_000 }), (l, bp) => {
				const s = computeStatement({ ...l, steps: [percent(1, null, bp)] })
				if (!s || leaseMonthIndex(l.leaseStartDate, l.month) < 1) return
				const exact = (BigInt(s.rentCents) * BigInt(bp) * 2n + 10_000n) / 20_000n
				expect(s.subsidyCents).toBe(Number(exact))
			}),
			{ numRuns: 1_000 },
		)
	})

	test('a full month matches the schedule table (fullMonthSplit)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 100_000_000 }),
				fc.array(anyStep, { maxLength: 4 }),
				fc.integer({ min: 1, max: 48 }),
				(rent, steps, index) => {
					const month = addMonths('2020-01', index - 1)
					const s = computeStatement({
						monthlyRentCents: rent,
						leaseStartDate: '2020-01-01',
						leaseEndDate: null,
						month,
						steps,
					})!
					const split = fullMonthSplit(rent, findSubsidyStep(steps, index))
					expect(split).toEqual({
						subsidyCents: s.subsidyCents,
						startupShareCents: s.startupShareCents,
					})
				},
			),
			{ numRuns: 1_000 },
		)
	})
})

describe('schedules', () => {
	test('a valid schedule starts at month 1 and has no overlap; a gap is allowed', () => {
		expect(validateSchedule(DEFAULT_SCHEDULES.incubation)).toEqual([])
		expect(validateSchedule([])).toEqual([])
		expect(validateSchedule([percent(1, 6, 5000), percent(10, null, 0)])).toEqual([])
		expect(validateSchedule([percent(2, 12, 5000)])).toEqual([
			{ index: 0, field: 'fromMonth', code: 'mustStartAtOne' },
		])
		// order given does not matter; the issue points at the step as typed
		expect(validateSchedule([percent(12, 24, 3000), percent(1, 12, 5000)])).toEqual([
			{ index: 0, field: 'fromMonth', code: 'overlap' },
		])
		expect(validateSchedule([percent(1, null, 5000), percent(13, null, 0)])).toEqual([
			{ index: 1, field: 'fromMonth', code: 'overlap' },
		])
		expect(validateSchedule([fixed(1, 0 as number, 100)])).toContainEqual({
			index: 0,
			field: 'toMonth',
			code: 'endBeforeStart',
		})
	})

	test('a renewal continues the schedule where the old lease stands', () => {
		// 14 months elapsed: the new lease's month 1 is the old lease's month 15
		expect(shiftSchedule(DEFAULT_SCHEDULES.incubation, 14)).toEqual([
			percent(1, 10, 3000),
			percent(11, null, 0),
		])
		expect(shiftSchedule(DEFAULT_SCHEDULES.incubation, 30)).toEqual([percent(1, null, 0)])
		expect(shiftSchedule(DEFAULT_SCHEDULES.incubation, 0)).toEqual(DEFAULT_SCHEDULES.incubation)
		// a gap at the new start becomes an explicit 0 % step
		expect(shiftSchedule([percent(1, 6, 5000), percent(10, null, 2000)], 7)).toEqual([
			percent(1, 2, 0),
			percent(3, null, 2000),
		])
		for (const elapsed of [0, 1, 11, 12, 13, 24, 25, 100]) {
			expect(validateSchedule(shiftSchedule(DEFAULT_SCHEDULES.incubation, elapsed))).toEqual([])
		}
	})

	test('segments cover every month from 1, gaps and the open end included', () => {
		expect(scheduleSegments([percent(1, 6, 5000), percent(10, 12, 2000)])).toEqual([
			{ fromMonth: 1, toMonth: 6, step: percent(1, 6, 5000) },
			{ fromMonth: 7, toMonth: 9, step: null },
			{ fromMonth: 10, toMonth: 12, step: percent(10, 12, 2000) },
			{ fromMonth: 13, toMonth: null, step: null },
		])
		expect(scheduleSegments([])).toEqual([{ fromMonth: 1, toMonth: null, step: null }])
	})

	test('what a schedule still costs in a year skips the months already issued', () => {
		const l = { monthlyRentCents: 45_000, startDate: '2026-09-16', endDate: null }
		const steps = DEFAULT_SCHEDULES.incubation
		// Sept: 15/30 days → 22 500, half = 11 250; Oct–Dec: 22 500 each
		expect(unissuedSubsidyForYear({ lease: l, steps, year: 2026, issuedMonths: new Set() })).toBe(
			11_250 + 3 * 22_500,
		)
		expect(
			unissuedSubsidyForYear({
				lease: l,
				steps,
				year: 2026,
				issuedMonths: new Set(['2026-09', '2026-10']),
			}),
		).toBe(2 * 22_500)
		// 2027: months 5–12 at 50 % (Jan–Aug), months 13–16 at 30 % (Sep–Dec)
		expect(unissuedSubsidyForYear({ lease: l, steps, year: 2027, issuedMonths: new Set() })).toBe(
			8 * 22_500 + 4 * 13_500,
		)
		expect(unissuedSubsidyForYear({ lease: l, steps, year: 2025, issuedMonths: new Set() })).toBe(0)
	})
})

describe('dates, ageing and language of a statement', () => {
	test('a statement falls due on the 11th, or when issued if later', () => {
		expect(dueDateFor('2026-12', '2026-11-29')).toBe('2026-12-11')
		expect(dueDateFor('2026-11', '2026-11-01')).toBe('2026-11-11')
		expect(dueDateFor('2026-10', '2026-11-29')).toBe('2026-11-29')
	})

	test('ageing buckets: 0–30, 31–60, 61–90, 90+ days past due', () => {
		expect([0, 30, 31, 60, 61, 90, 91, 400].map(ageingBucket)).toEqual([
			'0-30',
			'0-30',
			'31-60',
			'31-60',
			'61-90',
			'61-90',
			'90+',
			'90+',
		])
	})

	test('English for a UK company with no SIREN, French otherwise', () => {
		expect(statementLanguage({ siren: null, companiesHouseNumber: '14820375' })).toBe('en')
		expect(statementLanguage({ siren: '732829320', companiesHouseNumber: '09934417' })).toBe('fr')
		expect(statementLanguage({ siren: '732829320', companiesHouseNumber: null })).toBe('fr')
		expect(statementLanguage({ siren: null, companiesHouseNumber: null })).toBe('fr')
	})
})

describe('percentages typed by people (amounts: money.test.ts)', () => {
	test('percentages become basis points, at most 100 %', () => {
		expect(parsePercentBasisPoints('50')).toBe(5000)
		expect(parsePercentBasisPoints('12,5 %')).toBe(1250)
		expect(parsePercentBasisPoints('33.33')).toBe(3333)
		expect(parsePercentBasisPoints('100')).toBe(10_000)
		for (const bad of ['100,01', '-1', '', 'half', '1,234']) {
			expect(parsePercentBasisPoints(bad)).toBeNull()
		}
	})

	test('typed back the way each language writes them', () => {
		expect(basisPointsToInput(1250)).toBe('12,5')
		expect(basisPointsToInput(5000, 'en')).toBe('50')
	})
})
