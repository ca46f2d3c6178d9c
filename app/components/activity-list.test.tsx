import { createInstance } from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import type { ActivityEntry } from '~/models/activity.server'
import { serverI18nConfig as i18nConfig } from '~/utils/i18n-resources.server'
import { ActivityList } from './activity-list'

async function render(entries: ActivityEntry[], lng: 'fr' | 'en') {
	const i18n = createInstance()
	await i18n.use(initReactI18next).init({ ...i18nConfig, lng })
	const html = renderToStaticMarkup(
		<I18nextProvider i18n={i18n}>
			<ActivityList entries={entries} showStartup={false} />
		</I18nextProvider>,
	)
	// the text a reader sees, one line per entry
	return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
		m[1]!
			.replace(/<time[^>]*>.*?<\/time>/, '')
			.replace(/<[^>]+>/g, '')
			.replace(/&#x27;/g, "'")
			.trim(),
	)
}

const base = {
	at: new Date('2026-11-29T10:00:00Z'),
	userName: 'Claire Delattre',
	startupId: 1,
	startupName: 'Opale Hydrogène',
}

const structured: ActivityEntry = {
	...base,
	id: 2,
	action: 'create',
	entity: 'funding_event',
	detail: {
		subject: {
			kind: { enum: 'fundingKinds', value: 'equity_round' },
			amountCents: { money: 3_000_000, currency: 'EUR' },
			status: { enum: 'fundingStatuses', value: 'planned' },
		},
	},
	legacy: null,
}

// a row written before structured details: an English line, its changes' field names
const legacy: ActivityEntry = {
	...base,
	id: 1,
	action: 'create',
	entity: 'funding_event',
	detail: null,
	legacy: {
		summary: 'recorded funding: equity_round from Business angels, 30000.00 EUR, planned',
		fields: [],
		status: null,
	},
}

test('a line of the history reads in the reader’s language; an older one still says who did what', async () => {
	expect(await render([structured, legacy], 'fr')).toEqual([
		'Claire Delattre a enregistré un financement\u202f: levée de fonds, 30\u202f000,00\u202f€, prévu',
		'Claire Delattre a créé un financement',
	])
	expect(await render([structured, legacy], 'en')).toEqual([
		'Claire Delattre recorded funding: equity round, €30,000.00, planned',
		'Claire Delattre created a funding event — recorded funding: equity_round from Business angels, 30000.00 EUR, planned',
	])
})

test('a change names its fields and, where the log keeps them, their values', async () => {
	const change: ActivityEntry = {
		...base,
		id: 3,
		action: 'update',
		entity: 'startup',
		detail: {
			verb: 'status',
			changes: {
				status: [
					{ enum: 'startupStatuses', value: 'applicant' },
					{ enum: 'startupStatuses', value: 'incubated' },
				],
				enteredOn: [null, { date: '2026-10-01' }],
				pitchFr: null,
			},
		},
		legacy: null,
	}
	expect(await render([change], 'fr')).toEqual([
		'Claire Delattre a changé le statut de la startup — statut\u202f: candidate → incubée, ' +
			'entrée\u202f: 1 oct. 2026, pitch en français',
	])
})
