import { and, eq } from 'drizzle-orm'
import { auditLog, mentoringSessions } from '#db/schema/index'
import {
	createAssignment,
	createMentor,
	createMentoringSession,
	createStartup,
} from '#tests/factories'
import { viewerFor } from '#tests/factories-mentors'
import { addDays } from '~/utils/calendar'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import {
	createMentor as saveMentor,
	getMentor,
	listMentors,
	listMentorVocabulary,
	parseMentorListParams,
	setMentorActive,
	updateMentor,
} from './mentor.server'
import { activityText } from '#tests/activity'

const AS_OF = '2026-05-20'
const filters = (query = '') => parseMentorListParams(new URL(`http://x/mentors?${query}`)).filters

test('the directory counts current mentees and this quarter’s hours, and filters by exact tag', () => {
	// noise first, so that mentor and assignment ids differ
	for (let i = 0; i < 3; i++) createStartup()
	const manager = viewerFor('manager')
	const marc = createMentor({
		name: 'Marc Vasseur',
		expertise: 'logistics,uk-market',
		languages: 'fr,en',
	})
	const nadia = createMentor({
		name: 'Nadia Benali',
		expertise: 'iot,research-partnerships',
		languages: 'fr,en,ar',
	})
	const olivier = createMentor({
		name: 'Olivier Lemaire',
		expertise: 'public-funding',
		languages: 'fr',
	})
	createMentor({ name: 'Bernard Leroy', expertise: 'finance', languages: 'fr', active: false })
	const running = createAssignment({ mentorId: marc.id, startDate: '2026-01-01' })
	createAssignment({ mentorId: marc.id, startDate: '2026-02-01' })
	createAssignment({ mentorId: marc.id, startDate: '2025-01-01', endDate: '2026-03-31' })
	createAssignment({ mentorId: nadia.id, startDate: '2026-09-01' })
	createMentoringSession({ assignmentId: running.id, date: '2026-04-01', minutes: 90 })
	createMentoringSession({ assignmentId: running.id, date: '2026-05-19', minutes: 45 })
	createMentoringSession({ assignmentId: running.id, date: '2026-03-31', minutes: 600 })

	const list = (query = '') =>
		listMentors({ viewer: manager, filters: filters(query), asOf: AS_OF }).filter((m) =>
			['Marc Vasseur', 'Nadia Benali', 'Olivier Lemaire', 'Bernard Leroy'].includes(m.name),
		)
	expect(list().map((m) => [m.name, m.mentees, m.minutesThisQuarter])).toEqual([
		['Marc Vasseur', 2, 135],
		// an assignment that has not started yet is not a current mentee
		['Nadia Benali', 0, 0],
		['Olivier Lemaire', 0, 0],
	])
	expect(list()[0]?.expertise).toEqual(['logistics', 'uk-market'])
	// "uk" is not "uk-market"; languages match whole codes
	expect(list('expertise=uk').map((m) => m.name)).toEqual([])
	expect(list('expertise=uk-market').map((m) => m.name)).toEqual(['Marc Vasseur'])
	expect(list('language=ar').map((m) => m.name)).toEqual(['Nadia Benali'])
	expect(list('q=lemaire').map((m) => m.name)).toEqual(['Olivier Lemaire'])
	expect(list('state=inactive').map((m) => m.name)).toEqual(['Bernard Leroy'])
	expect(list('state=all')).toHaveLength(4)
	expect(list('sort=mentees&dir=desc')[0]?.name).toBe('Marc Vasseur')
	// nonsense in the URL is ignored, never an error
	expect(list('expertise=%25&language=french&state=x&sort=nope')).toHaveLength(3)
	expect(getMentor({ id: olivier.id, viewer: manager })?.languages).toEqual(['fr'])

	const vocabulary = listMentorVocabulary(manager)
	expect(vocabulary.expertise).toContain('research-partnerships')
	expect(vocabulary.languages).toContain('ar')
})

test('only managers read the directory', () => {
	createMentor()
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const viewer = viewerFor(role)
		expect(listMentors({ viewer, filters: filters() })).toEqual([])
		expect(listMentorVocabulary(viewer)).toEqual({ expertise: [], languages: [] })
	}
})

test('create, edit and deactivate a mentor: each write with its audit row, history kept', () => {
	const manager = viewerFor('manager')
	const input = {
		name: 'Claire Fontaine',
		organisation: 'Eurotunnel',
		expertise: ['uk-market', 'customs'],
		languages: ['fr', 'en'],
		capacityHoursPerMonth: 5,
	}
	const saved = saveMentor({ input, viewer: manager })
	if (!saved?.ok) throw new Error('the manager creates a mentor')
	const created = saved.value
	expect(getMentor({ id: created.id, viewer: manager })).toMatchObject({
		expertise: ['uk-market', 'customs'],
		email: null,
		active: true,
	})
	expect(updateMentor({ id: created.id, input, viewer: manager })).toEqual({
		ok: true,
		value: { id: created.id, changed: false },
	})
	expect(
		updateMentor({
			id: created.id,
			input: { ...input, capacityHoursPerMonth: 8 },
			viewer: manager,
		}),
	).toEqual({ ok: true, value: { id: created.id, changed: true } })
	expect(updateMentor({ id: 999_999, input, viewer: manager })).toBeNull()
	expect(saveMentor({ input, viewer: viewerFor('mentor') })).toBeNull()

	// still mentoring someone: the assignment must be ended first
	const date = today()
	const assignment = createAssignment({ mentorId: created.id, startDate: addDays(date, -30) })
	const session = createMentoringSession({ assignmentId: assignment.id })
	expect(setMentorActive({ id: created.id, active: false, viewer: manager })).toEqual({
		ok: false,
		fieldErrors: {},
		formErrors: ['mentors:profile.stillAssigned'],
	})
	expect(getMentor({ id: created.id, viewer: manager })?.active).toBe(true)
	getDb()
		.$client.prepare('UPDATE mentor_assignments SET end_date = ? WHERE id = ?')
		.run(addDays(date, -1), assignment.id)
	expect(setMentorActive({ id: created.id, active: false, viewer: manager })).toEqual({
		ok: true,
		value: { changed: true },
	})
	expect(getMentor({ id: created.id, viewer: manager })?.active).toBe(false)
	// the history stays
	expect(
		getDb().select().from(mentoringSessions).where(eq(mentoringSessions.id, session.id)).get(),
	).toBeDefined()
	const audit = getDb()
		.select({ action: auditLog.action, entity: auditLog.entity, detail: auditLog.detail })
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'mentor'), eq(auditLog.entityId, created.id)))
		.all()
	expect(audit.map((a) => activityText(a, 'fr'))).toEqual([
		'a ajouté Claire Fontaine (Eurotunnel) aux mentors',
		expect.stringMatching(/^a modifié la fiche mentor de Claire Fontaine/),
		'a désactivé la fiche mentor de Claire Fontaine',
	])
})
