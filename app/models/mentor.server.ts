import { and, asc, count, desc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import { mentorAssignments, mentoringSessions, mentors } from '#db/schema/index'
import { MENTOR_STATES, type MentorInput } from '~/schemas/mentor'
import { today } from '~/utils/clock'
import { cachedRead } from '~/utils/read-cache.server'
import { getDb, writeTransaction } from '~/utils/db.server'
import { likePattern, optionalParam, parseListParams } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import { refused, written } from '~/utils/write-result'
import { diffFields, recordAudit } from './audit.server'
import { parseTags } from './matching'
import { periodOf, runningOn } from './mentoring.server'
import type { Viewer } from './viewer'

/*
 * The mentors directory is a manager's screen: every function here gives anyone else nothing
 * (an empty list, null, no write), so a route that forgot its check would still leak nothing.
 */
const mayRead = (viewer: Viewer) => can(viewer, 'read:mentor:any')
const mayWrite = (viewer: Viewer) => can(viewer, 'update:mentor:any')

// ---------------------------------------------------------------- the directory

export const MENTOR_SORTS = ['name', 'organisation', 'capacity', 'mentees', 'hours'] as const
export type MentorSort = (typeof MENTOR_SORTS)[number]

const TagParam = z.string().regex(/^[a-z0-9-]{1,40}$/)

/** Search, filters and order of the directory, from the URL; anything malformed is ignored. */
export function parseMentorListParams(url: URL) {
	const p = url.searchParams
	const { q, sort, dir, page, perPage } = parseListParams(p, MENTOR_SORTS, { sort: 'name' })
	return {
		filters: {
			q: q || undefined,
			expertise: optionalParam(TagParam, p.get('expertise')),
			language: optionalParam(z.string().regex(/^[a-z]{2}$/), p.get('language')),
			state: optionalParam(z.enum(MENTOR_STATES), p.get('state')) ?? 'active',
		},
		sort,
		dir,
		page,
		perPage,
	}
}

export type MentorFilters = ReturnType<typeof parseMentorListParams>['filters']

/** Exact tag match in a comma-separated list: "uk" does not find "uk-market". */
const hasTag = (column: typeof mentors.expertise | typeof mentors.languages, tag: string) =>
	sql`instr(',' || ${column} || ',', ${`,${tag},`}) > 0`

function directoryConditions({ q, expertise, language, state }: MentorFilters) {
	return and(
		state === 'all' ? undefined : eq(mentors.active, state === 'active'),
		q
			? or(
					sql`${mentors.name} LIKE ${likePattern(q)} ESCAPE '\\'`,
					sql`${mentors.organisation} LIKE ${likePattern(q)} ESCAPE '\\'`,
					sql`${mentors.bio} LIKE ${likePattern(q)} ESCAPE '\\'`,
				)
			: undefined,
		expertise ? hasTag(mentors.expertise, expertise) : undefined,
		language ? hasTag(mentors.languages, language) : undefined,
	)
}

/** How many mentors the directory shows with these filters (its pages). */
export function countMentors({ viewer, filters }: { viewer: Viewer; filters: MentorFilters }) {
	if (!mayRead(viewer)) return 0
	return (
		getDb().select({ n: count() }).from(mentors).where(directoryConditions(filters)).get()?.n ?? 0
	)
}

export function listMentors({
	viewer,
	filters,
	sort = 'name',
	dir = 'asc',
	asOf = today(),
	page,
}: {
	viewer: Viewer
	filters: MentorFilters
	sort?: MentorSort
	dir?: 'asc' | 'desc'
	asOf?: string
	/** one page of the directory; every mentor without it */
	page?: { page: number; perPage: number }
}) {
	if (!mayRead(viewer)) return []
	const db = getDb()
	const { quarterStart, quarterEnd } = periodOf(asOf)
	const mentees = db
		.select({
			mentorId: mentorAssignments.mentorId,
			n: sql<number>`count(*)`.as('mentees_n'),
		})
		.from(mentorAssignments)
		.where(runningOn(asOf))
		.groupBy(mentorAssignments.mentorId)
		.as('mentees')
	const quarter = db
		.select({
			mentorId: mentorAssignments.mentorId,
			minutes: sql<number>`sum(${mentoringSessions.minutes})`.as('quarter_minutes'),
		})
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.where(and(gte(mentoringSessions.date, quarterStart), lte(mentoringSessions.date, quarterEnd)))
		.groupBy(mentorAssignments.mentorId)
		.as('quarter')
	const menteeCount = sql<number>`coalesce(${mentees.n}, 0)`.mapWith(Number)
	const quarterMinutes = sql<number>`coalesce(${quarter.minutes}, 0)`.mapWith(Number)
	const sortColumns: Record<MentorSort, SQL> = {
		name: sql`${mentors.sortKey}`,
		organisation: sql`${mentors.organisation} COLLATE NOCASE`,
		capacity: sql`${mentors.capacityHoursPerMonth}`,
		mentees: menteeCount,
		hours: quarterMinutes,
	}
	const order = dir === 'desc' ? desc : asc
	const query = db
		.select({
			id: mentors.id,
			name: mentors.name,
			organisation: mentors.organisation,
			email: mentors.email,
			expertise: mentors.expertise,
			languages: mentors.languages,
			capacityHoursPerMonth: mentors.capacityHoursPerMonth,
			active: mentors.active,
			mentees: menteeCount,
			minutesThisQuarter: quarterMinutes,
		})
		.from(mentors)
		.leftJoin(mentees, eq(mentees.mentorId, mentors.id))
		.leftJoin(quarter, eq(quarter.mentorId, mentors.id))
		.where(directoryConditions(filters))
		.orderBy(order(sortColumns[sort]), asc(mentors.sortKey), asc(mentors.name), asc(mentors.id))
	return (page ? query.limit(page.perPage).offset((page.page - 1) * page.perPage) : query)
		.all()
		.map((m) => ({ ...m, expertise: parseTags(m.expertise), languages: parseTags(m.languages) }))
}

/** Every tag and language in use, for the filters and the form's hints. */
export function listMentorVocabulary(viewer: Viewer) {
	if (!mayRead(viewer)) return { expertise: [], languages: [] }
	// the same words for every reader: kept until the next write (decision 0031)
	return cachedRead('mentor-vocabulary', () => {
		const rows = getDb()
			.select({ expertise: mentors.expertise, languages: mentors.languages })
			.from(mentors)
			.all()
		const collect = (values: string[]) =>
			[...new Set(values.flatMap((v) => parseTags(v)))].sort((a, b) => a.localeCompare(b))
		return {
			expertise: collect(rows.map((r) => r.expertise)),
			languages: collect(rows.map((r) => r.languages)),
		}
	})
}

// ---------------------------------------------------------------- one mentor

const mentorColumns = {
	id: mentors.id,
	name: mentors.name,
	organisation: mentors.organisation,
	email: mentors.email,
	expertise: mentors.expertise,
	languages: mentors.languages,
	capacityHoursPerMonth: mentors.capacityHoursPerMonth,
	bio: mentors.bio,
	active: mentors.active,
}

export function getMentor({ id, viewer }: { id: number; viewer: Viewer }) {
	if (!mayRead(viewer)) return null
	const row = getDb().select(mentorColumns).from(mentors).where(eq(mentors.id, id)).get()
	if (!row) return null
	return { ...row, expertise: parseTags(row.expertise), languages: parseTags(row.languages) }
}

function toRow(input: MentorInput) {
	return {
		name: input.name,
		organisation: input.organisation,
		email: input.email ?? null,
		expertise: input.expertise.join(','),
		languages: input.languages.join(','),
		capacityHoursPerMonth: input.capacityHoursPerMonth,
		bio: input.bio ?? null,
	}
}

export function createMentor({ input, viewer }: { input: MentorInput; viewer: Viewer }) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const mentor = tx
			.insert(mentors)
			.values(toRow(input))
			.returning({ id: mentors.id, name: mentors.name })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'mentor',
			entityId: mentor.id,
			subject: { name: mentor.name, organisation: input.organisation },
		})
		return written(mentor)
	})
}

/** Null when there is no such mentor or the viewer may not write; an unchanged form writes nothing. */
export function updateMentor({
	id,
	input,
	viewer,
}: {
	id: number
	input: MentorInput
	viewer: Viewer
}) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const row = tx.select(mentorColumns).from(mentors).where(eq(mentors.id, id)).get()
		if (!row) return null
		const { id: _id, active: _active, ...before } = row
		const values = toRow(input)
		const changes = diffFields(before, values)
		if (Object.keys(changes).length === 0) return written({ id, changed: false })
		tx.update(mentors).set(values).where(eq(mentors.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'mentor',
			entityId: id,
			subject: { name: input.name },
			changes,
		})
		return written({ id, changed: true })
	})
}

/**
 * Deactivating takes a mentor out of the suggestions and the assign form; their assignments
 * and sessions stay, as history. A mentor still assigned somewhere must have those
 * assignments ended first, so that no startup loses its mentor without anyone deciding it.
 */
export function setMentorActive({
	id,
	active,
	viewer,
}: {
	id: number
	active: boolean
	viewer: Viewer
}) {
	if (!mayWrite(viewer)) return null
	return writeTransaction((tx) => {
		const mentor = tx
			.select({ name: mentors.name, active: mentors.active })
			.from(mentors)
			.where(eq(mentors.id, id))
			.get()
		if (!mentor) return null
		if (mentor.active === active) return written({ changed: false })
		if (!active) {
			const date = today()
			const running = tx
				.select({ n: sql<number>`count(*)` })
				.from(mentorAssignments)
				.where(
					and(
						eq(mentorAssignments.mentorId, id),
						or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, date)),
					),
				)
				.get()?.n
			// end them first: a mentor with running assignments stays active
			if (running) return refused('', 'mentors:profile.stillAssigned')
		}
		tx.update(mentors).set({ active }).where(eq(mentors.id, id)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'mentor',
			entityId: id,
			verb: active ? 'reactivate' : 'deactivate',
			subject: { name: mentor.name },
		})
		return written({ changed: true })
	})
}
