import { createKpiReport, createStartup, createUser } from '#tests/factories'
import { getKpiOverview, listMissingKpiReports, missingQuarters, saveKpiReport } from './kpi.server'
import type { Viewer } from './viewer'

const manager: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }

test('a startup owes a report for every quarter it spent in the programme, up to the last one', () => {
	const incubated = { status: 'incubated', enteredOn: '2025-08-20', leftOn: null }
	const asOf = '2026-05-10'
	expect(missingQuarters(incubated, new Set(), asOf)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3'])
	expect(missingQuarters(incubated, new Set(['2026-Q1', '2025-Q3']), asOf)).toEqual(['2025-Q4'])
	// entered after the last quarter ended: nothing owed yet
	expect(missingQuarters({ ...incubated, enteredOn: '2026-04-02' }, new Set(), asOf)).toEqual([])
	// graduates and applicants do not report
	expect(missingQuarters({ ...incubated, status: 'graduated' }, new Set(), asOf)).toEqual([])
	// no entry date: only the last quarter is asked for
	expect(missingQuarters({ ...incubated, enteredOn: null }, new Set(), asOf)).toEqual(['2026-Q1'])
})

test("the KPI overview and its writes belong to the startup's editors", () => {
	const startup = createStartup({ status: 'incubated', enteredOn: '2025-08-20' })
	const other = createStartup()
	createKpiReport({ startupId: startup.id, quarter: '2025-Q3' })
	const founder = createUser({ role: 'founder', startupId: startup.id })
	const viewer: Viewer = { id: founder.id, role: 'founder', startupId: startup.id, mentorId: null }
	const overview = getKpiOverview({ viewer, startupId: startup.id, asOf: '2026-05-10' })!
	expect(overview.missing).toEqual(['2026-Q1', '2025-Q4'])
	expect(overview.quarters[0]).toBe('2026-Q2')
	expect(overview.quarters).toContain('2025-Q3')
	expect(getKpiOverview({ viewer, startupId: other.id })).toBeNull()
	const input = { quarter: '2026-Q1', employees: 3, revenue: 100, ukCustomers: 0 }
	expect(saveKpiReport({ viewer, startupId: other.id, input })).toBeNull()
	const partner: Viewer = { id: 0, role: 'partner', startupId: null, mentorId: null }
	expect(saveKpiReport({ viewer: partner, startupId: startup.id, input })).toBeNull()
	expect(saveKpiReport({ viewer, startupId: startup.id, input, asOf: '2026-05-10' })).toMatchObject(
		{ ok: true, value: { status: 'created' } },
	)
	// the same figures again, confirmed: nothing to change
	expect(
		saveKpiReport({ viewer, startupId: startup.id, input: { ...input, replace: '2026-Q1' } }),
	).toMatchObject({ ok: true, value: { status: 'unchanged' } })
})

test('the portfolio list of missing reports follows the cohort view rule', () => {
	const asOf = '2031-02-15'
	const silent = createStartup({
		name: 'Silent 2031',
		status: 'incubated',
		enteredOn: '2030-01-01',
	})
	const newcomer = createStartup({
		name: 'Newcomer 2031',
		status: 'incubated',
		enteredOn: '2031-01-05',
	})
	const reported = createStartup({
		name: 'Reported 2031',
		status: 'incubated',
		enteredOn: '2030-01-01',
	})
	createKpiReport({ startupId: silent.id, quarter: '2030-Q3' })
	createKpiReport({ startupId: reported.id, quarter: '2030-Q4' })
	const result = listMissingKpiReports({ viewer: manager, asOf })!
	expect(result.quarter).toBe('2030-Q4')
	const names = result.startups.map((s) => s.name)
	expect(names).toContain('Silent 2031')
	expect(names).not.toContain('Newcomer 2031')
	expect(names).not.toContain('Reported 2031')
	expect(result.startups.find((s) => s.id === silent.id)!.latestQuarter).toBe('2030-Q3')
	expect(newcomer.id).toBeGreaterThan(0)
})
