import { and, eq } from 'drizzle-orm'
import { auditLog, contacts } from '#db/schema/index'
import {
	createContact,
	createIntroduction,
	createOrganisation,
	createStartup,
	createUser,
} from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { introductionStatusSchema } from '~/schemas/contact'
import { getDb } from '~/utils/db.server'
import { listStartupActivity } from './startup.server'
import { logInteraction } from './interaction.server'
import {
	canMoveIntroduction,
	createIntroduction as introduce,
	getIntroduction,
	introductionAggregates,
	introductionFunnelByCountry,
	introductionFunnelByStartup,
	listIntroductions,
	summariseFunnel,
	updateIntroductionStatus,
} from './introduction.server'
import { activityText } from '#tests/activity'
import { sortsWithoutIndex, statementsDuring } from '#tests/query-plans'

const manager = viewerOf(createUser({ role: 'manager' }))
const status = (input: Record<string, string>) =>
	introductionStatusSchema('2025-09-01').parse({ statusOn: '2025-08-01', ...input })

test('the funnel counts UK introductions that became meetings and deals, per startup and overall', () => {
	const before = summariseFunnel(introductionFunnelByCountry({ viewer: manager }))
	const fret = createStartup({ name: 'Fretmanche' })
	const blue = createStartup({ name: 'Blue Strait' })
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const calais = createOrganisation({ name: 'Port de Calais', country: 'FR' })
	const uk = createContact({ organisationId: dover.id, country: 'GB' })
	// a British person working for a French organisation opens the French market
	const fr = createContact({ organisationId: calais.id, country: 'GB' })
	const freelance = createContact({ organisationId: null, country: 'GB' })
	createIntroduction({ contactId: uk.id, startupId: fret.id, status: 'proposed' })
	createIntroduction({
		contactId: uk.id,
		startupId: fret.id,
		status: 'meeting_held',
		purpose: 'investor',
	})
	createIntroduction({
		contactId: freelance.id,
		startupId: fret.id,
		status: 'deal',
		dealValueCents: 4_800_000,
		dealCurrency: 'GBP',
	})
	createIntroduction({ contactId: uk.id, startupId: blue.id, status: 'no_fit' })
	createIntroduction({
		contactId: fr.id,
		startupId: fret.id,
		status: 'deal',
		dealValueCents: 1_000_050,
		dealCurrency: 'EUR',
	})

	const after = summariseFunnel(introductionFunnelByCountry({ viewer: manager }))
	expect(after.uk.introductions - before.uk.introductions).toBe(4)
	expect(after.uk.meetings - before.uk.meetings).toBe(2)
	expect(after.uk.deals - before.uk.deals).toBe(1)
	expect(after.uk.noFit - before.uk.noFit).toBe(1)
	expect(after.uk.dealGbpCents - before.uk.dealGbpCents).toBe(4_800_000)
	expect(after.total.introductions - before.total.introductions).toBe(5)
	expect(after.total.dealEurCents - before.total.dealEurCents).toBe(1_000_050)

	const fretRow = introductionFunnelByStartup(manager).find((r) => r.startupId === fret.id)
	// a deal went through a meeting: meetings count meeting_held and deal
	expect(fretRow).toMatchObject({
		introductions: 4,
		meetings: 3,
		deals: 2,
		ukIntroductions: 3,
		ukMeetings: 2,
		ukDeals: 1,
		dealEurCents: 1_000_050,
		dealGbpCents: 4_800_000,
	})
	expect(
		introductionFunnelByCountry({ viewer: manager, startupId: blue.id })[0]?.funnel,
	).toMatchObject({ introductions: 1, noFit: 1 })

	// the partners' report: its totals are the sum of its rows, and it names no one
	const partner = viewerOf(createUser({ role: 'partner' }))
	const rows = introductionAggregates(partner)
	expect(rows.reduce((s, r) => s + r.introductions, 0)).toBe(after.total.introductions)
	expect(rows.reduce((s, r) => s + r.dealGbpCents, 0)).toBe(after.total.dealGbpCents)
	expect(Object.keys(rows[0]!).sort()).toEqual(
		[
			'country',
			'purpose',
			'introductions',
			'open',
			'meetings',
			'deals',
			'noFit',
			'dealEurCents',
			'dealGbpCents',
		].sort(),
	)
	// mentors get nothing
	expect(introductionAggregates(viewerOf(createUser({ role: 'mentor' })))).toEqual([])
})

test('a founder moves their own introductions forward, never another startup’s', () => {
	const mine = createStartup()
	const theirs = createStartup()
	const founder = viewerOf(createUser({ role: 'founder', startupId: mine.id }))
	const intro = createIntroduction({ startupId: mine.id, introducedOn: '2025-06-01' })
	const other = createIntroduction({ startupId: theirs.id })

	expect(
		updateIntroductionStatus({
			startupId: mine.id,
			introductionId: intro.id,
			input: status({ status: 'meeting_held' }),
			viewer: founder,
		}),
	).toEqual({ ok: true, value: { changed: true } })
	expect(
		getIntroduction({ startupId: mine.id, introductionId: intro.id, viewer: founder }),
	).toMatchObject({ status: 'meeting_held', statusOn: '2025-08-01' })
	// backwards is the TEKTOS team's correction, not the founder's
	expect(
		updateIntroductionStatus({
			startupId: mine.id,
			introductionId: intro.id,
			input: status({ status: 'proposed' }),
			viewer: founder,
		}),
	).toEqual({
		ok: false,
		fieldErrors: { status: ['contacts:errors.transition'] },
		formErrors: [],
	})
	expect(canMoveIntroduction(manager, 'deal', 'proposed')).toBe(true)
	// a date before the introduction
	expect(
		updateIntroductionStatus({
			startupId: mine.id,
			introductionId: intro.id,
			input: status({ status: 'deal', statusOn: '2025-05-01', dealValue: '1000' }),
			viewer: founder,
		}),
	).toEqual({
		ok: false,
		fieldErrors: { statusOn: ['contacts:errors.statusBeforeIntroduced'] },
		formErrors: [],
	})
	// a deal with its value
	expect(
		updateIntroductionStatus({
			startupId: mine.id,
			introductionId: intro.id,
			input: status({ status: 'deal', dealValue: '48 000,50', dealCurrency: 'GBP' }),
			viewer: founder,
		})?.ok,
	).toBe(true)
	expect(
		getIntroduction({ startupId: mine.id, introductionId: intro.id, viewer: manager }),
	).toMatchObject({ status: 'deal', dealValueCents: 4_800_050, dealCurrency: 'GBP' })
	// another startup's introduction, even through their own startup's URL
	for (const [startupId, introductionId] of [
		[theirs.id, other.id],
		[mine.id, other.id],
	] as const) {
		expect(
			updateIntroductionStatus({
				startupId,
				introductionId,
				input: status({ status: 'made' }),
				viewer: founder,
			}),
		).toBeNull()
		expect(getIntroduction({ startupId, introductionId, viewer: founder })).toBeNull()
	}
	// the timeline says what changed, without the note or a person's name
	const timeline = listStartupActivity({ startupId: mine.id, viewer: manager })
	expect(activityText(timeline[0])).toBe(
		'moved an introduction on (customer) — status: meeting held → deal, deal value: £48,000.50',
	)
})

test('a deal needs a value; value and currency go together', () => {
	const schema = introductionStatusSchema('2025-09-01')
	expect(
		schema.safeParse({ status: 'deal', statusOn: '2025-08-01' }).error?.issues[0]?.message,
	).toBe('contacts:errors.dealValue')
	expect(
		schema.parse({
			status: 'made',
			statusOn: '2025-08-01',
			dealValue: '5000',
			dealCurrency: 'GBP',
		}),
	).toMatchObject({ dealValueCents: null, dealCurrency: null })
	expect(schema.parse({ status: 'deal', statusOn: '2025-08-01', dealValue: '5000' })).toMatchObject(
		{ dealValueCents: 500_000, dealCurrency: 'EUR' },
	)
	// the database refuses a value without its currency, whatever the code does
	const intro = createIntroduction()
	expect(() =>
		getDb()
			.$client.prepare('UPDATE introductions SET deal_value_cents = 100 WHERE id = ?')
			.run(intro.id),
	).toThrow(/CHECK constraint/)
})

test('an interaction or introduction shows on each concerned startup’s timeline without personal data', () => {
	const fret = createStartup({ name: 'Fretmanche' })
	const blue = createStartup({ name: 'Blue Strait' })
	const dover = createOrganisation({ name: 'Port of Dover', country: 'GB' })
	const person = createContact({
		firstName: 'Harriet',
		lastName: 'Collins',
		email: 'h.collins@dover.example',
		organisationId: dover.id,
		lastContactOn: '2025-01-01',
	})
	const logged = logInteraction({
		contactId: person.id,
		viewer: manager,
		input: {
			intent: 'log-interaction',
			kind: 'meeting',
			date: '2025-07-01',
			summary: 'Harriet Collins showed the hull inspection dock',
			startupIds: [fret.id, blue.id],
		},
	})
	expect(logged?.ok).toBe(true)
	for (const startup of [fret, blue]) {
		expect(activityText(listStartupActivity({ startupId: startup.id, viewer: manager })[0])).toBe(
			'logged an interaction with a contact: meeting, 1 Jul 2025 — organisation: Port of Dover',
		)
	}
	const result = introduce({
		contactId: person.id,
		viewer: manager,
		input: {
			intent: 'introduce',
			startupId: fret.id,
			purpose: 'customer',
			introducedOn: '2025-07-02',
		},
	})
	expect(result?.ok).toBe(true)
	expect(
		introduce({
			contactId: person.id,
			viewer: manager,
			input: {
				intent: 'introduce',
				startupId: fret.id,
				purpose: 'customer',
				introducedOn: '2025-07-02',
			},
		}),
	).toEqual({
		ok: false,
		fieldErrors: { startupId: ['contacts:errors.alreadyIntroduced'] },
		formErrors: [],
	})
	expect(activityText(listStartupActivity({ startupId: fret.id, viewer: manager })[0], 'fr')).toBe(
		'a proposé une mise en relation (client) — organisation\u202f: Port of Dover',
	)
	const rows = getDb()
		.select({ summary: auditLog.summary, changes: auditLog.changes, detail: auditLog.detail })
		.from(auditLog)
		.all()
	expect(JSON.stringify(rows)).not.toMatch(/Harriet|Collins|h\.collins/)
	// the contact's last contact moved forward
	expect(
		getDb()
			.select({ on: contacts.lastContactOn })
			.from(contacts)
			.where(and(eq(contacts.id, person.id)))
			.get()?.on,
	).toBe('2025-07-02')
	// an unknown startup writes nothing
	expect(
		logInteraction({
			contactId: person.id,
			viewer: manager,
			input: {
				intent: 'log-interaction',
				kind: 'call',
				date: '2025-07-03',
				summary: 'x',
				startupIds: [999_999],
			},
		}),
	).toEqual({
		ok: false,
		fieldErrors: { startupIds: ['errors.unknownStartup'] },
		formErrors: [],
	})
})

test('the list shows the newest introductions first, a page at a time, and counts what a filter keeps', () => {
	const startup = createStartup({ name: 'Ferry Ledger' })
	const dover = createOrganisation({ name: 'Dover Freight', country: 'GB' })
	const inDover = createContact({ organisationId: dover.id, country: 'GB' })
	const inLille = createContact({ organisationId: null, country: 'FR' })
	const oldest = createIntroduction({
		startupId: startup.id,
		contactId: inLille.id,
		introducedOn: '2025-01-10',
	})
	const sameDay = createIntroduction({
		startupId: startup.id,
		contactId: inDover.id,
		introducedOn: '2026-03-02',
	})
	const newest = createIntroduction({
		startupId: startup.id,
		contactId: inLille.id,
		introducedOn: '2026-03-02',
	})
	const list = (filters: Parameters<typeof listIntroductions>[0]['filters'], page = 1) =>
		listIntroductions({ viewer: manager, filters, page, perPage: 2 })

	const first = list({ startupId: startup.id })
	expect(first.total).toBe(3)
	// the same day: the one recorded last comes first
	expect(first.rows.map((r) => r.id)).toEqual([newest.id, sameDay.id])
	expect(list({ startupId: startup.id }, 2).rows.map((r) => r.id)).toEqual([oldest.id])
	const british = list({ startupId: startup.id, country: 'GB' })
	expect([british.total, british.rows.map((r) => r.id)]).toEqual([1, [sameDay.id]])

	// at network scale the newest come through an index, not by sorting every introduction
	const statements = statementsDuring(() => list({}))
	expect(statements.length).toBeGreaterThan(0)
	expect(sortsWithoutIndex(statements)).toEqual([])
})
