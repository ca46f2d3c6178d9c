import { eq, sql } from 'drizzle-orm'
import { contacts, startups } from '#db/schema/index'
import {
	createCohort,
	createContact,
	createMentor,
	createOrganisation,
	createStartup,
	createTeamMember,
	createUser,
} from '#tests/factories'
import { getDb } from '~/utils/db.server'
import { compareNames, sortKeyOf } from '~/utils/sort-key'
import { listCohorts } from './cohort.server'
import { listContactFormOptions, listContacts } from './contact.server'
import { listMentors } from './mentor.server'
import { getOrganisationPage, listOrganisations } from './organisation.server'
import { getStartupPage } from './startup-page.server'
import { listStartups } from './startup.server'
import { listLinkTargets, listUsers } from './user.server'
import type { Viewer } from './viewer'

const manager: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }

/** The names among `mine`, in the order a list gives them. */
const orderOf = (rows: { name: string }[], mine: string[]) =>
	rows.map((r) => r.name).filter((name) => mine.includes(name))

// as a French reader orders them: accents and case do not count, "Œ" is "oe"
const STARTUPS = ['Détroit Analytics', 'dunes Energy', 'Écluse Robotique', 'Estran', 'Œuvre Bleue']

test('the fold: accents, case, ligatures and punctuation do not count', () => {
	expect(sortKeyOf(' Détroit  Analytics ')).toBe('detroit analytics')
	expect(sortKeyOf('ÉCLUSE')).toBe('ecluse')
	expect(sortKeyOf('Œuvre')).toBe('oeuvre')
	expect(sortKeyOf("L'Hôte", 'Saint-Omer')).toBe('lhote saint omer')
	expect(sortKeyOf(null, undefined)).toBeNull()
	expect([...STARTUPS].reverse().sort(compareNames)).toEqual(STARTUPS)
})

test('the portfolio and the startup selects put "Détroit" before "Dunes", "Écluse" among the E', () => {
	// created in the wrong order, lower case where it would sort last by bytes
	for (const name of [...STARTUPS].reverse()) createStartup({ name })
	const portfolio = listStartups({
		viewer: manager,
		filters: {},
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 500,
	})
	expect(orderOf(portfolio.rows, STARTUPS)).toEqual(STARTUPS)
	const descending = listStartups({
		viewer: manager,
		filters: {},
		sort: 'name',
		dir: 'desc',
		page: 1,
		perPage: 500,
	})
	expect(orderOf(descending.rows, STARTUPS)).toEqual([...STARTUPS].reverse())
})

test('a renamed startup and one written by plain SQL (an import) are sorted by their new name', () => {
	const a = createStartup({ name: 'Zéphyr Test' })
	getDb().update(startups).set({ name: 'Ébène Test' }).where(eq(startups.id, a.id)).run()
	getDb().run(
		sql`INSERT INTO startups (name, sector, stage, status) VALUES ('élan Test', 'logistics', 'idea', 'applicant')`,
	)
	const keys = getDb()
		.select({ name: startups.name, key: startups.sortKey })
		.from(startups)
		.where(sql`${startups.name} LIKE '%Test'`)
		.orderBy(startups.sortKey)
		.all()
	expect(keys).toEqual([
		{ name: 'Ébène Test', key: 'ebene test' },
		{ name: 'élan Test', key: 'elan test' },
	])
})

test('cohorts, mentors, organisations and users: the same order in every list', () => {
	const cohortNames = ['Émergence 2031', 'Envol 2031']
	for (const name of [...cohortNames].reverse()) createCohort({ name })
	expect(orderOf(listCohorts({ viewer: manager, sort: 'name', dir: 'asc' }), cohortNames)).toEqual(
		cohortNames,
	)

	const mentorNames = ['Élodie Vasseur', 'Emma Zoller', 'étienne Ablain']
	for (const name of [...mentorNames].reverse()) createMentor({ name })
	expect(
		orderOf(
			listMentors({
				viewer: manager,
				filters: { q: undefined, expertise: undefined, language: undefined, state: 'all' },
			}),
			mentorNames,
		),
	).toEqual(mentorNames)
	expect(orderOf(listLinkTargets({ viewer: manager }).mentors ?? [], mentorNames)).toEqual(
		mentorNames,
	)

	const orgNames = ['Écoparc Calaisis', 'Eurotunnel Test', 'éditions du Détroit']
	const sortedOrgs = ['Écoparc Calaisis', 'éditions du Détroit', 'Eurotunnel Test']
	for (const name of orgNames) createOrganisation({ name })
	const organisations = listOrganisations({
		viewer: manager,
		filters: {},
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 500,
	})
	expect(orderOf(organisations.rows, orgNames)).toEqual(sortedOrgs)
	expect(orderOf(listContactFormOptions(manager).organisations ?? [], orgNames)).toEqual(sortedOrgs)

	const userNames = ['Élise Manager', 'Emile Manager', 'Éva Manager']
	for (const name of [...userNames].reverse()) createUser({ name, role: 'manager' })
	expect(orderOf(listUsers({ viewer: manager }), userNames)).toEqual(userNames)
	expect(orderOf(listContactFormOptions(manager).owners, userNames)).toEqual(userNames)
})

test('people are sorted by their name as shown, first name first, on every list', () => {
	const startup = createStartup()
	const team = ['Amélie Zed', 'Ana Bell', 'Édouard Alpha']
	for (const name of [...team].reverse()) createTeamMember({ startupId: startup.id, name })
	const page = getStartupPage({ id: startup.id, viewer: manager })
	expect(page?.team?.map((m) => m.name)).toEqual(team)

	const org = createOrganisation({ name: 'Personnes Test' })
	const people = [
		{ firstName: 'Amélie', lastName: 'Zed' },
		{ firstName: 'Ana', lastName: 'Bell' },
		{ firstName: 'Édouard', lastName: 'Alpha' },
	]
	const ids = [...people].reverse().map((p) => createContact({ ...p, organisationId: org.id }).id)
	const list = listContacts({
		viewer: manager,
		filters: {},
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 1000,
	})
	const shown = list.rows.filter((r) => ids.includes(r.id))
	expect(shown.map((r) => r.firstName)).toEqual(['Amélie', 'Ana', 'Édouard'])
	const orgPage = getOrganisationPage({ id: org.id, viewer: manager })
	expect(orgPage?.contacts.map((c) => c.firstName)).toEqual(['Amélie', 'Ana', 'Édouard'])
	// an erased person has no name, hence no key, left
	getDb()
		.update(contacts)
		.set({ firstName: null, lastName: null, erasedAt: new Date(0) })
		.where(eq(contacts.id, ids[0]!))
		.run()
	const key = getDb()
		.select({ key: contacts.sortKey })
		.from(contacts)
		.where(eq(contacts.id, ids[0]!))
		.get()
	expect(key).toEqual({ key: null })
})
