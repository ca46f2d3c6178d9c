import { and, count, desc, eq, isNull, notInArray, type SQL, sql } from 'drizzle-orm'
import type { COUNTRIES, INTRODUCTION_PURPOSES } from '#db/schema/enums'
import { contacts, introductions, organisations, startups } from '#db/schema/index'
import {
	INTRODUCTION_STEP,
	type IntroductionInput,
	type IntroductionStatus,
	type IntroductionStatusInput,
} from '~/schemas/contact'
import { getDb, writeTransaction } from '~/utils/db.server'
import { cachedRead } from '~/utils/read-cache.server'
import { pageOf } from '~/utils/list-params'
import { holdsOn, startupRows } from '~/utils/access.server'
import { can, scopesOf } from '~/utils/permissions'
import { refused, type WriteResult, written } from '~/utils/write-result'
import { money, recordAudit } from './audit.server'
import { contactScope } from './contact.server'
import { touchContact } from './interaction.server'
import type { Viewer } from './viewer'
import { startupNameCondition } from './suggestions.server'

type Country = (typeof COUNTRIES)[number]
type Purpose = (typeof INTRODUCTION_PURPOSES)[number]

/*
 * An introduction: a contact introduced to a startup for a purpose, then its outcome.
 * Managers see and change them all; a founder those made to their own startup (contact name,
 * organisation, purpose, status — never an email or a phone); a partner only counts.
 */

/** The market an introduction opens: the organisation's country, else the person's. */
const marketCountry = sql<Country>`coalesce("organisations"."country", "contacts"."country")`

/** The introductions a viewer may read one by one, as a WHERE condition. */
const visibleIntroductions = (viewer: Viewer) =>
	startupRows(viewer, 'read:introduction', introductions.startupId)

/** May this viewer move an introduction from one status to another? */
export function canMoveIntroduction(
	viewer: Pick<Viewer, 'role'>,
	from: IntroductionStatus,
	to: IntroductionStatus,
) {
	if (can(viewer, 'update:introduction:any')) return true
	if (!can(viewer, 'update:introduction:own')) return false
	// a founder reports progress; only the TEKTOS team corrects an outcome backwards
	return from === to || INTRODUCTION_STEP[to] > INTRODUCTION_STEP[from]
}

/** The statuses offered to this viewer from the current one. */
export function nextStatuses(viewer: Pick<Viewer, 'role'>, from: IntroductionStatus) {
	const all: IntroductionStatus[] = ['proposed', 'made', 'meeting_held', 'deal', 'no_fit']
	return all.filter((to) => canMoveIntroduction(viewer, from, to))
}

export type CreateIntroductionResult = WriteResult<{ id: number }> | null

export function createIntroduction({
	contactId,
	input,
	viewer,
}: {
	contactId: number
	input: IntroductionInput
	viewer: Viewer
}): CreateIntroductionResult {
	if (!can(viewer, 'update:introduction:any')) return null
	return writeTransaction((tx): CreateIntroductionResult => {
		const contact = tx
			.select({ id: contacts.id, organisationName: organisations.name })
			.from(contacts)
			.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
			.where(and(eq(contacts.id, contactId), isNull(contacts.erasedAt), contactScope(viewer)))
			.get()
		if (!contact) return null
		const startup = tx
			.select({ id: startups.id })
			.from(startups)
			.where(eq(startups.id, input.startupId))
			.get()
		if (!startup) return refused('startupId', 'errors.unknownStartup')
		// the same person for the same purpose, still open: a second row would count twice
		const open = tx
			.select({ id: introductions.id })
			.from(introductions)
			.where(
				and(
					eq(introductions.contactId, contactId),
					eq(introductions.startupId, input.startupId),
					eq(introductions.purpose, input.purpose),
					notInArray(introductions.status, ['deal', 'no_fit']),
				),
			)
			.get()
		if (open) return refused('startupId', 'contacts:errors.alreadyIntroduced')
		const row = tx
			.insert(introductions)
			.values({
				contactId,
				startupId: input.startupId,
				purpose: input.purpose,
				status: 'proposed',
				introducedOn: input.introducedOn,
				statusOn: input.introducedOn,
				note: input.note ?? null,
			})
			.returning({ id: introductions.id })
			.get()
		touchContact(tx, contactId, input.introducedOn)
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'introduction',
			entityId: row.id,
			startupId: input.startupId,
			// the organisation, never the person: the audit log cannot be erased
			subject: { purpose: input.purpose },
			changes: contact.organisationName
				? { organisation: [null, contact.organisationName] }
				: undefined,
		})
		return written({ id: row.id })
	})
}

const detailColumns = () => ({
	id: introductions.id,
	startupId: introductions.startupId,
	startupName: startups.name,
	contactId: introductions.contactId,
	firstName: contacts.firstName,
	lastName: contacts.lastName,
	erasedAt: contacts.erasedAt,
	optedOutOn: contacts.optedOutOn,
	organisationName: organisations.name,
	country: marketCountry,
	purpose: introductions.purpose,
	status: introductions.status,
	introducedOn: introductions.introducedOn,
	statusOn: introductions.statusOn,
	dealValueCents: introductions.dealValueCents,
	dealCurrency: introductions.dealCurrency,
	note: introductions.note,
})

function withName<
	T extends { firstName: string | null; lastName: string | null; erasedAt: Date | null },
>(row: T) {
	const { firstName, lastName, erasedAt, ...rest } = row
	return {
		...rest,
		erased: erasedAt !== null,
		contactName: [firstName, lastName].filter(Boolean).join(' ') || null,
	}
}

/** One introduction of one startup, for its status form; null when not this viewer's. */
export function getIntroduction({
	startupId,
	introductionId,
	viewer,
}: {
	startupId: number
	introductionId: number
	viewer: Viewer
}) {
	const row = getDb()
		.select(detailColumns())
		.from(introductions)
		.innerJoin(contacts, eq(contacts.id, introductions.contactId))
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.innerJoin(startups, eq(startups.id, introductions.startupId))
		.where(
			and(
				eq(introductions.id, introductionId),
				eq(introductions.startupId, startupId),
				visibleIntroductions(viewer),
			),
		)
		.get()
	return row ? withName(row) : null
}

export type UpdateIntroductionResult = WriteResult<{ changed: boolean }> | null

/**
 * A new status and outcome. The founder of the startup and managers may do it; the
 * introduction must belong to the startup in the URL (another id changes nothing).
 */
export function updateIntroductionStatus({
	startupId,
	introductionId,
	input,
	viewer,
}: {
	startupId: number
	introductionId: number
	input: IntroductionStatusInput
	viewer: Viewer
}): UpdateIntroductionResult {
	if (!holdsOn(viewer, 'update:introduction', startupId)) return null
	return writeTransaction((tx): UpdateIntroductionResult => {
		const before = tx
			.select({
				purpose: introductions.purpose,
				status: introductions.status,
				statusOn: introductions.statusOn,
				introducedOn: introductions.introducedOn,
				dealValueCents: introductions.dealValueCents,
				dealCurrency: introductions.dealCurrency,
				note: introductions.note,
			})
			.from(introductions)
			.where(
				and(
					eq(introductions.id, introductionId),
					eq(introductions.startupId, startupId),
					visibleIntroductions(viewer),
				),
			)
			.get()
		if (!before) return null
		if (!canMoveIntroduction(viewer, before.status, input.status)) {
			return refused('status', 'contacts:errors.transition')
		}
		if (input.statusOn < before.introducedOn) {
			return refused('statusOn', 'contacts:errors.statusBeforeIntroduced')
		}
		const values = {
			status: input.status,
			statusOn: input.statusOn,
			dealValueCents: input.dealValueCents,
			dealCurrency: input.dealCurrency,
			note: input.note,
		}
		const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
			(k) => before[k] !== values[k],
		)
		if (changed.length === 0) return written({ changed: false })
		tx.update(introductions).set(values).where(eq(introductions.id, introductionId)).run()
		// the note is free text about people: kept by name only (audit.server.ts)
		const changes: Record<string, [unknown, unknown]> = Object.fromEntries(
			changed.map((k) => [k, [before[k], values[k]]]),
		)
		if (changes.dealValueCents || changes.dealCurrency) {
			delete changes.dealCurrency
			changes.dealValueCents = [
				before.dealValueCents === null
					? null
					: money(before.dealValueCents, before.dealCurrency ?? 'EUR'),
				values.dealValueCents === null
					? null
					: money(values.dealValueCents, values.dealCurrency ?? 'EUR'),
			]
		}
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'introduction',
			entityId: introductionId,
			startupId,
			verb: before.status === input.status ? undefined : 'status',
			subject: { purpose: before.purpose },
			changes,
		})
		return written({ changed: true })
	})
}

// ---------------------------------------------------------------- lists and funnels

export type IntroductionFilters = {
	status?: IntroductionStatus
	purpose?: Purpose
	country?: Country
	startupId?: number
	/** a startup's name as typed or picked: that startup, or every startup whose name holds it */
	startupName?: string
}

function filterConditions(viewer: Viewer, f: IntroductionFilters) {
	return and(
		visibleIntroductions(viewer),
		f.status ? eq(introductions.status, f.status) : undefined,
		f.purpose ? eq(introductions.purpose, f.purpose) : undefined,
		f.country ? sql`${marketCountry} = ${f.country}` : undefined,
		f.startupId ? eq(introductions.startupId, f.startupId) : undefined,
		f.startupName ? startupNameCondition(introductions.startupId, f.startupName) : undefined,
	)
}

/** Every introduction a manager may see, newest first. */
export function listIntroductions({
	viewer,
	filters,
	page,
	perPage,
}: {
	viewer: Viewer
	filters: IntroductionFilters
	page: number
	perPage: number
}) {
	if (!can(viewer, 'read:introduction:any')) return pageOf([], 0, 1, perPage)
	const where = filterConditions(viewer, filters)
	// every introduction has its contact: the count reads them only to filter by their country
	const counted = getDb().select({ n: count() }).from(introductions).$dynamic()
	if (filters.country) {
		counted
			.innerJoin(contacts, eq(contacts.id, introductions.contactId))
			.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
	}
	const total = counted.where(where).get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / perPage))
	const current = Math.min(page, pageCount)
	const rows = detailRows(where, perPage, (current - 1) * perPage)
	return pageOf(rows.map(withName), total, current, perPage)
}

function detailRows(where: SQL | undefined, limit: number, offset: number) {
	return getDb()
		.select(detailColumns())
		.from(introductions)
		.innerJoin(contacts, eq(contacts.id, introductions.contactId))
		.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
		.innerJoin(startups, eq(startups.id, introductions.startupId))
		.where(where)
		.orderBy(desc(introductions.introducedOn), desc(introductions.id))
		.limit(limit)
		.offset(offset)
		.all()
}

export type Funnel = {
	introductions: number
	/** Still at proposed or made. */
	open: number
	/** Reached a meeting: meeting held, or a deal. */
	meetings: number
	deals: number
	noFit: number
	dealEurCents: number
	dealGbpCents: number
}

const funnelColumns = sql`count(*) AS introductions,
	coalesce(sum(i.status IN ('proposed', 'made')), 0) AS open,
	coalesce(sum(i.status IN ('meeting_held', 'deal')), 0) AS meetings,
	coalesce(sum(i.status = 'deal'), 0) AS deals,
	coalesce(sum(i.status = 'no_fit'), 0) AS noFit,
	coalesce(sum(CASE WHEN i.deal_currency = 'EUR' THEN i.deal_value_cents END), 0) AS dealEurCents,
	coalesce(sum(CASE WHEN i.deal_currency = 'GBP' THEN i.deal_value_cents END), 0) AS dealGbpCents`

const FROM = sql`FROM introductions i
	JOIN contacts c ON c.id = i.contact_id
	LEFT JOIN organisations o ON o.id = c.organisation_id`

const COUNTRY = sql`coalesce(o.country, c.country)`

const EMPTY_FUNNEL: Funnel = {
	introductions: 0,
	open: 0,
	meetings: 0,
	deals: 0,
	noFit: 0,
	dealEurCents: 0,
	dealGbpCents: 0,
}

/**
 * Counts by market country; no names, no ids: what a partner may see. `startupId` narrows
 * it to one startup (its page), otherwise the whole incubator.
 */
export function introductionFunnelByCountry({
	viewer,
	startupId,
}: {
	viewer: Viewer
	startupId?: number
}): { country: Country; funnel: Funnel }[] {
	const scope = funnelScope(viewer, startupId)
	if (!scope) return []
	const query = () =>
		getDb()
			.all<Funnel & { country: Country }>(
				sql`SELECT ${COUNTRY} AS country, ${funnelColumns} ${FROM} WHERE ${scope} GROUP BY 1 ORDER BY 1`,
			)
			.map(({ country, ...funnel }) => ({ country, funnel }))
	// the whole incubator's funnel is the same for every reader: kept until the next write
	return wholeIncubator(viewer) && !startupId
		? cachedRead('introduction-funnel-by-country', query)
		: query()
}

/** The funnel over all countries, and the UK's. */
export function summariseFunnel(byCountry: { country: Country; funnel: Funnel }[]) {
	const total = { ...EMPTY_FUNNEL }
	for (const { funnel } of byCountry) {
		for (const key of Object.keys(total) as (keyof Funnel)[]) total[key] += funnel[key]
	}
	return { total, uk: byCountry.find((r) => r.country === 'GB')?.funnel ?? { ...EMPTY_FUNNEL } }
}

/** Who reads counts over every introduction: managers and partners. */
const wholeIncubator = (viewer: Viewer) =>
	can(viewer, 'read:introduction:any') || can(viewer, 'read:introduction:summary')

/** Counts reach every introduction for who reads summaries, the viewer's own rows otherwise. */
function funnelScope(viewer: Viewer, startupId?: number): SQL | null {
	if (scopesOf(viewer, 'read:introduction').length === 0) return null
	const rows = can(viewer, 'read:introduction:summary')
		? undefined
		: startupRows(viewer, 'read:introduction', sql`i.startup_id`)
	return and(startupId ? sql`i.startup_id = ${startupId}` : undefined, rows) ?? sql`1`
}

/** Introductions and deals by market country and purpose: the partners' report. */
export function introductionAggregates(viewer: Viewer) {
	if (!can(viewer, 'read:introduction:any') && !can(viewer, 'read:introduction:summary')) return []
	return cachedRead('introduction-aggregates', () =>
		getDb().all<Funnel & { country: Country; purpose: Purpose }>(
			sql`SELECT ${COUNTRY} AS country, i.purpose AS purpose, ${funnelColumns} ${FROM}
				GROUP BY 1, 2 ORDER BY 1, 2`,
		),
	)
}

/** One row per startup that has introductions: all of them, and the UK's. */
/** Startups per page of the funnel by startup. */
export const FUNNEL_STARTUPS_PER_PAGE = 25

export function introductionFunnelByStartup(viewer: Viewer, page?: number) {
	if (!can(viewer, 'read:introduction:any')) return []
	// a page of startups (the introductions page) or all of them
	const slice = page
		? sql`LIMIT ${FUNNEL_STARTUPS_PER_PAGE} OFFSET ${(page - 1) * FUNNEL_STARTUPS_PER_PAGE}`
		: sql``
	return cachedRead(`introduction-funnel-by-startup:${page ?? 'all'}`, () =>
		getDb().all<
			Funnel & {
				startupId: number
				startupName: string
				ukIntroductions: number
				ukMeetings: number
				ukDeals: number
			}
		>(
			sql`SELECT s.id AS startupId, s.name AS startupName, ${funnelColumns},
			coalesce(sum(${COUNTRY} = 'GB'), 0) AS ukIntroductions,
			coalesce(sum(${COUNTRY} = 'GB' AND i.status IN ('meeting_held', 'deal')), 0) AS ukMeetings,
			coalesce(sum(${COUNTRY} = 'GB' AND i.status = 'deal'), 0) AS ukDeals
			${FROM} JOIN startups s ON s.id = i.startup_id
			GROUP BY s.id ORDER BY s.sort_key, s.id ${slice}`,
		),
	)
}

/** How many startups have introductions: the funnel by startup's pages. */
export function countIntroducedStartups(viewer: Viewer) {
	if (!can(viewer, 'read:introduction:any')) return 0
	return (
		getDb().get<{ n: number }>(sql`SELECT count(DISTINCT startup_id) AS n FROM introductions`)?.n ??
		0
	)
}
