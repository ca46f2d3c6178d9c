import { eq } from 'drizzle-orm'
import { leases, leaseSubsidySteps } from '#db/schema/index'
import { createLease, createStartup, createUnit } from '#tests/factories'
import { auditCount, founderViewer, managerViewer, percentStep } from '#tests/factories-nursery'
import type { LeaseInput } from '~/schemas/nursery'
import { getDb } from '~/utils/db.server'
import { DEFAULT_SCHEDULES } from '~/utils/rent'
import {
	endLease,
	getLease,
	getRenewalDraft,
	getRentAccount,
	listLeasesOfStartup,
	signLease,
} from './lease.server'

const leaseCount = () => getDb().select().from(leases).all().length

function input(overrides: Partial<LeaseInput> = {}): LeaseInput {
	return {
		startupId: overrides.startupId ?? createStartup().id,
		unitId: overrides.unitId ?? createUnit().id,
		startDate: '2027-01-01',
		monthlyRent: 45_000,
		steps: [...DEFAULT_SCHEDULES.incubation],
		...overrides,
	}
}

describe('signing a lease', () => {
	test('the lease and its schedule are written together, with an audit row', () => {
		const manager = managerViewer()
		const audits = auditCount()
		const result = signLease({
			input: input({ endDate: '2028-12-31', steps: [percentStep(1, 6, 2500)] }),
			viewer: manager,
		})
		expect(result?.ok).toBe(true)
		if (!result?.ok) return
		expect(result.value).toMatchObject({ startDate: '2027-01-01', endDate: '2028-12-31' })
		const steps = getDb()
			.select()
			.from(leaseSubsidySteps)
			.where(eq(leaseSubsidySteps.leaseId, result.value.id))
			.all()
		expect(steps).toEqual([
			expect.objectContaining({
				fromMonth: 1,
				toMonth: 6,
				kind: 'percent',
				percentBasisPoints: 2500,
			}),
		])
		expect(auditCount()).toBe(audits + 1)
	})

	test('a unit cannot be leased twice over the same days, checked inside the transaction', () => {
		const manager = managerViewer()
		const unit = createUnit()
		createLease({ unitId: unit.id, startDate: '2027-03-01', endDate: '2027-08-31' })
		const before = leaseCount()
		for (const [startDate, endDate] of [
			['2027-08-31', undefined],
			['2027-01-01', '2027-03-01'],
			['2027-04-01', '2027-04-30'],
			['2026-01-01', undefined],
		] as const) {
			expect(
				signLease({ input: input({ unitId: unit.id, startDate, endDate }), viewer: manager }),
			).toEqual({
				ok: false,
				fieldErrors: { startDate: ['nursery:errors.unitTaken'] },
				formErrors: [],
			})
		}
		expect(leaseCount()).toBe(before)
		// the day after the end, and the days before the start, are free
		expect(
			signLease({ input: input({ unitId: unit.id, startDate: '2027-09-01' }), viewer: manager })
				?.ok,
		).toBe(true)
		expect(
			signLease({
				input: input({ unitId: unit.id, startDate: '2026-01-01', endDate: '2027-02-28' }),
				viewer: manager,
			})?.ok,
		).toBe(true)
	})

	test('the model refuses an end before the start and a bad schedule, even if the form let them by', () => {
		const manager = managerViewer()
		const before = leaseCount()
		expect(
			signLease({
				input: input({ startDate: '2027-05-01', endDate: '2027-04-30' }),
				viewer: manager,
			}),
		).toMatchObject({
			ok: false,
			fieldErrors: { endDate: ['nursery:errors.endBeforeStart'] },
		})
		expect(
			signLease({ input: input({ steps: [percentStep(2, null, 5000)] }), viewer: manager }),
		).toMatchObject({
			ok: false,
			fieldErrors: { 'steps[0].fromMonth': ['nursery:errors.scheduleStart'] },
		})
		expect(
			signLease({
				input: input({ steps: [percentStep(1, 12, 5000), percentStep(12, null, 0)] }),
				viewer: manager,
			}),
		).toMatchObject({
			ok: false,
			fieldErrors: { 'steps[1].fromMonth': ['nursery:errors.stepOverlap'] },
		})
		expect(signLease({ input: input({ startupId: 999_999 }), viewer: manager })).toMatchObject({
			ok: false,
			fieldErrors: { startupId: ['nursery:errors.unknownStartup'] },
		})
		expect(leaseCount()).toBe(before)
	})

	test('only a manager signs', () => {
		const startup = createStartup()
		const before = leaseCount()
		expect(
			signLease({ input: input({ startupId: startup.id }), viewer: founderViewer(startup.id) }),
		).toBeNull()
		expect(leaseCount()).toBe(before)
	})
})

describe('ending and renewing', () => {
	test('ending a lease; moving the end later must keep the unit free', () => {
		const manager = managerViewer()
		const unit = createUnit()
		const lease = createLease({ unitId: unit.id, startDate: '2028-01-01', endDate: null })
		expect(endLease({ id: lease.id, endDate: '2028-06-30', viewer: manager })).toEqual({
			ok: true,
			value: { changed: true },
		})
		createLease({ unitId: unit.id, startDate: '2028-09-01', endDate: null })
		expect(endLease({ id: lease.id, endDate: '2028-09-01', viewer: manager })).toMatchObject({
			ok: false,
			fieldErrors: { endDate: ['nursery:errors.unitTaken'] },
		})
		expect(endLease({ id: lease.id, endDate: '2027-12-31', viewer: manager })).toMatchObject({
			ok: false,
			fieldErrors: { endDate: ['nursery:errors.endBeforeStart'] },
		})
		expect(getLease({ id: lease.id, viewer: manager })!.lease.endDate).toBe('2028-06-30')
	})

	test('a renewal ends the old lease the day before and continues its schedule', () => {
		const manager = managerViewer()
		const old = createLease({ startDate: '2029-01-01', endDate: null, monthlyRentCents: 45_000 })
		const draft = getRenewalDraft({ leaseId: old.id, viewer: manager })!
		expect(draft.renewsLeaseId).toBe(old.id)

		const result = signLease({
			input: input({
				startupId: old.startupId,
				unitId: old.unitId,
				startDate: '2030-03-01',
				monthlyRent: 47_000,
				steps: [percentStep(1, 10, 3000), percentStep(11, null, 0)],
				renewsLeaseId: old.id,
			}),
			viewer: manager,
		})
		expect(result?.ok).toBe(true)
		const oldNow = getLease({ id: old.id, viewer: manager })!
		expect(oldNow.lease.endDate).toBe('2030-02-28')
		expect(oldNow.renewal?.startDate).toBe('2030-03-01')
		expect(listLeasesOfStartup({ startupId: old.startupId, viewer: manager })).toHaveLength(2)
	})

	test('a renewal that fails leaves the old lease as it was', () => {
		const manager = managerViewer()
		const old = createLease({ startDate: '2029-01-01', endDate: null })
		// a third party already holds the unit from 2031
		createLease({ unitId: old.unitId, startDate: '2031-01-01', endDate: null })
		const audits = auditCount()
		const result = signLease({
			input: input({
				startupId: old.startupId,
				unitId: old.unitId,
				startDate: '2030-06-01',
				renewsLeaseId: old.id,
			}),
			viewer: manager,
		})
		// refused after the old lease was ended inside the write: the refusal undoes that too
		expect(result).toMatchObject({
			ok: false,
			fieldErrors: { startDate: ['nursery:errors.unitTaken'] },
		})
		expect(getLease({ id: old.id, viewer: manager })!.lease.endDate).toBeNull()
		expect(auditCount()).toBe(audits)
	})

	test('a renewal keeps the startup and the unit', () => {
		const manager = managerViewer()
		const old = createLease({ startDate: '2029-01-01', endDate: '2029-12-31' })
		expect(
			signLease({
				input: input({ startDate: '2030-01-01', renewsLeaseId: old.id }),
				viewer: manager,
			}),
		).toEqual({
			ok: false,
			fieldErrors: {},
			formErrors: ['nursery:errors.renewalMismatch'],
		})
	})
})

describe('who reads a lease', () => {
	test('a founder reads their own startup’s leases only', () => {
		const mine = createLease({ startDate: '2029-01-01', endDate: '2029-12-31' })
		const other = createLease({ startDate: '2029-01-01', endDate: '2029-12-31' })
		const founder = founderViewer(mine.startupId)
		expect(getLease({ id: mine.id, viewer: founder })).not.toBeNull()
		expect(getLease({ id: other.id, viewer: founder })).toBeNull()
		expect(getRentAccount({ startupId: mine.startupId, viewer: founder })).not.toBeNull()
		expect(getRentAccount({ startupId: other.startupId, viewer: founder })).toBeNull()
		expect(listLeasesOfStartup({ startupId: other.startupId, viewer: founder })).toEqual([])
		expect(getRenewalDraft({ leaseId: mine.id, viewer: founder })).toBeNull()
	})
})
