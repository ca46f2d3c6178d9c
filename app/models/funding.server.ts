import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import { cohorts, fundingEvents, startups } from '#db/schema/index'
import { CURRENCIES, type Currency, FUNDING_KINDS, FUNDING_STATUSES } from '#db/schema/enums'
import { isoDate } from '~/schemas/common'
import { type FundingEventInput, ORIGINS, startedOn, type StepDates } from '~/schemas/funding'
import { holdsOn, startupRows } from '~/utils/access.server'
import { getDb, writeTransaction } from '~/utils/db.server'
import { cachedRead } from '~/utils/read-cache.server'
import { likePattern, optionalParam, parseListParams } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import { type Refusal, refused, type WriteResult, written } from '~/utils/write-result'
import { diffFields, money, recordAudit } from './audit.server'
import {
	amountInEurCents,
	conversionDate,
	isSecured,
	rateUsedMicros,
	rateUsedOn,
} from './funding-sql.server'
import {
	type FundingNode,
	INNOVATION_FUND_YEARLY_ENVELOPE_CENTS,
	notCountedReason,
	portfolioLeverage,
	wouldCreateCycle,
} from './leverage'
import { computeInnovationFund } from './innovation-fund.server'
import { cohortCondition } from './suggestions.server'
import type { Viewer } from './viewer'
import { today } from '~/utils/clock'
import { compareNames } from '~/utils/sort-key'

// ---------------------------------------------------------------- one startup's events

/** The event another one was triggered by, in self-joins. */
const trigger = alias(fundingEvents, 'trigger')

const stepColumns = {
	plannedOn: fundingEvents.plannedOn,
	appliedOn: fundingEvents.appliedOn,
	securedOn: fundingEvents.securedOn,
	receivedOn: fundingEvents.receivedOn,
	declinedOn: fundingEvents.declinedOn,
}

const editColumns = {
	id: fundingEvents.id,
	startupId: fundingEvents.startupId,
	kind: fundingEvents.kind,
	source: fundingEvents.source,
	isPublic: fundingEvents.isPublic,
	amountCents: fundingEvents.amountCents,
	currency: fundingEvents.currency,
	status: fundingEvents.status,
	...stepColumns,
	triggeredById: fundingEvents.triggeredById,
	note: fundingEvents.note,
}

/** An event of this startup, for its edit form; null when absent, elsewhere or not the viewer's to edit. */
export function getFundingEventForEdit({
	viewer,
	startupId,
	eventId,
}: {
	viewer: Viewer
	startupId: number
	eventId: number
}) {
	return (
		getDb()
			.select(editColumns)
			.from(fundingEvents)
			.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
			.where(
				and(
					eq(fundingEvents.id, eventId),
					eq(fundingEvents.startupId, startupId),
					startupRows(viewer, 'update:funding'),
				),
			)
			.get() ?? null
	)
}

/** Ids of the events below `eventId` in the chain, itself included (they cannot trigger it). */
function chainBelow(eventId: number) {
	const rows = getDb().all<{ id: number }>(sql`WITH RECURSIVE below(id) AS (
		SELECT ${eventId}
		UNION
		SELECT child.id FROM funding_events child JOIN below ON child.triggered_by_id = below.id
	) SELECT id FROM below`)
	return new Set(rows.map((r) => r.id))
}

/** The proposed trigger and every event above it, for the cycle check. */
function chainAbove(eventId: number) {
	return getDb().all<{
		id: number
		triggeredById: number | null
	}>(sql`WITH RECURSIVE above(id, parent) AS (
		SELECT fe.id, fe.triggered_by_id FROM funding_events fe WHERE fe.id = ${eventId}
		UNION
		SELECT fe.id, fe.triggered_by_id FROM funding_events fe JOIN above ON fe.id = above.parent
	) SELECT id, parent AS triggeredById FROM above`)
}

/**
 * The events an event may say it was triggered by: this startup's own ones and, for a manager,
 * every innovation-fund grant (a founder never sees another startup's money). Declined money
 * triggered nothing; the event itself and what it triggered would make a loop.
 */
export function listTriggerOptions({
	viewer,
	startupId,
	eventId,
}: {
	viewer: Viewer
	startupId: number
	eventId?: number
}) {
	if (!holdsOn(viewer, 'update:funding', startupId)) return []
	const excluded = eventId ? chainBelow(eventId) : new Set<number>()
	const scope = can(viewer, 'read:funding:any')
		? or(eq(fundingEvents.startupId, startupId), eq(fundingEvents.kind, 'innovation_fund_grant'))
		: eq(fundingEvents.startupId, startupId)
	const options = getDb()
		.select({
			id: fundingEvents.id,
			startupId: fundingEvents.startupId,
			startupName: startups.name,
			kind: fundingEvents.kind,
			source: fundingEvents.source,
			amountCents: fundingEvents.amountCents,
			currency: fundingEvents.currency,
			status: fundingEvents.status,
			date: conversionDate,
		})
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.where(and(scope, sql`${fundingEvents.status} <> 'declined'`))
		.orderBy(sql`${fundingEvents.startupId} <> ${startupId}`, desc(conversionDate))
		.all()
		.filter((e) => !excluded.has(e.id))
		.map((e) => ({ ...e, restricted: false }))
	// the link the event has now stays selectable, even to an event that is no longer offered
	// (declined since); another startup's grant linked by a manager shows to a founder as a bare
	// "innovation-fund grant": its amount and its startup are not theirs to read
	const current = eventId
		? getDb()
				.select({
					id: trigger.id,
					startupId: trigger.startupId,
					startupName: startups.name,
					kind: trigger.kind,
					source: trigger.source,
					amountCents: trigger.amountCents,
					currency: trigger.currency,
					status: trigger.status,
				})
				.from(fundingEvents)
				.innerJoin(trigger, eq(trigger.id, fundingEvents.triggeredById))
				.innerJoin(startups, eq(startups.id, trigger.startupId))
				.where(eq(fundingEvents.id, eventId))
				.get()
		: undefined
	if (current && !options.some((o) => o.id === current.id)) {
		const restricted = current.startupId !== startupId && !can(viewer, 'read:funding:any')
		options.push(
			restricted
				? {
						...current,
						startupName: '',
						source: '',
						amountCents: 0,
						currency: 'EUR',
						date: null,
						restricted,
					}
				: { ...current, date: null, restricted },
		)
	}
	return options
}

/**
 * Why `triggeredById` cannot be the trigger of this event, as a message key; null when it can.
 * The trigger must be an earlier event (by start date) of the same startup or an
 * innovation-fund grant, not declined, not the event itself, and must not close a loop.
 */
export function triggerProblem({
	viewer,
	startupId,
	eventId,
	triggeredById,
	dates,
	currentTriggerId = null,
}: {
	viewer: Viewer
	startupId: number
	eventId: number | null
	triggeredById: number
	dates: StepDates
	/** the link the event has now: a founder keeps a grant a manager linked, unseen */
	currentTriggerId?: number | null
}): string | null {
	if (eventId !== null && triggeredById === eventId) return 'funding:errors.triggerSelf'
	const trigger = getDb()
		.select({
			id: fundingEvents.id,
			startupId: fundingEvents.startupId,
			kind: fundingEvents.kind,
			status: fundingEvents.status,
			...stepColumns,
		})
		.from(fundingEvents)
		.where(eq(fundingEvents.id, triggeredById))
		.get()
	if (!trigger) return 'funding:errors.unknownTrigger'
	if (trigger.startupId !== startupId && triggeredById !== currentTriggerId) {
		// a founder knows nothing of other startups' money: for them it does not exist
		if (!can(viewer, 'read:funding:any')) return 'funding:errors.unknownTrigger'
		if (trigger.kind !== 'innovation_fund_grant') return 'funding:errors.triggerOtherStartup'
	}
	// a link made before its trigger was declined may stay; a new one may not
	if (trigger.status === 'declined' && triggeredById !== currentTriggerId) {
		return 'funding:errors.triggerDeclined'
	}
	const triggerStart = startedOn(trigger)
	const eventStart = startedOn(dates)
	if (triggerStart && eventStart && triggerStart > eventStart) return 'funding:errors.triggerLater'
	if (wouldCreateCycle(chainAbove(triggeredById), eventId, triggeredById)) {
		return 'funding:errors.triggerCycle'
	}
	return null
}

/** An event cannot start after the events it triggered (they would no longer be later). */
export function triggeredEarlierProblem(eventId: number, dates: StepDates): string | null {
	const start = startedOn(dates)
	if (!start) return null
	const children = getDb()
		.select(stepColumns)
		.from(fundingEvents)
		.where(eq(fundingEvents.triggeredById, eventId))
		.all()
	return children.some((c) => {
		const childStart = startedOn(c)
		return childStart !== null && childStart < start
	})
		? 'funding:errors.startsAfterTriggered'
		: null
}

/** The form field a "dates" problem is shown on: the event's first date. */
export function firstDateField(dates: StepDates) {
	const fields = ['plannedOn', 'appliedOn', 'securedOn', 'receivedOn', 'declinedOn'] as const
	return fields.find((f) => dates[f]) ?? 'plannedOn'
}

function rowValues(input: FundingEventInput) {
	return {
		kind: input.kind,
		source: input.source,
		isPublic: input.origin === 'public',
		amountCents: input.amount,
		currency: input.currency,
		status: input.status,
		plannedOn: input.plannedOn ?? null,
		appliedOn: input.appliedOn ?? null,
		securedOn: input.securedOn ?? null,
		receivedOn: input.receivedOn ?? null,
		declinedOn: input.declinedOn ?? null,
		triggeredById: input.triggeredById ?? null,
		note: input.note ?? null,
	}
}

/** What names a funding event in the activity history: "equity round, €30,000.00, planned". */
function fundingSubject(values: {
	kind: string
	amountCents: number
	currency: Currency
	status: string
}) {
	return {
		kind: values.kind,
		amountCents: money(values.amountCents, values.currency),
		status: values.status,
	}
}

/** The changes of an edit, the amount kept with its currency (a new currency is a new amount). */
function withMoney(
	changes: Record<string, [unknown, unknown]>,
	before: { amountCents: number; currency: Currency },
	after: { amountCents: number; currency: Currency },
) {
	if (!changes.amountCents && !changes.currency) return changes
	const { currency: _currency, ...rest } = changes
	return {
		...rest,
		amountCents: [
			money(before.amountCents, before.currency),
			money(after.amountCents, after.currency),
		] as [unknown, unknown],
	}
}

export type FundingWrite = WriteResult<{ id: number; changed: boolean }>

/** Checks the trigger and the dates again inside the write, so that no loop can slip in between. */
function linkProblem(
	viewer: Viewer,
	startupId: number,
	eventId: number | null,
	input: FundingEventInput,
	currentTriggerId: number | null = null,
): Refusal | null {
	if (input.triggeredById) {
		const message = triggerProblem({
			viewer,
			startupId,
			eventId,
			triggeredById: input.triggeredById,
			dates: input,
			currentTriggerId,
		})
		if (message) return refused('triggeredById', message)
	}
	if (eventId !== null) {
		const message = triggeredEarlierProblem(eventId, input)
		if (message) return refused(firstDateField(input), message)
	}
	return null
}

/** Null when the viewer may not write this startup's funding. */
export function createFundingEvent({
	viewer,
	startupId,
	input,
}: {
	viewer: Viewer
	startupId: number
	input: FundingEventInput
}): FundingWrite | null {
	return writeTransaction((tx) => {
		if (!holdsOn(viewer, 'update:funding', startupId)) return null
		const problem = linkProblem(viewer, startupId, null, input)
		if (problem) return problem
		const values = rowValues(input)
		const event = tx
			.insert(fundingEvents)
			.values({ ...values, startupId })
			.returning({ id: fundingEvents.id })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'funding_event',
			entityId: event.id,
			startupId,
			subject: fundingSubject(values),
		})
		return written({ id: event.id, changed: true })
	})
}

/** Null when there is no such event of this startup that the viewer may write. */
export function updateFundingEvent({
	viewer,
	startupId,
	eventId,
	input,
}: {
	viewer: Viewer
	startupId: number
	eventId: number
	input: FundingEventInput
}): FundingWrite | null {
	return writeTransaction((tx) => {
		const before = getFundingEventForEdit({ viewer, startupId, eventId })
		if (!before) return null
		const problem = linkProblem(viewer, startupId, eventId, input, before.triggeredById)
		if (problem) return problem
		const values = rowValues(input)
		const { id: _id, startupId: _startupId, ...old } = before
		const changes = diffFields(old, values)
		if (Object.keys(changes).length === 0) return written({ id: eventId, changed: false })
		tx.update(fundingEvents).set(values).where(eq(fundingEvents.id, eventId)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'funding_event',
			entityId: eventId,
			startupId,
			subject: fundingSubject(values),
			changes: withMoney(changes, old, values),
		})
		return written({ id: eventId, changed: true })
	})
}

/** Events it triggered lose their link (the foreign key sets it to null); the audit says which. */
export function deleteFundingEvent({
	viewer,
	startupId,
	eventId,
}: {
	viewer: Viewer
	startupId: number
	eventId: number
}) {
	return writeTransaction((tx) => {
		const before = getFundingEventForEdit({ viewer, startupId, eventId })
		if (!before) return null
		const unlinked = tx
			.select({
				id: fundingEvents.id,
				startupId: fundingEvents.startupId,
				kind: fundingEvents.kind,
				amountCents: fundingEvents.amountCents,
				currency: fundingEvents.currency,
				status: fundingEvents.status,
			})
			.from(fundingEvents)
			.where(eq(fundingEvents.triggeredById, eventId))
			.all()
		tx.delete(fundingEvents).where(eq(fundingEvents.id, eventId)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'delete',
			entity: 'funding_event',
			entityId: eventId,
			startupId,
			subject: { ...fundingSubject(before), unlinked: unlinked.length },
		})
		for (const child of unlinked.filter((u) => u.startupId !== startupId)) {
			recordAudit(tx, {
				userId: viewer.id,
				action: 'update',
				entity: 'funding_event',
				entityId: child.id,
				startupId: child.startupId,
				verb: 'unlinked',
				subject: fundingSubject(child),
				changes: { triggeredById: [eventId, null] },
			})
		}
		return written({ id: eventId, unlinked: unlinked.length })
	})
}

/** How many events an event triggered directly: the edit page warns before deleting it. */
export function countTriggered(eventId: number) {
	return getDb()
		.select({ id: fundingEvents.id })
		.from(fundingEvents)
		.where(eq(fundingEvents.triggeredById, eventId))
		.all().length
}

/** Sources already typed, so that "Bpifrance" is written the same way every time. */
export function listKnownSources(viewer: Viewer, startupId: number) {
	return getDb()
		.selectDistinct({ source: fundingEvents.source })
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.where(
			can(viewer, 'read:funding:any')
				? undefined
				: and(eq(fundingEvents.startupId, startupId), startupRows(viewer, 'update:funding')),
		)
		.orderBy(asc(fundingEvents.source))
		.limit(200)
		.all()
		.map((r) => r.source)
}

// ---------------------------------------------------------------- the portfolio view

export const FUNDING_SORTS = ['date', 'startup', 'kind', 'amount', 'status'] as const
export type FundingSort = (typeof FUNDING_SORTS)[number]

export type FundingFilters = {
	q?: string
	from?: string
	to?: string
	kind?: (typeof FUNDING_KINDS)[number]
	origin?: (typeof ORIGINS)[number]
	status?: (typeof FUNDING_STATUSES)[number]
	cohortId?: number
	/** a cohort's name as typed or picked: that cohort, or every cohort whose name holds it */
	cohortName?: string
	currency?: (typeof CURRENCIES)[number]
}

/** /funding as the URL describes it: shared by the page and its CSV export. */
export function parseFundingListParams(url: URL) {
	const sp = url.searchParams
	const list = parseListParams(sp, FUNDING_SORTS, { sort: 'date', dir: 'desc' })
	const cohort = sp.get('cohort') ?? ''
	const filters: FundingFilters = {
		q: list.q || undefined,
		from: optionalParam(isoDate, sp.get('from')),
		to: optionalParam(isoDate, sp.get('to')),
		kind: optionalParam(z.enum(FUNDING_KINDS), sp.get('kind')),
		origin: optionalParam(z.enum(ORIGINS), sp.get('origin')),
		status: optionalParam(z.enum(FUNDING_STATUSES), sp.get('status')),
		// an id (links from elsewhere), else a cohort's name as typed
		cohortId: optionalParam(z.coerce.number().int().positive(), cohort),
		cohortName: /^\d+$/.test(cohort)
			? undefined
			: optionalParam(z.string().trim().min(1).max(80), cohort),
		currency: optionalParam(z.enum(CURRENCIES), sp.get('currency')),
	}
	const view = sp.get('view') === 'startups' ? ('startups' as const) : ('events' as const)
	return { sort: list.sort, dir: list.dir, page: list.page, perPage: list.perPage, filters, view }
}

/** An event falls in a period by the date its amount counts on (secured, else applied, else planned). */
function filterConditions(f: FundingFilters) {
	return and(
		f.q
			? or(
					sql`${fundingEvents.source} LIKE ${likePattern(f.q)} ESCAPE '\\'`,
					sql`${startups.name} LIKE ${likePattern(f.q)} ESCAPE '\\'`,
				)
			: undefined,
		f.from ? sql`${conversionDate} >= ${f.from}` : undefined,
		f.to ? sql`${conversionDate} <= ${f.to}` : undefined,
		f.kind ? eq(fundingEvents.kind, f.kind) : undefined,
		f.origin ? eq(fundingEvents.isPublic, f.origin === 'public') : undefined,
		f.status ? eq(fundingEvents.status, f.status) : undefined,
		f.cohortId ? eq(startups.cohortId, f.cohortId) : undefined,
		f.cohortName ? cohortCondition(startups.cohortId, f.cohortName) : undefined,
		f.currency ? eq(fundingEvents.currency, f.currency) : undefined,
	)
}

const sortColumns: Record<FundingSort, SQL> = {
	date: sql`${conversionDate}`,
	startup: sql`${startups.sortKey}`,
	kind: sql`${fundingEvents.kind}`,
	amount: sql`${amountInEurCents}`,
	status: sql`CASE ${fundingEvents.status} WHEN 'planned' THEN 1 WHEN 'applied' THEN 2 WHEN 'secured' THEN 3 WHEN 'received' THEN 4 ELSE 5 END`,
}

/** Every event that matches, for a manager; nobody else reads events one by one. */
export function listFundingEvents({
	viewer,
	filters,
	sort = 'date',
	dir = 'desc',
	page,
}: {
	viewer: Viewer
	filters: FundingFilters
	sort?: FundingSort
	dir?: 'asc' | 'desc'
	/** one page of the list (the page's table); the whole list without it (the CSV) */
	page?: { page: number; perPage: number }
}) {
	if (!can(viewer, 'read:funding:any')) return []
	const order = dir === 'desc' ? desc : asc
	const query = getDb()
		.select({
			id: fundingEvents.id,
			startupId: fundingEvents.startupId,
			startupName: startups.name,
			cohortName: cohorts.name,
			kind: fundingEvents.kind,
			source: fundingEvents.source,
			isPublic: fundingEvents.isPublic,
			amountCents: fundingEvents.amountCents,
			currency: fundingEvents.currency,
			amountEurCents: amountInEurCents,
			rateMicros: rateUsedMicros,
			rateOn: rateUsedOn,
			status: fundingEvents.status,
			date: conversionDate,
			...stepColumns,
			triggeredById: fundingEvents.triggeredById,
			triggerKind: trigger.kind,
			triggerStartupId: trigger.startupId,
			note: fundingEvents.note,
		})
		.from(fundingEvents)
		.innerJoin(startups, eq(startups.id, fundingEvents.startupId))
		.leftJoin(cohorts, eq(cohorts.id, startups.cohortId))
		.leftJoin(trigger, eq(trigger.id, fundingEvents.triggeredById))
		.where(filterConditions(filters))
		.orderBy(order(sortColumns[sort]), order(fundingEvents.id))
	return page
		? query
				.limit(page.perPage)
				.offset((page.page - 1) * page.perPage)
				.all()
		: query.all()
}

/**
 * Events of the view grouped by kind, funder and status, summed in euros in SQL; kept until the
 * next write (decision 0031): every page of the list shows the same totals.
 */
function groupedEvents(filters: FundingFilters, { securedOnly = false } = {}) {
	return cachedRead(`funding-groups:${securedOnly}:${JSON.stringify(filters)}`, () =>
		queryGroupedEvents(filters, securedOnly ? isSecured : undefined),
	)
}

function queryGroupedEvents(filters: FundingFilters, extra?: SQL) {
	return getDb()
		.all<{
			startupId: number
			kind: FundingNode['kind']
			isPublic: number
			status: FundingNode['status']
			cents: number
			withRate: number
			events: number
		}>(
			sql`SELECT startup_id AS startupId, kind, is_public AS isPublic, status,
				coalesce(sum(eur), 0) AS cents, count(eur) AS withRate, count(*) AS events
			FROM (
				-- the euro amount once per event (a pound's rate is looked up in a subquery)
				SELECT ${fundingEvents.startupId} AS startup_id, ${fundingEvents.kind} AS kind,
					${fundingEvents.isPublic} AS is_public, ${fundingEvents.status} AS status,
					${amountInEurCents} AS eur
				FROM ${fundingEvents}
				JOIN ${startups} ON ${startups.id} = ${fundingEvents.startupId}
				WHERE ${and(filterConditions(filters), extra) ?? sql`1`}
			)
			GROUP BY startup_id, kind, is_public, status`,
		)
		.map((g) => ({ ...g, isPublic: Boolean(g.isPublic) }))
}

/**
 * A group's events as funding nodes for leverage.ts: its known euros as one node, its events
 * without an exchange rate as another that stands for all of them.
 */
function nodesOf(groups: ReturnType<typeof groupedEvents>): FundingNode[] {
	return groups.flatMap((g) => {
		const node = {
			kind: g.kind,
			isPublic: g.isPublic,
			status: g.status,
			id: 0,
			triggeredById: null,
		}
		const missing = g.events - g.withRate
		return [
			...(g.withRate ? [{ ...node, amountEurCents: g.cents, events: g.withRate }] : []),
			...(missing ? [{ ...node, amountEurCents: null, events: missing }] : []),
		]
	})
}

/**
 * The totals of the whole view (every page of it), summed in SQL: the same figures as
 * summariseFundingRows over every row of the view, which the tests check.
 */
export function summariseFundingEvents({
	viewer,
	filters,
}: {
	viewer: Viewer
	filters: FundingFilters
}) {
	if (!can(viewer, 'read:funding:any')) return null
	// every page of the list shows the same totals: kept until the next write (decision 0031)
	return cachedRead(`funding-summary:${JSON.stringify(filters)}`, () => {
		const groups = groupedEvents(filters)
		return {
			events: groups.reduce((n, g) => n + g.events, 0),
			totalEurCents: groups.reduce((n, g) => n + g.cents, 0),
			missingRates: groups.reduce((n, g) => n + g.events - g.withRate, 0),
			portfolio: portfolioLeverage(nodesOf(groups)),
		}
	})
}

/**
 * The totals under the table, from the very rows it shows: the euro total is the sum of the
 * euro column, to the cent. Rows with no exchange rate have no euro amount and are counted apart.
 */
export function summariseFundingRows(
	rows: readonly (FundingNode & { amountEurCents: number | null })[],
) {
	let totalEurCents = 0
	let missingRates = 0
	for (const r of rows) {
		if (r.amountEurCents === null) missingRates += 1
		else totalEurCents += r.amountEurCents
	}
	return { events: rows.length, totalEurCents, missingRates, portfolio: portfolioLeverage(rows) }
}

/**
 * Secured money by startup — public, private and bank — with each startup's leverage, for the
 * manager and for partners. Aggregates only: no event, no source, no note leaves here.
 */
export function getFundingByStartup({
	viewer,
	filters,
	page,
}: {
	viewer: Viewer
	filters: FundingFilters
	/** one page of startups (the page's table); all of them without it */
	page?: { page: number; perPage: number }
}) {
	if (!can(viewer, 'read:funding:any') && !can(viewer, 'read:funding:summary')) return null
	const groups = groupedEvents(filters, { securedOnly: true })
	const byStartup = new Map<number, typeof groups>()
	for (const g of groups) {
		const list = byStartup.get(g.startupId)
		if (list) list.push(g)
		else byStartup.set(g.startupId, [g])
	}
	const names = new Map(
		byStartup.size
			? getDb()
					.select({ id: startups.id, name: startups.name, cohortName: cohorts.name })
					.from(startups)
					.leftJoin(cohorts, eq(cohorts.id, startups.cohortId))
					.where(inArray(startups.id, [...byStartup.keys()]))
					.all()
					.map((s) => [s.id, s])
			: [],
	)
	const startupRows = [...byStartup]
		.map(([startupId, list]) => ({
			startupId,
			startupName: names.get(startupId)!.name,
			cohortName: names.get(startupId)!.cohortName,
			events: list.reduce((n, g) => n + g.events, 0),
			...portfolioLeverage(nodesOf(list)),
		}))
		.sort((a, b) => b.totalCents - a.totalCents || compareNames(a.startupName, b.startupName))
	const totals = {
		events: groups.reduce((n, g) => n + g.events, 0),
		...portfolioLeverage(nodesOf(groups)),
	}
	if (!page) return { rows: startupRows, totals, total: startupRows.length }
	const offset = (page.page - 1) * page.perPage
	return {
		rows: startupRows.slice(offset, offset + page.perPage),
		totals,
		total: startupRows.length,
	}
}

// ---------------------------------------------------------------- the innovation fund

/**
 * Grants per year against the fund's envelope, each grant's triggered money and leverage, and
 * the portfolio's leverage. For managers and partners; no notes. The figures come from
 * computeInnovationFund, as the report's do.
 */
export function getInnovationFundView({
	viewer,
	asOf = today(),
}: {
	viewer: Viewer
	asOf?: string
}) {
	const manager = can(viewer, 'read:funding:any')
	if (!manager && !can(viewer, 'read:funding:summary')) return null
	const fund = computeInnovationFund()
	const { byId, totals } = fund
	const grantRows = fund.grants
		.map((g) => {
			const grant = byId.get(g.id)!
			const head = g.countedUnderId === null ? null : byId.get(g.countedUnderId)!
			return {
				...g,
				startupId: grant.startupId,
				startupName: grant.startupName,
				securedOn: grant.securedOn,
				countedUnder: head ? { id: head.id, startupName: head.startupName, date: head.date } : null,
				// every event of the chain, the fund's own grants below this one included (rule 5)
				chain: fund.chainOf(g.id).map(({ node: n, depth }) => ({
					id: n.id,
					startupName: n.startupName,
					kind: n.kind,
					// a founder may have typed a person's name (a business angel): partners get none
					source: manager ? n.source : null,
					status: n.status,
					amountCents: n.amountCents,
					currency: n.currency,
					amountEurCents: n.amountEurCents,
					date: n.date,
					triggeredById: n.triggeredById,
					depth,
					notCounted: notCountedReason(n),
				})),
			}
		})
		.sort((a, b) => (b.securedOn ?? '').localeCompare(a.securedOn ?? '') || b.id - a.id)

	const thisYear = Number(asOf.slice(0, 4))
	const firstYear = Math.min(thisYear, ...grantRows.map((g) => g.year))
	const yearList = []
	for (let year = thisYear; year >= firstYear; year--) yearList.push(year)
	const years = fund.years(yearList).map((y) => ({
		...y,
		envelopeCents: INNOVATION_FUND_YEARLY_ENVELOPE_CENTS,
		remainingCents: INNOVATION_FUND_YEARLY_ENVELOPE_CENTS - y.grantedCents,
	}))

	const pending = getDb()
		.select({
			count: sql<number>`count(*)`,
			cents: sql<number>`coalesce(sum(${amountInEurCents}), 0)`,
		})
		.from(fundingEvents)
		.where(
			and(
				eq(fundingEvents.kind, 'innovation_fund_grant'),
				inArray(fundingEvents.status, ['planned', 'applied']),
			),
		)
		.get()

	const secured = getDb()
		.select({
			id: fundingEvents.id,
			kind: fundingEvents.kind,
			isPublic: fundingEvents.isPublic,
			status: fundingEvents.status,
			amountEurCents: amountInEurCents,
			triggeredById: fundingEvents.triggeredById,
		})
		.from(fundingEvents)
		.where(isSecured)
		.all()

	return {
		envelopeCents: INNOVATION_FUND_YEARLY_ENVELOPE_CENTS,
		grants: grantRows,
		years,
		totals,
		pending: { count: pending?.count ?? 0, cents: pending?.cents ?? 0 },
		portfolio: portfolioLeverage(secured),
	}
}
