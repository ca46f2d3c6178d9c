import { frenchDe, takesElision } from '~/utils/elision'
import { namespaces } from '~/utils/i18n'
import { resources } from '~/utils/i18n-resources.server'
import { fixedT } from '~/utils/i18n-fixed.server'

/*
 * French typography (decision 0034): a narrow no-break space before : ; ? ! and inside amounts,
 * no-break spaces inside « », elision before a vowel sound, numbers grouped, quarters in words.
 */

type Messages = { [key: string]: string | Messages }

function* messagesOf(tree: Messages, prefix = ''): Generator<[string, string]> {
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key
		if (typeof value === 'string') yield [path, value]
		else yield* messagesOf(value, path)
	}
}

const all = (lang: 'fr' | 'en') =>
	namespaces.flatMap((ns) =>
		[...messagesOf(resources[lang][ns as keyof (typeof resources)['fr']] as Messages)].map(
			([key, text]) => [`${ns}:${key}`, text] as const,
		),
	)

const NNBSP = '\u202f'

test('in French, : ; ? ! follow a narrow no-break space, never a plain one nor none', () => {
	const wrong = all('fr').flatMap(([key, text]) =>
		[...text.matchAll(/(.)([:;?!])(?=\s|$|\)|»)/gu)]
			.filter(([, before]) => before !== NNBSP)
			.map((m) => `${key}: …${text.slice(Math.max(0, m.index - 15), m.index + 2)}`),
	)
	expect(wrong).toEqual([])
})

test('in French, amounts, percentages and units do not break, and « » hold no-break spaces', () => {
	const wrong = all('fr').flatMap(([key, text]) => {
		const found: string[] = []
		for (const m of text.matchAll(
			/(\d|\}\})( )(€|%|£|h\b|min\b|jours?\b|mois\b|ans?\b|\d{3}\b)/gu,
		)) {
			found.push(`${key}: …${text.slice(Math.max(0, m.index - 10), m.index + 6)}`)
		}
		if (/« |[^\u00a0\u202f]»/u.test(text)) found.push(`${key}: « » without no-break spaces`)
		return found
	})
	expect(wrong).toEqual([])
})

test('in English, no space before : ; ? !', () => {
	const wrong = all('en').filter(([, text]) => /\s[:;?!](\s|$)/u.test(text))
	expect(wrong).toEqual([])
})

test('"de" before a vowel sound is elided, before a consonant or an aspirated h it is not', () => {
	expect(frenchDe('octobre 2026')).toBe("d'octobre 2026")
	expect(frenchDe('août 2026')).toBe("d'août 2026")
	expect(frenchDe('novembre 2026')).toBe('de novembre 2026')
	expect(frenchDe('Opale Hydrogène')).toBe("d'Opale Hydrogène")
	expect(frenchDe('Écluse Robotique')).toBe("d'Écluse Robotique")
	expect(frenchDe('Dunes Energy')).toBe('de Dunes Energy')
	expect(frenchDe('Hervé Lambert')).toBe("d'Hervé Lambert")
	expect(frenchDe('Hollande Fret')).toBe('de Hollande Fret')
	expect(frenchDe('Yvelines Conseil')).toBe("d'Yvelines Conseil")
	expect(frenchDe('Yann Le Goff')).toBe('de Yann Le Goff')
	expect(frenchDe('11 startups')).toBe('de 11 startups')
	expect(takesElision('')).toBe(false)

	// as the pages read them
	const fr = fixedT('fr')
	expect(fr('mentors:suggest.title', { name: 'Opale Hydrogène' })).toBe("Mentors d'Opale Hydrogène")
	expect(fr('mentors:suggest.title', { name: 'Dunes Energy' })).toBe('Mentors de Dunes Energy')
	expect(fr('nursery:statement.title', { month: 'octobre 2026', startup: 'Dunes Energy' })).toBe(
		"Avis d'octobre 2026 — Dunes Energy",
	)
	expect(fr('nursery:statements.pageTitle', { month: 'avril 2026' })).toBe(
		"Avis d’échéance d'avril 2026",
	)
	// English messages never ask for it, and the value alone comes out if one did
	expect(fixedT('en')('mentors:suggest.title', { name: 'Opale Hydrogène' })).toBe(
		'Mentors of Opale Hydrogène',
	)
})

test('no French message writes "de" before a name or a month itself: it asks for the elision', () => {
	const names = 'month|name|startup|startupName|file|projectName|mentor|organisation|cohort|call'
	const wrong = all('fr').filter(([, text]) =>
		new RegExp(`\\b[dD]e \\{\\{(${names})\\}\\}`).test(text),
	)
	expect(wrong).toEqual([])
})

test('numbers in messages are grouped the reader’s way; quarters read T3 2026 / Q3 2026', () => {
	const fr = fixedT('fr')
	const en = fixedT('en')
	expect(fr('import:fileHint', { size: '20 Mo', rows: 50_000 })).toContain(`50${NNBSP}000 lignes`)
	expect(en('import:fileHint', { size: '20 MB', rows: 50_000 })).toContain('50,000 rows')
	expect(fr('import:errors.tooManyRows', { rows: 12_500, max: 10_000 })).toBe(
		`Le fichier a 12${NNBSP}500 lignes${NNBSP}; au plus 10${NNBSP}000 à la fois${NNBSP}: découpez-le.`,
	)
	// a quarter that travels raw (a toast after a redirect) still reads as words
	expect(fr('funding:kpi.created', { quarter: '2026-Q3' })).toBe('Rapport du T3\u00a02026 envoyé.')
	expect(en('funding:kpi.created', { quarter: '2026-Q3' })).toBe('Report for Q3\u00a02026 sent.')
	expect(fr('cohorts:page.reasons.kpiMissing', { quarter: '2026-Q3' })).toBe(
		"pas de rapport d'indicateurs pour T3\u00a02026",
	)
	expect(fr('funding:rates.deleted', { date: '2026-10-01' })).toBe('Taux du 1 oct. 2026 supprimé.')
})
