import fs from 'node:fs'
import path from 'node:path'
import * as domainEnums from '#db/schema/enums'
import {
	appSources,
	compareKeys,
	duplicateKeys,
	keyUses,
	LANGUAGES,
	leafKeys,
	LOCALES_DIR,
	type Messages,
	namespacesOnDisk,
	readMessages,
} from '#tests/message-keys'
import { resources } from '~/utils/i18n-resources.server'

const namespaces = namespacesOnDisk()
const messages: Messages = Object.fromEntries(
	LANGUAGES.map((lang) => [
		lang,
		Object.fromEntries(namespaces.map((ns) => [ns, readMessages(lang, ns)])),
	]),
)

test('every message file on disk is loaded, in both languages', () => {
	expect(Object.keys(resources.fr).sort()).toEqual(namespaces)
	expect(Object.keys(resources.en).sort()).toEqual(namespaces)
})

test.each(namespaces)('French and English have exactly the same messages in %s', (ns) => {
	const frKeys = leafKeys(messages.fr![ns]).sort()
	const enKeys = leafKeys(messages.en![ns]).sort()
	expect(enKeys.filter((k) => !frKeys.includes(k))).toEqual([])
	expect(frKeys.filter((k) => !enKeys.includes(k))).toEqual([])
})

test('no message is left empty', () => {
	const empty = (obj: unknown): boolean =>
		typeof obj === 'string' ? obj.trim() === '' : Object.values(obj as object).some(empty)
	expect(empty(messages)).toBe(false)
})

test('no message file says the same key twice (JSON.parse would keep the last one silently)', () => {
	const duplicates = LANGUAGES.flatMap((lang) =>
		namespaces.flatMap((ns) => {
			const file = path.join(LOCALES_DIR, lang, `${ns}.json`)
			return duplicateKeys(fs.readFileSync(file, 'utf8'), file)
		}),
	)
	expect(duplicates).toEqual([])
})

test('every key the code names exists in both languages, and every key is named by the code', () => {
	const { missing, unused } = compareKeys(
		messages,
		keyUses(namespaces, [...appSources(), ...appSources('server')]),
	)
	expect(missing).toEqual([])
	expect(unused).toEqual([])
})

test('the labels of each enumeration are its values, no more, no less, in both languages', () => {
	const labelled: Record<string, readonly string[]> = {
		roles: domainEnums.ROLES,
		programmes: domainEnums.PROGRAMMES,
		startupStatuses: domainEnums.STARTUP_STATUSES,
		startupStages: domainEnums.STARTUP_STAGES,
		unitKinds: domainEnums.UNIT_KINDS,
		subsidyKinds: domainEnums.SUBSIDY_KINDS,
		payers: domainEnums.PAYERS,
		fundingKinds: domainEnums.FUNDING_KINDS,
		fundingStatuses: domainEnums.FUNDING_STATUSES,
		milestoneKinds: domainEnums.MILESTONE_KINDS,
		milestoneStatuses: domainEnums.MILESTONE_STATUSES,
		countries: domainEnums.COUNTRIES,
		organisationKinds: domainEnums.ORGANISATION_KINDS,
		lawfulBases: domainEnums.LAWFUL_BASES,
		interactionKinds: domainEnums.INTERACTION_KINDS,
		introductionPurposes: domainEnums.INTRODUCTION_PURPOSES,
		introductionStatuses: domainEnums.INTRODUCTION_STATUSES,
	}
	for (const lang of LANGUAGES) {
		const groups = messages[lang]!.enums as Record<string, Record<string, string>>
		expect(Object.keys(groups).sort()).toEqual(Object.keys(labelled).sort())
		for (const [group, values] of Object.entries(labelled)) {
			expect([lang, group, Object.keys(groups[group]!).sort()]).toEqual([
				lang,
				group,
				[...values].sort(),
			])
		}
	}
})

// ---------------------------------------------------------------- the checks themselves

test('the checks catch a duplicate, a missing and an unused key', () => {
	// the heading that once showed "key 'import.warnings (fr)' returned an object instead of string"
	const text = '{\n  "import": {\n    "warnings": "Warnings",\n    "warnings": { "x": "y" }\n  }\n}'
	expect(duplicateKeys(text, 'contacts.json')).toEqual([
		{ file: 'contacts.json', key: 'import.warnings' },
	])
	const sources = [
		{
			file: 'page.tsx',
			text: [
				"const { t } = useTranslation('area')",
				'const a = <p>{t(`kinds.${k}`)}</p>',
				"const b = <b>{t('title')}</b> {t('gone.away')} {t('area:items', { count })}",
				"const c = `${t('common:nav.home')} ${`nested ${t(`deep.${x}.label`)}`}`",
			].join('\n'),
		},
	]
	const fixture: Messages = {
		fr: {
			common: { nav: { home: 'Accueil' } },
			area: {
				title: 'Titre',
				kinds: { a: 'A' },
				items_one: '{{count}} élément',
				items_other: '{{count}} éléments',
				deep: { one: { label: 'Un' } },
				forgotten: 'Oublié',
			},
		},
	}
	const { missing, unused } = compareKeys(fixture, keyUses(['area', 'common'], sources))
	expect(missing).toEqual(['fr gone.away (in page.tsx)'])
	expect(unused).toEqual(['area:forgotten'])
})
