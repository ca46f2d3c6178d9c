import { createExchangeRate, createFundingEvent, createStartup, createUser } from '#tests/factories'
import { parseRate } from '~/schemas/funding'
import {
	deleteExchangeRate,
	listAmountsWithoutRate,
	listExchangeRates,
	rateOn,
	saveExchangeRate,
} from './exchange-rate.server'
import type { Viewer } from './viewer'

test('rates are read the way people type them, into millionths', () => {
	expect(parseRate('1,1685')).toBe(1_168_500)
	expect(parseRate('1.17')).toBe(1_170_000)
	expect(parseRate('1.1234567')).toBeNull()
})

test('a GBP amount uses the latest rate on or before its date; one with none is listed', () => {
	createExchangeRate({ date: '3100-01-01', rateMicros: 1_150_000 })
	createExchangeRate({ date: '3100-02-01', rateMicros: 1_160_000 })
	expect(rateOn('3100-01-31')).toEqual({ date: '3100-01-01', rateMicros: 1_150_000 })
	expect(rateOn('3100-02-01')).toEqual({ date: '3100-02-01', rateMicros: 1_160_000 })

	const user = createUser({ role: 'manager' })
	const manager: Viewer = { id: user.id, role: 'manager', startupId: null, mentorId: null }
	const startup = createStartup()
	const converted = createFundingEvent({
		startupId: startup.id,
		currency: 'GBP',
		kind: 'equity_round',
		isPublic: false,
		status: 'planned',
		plannedOn: '3100-02-10',
	})
	expect(listExchangeRates({ viewer: manager }).find((r) => r.date === '3100-02-01')).toMatchObject(
		{
			eventsConverted: 1,
		},
	)
	// removing the rate it used: it falls back on the one before
	const feb = listExchangeRates({ viewer: manager }).find((r) => r.date === '3100-02-01')!
	expect(deleteExchangeRate({ viewer: manager, id: feb.id })).toMatchObject({
		ok: true,
		value: { date: '3100-02-01' },
	})
	expect(listExchangeRates({ viewer: manager }).find((r) => r.date === '3100-01-01')).toMatchObject(
		{
			eventsConverted: 1,
		},
	)
	const early = createFundingEvent({
		startupId: startup.id,
		currency: 'GBP',
		kind: 'equity_round',
		isPublic: false,
		status: 'planned',
		plannedOn: '1999-01-01',
	})
	const without = listAmountsWithoutRate({ viewer: manager }).map((e) => e.id)
	expect(without).toContain(early.id)
	expect(without).not.toContain(converted.id)

	const partner: Viewer = { id: 0, role: 'partner', startupId: null, mentorId: null }
	expect(
		saveExchangeRate({ viewer: partner, input: { date: '3100-03-01', rate: 1_100_000 } }),
	).toBeNull()
	expect(listExchangeRates({ viewer: partner })).toEqual([])
})
