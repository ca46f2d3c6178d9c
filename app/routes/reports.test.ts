import {
	createAssignment,
	createContact,
	createIntroduction,
	createMentor,
	createMentoringSession,
	createOrganisation,
	createStartup,
	createTeamMember,
	createUser,
} from '#tests/factories'
import { get, loaderArgs, sessionCookie, settle, statusOf } from '#tests/request'
import { loader as exportLoader } from './_app.reports.export.$section'
import { loader as reportLoader } from './_app.reports._index/route'
import { loader as recordsLoader } from './_app.reports.records'

// people whose names and emails must never reach a partner
const startup = createStartup({ name: 'Fretmanche', status: 'incubated', enteredOn: '2025-09-01' })
createTeamMember({
	startupId: startup.id,
	name: 'Sophie Lefebvre',
	email: 'sophie@fretmanche.example',
})
const mentor = createMentor({
	name: 'Marc Vasseur',
	organisation: 'SNCF Développement',
	email: 'marc@sncf.example',
})
const assignment = createAssignment({
	mentorId: mentor.id,
	startupId: startup.id,
	startDate: '2025-09-01',
})
createMentoringSession({
	assignmentId: assignment.id,
	date: '2025-10-02',
	minutes: 90,
	topic: 'Pitch',
})
const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
const contact = createContact({
	organisationId: dover.id,
	country: 'GB',
	firstName: 'Oliver',
	lastName: 'Grant',
	email: 'oliver@dover.example',
})
createIntroduction({
	contactId: contact.id,
	startupId: startup.id,
	introducedOn: '2025-11-01',
	status: 'meeting_held',
})

// names are matched as written: the report's own keys say "grants"
const PERSONAL = /Sophie|sophie@|Lefebvre|Marc Vasseur|marc@|Oliver|Grant\b|@/

async function as(role: 'manager' | 'founder' | 'mentor' | 'partner') {
	const user = createUser({ role })
	return sessionCookie(user.id)
}

test('a partner reads every section of the report with no personal data in it', async () => {
	const cookie = await as('partner')
	const report = await reportLoader(loaderArgs(get('/reports?year=2025', cookie)))
	expect(report.report.portfolio.hosted).toBeGreaterThanOrEqual(1)
	expect(report.report.mentoring.totalMinutes).toBe(90)
	expect(report.report.francoBritish.totals.ukIntroductions).toBe(1)
	expect(JSON.stringify(report)).not.toMatch(PERSONAL)
	for (const [metric, key] of [
		['mentoring.organisation', 'SNCF Développement'],
		['fb.introductions', '2025'],
		['portfolio.hosted', ''],
	]) {
		const records = await recordsLoader(
			loaderArgs(
				get(`/reports/records?year=2025&metric=${metric}&key=${encodeURIComponent(key!)}`, cookie),
			),
		)
		expect(records.records.rows.length, metric).toBeGreaterThan(0)
		// the startup name and the amounts, nothing about people
		expect(records.records.rows.every((r) => r.detail === null)).toBe(true)
		expect(JSON.stringify(records)).not.toMatch(PERSONAL)
	}
})

test('a manager traces a figure back to its records, with the detail', async () => {
	const cookie = await as('manager')
	const records = await recordsLoader(
		loaderArgs(get('/reports/records?year=2025&metric=mentoring.month&key=2025-10', cookie)),
	)
	expect(records.records.rows).toEqual([
		expect.objectContaining({ startup: 'Fretmanche', value: 90, detail: 'Marc Vasseur — Pitch' }),
	])
	expect(
		statusOf(
			await settle(() =>
				recordsLoader(loaderArgs(get('/reports/records?metric=nonsense', cookie))),
			),
		),
	).toBe(400)
})

test('founders and mentors do not read the incubator report', async () => {
	for (const role of ['founder', 'mentor'] as const) {
		const cookie = await as(role)
		expect(statusOf(await settle(() => reportLoader(loaderArgs(get('/reports', cookie)))))).toBe(
			403,
		)
		expect(
			statusOf(
				await settle(() =>
					exportLoader(
						loaderArgs(get('/reports/export/jobs.csv', cookie), {
							params: { section: 'jobs.csv' },
						}),
					),
				),
			),
		).toBe(403)
	}
})

test('each section downloads as CSV whose total matches the page', async () => {
	const cookie = await as('partner')
	const res = await exportLoader(
		loaderArgs(get('/reports/export/mentoring.csv?year=2025', cookie), {
			params: { section: 'mentoring.csv' },
		}),
	)
	expect(res.headers.get('Content-Disposition')).toContain('tektos-mentoring-year-2025.csv')
	const text = await res.text()
	// minutes, exact: 90, not 1.5 hours rounded
	expect(text).toContain('by_organisation,total,minutes,90')
	expect(text).not.toMatch(PERSONAL)
	expect(
		statusOf(
			await settle(() =>
				exportLoader(
					loaderArgs(get('/reports/export/secrets.csv', cookie), {
						params: { section: 'secrets.csv' },
					}),
				),
			),
		),
	).toBe(404)
})

test('a manager shares a period with the partners; a partner opens it but cannot share', async () => {
	const { action: reportAction } = await import('./_app.reports._index/route')
	const { loader: viewLoader } = await import('./_app.reports.views.$token')
	const { actionArgs, post } = await import('#tests/request')
	const manager = await as('manager')
	const res = (await reportAction(
		actionArgs(
			post(
				'/reports?year=2025',
				{ intent: 'share', name: 'Bilan 2025', query: 'year=2025&bogus=1' },
				manager,
			),
		),
	)) as Response
	expect(res.status).toBe(302)
	const shared = res.headers.get('Location')!
	expect(shared).toMatch(/^\/reports\/views\/[\w-]+$/)
	const token = shared.split('/').pop()!

	const partner = await as('partner')
	const opened = (await settle(() =>
		viewLoader(loaderArgs(get(shared, partner), { params: { token } })),
	)) as Response
	// only the period survives: what else was posted is dropped
	expect(opened.headers.get('Location')).toBe(`/reports?year=2025&view=${token}`)
	const report = await reportLoader(loaderArgs(get('/reports', partner)))
	expect(report.views.map((v) => v.name)).toContain('Bilan 2025')
	expect(report.canShare).toBe(false)
	const refused = await settle(() =>
		reportAction(
			actionArgs(post('/reports', { intent: 'share', name: 'Mine', query: '' }, partner)),
		),
	)
	expect(statusOf(refused)).toBe(403)
	const empty = await settle(() =>
		reportAction(actionArgs(post('/reports', { intent: 'share', name: '' }, manager))),
	)
	expect(statusOf(empty)).toBe(400)
	expect(
		statusOf(
			await settle(() =>
				viewLoader(loaderArgs(get('/reports/views/nope', partner), { params: { token: 'nope' } })),
			),
		),
	).toBe(404)
})
