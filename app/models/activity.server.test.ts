import { gt, isNotNull, sql } from 'drizzle-orm'
import { auditLog } from '#db/schema/index'
import { activityText } from '#tests/activity'
import { createStartup, createUser } from '#tests/factories'
import { FundingEventSchema } from '~/schemas/funding'
import { getDb } from '~/utils/db.server'
import { createFundingEvent, deleteFundingEvent, updateFundingEvent } from './funding.server'
import { getManagerHome } from './home.server'
import { createMilestone } from './milestone.server'
import { listStartupActivity } from './startup.server'
import type { Viewer } from './viewer'

const funding = (values: Record<string, string>) =>
	FundingEventSchema.parse({
		kind: 'equity_round',
		source: 'Business angels',
		origin: 'private',
		amount: '30000',
		currency: 'EUR',
		status: 'planned',
		plannedOn: '2026-10-15',
		...values,
	})

test('the history says what was recorded in the reader’s language, amounts and dates formatted', () => {
	const claire = createUser({ role: 'manager', name: 'Claire Delattre' })
	const manager: Viewer = { id: claire.id, role: 'manager', startupId: null, mentorId: null }
	const startup = createStartup({ name: 'Opale Hydrogène' })
	const lastBefore = getDb().get<{ id: number }>(sql`SELECT max(id) AS id FROM audit_log`)!.id

	const created = createFundingEvent({ viewer: manager, startupId: startup.id, input: funding({}) })
	if (!created?.ok) throw new Error('recorded')
	const timeline = () => listStartupActivity({ startupId: startup.id, viewer: manager })
	expect(timeline()[0]).toMatchObject({ userName: 'Claire Delattre', entity: 'funding_event' })
	expect(activityText(timeline()[0], 'fr')).toBe(
		'a enregistré un financement\u202f: levée de fonds, 30\u202f000,00\u202f€, prévu',
	)
	expect(activityText(timeline()[0], 'en')).toBe(
		'recorded funding: equity round, €30,000.00, planned',
	)

	// a change says from what to what, each value formatted
	updateFundingEvent({
		viewer: manager,
		startupId: startup.id,
		eventId: created.value.id,
		input: funding({
			amount: '35000',
			currency: 'GBP',
			status: 'secured',
			securedOn: '2026-11-02',
		}),
	})
	expect(activityText(timeline()[0], 'fr')).toBe(
		'a modifié un financement\u202f: levée de fonds, 35\u202f000,00\u202f£ — ' +
			'montant\u202f: 30\u202f000,00\u202f€ → 35\u202f000,00\u202f£, ' +
			"statut\u202f: prévu → obtenu, date d'obtention\u202f: 2 nov. 2026",
	)
	expect(activityText(timeline()[0], 'en')).toBe(
		'changed funding: equity round, £35,000.00 — amount: €30,000.00 → £35,000.00, ' +
			'status: planned → secured, date secured: 2 Nov 2026',
	)

	// a milestone: a free text typed by the founder is a name, its date a date
	createMilestone({
		viewer: manager,
		startupId: startup.id,
		input: {
			title: 'Premier client au Royaume-Uni',
			kind: 'uk_market_entry',
			status: 'planned',
			dueOn: '2027-03-31',
		},
	})
	expect(activityText(timeline()[0], 'fr')).toBe(
		'a ajouté le jalon «\u00a0Premier client au Royaume-Uni\u00a0» — ' +
			'statut\u202f: prévu, échéance\u202f: 31 mars 2027',
	)

	deleteFundingEvent({ viewer: manager, startupId: startup.id, eventId: created.value.id })
	expect(activityText(timeline()[0], 'en')).toBe(
		'deleted funding: equity round, £35,000.00, secured',
	)

	// the dashboard shows the same lines, with the startup each one concerns
	const recent = getManagerHome({ viewer: manager })!.recentActivity
	expect(recent[0]).toMatchObject({ startupId: startup.id, startupName: 'Opale Hydrogène' })
	expect(activityText(recent[0], 'fr')).toBe(activityText(timeline()[0], 'fr'))

	// what the app writes is data: no English line any more
	expect(
		getDb()
			.select({ n: sql<number>`count(*)` })
			.from(auditLog)
			.where(sql`${gt(auditLog.id, lastBefore)} AND ${isNotNull(auditLog.summary)}`)
			.get()?.n,
	).toBe(0)
})
