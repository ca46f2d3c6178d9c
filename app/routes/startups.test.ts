import { createCohort, createStartup, createTeamMember, createUser } from '#tests/factories'
import {
	actionArgs,
	dataOf,
	get,
	loaderArgs,
	post,
	sessionCookie,
	settle,
	statusOf,
} from '#tests/request'
import { getStartupForEdit, listStartupActivity } from '~/models/startup.server'
import type { Viewer } from '~/models/viewer'
import { action as editAction, loader as editLoader } from './_app.startups.$startupId_.edit'
import { action as pageAction, loader as pageLoader } from './_app.startups.$startupId/route'
import { loader as exportLoader } from './_app.startups.export[.csv]'
import { loader as listLoader } from './_app.startups._index'
import { action as newAction } from './_app.startups.new'
import { activityText } from '#tests/activity'

const manager: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }

async function as(role: 'manager' | 'founder' | 'mentor' | 'partner', overrides = {}) {
	const user = createUser({ role, ...overrides })
	return { user, cookie: await sessionCookie(user.id) }
}

const form = (values: Record<string, string> = {}) => ({
	name: 'Dover Data',
	sector: 'Data',
	stage: 'prototype',
	status: 'applicant',
	...values,
})

test('a manager creates a startup in a cohort and it is on the timeline', async () => {
	const { user, cookie } = await as('manager')
	const cohort = createCohort({ name: 'Promotion 2026' })
	const res = (await newAction(
		actionArgs(
			post(
				'/startups/new',
				form({ cohortId: String(cohort.id), siren: '732 829 320', ukFocus: 'on' }),
				cookie,
			),
		),
	)) as Response
	expect(res.status).toBe(302)
	const id = Number(res.headers.get('Location')!.split('/').pop())
	expect(getStartupForEdit({ id, viewer: manager })).toMatchObject({
		name: 'Dover Data',
		cohortId: cohort.id,
		siren: '732829320',
		ukFocus: true,
		companiesHouseNumber: null,
	})
	expect(listStartupActivity({ startupId: id, viewer: manager })[0]).toMatchObject({
		action: 'create',
		userName: user.name,
	})
})

test('bad startup input comes back with field messages and writes nothing', async () => {
	const { cookie } = await as('manager')
	createStartup({ siren: '552100554', companiesHouseNumber: '09934417' })
	const cases: [Record<string, string>, string, string][] = [
		[{ siren: '552100554' }, 'siren', 'startups:errors.sirenTaken'],
		[{ siren: '123456789' }, 'siren', 'errors.sirenChecksum'],
		[{ siren: '12345' }, 'siren', 'errors.sirenFormat'],
		[
			{ companiesHouseNumber: '9934417' },
			'companiesHouseNumber',
			'startups:errors.companiesHouseTaken',
		],
		[{ companiesHouseNumber: 'ABC' }, 'companiesHouseNumber', 'errors.companiesHouseFormat'],
		[
			{ enteredOn: '2025-09-01', leftOn: '2025-01-01' },
			'leftOn',
			'startups:errors.leftBeforeEntered',
		],
		[{ cohortId: '99999' }, 'cohortId', 'startups:errors.unknownCohort'],
		[{ name: 'x'.repeat(500) }, 'name', 'errors.tooLong'],
		[{ stage: 'unicorn' }, 'stage', 'errors.invalidChoice'],
		[{ enteredOn: '2025-02-30' }, 'enteredOn', 'errors.date'],
	]
	for (const [values, field, message] of cases) {
		const result = await settle(() =>
			newAction(actionArgs(post('/startups/new', form(values), cookie))),
		)
		expect(statusOf(result), JSON.stringify(values)).toBe(400)
		const reply = dataOf(result) as {
			error: Record<string, string[]>
			initialValue: Record<string, string>
		}
		expect(reply.error[field] ?? [], field).toContain(message)
		// what the user typed comes back
		expect(reply.initialValue.name).toBe(form(values).name)
	}
})

test('a founder edits the pitch of their startup but not its status, and cannot reach another startup', async () => {
	const mine = createStartup({ name: 'Fretmanche', status: 'incubated' })
	const other = createStartup({ name: 'Secret Rival' })
	const { cookie } = await as('founder', { startupId: mine.id })

	const ok = (await editAction(
		actionArgs(
			post(
				`/startups/${mine.id}/edit`,
				form({ name: 'Fretmanche', pitchEn: 'Lorries cross faster.', status: 'graduated' }),
				cookie,
			),
			{ params: { startupId: String(mine.id) } },
		),
	)) as Response
	expect(ok.status).toBe(302)
	expect(getStartupForEdit({ id: mine.id, viewer: manager })).toMatchObject({
		pitchEn: 'Lorries cross faster.',
		status: 'incubated',
	})

	const attempts: (() => Promise<unknown>)[] = [
		() =>
			editLoader(
				loaderArgs(get(`/startups/${other.id}/edit`, cookie), {
					params: { startupId: String(other.id) },
				}),
			),
		() =>
			editAction(
				actionArgs(post(`/startups/${other.id}/edit`, form({ name: 'Hacked' }), cookie), {
					params: { startupId: String(other.id) },
				}),
			),
		() =>
			pageLoader(
				loaderArgs(get(`/startups/${other.id}`, cookie), {
					params: { startupId: String(other.id) },
				}),
			),
		() =>
			pageAction(
				actionArgs(
					post(
						`/startups/${other.id}`,
						{ intent: 'add-member', name: 'Mole', role: 'Spy' },
						cookie,
					),
					{ params: { startupId: String(other.id) } },
				),
			),
	]
	for (const run of attempts) {
		expect(statusOf(await settle(run))).toBe(404)
	}
	expect(getStartupForEdit({ id: other.id, viewer: manager })?.name).toBe('Secret Rival')
	// the list and the export are not theirs either
	const list = (await settle(() => listLoader(loaderArgs(get('/startups', cookie))))) as Response
	expect(list.headers.get('Location')).toBe('/my-startup')
	expect(
		statusOf(await settle(() => exportLoader(loaderArgs(get('/startups/export.csv', cookie))))),
	).toBe(403)
})

test("a founder cannot move another startup's team member by posting its id", async () => {
	const mine = createStartup()
	const other = createStartup()
	const stranger = createTeamMember({ startupId: other.id, name: 'Not Yours' })
	const { cookie } = await as('founder', { startupId: mine.id })
	const result = await settle(() =>
		pageAction(
			actionArgs(
				post(
					`/startups/${mine.id}`,
					{ intent: 'update-member', memberId: String(stranger.id), name: 'Stolen', role: 'x' },
					cookie,
				),
				{ params: { startupId: String(mine.id) } },
			),
		),
	)
	expect(statusOf(result)).toBe(404)
	const removed = await settle(() =>
		pageAction(
			actionArgs(
				post(
					`/startups/${mine.id}`,
					{ intent: 'remove-member', memberId: String(stranger.id) },
					cookie,
				),
				{ params: { startupId: String(mine.id) } },
			),
		),
	)
	expect(statusOf(removed)).toBe(404)
	const page = await pageLoader(
		loaderArgs(get(`/startups/${other.id}`, (await as('manager')).cookie), {
			params: { startupId: String(other.id) },
		}),
	)
	expect(page.team.map((m) => m.name)).toEqual(['Not Yours'])
})

test('only a manager moves a startup along its status, in the allowed order', async () => {
	const startup = createStartup({ status: 'applicant', enteredOn: null })
	const params = { startupId: String(startup.id) }
	const { cookie: founderCookie } = await as('founder', { startupId: startup.id })
	const refused = await settle(() =>
		pageAction(
			actionArgs(
				post(
					`/startups/${startup.id}`,
					{ intent: 'change-status', status: 'incubated', date: '2026-01-05' },
					founderCookie,
				),
				{ params },
			),
		),
	)
	expect(statusOf(refused)).toBe(403)

	const { cookie } = await as('manager')
	const skip = await settle(() =>
		pageAction(
			actionArgs(
				post(
					`/startups/${startup.id}`,
					{ intent: 'change-status', status: 'graduated', date: '2026-01-05' },
					cookie,
				),
				{ params },
			),
		),
	)
	expect(statusOf(skip)).toBe(400)
	const ok = (await pageAction(
		actionArgs(
			post(
				`/startups/${startup.id}`,
				{ intent: 'change-status', status: 'incubated', date: '2026-01-05' },
				cookie,
			),
			{ params },
		),
	)) as Response
	expect(ok.status).toBe(302)
	expect(getStartupForEdit({ id: startup.id, viewer: manager })).toMatchObject({
		status: 'incubated',
		enteredOn: '2026-01-05',
	})
	const early = await settle(() =>
		pageAction(
			actionArgs(
				post(
					`/startups/${startup.id}`,
					{ intent: 'change-status', status: 'graduated', date: '2025-12-31' },
					cookie,
				),
				{ params },
			),
		),
	)
	expect(statusOf(early)).toBe(400)
	expect(activityText(listStartupActivity({ startupId: startup.id, viewer: manager })[0])).toBe(
		"changed the startup's status — status: applicant → incubated, entry: 5 Jan 2026",
	)
})

test('a partner sees the portfolio and profiles, never team emails or names', async () => {
	const startup = createStartup({ name: 'Kent & Côte Foods' })
	createTeamMember({ startupId: startup.id, name: 'Jane Doe', email: 'jane@kcf.example' })
	const { cookie } = await as('partner')
	const list = await listLoader(loaderArgs(get('/startups?q=Kent', cookie)))
	expect(list.list.rows.map((r) => r.name)).toEqual(['Kent & Côte Foods'])
	const page = await pageLoader(
		loaderArgs(get(`/startups/${startup.id}`, cookie), {
			params: { startupId: String(startup.id) },
		}),
	)
	expect(JSON.stringify(page)).not.toMatch(/jane|Jane Doe/i)
	expect(
		statusOf(
			await settle(() =>
				editLoader(
					loaderArgs(get(`/startups/${startup.id}/edit`, cookie), {
						params: { startupId: String(startup.id) },
					}),
				),
			),
		),
	).toBe(403)
	const csv = await (
		await exportLoader(loaderArgs(get('/startups/export.csv?q=Kent', cookie)))
	).text()
	expect(csv).toContain('Kent & Côte Foods')
	expect(csv).not.toContain('jane')
})

test('the CSV export is the current view, with formulas neutralised', async () => {
	createStartup({ name: '=HYPERLINK("http://evil")', sector: 'Zzz' })
	createStartup({ name: 'Plain Zzz', sector: 'Zzz' })
	const { cookie } = await as('manager')
	const res = await exportLoader(
		loaderArgs(get('/startups/export.csv?sector=Zzz&sort=name&dir=desc', cookie)),
	)
	expect(res.headers.get('Content-Type')).toContain('text/csv')
	const lines = (await res.text()).trim().split('\r\n')
	expect(lines).toHaveLength(3)
	expect(lines[1]).toContain('Plain Zzz')
	expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`)
})
