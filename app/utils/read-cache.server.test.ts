import Database from 'better-sqlite3'
import { createFundingEvent, createStartup } from '#tests/factories'
import { getReport } from '~/models/reports/index.server'
import { parseReportPeriod } from '~/models/reports/period'
import { getDatabasePath } from './env.server'
import { cachedRead } from './read-cache.server'
import { configureConnection } from './sqlite-connection.server'

const period = parseReportPeriod(new URLSearchParams('year=2025'), '2026-11-29')

test('a report read again is the same until something is written, then it shows the write', () => {
	const startup = createStartup()
	createFundingEvent({ startupId: startup.id, plannedOn: '2025-03-01', amountCents: 1_000_000 })
	const first = getReport(period).funding.totals.securedCents
	expect(getReport(period).funding.totals.securedCents).toBe(first)
	createFundingEvent({ startupId: startup.id, plannedOn: '2025-04-01', amountCents: 250_000 })
	expect(getReport(period).funding.totals.securedCents).toBe(first + 250_000)
})

test('a write by another connection (the import worker has its own) is seen too', () => {
	createStartup()
	let computed = 0
	const count = () => cachedRead('test:computed', () => ++computed)
	expect(count()).toBe(1)
	expect(count()).toBe(1)
	const other = new Database(getDatabasePath())
	configureConnection(other)
	other
		.prepare(
			`UPDATE startups SET pitch_en = 'Changed elsewhere' WHERE id = (SELECT max(id) FROM startups)`,
		)
		.run()
	other.close()
	expect(count()).toBe(2)
})
