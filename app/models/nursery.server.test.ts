import { createLease, createStartup, createUnit } from '#tests/factories'
import { founderViewer, managerViewer } from '#tests/factories-nursery'
import { today } from '~/utils/clock'
import { addDays, addMonths, firstDayOf, lastDayOf, monthOf } from '~/utils/calendar'
import {
	createUnit as createUnitModel,
	listUnits,
	occupancyHistory,
	updateUnit,
} from './nursery.server'

const unitInput = (code: string) => ({
	code,
	floor: 1,
	kind: 'office' as const,
	areaM2: 18.5,
	desks: 2,
	marketRent: 45_000,
})

describe('units', () => {
	test('a unit code is unique whatever its case; editing keeps its own code', () => {
		const manager = managerViewer()
		const created = createUnitModel({ input: unitInput('Q1-01'), viewer: manager })
		expect(created).toMatchObject({ ok: true, value: { code: 'Q1-01', areaM2: 18.5 } })
		expect(createUnitModel({ input: unitInput('q1-01'), viewer: manager })).toEqual({
			ok: false,
			fieldErrors: { code: ['nursery:errors.codeTaken'] },
			formErrors: [],
		})
		if (!created?.ok) return
		const id = created.value.id
		expect(
			updateUnit({ id, input: { ...unitInput('Q1-01'), marketRent: 47_000 }, viewer: manager }),
		).toMatchObject({ ok: true, value: { changed: true, unit: { marketRentCents: 47_000 } } })
		expect(
			updateUnit({ id, input: { ...unitInput('Q1-01'), marketRent: 47_000 }, viewer: manager }),
		).toMatchObject({ ok: true, value: { changed: false } })
		createUnitModel({ input: unitInput('Q1-02'), viewer: manager })
		expect(updateUnit({ id, input: unitInput('Q1-02'), viewer: manager })).toMatchObject({
			ok: false,
		})
		expect(updateUnit({ id: 999_999, input: unitInput('Q9-99'), viewer: manager })).toBeNull()
	})

	test('the plan shows today’s occupant; a past lease leaves the unit free', () => {
		const manager = managerViewer()
		const date = today()
		const startup = createStartup({ name: 'Occupant du jour' })
		const busy = createUnit()
		const free = createUnit()
		createLease({
			unitId: busy.id,
			startupId: startup.id,
			startDate: addDays(date, -10),
			endDate: null,
		})
		createLease({ unitId: free.id, startDate: '2020-01-01', endDate: addDays(date, -1) })
		createLease({ unitId: free.id, startDate: addDays(date, 1), endDate: null })
		const units = listUnits({ viewer: manager })
		expect(units.find((u) => u.id === busy.id)).toMatchObject({ startupName: 'Occupant du jour' })
		expect(units.find((u) => u.id === free.id)).toMatchObject({ leaseId: null, startupName: null })
		expect(units.filter((u) => u.id === busy.id)).toHaveLength(1)
		expect(listUnits({ viewer: founderViewer(startup.id) })).toEqual([])
	})

	test('only managers create units', () => {
		const startup = createStartup()
		expect(
			createUnitModel({ input: unitInput('Z9-99'), viewer: founderViewer(startup.id) }),
		).toBeNull()
		expect(listUnits({ viewer: managerViewer() }).some((u) => u.code === 'Z9-99')).toBe(false)
	})
})

describe('occupancy over 24 months', () => {
	test('a unit counts in every month its lease covers at least one day of, and only those', () => {
		const manager = managerViewer()
		const current = monthOf(today())
		const before = occupancyHistory({ viewer: manager })
		const unit = createUnit()
		// from the last day of five months ago to the first day of two months ago
		createLease({
			unitId: unit.id,
			startDate: lastDayOf(addMonths(current, -5)),
			endDate: firstDayOf(addMonths(current, -2)),
		})
		const after = occupancyHistory({ viewer: manager })
		expect(after.months).toHaveLength(24)
		expect(after.months.at(-1)!.month).toBe(current)
		expect(after.months[0]!.month).toBe(addMonths(current, -23))
		expect(after.totalUnits).toBe(before.totalUnits + 1)
		const added = after.months.map((m, i) => m.occupied - before.months[i]!.occupied)
		expect(added).toEqual([...Array(18).fill(0), 1, 1, 1, 1, 0, 0])
	})
})
