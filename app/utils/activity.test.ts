import fs from 'node:fs'
import path from 'node:path'
import en from '~/locales/en/common.json'
import fr from '~/locales/fr/common.json'
import { formatAuditValue } from './activity'
import { fixedT } from './i18n-fixed.server'

/** Every model file that writes audit rows, with each (entity, action, verbs) it writes. */
function auditWrites() {
	const dirs = ['app/models', 'app/models/reports', 'db']
	const writes: { file: string; entity: string; event: string }[] = []
	for (const dir of dirs) {
		for (const name of fs.readdirSync(dir)) {
			if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue
			const file = path.join(dir, name)
			const text = fs.readFileSync(file, 'utf8')
			for (const call of text.matchAll(/recordAudit\(tx, \{([\s\S]*?)\n\t*\}\)/g)) {
				const body = call[1]!
				const entity = /entity: '([a-z_]+)'/.exec(body)?.[1]
				const action = /action: '([a-z_]+)'/.exec(body)?.[1]
				if (!entity || !action) throw new Error(`${file}: an audit row without a literal entity`)
				const verbLine = /verb: ([^\n]+)/.exec(body)?.[1]
				// the literals a condition chooses from, not the ones it tests
				const choices = verbLine?.includes('?') ? verbLine.slice(verbLine.indexOf('?')) : verbLine
				const verbs = choices ? [...choices.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!) : []
				// a verb given by a condition may be undefined: then the action names the event
				const events = verbs.length && !/undefined/.test(verbLine!) ? verbs : [...verbs, action]
				for (const event of events) writes.push({ file, entity, event })
			}
		}
	}
	return writes
}

test('every event the models write has its words in French and in English', () => {
	const writes = auditWrites()
	expect(writes.length).toBeGreaterThan(60)
	const events = (messages: typeof fr) =>
		messages.activity.events as Record<string, Record<string, string>>
	for (const { file, entity, event } of writes) {
		expect(events(fr)[entity]?.[event], `${file}: ${entity}.${event}`).toBeTruthy()
		expect(events(en)[entity]?.[event], `${file}: ${entity}.${event}`).toBeTruthy()
	}
})

test('each kind of value reads the reader’s way', () => {
	const t = fixedT('fr') as unknown as (key: string, options?: object) => string
	const te = fixedT('en') as unknown as (key: string, options?: object) => string
	expect(formatAuditValue({ money: 123_456, currency: 'EUR' }, t, 'fr')).toBe(
		'1\u202f234,56\u202f€',
	)
	expect(formatAuditValue({ money: 123_456, currency: 'GBP' }, te, 'en')).toBe('£1,234.56')
	expect(formatAuditValue({ date: '2026-10-01' }, t, 'fr')).toBe('1 oct. 2026')
	expect(formatAuditValue({ month: '2026-10' }, t, 'fr')).toBe('octobre 2026')
	expect(formatAuditValue({ quarter: '2026-Q3' }, t, 'fr')).toBe('T3\u00a02026')
	expect(formatAuditValue({ quarter: '2026-Q3' }, te, 'en')).toBe('Q3\u00a02026')
	expect(formatAuditValue({ minutes: 90 }, te, 'en')).toBe('1h 30m')
	expect(formatAuditValue({ rate: 1_168_500 }, t, 'fr')).toBe('1,1685')
	expect(formatAuditValue(12_500, t, 'fr')).toBe('12\u202f500')
	expect(formatAuditValue(null, t, 'fr')).toBe('—')
	expect(formatAuditValue(true, te, 'en')).toBe('yes')
	// an enumeration's label inside a sentence, a place's name as it is
	expect(formatAuditValue({ enum: 'fundingKinds', value: 'bank_loan' }, t, 'fr')).toBe(
		'prêt bancaire',
	)
	expect(formatAuditValue({ enum: 'countries', value: 'GB' }, t, 'fr')).toBe('Royaume-Uni')
})
