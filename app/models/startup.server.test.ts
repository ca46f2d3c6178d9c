import {
	createAssignment,
	createCohort,
	createExchangeRate,
	createFundingEvent,
	createLease,
	createMentor,
	createStartup,
	createTeamMember,
	createUser,
} from '#tests/factories'
import { getStartupPage } from './startup-page.server'
import {
	changeStartupStatus,
	listStartups,
	listStartupsForExport,
	type StartupFilters,
	updateStartup,
} from './startup.server'
import type { Viewer } from './viewer'
import { activityText } from '#tests/activity'

const manager: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }
const list = (
	filters: StartupFilters = {},
	more: Partial<Parameters<typeof listStartups>[0]> = {},
) =>
	listStartups({
		viewer: manager,
		filters,
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 25,
		...more,
	})
const names = (rows: { name: string }[]) => rows.map((r) => r.name)

test('search, filters and sorting are done by the database', () => {
	const c2013 = createCohort({
		name: 'Promotion 2013',
		startDate: '2013-06-01',
		endDate: '2014-06-30',
	})
	const c2025 = createCohort({
		name: 'Promotion 2025',
		startDate: '2025-09-01',
		endDate: '2026-08-31',
	})
	createStartup({
		name: 'Fretmanche',
		cohortId: c2025.id,
		status: 'incubated',
		stage: 'launch',
		sector: 'Logistics',
		ukFocus: true,
	})
	createStartup({
		name: 'Calais Connect',
		cohortId: c2013.id,
		status: 'graduated',
		stage: 'growth',
		sector: 'Tourism',
		ukFocus: true,
	})
	createStartup({
		name: 'Opale Fibre Lab',
		cohortId: c2025.id,
		status: 'incubated',
		stage: 'prototype',
		sector: 'Fibre',
		ukFocus: false,
	})
	createStartup({
		name: '100% Opale_',
		cohortId: null,
		status: 'applicant',
		stage: 'idea',
		sector: 'Fibre',
	})

	expect(names(list().rows)).toEqual([
		'100% Opale_',
		'Calais Connect',
		'Fretmanche',
		'Opale Fibre Lab',
	])
	expect(names(list({ q: 'opale' }).rows)).toEqual(['100% Opale_', 'Opale Fibre Lab'])
	// LIKE wildcards typed by a user are plain text
	expect(names(list({ q: '100%' }).rows)).toEqual(['100% Opale_'])
	expect(names(list({ q: 'e_' }).rows)).toEqual(['100% Opale_'])
	expect(names(list({ cohortId: c2025.id }).rows)).toEqual(['Fretmanche', 'Opale Fibre Lab'])
	expect(names(list({ status: 'incubated', ukFocus: true }).rows)).toEqual(['Fretmanche'])
	expect(names(list({ sector: 'Fibre', stage: 'idea' }).rows)).toEqual(['100% Opale_'])
	expect(names(list({}, { sort: 'stage', dir: 'desc' }).rows)).toEqual([
		'Calais Connect',
		'Fretmanche',
		'Opale Fibre Lab',
		'100% Opale_',
	])
	expect(names(list({}, { sort: 'cohort', dir: 'desc' }).rows)[0]).toMatch(
		/Fretmanche|Opale Fibre Lab/,
	)
})

test('pages of the list add up to the whole list, and a page past the end shows the last one', () => {
	for (let i = 0; i < 30; i++) createStartup({ name: `Paged ${String(i).padStart(2, '0')}` })
	const first = list({ q: 'Paged' }, { perPage: 25 })
	const second = list({ q: 'Paged' }, { perPage: 25, page: 2 })
	expect(first.total).toBe(30)
	expect(first.pageCount).toBe(2)
	expect(first.rows).toHaveLength(25)
	expect(second.rows).toHaveLength(5)
	expect(new Set([...names(first.rows), ...names(second.rows)]).size).toBe(30)
	expect(list({ q: 'Paged' }, { perPage: 25, page: 99 }).page).toBe(2)
})

test('funds secured are summed in euros, GBP at the rate of the day secured', () => {
	const startup = createStartup({ name: 'Blue Strait Robotics' })
	createExchangeRate({ date: '2026-01-01', rateMicros: 1_150_000 })
	createExchangeRate({ date: '2026-06-01', rateMicros: 1_200_000 })
	createFundingEvent({
		startupId: startup.id,
		status: 'secured',
		currency: 'GBP',
		amountCents: 10_000_00,
		securedOn: '2026-03-15',
	})
	createFundingEvent({
		startupId: startup.id,
		status: 'received',
		currency: 'EUR',
		amountCents: 25_000_00,
	})
	createFundingEvent({
		startupId: startup.id,
		status: 'planned',
		currency: 'EUR',
		amountCents: 99_000_00,
	})
	const row = list({ q: 'Blue Strait' }).rows[0]!
	expect(row.fundsSecuredEurCents).toBe(11_500_00 + 25_000_00)
	expect(
		listStartupsForExport({ viewer: manager, filters: { q: 'Blue' }, sort: 'funds', dir: 'desc' }),
	).toHaveLength(1)
})

test('months in the nursery count the whole months under lease so far', () => {
	const startup = createStartup({ name: 'NordLink Data' })
	// a full year is 12 months, not the 11 that days ÷ 30.44, rounded down, used to give
	createLease({ startupId: startup.id, startDate: '2020-01-01', endDate: '2020-12-31' })
	expect(list({ q: 'NordLink' }).rows[0]!.monthsInNursery).toBe(12)
	// a renewal's two halves add up; a month not yet complete does not count
	const renewed = createStartup({ name: 'Renewed Dunes' })
	createLease({ startupId: renewed.id, startDate: '2021-01-15', endDate: '2021-07-14' })
	createLease({ startupId: renewed.id, startDate: '2021-07-15', endDate: '2022-01-13' })
	expect(list({ q: 'Renewed Dunes' }).rows[0]!.monthsInNursery).toBe(6 + 5)
	// still running on the test clock's day (2026-11-29): 2026-09-30 → 2 whole months
	const running = createStartup({ name: 'Running Tide' })
	createLease({ startupId: running.id, startDate: '2026-09-30', endDate: null })
	expect(list({ q: 'Running Tide' }).rows[0]!.monthsInNursery).toBe(2)
})

test('a founder sees only their startup, a mentor only the ones assigned to them', () => {
	const mine = createStartup({ name: 'Mine' })
	const other = createStartup({ name: 'Other' })
	const founder = createUser({ role: 'founder', startupId: mine.id })
	const mentor = createMentor()
	createAssignment({
		mentorId: mentor.id,
		startupId: other.id,
		startDate: '2025-01-01',
		endDate: null,
	})
	const ended = createStartup({ name: 'Ended' })
	createAssignment({
		mentorId: mentor.id,
		startupId: ended.id,
		startDate: '2020-01-01',
		endDate: '2020-12-31',
	})
	const mentorUser = createUser({ role: 'mentor', mentorId: mentor.id })

	const asFounder = listStartups({
		viewer: founder,
		filters: {},
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 25,
	})
	expect(names(asFounder.rows)).toEqual(['Mine'])
	const asMentor = listStartups({
		viewer: mentorUser,
		filters: {},
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 25,
	})
	expect(names(asMentor.rows)).toEqual(['Other'])
	expect(getStartupPage({ id: other.id, viewer: founder })).toBeNull()
	expect(getStartupPage({ id: mine.id, viewer: mentorUser })).toBeNull()
	expect(getStartupPage({ id: other.id, viewer: mentorUser })?.startup.name).toBe('Other')
})

test('a partner reads a profile without anyone personal data, even in the data sent to the page', () => {
	const startup = createStartup({ name: 'Fretmanche' })
	createTeamMember({
		startupId: startup.id,
		name: 'Sophie Lefebvre',
		email: 'sophie@fretmanche.example',
	})
	const partner = createUser({ role: 'partner' })
	const page = getStartupPage({ id: startup.id, viewer: partner })!
	expect(page.startup.name).toBe('Fretmanche')
	const json = JSON.stringify(page)
	expect(json).not.toContain('sophie@fretmanche.example')
	expect(json).not.toContain('Sophie Lefebvre')
	expect(page.team).toEqual([])
	expect(page.lease).toBeNull()
	expect(page.activity).toEqual([])
})

test('a founder cannot change their status, cohort or dates, even by adding the fields', () => {
	const cohort = createCohort()
	const startup = createStartup({
		name: 'Halio',
		status: 'incubated',
		cohortId: cohort.id,
		enteredOn: '2025-01-01',
	})
	const founder = createUser({ role: 'founder', startupId: startup.id })
	updateStartup({
		id: startup.id,
		viewer: founder,
		input: {
			name: 'Halio SAS',
			sector: 'Fish',
			stage: 'growth',
			ukFocus: true,
			status: 'graduated',
			cohortId: null,
			leftOn: '2026-01-01',
		} as never,
	})
	const after = getStartupPage({ id: startup.id, viewer: founder })!
	expect(after.startup).toMatchObject({
		name: 'Halio SAS',
		status: 'incubated',
		cohortId: cohort.id,
		leftOn: null,
	})
	// the change is on the timeline with who made it
	expect(after.activity[0]).toMatchObject({ action: 'update', userName: founder.name })
	expect(activityText(after.activity[0])).toBe(
		"changed the startup's profile — name: Halio → Halio SAS, sector: logistics → Fish, stage: prototype → growth",
	)
	// and another founder's update of it is refused
	const stranger = createUser({ role: 'founder' })
	expect(
		updateStartup({
			id: startup.id,
			viewer: stranger,
			input: { name: 'Hacked', sector: 'x', stage: 'idea', ukFocus: false },
		}),
	).toBeNull()
})

test('a status moves along the startup’s life only, never out before it came in; the model says so', () => {
	const startup = createStartup({ name: 'Ferrylink', status: 'incubated', enteredOn: '2025-03-01' })
	const moderator = createUser({ role: 'manager' })
	const move = (status: 'applicant' | 'incubated' | 'graduated' | 'left', date: string) =>
		changeStartupStatus({ id: startup.id, status, date, viewer: moderator })
	const page = () => getStartupPage({ id: startup.id, viewer: moderator })!.startup

	expect(move('applicant', '2025-06-01')).toEqual({
		ok: false,
		fieldErrors: { status: ['startups:errors.transition'] },
		formErrors: [],
	})
	expect(move('graduated', '2025-02-01')).toEqual({
		ok: false,
		fieldErrors: { date: ['startups:errors.leftBeforeEntered'] },
		formErrors: [],
	})
	expect(page()).toMatchObject({ status: 'incubated', leftOn: null })
	// a founder does not decide the programme, even their own startup's
	const founder = createUser({ role: 'founder', startupId: startup.id })
	expect(
		changeStartupStatus({ id: startup.id, status: 'left', date: '2026-01-01', viewer: founder }),
	).toBeNull()

	expect(move('graduated', '2026-06-30')).toEqual({ ok: true, value: { id: startup.id } })
	expect(page()).toMatchObject({ status: 'graduated', leftOn: '2026-06-30' })
	// graduated is the end of the road
	expect(move('incubated', '2026-07-01')).toMatchObject({ ok: false })
})
