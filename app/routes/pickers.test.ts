import { and, eq } from 'drizzle-orm'
import {
	contacts,
	fundingEvents,
	interactions,
	interactionStartups,
	introductions,
	leases,
	mentorAssignments,
	startups,
	users,
} from '#db/schema/index'
import {
	createCohort,
	createContact,
	createFundingEvent,
	createMentor,
	createOrganisation,
	createStartup,
	createUnit,
} from '#tests/factories'
import { signedIn } from '#tests/factories-contacts'
import { actionArgs, dataOf, get, loaderArgs, settle, statusOf } from '#tests/request'
import { getDb } from '~/utils/db.server'
import { PICKED_BY_NAME, PICKER_LIMIT } from '~/utils/picker'
import { action as contactAction, loader as contactLoader } from './_app.contacts.$contactId'
import { action as newContactAction, loader as newContactLoader } from './_app.contacts.new'
import { loader as newCallLoader } from './_app.calls.new'
import { loader as reportsLoader } from './_app.reports._index/route'
import {
	action as editStartupAction,
	loader as editStartupLoader,
} from './_app.startups.$startupId_.edit'
import {
	action as newEventAction,
	loader as newEventLoader,
} from './_app.startups.$startupId_.funding.new'
import {
	action as mentorsAction,
	loader as mentorsLoader,
} from './_app.startups.$startupId_.mentors'
import { action as newUserAction, loader as newUserLoader } from './_app.users.new'
import { action as newLeaseAction, loader as newLeaseLoader } from './_app.nursery.leases.new'
import { loader as suggestLoader } from './suggest.$kind'

/*
 * Pickers at network scale (decision 0044): above PICKER_LIMIT records a form carries no list of
 * them, only a name to type, which the server resolves within what the viewer may pick.
 */

const BASE = 'http://localhost:3000'

function postForm(path: string, fields: [string, string][], cookie: string) {
	return new Request(`${BASE}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
	})
}

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }
const replyOf = (result: unknown) => dataOf(result) as Reply
const resultOf = (result: unknown) => (dataOf(result) as { result: Reply }).result

async function suggestions(kind: string, q: string, cookie: string, extra = '') {
	const res = await settle(() =>
		suggestLoader(
			loaderArgs(get(`/suggest/${kind}?q=${encodeURIComponent(q)}${extra}`, cookie), {
				params: { kind },
			}),
		),
	)
	if (!(res instanceof Response) || res.status !== 200) return statusOf(res)
	return ((await res.json()) as { values: string[] }).values
}

/** More records than a select may hold, whatever the other tests of this worker created. */
function many(create: (i: number) => unknown) {
	for (let i = 0; i < PICKER_LIMIT + 1; i++) create(i)
}

test('at scale the contact page carries no list of every startup: a manager names one, found, none or several', async () => {
	many((i) => createStartup({ name: `Flotte Picker ${i}` }))
	const helice = createStartup({ name: 'Hélice Verte' })
	const belier1 = createStartup({ name: 'Bélier Marine' })
	const belier2 = createStartup({ name: 'BELIER marine' })
	const linked = createStartup({ name: 'Déjà Liée' })
	const person = createContact({ lastName: 'Picker' })
	const { cookie } = await signedIn('manager')
	const params = { params: { contactId: String(person.id) } }
	const post = (fields: [string, string][]) =>
		settle(() =>
			contactAction(actionArgs(postForm(`/contacts/${person.id}`, fields, cookie), params)),
		)
	const introduce = (startup: string) =>
		post([
			['intent', 'introduce'],
			['startupId', startup],
			[PICKED_BY_NAME, 'startupId'],
			['purpose', 'customer'],
			['introducedOn', '2026-11-20'],
		])
	const introduced = () =>
		getDb()
			.select({ startupId: introductions.startupId })
			.from(introductions)
			.where(eq(introductions.contactId, person.id))
			.all()
			.map((r) => r.startupId)

	// typed, accents and case aside: that startup
	expect(statusOf(await introduce('helice verte'))).toBe(302)
	expect(introduced()).toEqual([helice.id])

	// nobody of that name: the field says so, with what was typed; nothing written
	const none = await introduce('Hélice Bleue')
	expect(statusOf(none)).toBe(400)
	expect(resultOf(none).error?.startupId).toEqual(['pick.none.startups'])
	expect(resultOf(none).initialValue?.startupId).toBe('Hélice Bleue')
	// two of that name: never a guess
	const several = await introduce('Bélier Marine')
	expect(statusOf(several)).toBe(400)
	expect(resultOf(several).error?.startupId).toEqual(['pick.several.startups'])
	expect(introduced()).toEqual([helice.id])

	// the suggestions tell the two apart, and each one names its startup
	const offered = await suggestions('pick-startups', 'belier', cookie)
	expect(offered).toEqual([`Bélier Marine · #${belier1.id}`, `BELIER marine · #${belier2.id}`])
	expect(statusOf(await introduce((offered as string[])[1]!))).toBe(302)
	expect(introduced()).toEqual([helice.id, belier2.id])

	// an interaction: the startups this person deals with are checkboxes, another one is named
	expect(
		statusOf(
			await post([
				['intent', 'log-interaction'],
				['kind', 'meeting'],
				['date', '2026-11-21'],
				['summary', 'Rencontre au salon'],
				['startupIds', String(helice.id)],
				['otherStartup', 'déjà liée'],
			]),
		),
	).toBe(302)
	const logged = getDb()
		.select({ startupId: interactionStartups.startupId })
		.from(interactionStartups)
		.innerJoin(interactions, eq(interactions.id, interactionStartups.interactionId))
		.where(eq(interactions.contactId, person.id))
		.all()
		.map((r) => r.startupId)
	expect(logged.sort()).toEqual([helice.id, linked.id].sort())

	// refused for another reason: the name typed is still in its field, not an id
	const empty = await post([
		['intent', 'log-interaction'],
		['kind', 'meeting'],
		['date', '2026-11-21'],
		['summary', ''],
		['otherStartup', 'Hélice Verte'],
	])
	expect(statusOf(empty)).toBe(400)
	expect(resultOf(empty).error?.summary).toBeTruthy()
	expect(resultOf(empty).initialValue?.otherStartup).toBe('Hélice Verte')
	expect(resultOf(empty).initialValue?.startupIds).toBeUndefined()
	const unknown = await post([
		['intent', 'log-interaction'],
		['kind', 'call'],
		['date', '2026-11-21'],
		['summary', 'Appel'],
		['otherStartup', 'Personne'],
	])
	expect(resultOf(unknown).error?.otherStartup).toEqual(['pick.none.startups'])

	// the page: no select of every startup; the linked ones (bounded) as checkboxes
	const page = await contactLoader(loaderArgs(get(`/contacts/${person.id}`, cookie), params))
	expect(page.startups).toBeNull()
	expect(page.linkedStartups.map((s) => s.name).sort()).toEqual(
		['BELIER marine', 'Déjà Liée', 'Hélice Verte'].sort(),
	)
	expect(JSON.stringify(page)).not.toContain('Flotte Picker')
})

test('at scale the contact form names its organisation; a partner is suggested nothing', async () => {
	many((i) => createOrganisation({ name: `Armateur Picker ${i}` }))
	const dover = createOrganisation({ name: 'Port de Douvres', country: 'GB', countryCode: 'GB' })
	createOrganisation({ name: 'Eurotunnel Picker', sector: 'rail' })
	createOrganisation({ name: 'Eurotunnel Picker', sector: 'fret' })
	const { cookie } = await signedIn('manager')
	const page = await newContactLoader(
		loaderArgs(get(`/contacts/new?organisation=${dover.id}`, cookie)),
	)
	expect(page.organisations).toBeNull()
	expect(page.organisationLabel).toBe('Port de Douvres')
	expect(JSON.stringify(page)).not.toContain('Armateur Picker')

	const create = (organisation: string) =>
		settle(() =>
			newContactAction(
				actionArgs(
					postForm(
						'/contacts/new',
						[
							['lastName', 'Picker'],
							['firstName', `Pat ${organisation}`],
							['country', 'GB'],
							['lawfulBasis', 'legitimate_interest'],
							['organisationId', organisation],
							[PICKED_BY_NAME, 'organisationId'],
						],
						cookie,
					),
				),
			),
		)
	expect(statusOf(await create('port de douvres'))).toBe(302)
	const saved = getDb()
		.select({ organisationId: contacts.organisationId })
		.from(contacts)
		.where(eq(contacts.firstName, 'Pat port de douvres'))
		.get()
	expect(saved?.organisationId).toBe(dover.id)
	const several = await create('Eurotunnel Picker')
	expect(statusOf(several)).toBe(400)
	expect(replyOf(several).error?.organisationId).toEqual(['pick.several.organisations'])
	expect(replyOf(several).initialValue?.organisationId).toBe('Eurotunnel Picker')
	expect(replyOf(several).initialValue?.firstName).toBe('Pat Eurotunnel Picker')

	const offered = (await suggestions('pick-organisations', 'eurotunnel', cookie)) as string[]
	expect(offered).toHaveLength(2)
	expect(offered.every((v) => /^Eurotunnel Picker · FR (rail|fret) · #\d+$/.test(v))).toBe(true)
	const partner = await signedIn('partner')
	expect(await suggestions('pick-organisations', 'eurotunnel', partner.cookie)).toEqual([])
	expect(await suggestions('pick-nothing', 'a', cookie)).toBe(404)
})

test('at scale a startup and a call name their cohort; the field shows the cohort it has', async () => {
	many((i) => createCohort({ name: `Promotion Picker ${i}` }))
	const cohort = createCohort({ name: 'Promotion Détroit Picker', startDate: '2026-01-05' })
	const startup = createStartup({ name: 'Cohorte Picker', cohortId: cohort.id })
	const other = createCohort({ name: 'Promotion Opale Picker' })
	const { cookie } = await signedIn('manager')
	const params = { params: { startupId: String(startup.id) } }
	const page = await editStartupLoader(
		loaderArgs(get(`/startups/${startup.id}/edit`, cookie), params),
	)
	expect(page.cohorts).toBeNull()
	expect(page.cohortLabel).toBe('Promotion Détroit Picker')
	expect(JSON.stringify(page)).not.toContain('Promotion Picker 3')
	const call = await newCallLoader(loaderArgs(get('/calls/new', cookie)))
	expect(call.cohorts).toBeNull()

	// the report's cohort filter: a partner types a name, the URL gets its id
	const partner = await signedIn('partner')
	const report = (q: string) =>
		settle(() => reportsLoader(loaderArgs(get(`/reports?period=all&cohort=${q}`, partner.cookie))))
	const found = await report(encodeURIComponent('promotion detroit picker'))
	expect(statusOf(found)).toBe(302)
	expect((found as Response).headers.get('Location')).toBe(
		`/reports?period=all&cohort=${cohort.id}`,
	)
	const filtered = (await report(String(cohort.id))) as Exclude<
		Awaited<ReturnType<typeof reportsLoader>>,
		Response
	>
	expect(filtered.cohorts).toBeNull()
	expect(filtered.cohortName).toBe('Promotion Détroit Picker')
	expect(filtered.period.cohortId).toBe(cohort.id)
	expect(JSON.stringify(filtered)).not.toContain('Promotion Picker 3')
	const unknown = (await report('Promotion+Atlantide')) as typeof filtered
	expect(unknown.cohortProblem).toBe('pick.none.cohorts')
	expect(unknown.cohortTyped).toBe('Promotion Atlantide')
	expect(unknown.period.cohortId).toBeNull()
	expect(await suggestions('pick-cohorts', 'détroit picker', partner.cookie)).toEqual([
		'Promotion Détroit Picker',
	])

	const edit = (cohortName: string) =>
		settle(() =>
			editStartupAction(
				actionArgs(
					postForm(
						`/startups/${startup.id}/edit`,
						[
							['name', 'Cohorte Picker'],
							['sector', 'logistics'],
							['stage', 'prototype'],
							['status', 'incubated'],
							['enteredOn', '2025-09-01'],
							['cohortId', cohortName],
							[PICKED_BY_NAME, 'cohortId'],
						],
						cookie,
					),
					params,
				),
			),
		)
	const none = await edit('Promotion Nulle Part')
	expect(statusOf(none)).toBe(400)
	expect(replyOf(none).error?.cohortId).toEqual(['pick.none.cohorts'])
	expect(statusOf(await edit('promotion opale picker'))).toBe(302)
	const saved = getDb()
		.select({ cohortId: startups.cohortId })
		.from(startups)
		.where(eq(startups.id, startup.id))
		.get()
	expect(saved?.cohortId).toBe(other.id)
})

test("at scale a funding event names its trigger; a founder reaches only their own startup's events", async () => {
	// a network's innovation-fund grants: more than a select may hold, for a manager
	many(() => createFundingEvent({ source: 'Fonds Picker Commun' }))
	const unique = createFundingEvent({ source: 'Fonds Opale Unique' })
	const mine = createStartup({ name: 'Fondée Picker' })
	const honour = createFundingEvent({
		startupId: mine.id,
		kind: 'honour_loan',
		source: 'Initiative Calaisis Picker',
		isPublic: false,
		plannedOn: '2025-03-01',
	})
	const manager = await signedIn('manager')
	const founder = await signedIn('founder', {
		startupId: mine.id,
		email: `founder-${mine.id}@pickers.example`,
	})
	const params = { params: { startupId: String(mine.id) } }
	const page = await newEventLoader(
		loaderArgs(get(`/startups/${mine.id}/funding/new`, manager.cookie), params),
	)
	expect(page.triggers).toBeNull()
	// a founder's own events are few: their select stays, with their events only
	const theirs = await newEventLoader(
		loaderArgs(get(`/startups/${mine.id}/funding/new`, founder.cookie), params),
	)
	expect(theirs.triggers?.map((t) => t.id)).toEqual([honour.id])

	const record = (cookie: string, trigger: string) =>
		settle(() =>
			newEventAction(
				actionArgs(
					postForm(
						`/startups/${mine.id}/funding/new`,
						[
							['kind', 'bank_loan'],
							['source', `Banque ${trigger}`],
							['origin', 'private'],
							['amount', '90 000'],
							['currency', 'EUR'],
							['status', 'planned'],
							['plannedOn', '2026-06-01'],
							['triggeredById', trigger],
							[PICKED_BY_NAME, 'triggeredById'],
						],
						cookie,
					),
					params,
				),
			),
		)
	const triggerOf = (source: string) =>
		getDb()
			.select({ triggeredById: fundingEvents.triggeredById })
			.from(fundingEvents)
			.where(and(eq(fundingEvents.startupId, mine.id), eq(fundingEvents.source, source)))
			.get()?.triggeredById

	expect(statusOf(await record(manager.cookie, 'fonds opale unique'))).toBe(302)
	expect(triggerOf('Banque fonds opale unique')).toBe(unique.id)
	const several = await record(manager.cookie, 'Fonds Picker Commun')
	expect(statusOf(several)).toBe(400)
	expect(replyOf(several).error?.triggeredById).toEqual(['pick.several.triggers'])
	const offered = (await suggestions(
		'pick-triggers',
		'Fonds Picker',
		manager.cookie,
		`&startup=${mine.id}`,
	)) as string[]
	expect(offered).toHaveLength(20)
	expect(statusOf(await record(manager.cookie, offered[0]!))).toBe(302)

	// another startup's grant is not the founder's to name, by its funder or by its number
	for (const typed of ['Fonds Opale Unique', `#${unique.id}`]) {
		const refused = await record(founder.cookie, typed)
		expect(statusOf(refused)).toBe(400)
		expect(replyOf(refused).error?.triggeredById).toEqual(['pick.none.triggers'])
		expect(triggerOf(`Banque ${typed}`)).toBeUndefined()
	}
	expect(statusOf(await record(founder.cookie, 'initiative calaisis picker'))).toBe(302)
	expect(triggerOf('Banque initiative calaisis picker')).toBe(honour.id)
	// and the founder is suggested their own startup's events only (those just recorded)
	const theirOffers = (await suggestions(
		'pick-triggers',
		'Fonds',
		founder.cookie,
		`&startup=${mine.id}`,
	)) as string[]
	expect(theirOffers.length).toBeGreaterThan(0)
	expect(theirOffers.every((v) => v.startsWith('Banque '))).toBe(true)
	const other = createStartup()
	expect(await suggestions('pick-triggers', '', founder.cookie, `&startup=${other.id}`)).toEqual([])
})

test('at scale a founder account and a mentor assignment name their startup and mentor', async () => {
	many((i) => createMentor({ name: `Mentor Picker ${i}`, organisation: 'Réseau' }))
	many((i) => createStartup({ name: `Jeune Pousse Picker ${i}` }))
	const mentor = createMentor({ name: 'Hortense Picker-Lefebvre', organisation: 'CCI' })
	createMentor({ name: 'Jules Homonyme', organisation: 'BPI' })
	createMentor({ name: 'Jules Homonyme', organisation: 'Région' })
	const startup = createStartup({ name: 'Cible Picker' })
	const { cookie } = await signedIn('manager')

	const page = await newUserLoader(loaderArgs(get('/users/new', cookie)))
	expect(page.targets.startups).toBeNull()
	expect(page.targets.mentors).toBeNull()
	expect(JSON.stringify(page)).not.toContain('Mentor Picker')
	const created = await settle(() =>
		newUserAction(
			actionArgs(
				postForm(
					'/users/new',
					[
						['name', 'Fondatrice Picker'],
						['email', 'fondatrice@pickers.example'],
						['role', 'founder'],
						['startupId', 'cible picker'],
						[PICKED_BY_NAME, 'startupId'],
						// the mentor field of another role is not read
						['mentorId', 'nobody at all'],
						[PICKED_BY_NAME, 'mentorId'],
						['password', 'a-long-enough-password-1'],
					],
					cookie,
				),
			),
		),
	)
	expect(statusOf(created)).toBe(302)
	const account = getDb()
		.select({ startupId: users.startupId })
		.from(users)
		.where(eq(users.email, 'fondatrice@pickers.example'))
		.get()
	expect(account?.startupId).toBe(startup.id)

	const params = { params: { startupId: String(startup.id) } }
	const mentorsPage = await mentorsLoader(
		loaderArgs(get(`/startups/${startup.id}/mentors?mentor=${mentor.id}`, cookie), params),
	)
	expect(mentorsPage.assignable).toBeNull()
	expect(mentorsPage.preselectedLabel).toBe('Hortense Picker-Lefebvre')
	const assign = (name: string) =>
		settle(() =>
			mentorsAction(
				actionArgs(
					postForm(
						`/startups/${startup.id}/mentors`,
						[
							['intent', 'assign'],
							['mentorId', name],
							[PICKED_BY_NAME, 'mentorId'],
							['focus', 'Export'],
							['startDate', '2026-11-01'],
						],
						cookie,
					),
					params,
				),
			),
		)
	const several = await assign('jules homonyme')
	expect(statusOf(several)).toBe(400)
	expect(resultOf(several).error?.mentorId).toEqual(['pick.several.mentors'])
	expect(await suggestions('pick-mentors', 'homonyme', cookie)).toEqual(
		expect.arrayContaining([expect.stringMatching(/^Jules Homonyme · BPI · #\d+$/)]),
	)
	expect(statusOf(await assign('hortense picker lefebvre'))).toBe(302)
	const assigned = getDb()
		.select({ mentorId: mentorAssignments.mentorId })
		.from(mentorAssignments)
		.where(eq(mentorAssignments.startupId, startup.id))
		.all()
	expect(assigned).toEqual([{ mentorId: mentor.id }])
	// a lease names its startup too
	const lease = await newLeaseLoader(
		loaderArgs(get(`/nursery/leases/new?startupId=${startup.id}`, cookie)),
	)
	expect(lease.startups).toBeNull()
	expect(lease.startupLabel).toBe('Cible Picker')
	const unsigned = await settle(() =>
		newLeaseAction(
			actionArgs(
				postForm(
					'/nursery/leases/new',
					[
						['startupId', 'Cible Pickeur'],
						[PICKED_BY_NAME, 'startupId'],
						['startDate', '2026-12-01'],
					],
					cookie,
				),
			),
		),
	)
	expect(statusOf(unsigned)).toBe(400)
	expect(replyOf(unsigned).error?.startupId).toEqual(['pick.none.startups'])
	expect(replyOf(unsigned).initialValue?.startupId).toBe('Cible Pickeur')
	many(() => createUnit())
	const unit = createUnit({ code: 'PK-0042' })
	const signed = await settle(() =>
		newLeaseAction(
			actionArgs(
				postForm(
					'/nursery/leases/new',
					[
						['startupId', 'cible picker'],
						[PICKED_BY_NAME, 'startupId'],
						['unitId', 'pk-0042'],
						[PICKED_BY_NAME, 'unitId'],
						['startDate', '2029-04-01'],
						['monthlyRent', '450,00'],
						['steps[0].fromMonth', '1'],
						['steps[0].toMonth', ''],
						['steps[0].kind', 'percent'],
						['steps[0].value', '50'],
					],
					cookie,
				),
			),
		),
	)
	expect(statusOf(signed)).toBe(302)
	expect(
		getDb()
			.select({ unitId: leases.unitId })
			.from(leases)
			.where(eq(leases.startupId, startup.id))
			.all(),
	).toEqual([{ unitId: unit.id }])

	// mentors are people: a partner is suggested none
	const partner = await signedIn('partner')
	expect(await suggestions('pick-mentors', 'homonyme', partner.cookie)).toEqual([])
})
