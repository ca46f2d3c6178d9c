import fc from 'fast-check'
import { MILESTONE_KINDS, STARTUP_STAGES } from '#db/schema/enums'
import {
	type MentorCandidate,
	MILESTONE_EXPERTISE,
	parseTags,
	scoreMentor,
	sectorTags,
	type StartupNeeds,
	suggestMentors,
} from './matching'

let nextId = 1
function mentor(overrides: Partial<MentorCandidate> = {}): MentorCandidate {
	const id = nextId++
	return {
		id,
		name: `Mentor ${id}`,
		organisation: "CCI Côte d'Opale",
		expertise: [],
		languages: ['fr', 'en'],
		capacityHoursPerMonth: 4,
		minutesThisMonth: 0,
		active: true,
		alreadyAssigned: false,
		...overrides,
	}
}

const needs = (overrides: Partial<StartupNeeds> = {}): StartupNeeds => ({
	sector: 'Jeu vidéo',
	stage: 'idea',
	ukFocus: false,
	openMilestoneKinds: [],
	...overrides,
})

test('an open milestone calls for the expertise of its kind, in the tags the mentors use', () => {
	expect(MILESTONE_EXPERTISE.uk_market_entry).toContain('uk-market')
	expect(MILESTONE_EXPERTISE.funding).toContain('finance')
	expect(MILESTONE_EXPERTISE.legal).toContain('uk-law')
	const lawyer = mentor({ expertise: ['uk-law', 'company-formation', 'fundraising'] })
	const result = scoreMentor(needs({ openMilestoneKinds: ['legal', 'legal', 'funding'] }), lawyer)
	expect(result?.reasons.filter((r) => r.kind === 'milestone')).toEqual([
		// the same kind twice counts once
		{ kind: 'milestone', milestoneKind: 'legal', tags: ['uk-law', 'company-formation'], points: 6 },
		{ kind: 'milestone', milestoneKind: 'funding', tags: ['fundraising'], points: 3 },
	])
})

test('the sector is free text: keywords point to tags, without accents or case', () => {
	expect(sectorTags('Logistique transmanche')).toEqual(new Set(['logistics']))
	expect(sectorTags('Fret ferroviaire')).toEqual(new Set(['logistics', 'rail-freight']))
	expect(sectorTags('PÊCHE et traçabilité')).toEqual(new Set(['maritime-engineering']))
	expect(sectorTags('Sport')).toEqual(new Set())
	// a mentor's own tag spelled out in the sector counts too
	expect(sectorTags('Real estate tech', ['real-estate'])).toEqual(new Set(['real-estate']))
})

test('a UK-focused startup wants UK expertise and an English speaker', () => {
	const uk = needs({ ukFocus: true, sector: 'Logistique transmanche', stage: 'growth' })
	const bilingual = scoreMentor(uk, mentor({ expertise: ['export', 'customs'] }))
	expect(bilingual?.reasons).toEqual([
		{ kind: 'uk', tags: ['export', 'customs'], points: 4 },
		{ kind: 'stage', stage: 'growth', tags: ['export'], points: 1 },
		{ kind: 'language', language: 'fr', points: 1 },
		{ kind: 'language', language: 'en', points: 1 },
	])
	expect(bilingual?.score).toBe(7)
	const frenchOnly = scoreMentor(uk, mentor({ expertise: ['export'], languages: ['fr'] }))
	expect(frenchOnly?.warnings).toEqual(['noEnglish'])
	expect(frenchOnly?.score).toBe(2 + 1 + 1)
	// an English-only mentor still fits a UK startup, with a warning
	expect(scoreMentor(uk, mentor({ expertise: ['export'], languages: ['en'] }))?.warnings).toEqual([
		'noFrench',
	])
	// the same mentor shares no language with a French-only startup
	expect(
		scoreMentor({ ...uk, ukFocus: false }, mentor({ expertise: ['export'], languages: ['en'] })),
	).toBeNull()
})

test('languages alone make no suggestion', () => {
	expect(scoreMentor(needs(), mentor({ expertise: ['customs'] }))).toBeNull()
})

test('suggestions: best score first, then most time left this month, then name', () => {
	const startup = needs({ openMilestoneKinds: ['funding'], sector: 'Fintech' })
	const finance = mentor({ name: 'Zoé', expertise: ['finance', 'accounting'] })
	const busy = mentor({ name: 'Anne', expertise: ['fundraising'], minutesThisMonth: 200 })
	const free = mentor({ name: 'Bruno', expertise: ['fundraising'] })
	const same = mentor({ name: 'Albert', expertise: ['fundraising'] })
	const { suggestions } = suggestMentors(startup, [busy, free, finance, same])
	expect(suggestions.map((s) => s.mentor.name)).toEqual(['Zoé', 'Albert', 'Bruno', 'Anne'])
	// finance: funding milestone 2 tags × 3 + fintech sector 1 tag × 2 + French 1
	expect(suggestions[0]?.score).toBe(9)
	expect(suggestions[3]?.spareMinutes).toBe(40)
})

test('inactive, already assigned and full mentors are not offered first', () => {
	const startup = needs({ openMilestoneKinds: ['product'] })
	const fit = { expertise: ['hardware'] }
	const result = suggestMentors(startup, [
		mentor({ ...fit, name: 'Active' }),
		mentor({ ...fit, name: 'Retired', active: false }),
		mentor({ ...fit, name: 'Already here', alreadyAssigned: true }),
		mentor({ ...fit, name: 'Full', capacityHoursPerMonth: 2, minutesThisMonth: 120 }),
		mentor({ ...fit, name: 'On a break', capacityHoursPerMonth: 0 }),
	])
	expect(result.suggestions.map((s) => s.mentor.name)).toEqual(['Active'])
	expect(result.atCapacity.map((s) => s.mentor.name).sort()).toEqual(['Full', 'On a break'])
	expect(result.atCapacity.every((s) => s.spareMinutes <= 0)).toBe(true)
})

test('tags are stored in one spelling', () => {
	expect(parseTags(' Finance, UK market ,finance,, Énergie ')).toEqual([
		'finance',
		'uk-market',
		'energie',
	])
	expect(parseTags('')).toEqual([])
	expect(parseTags(null)).toEqual([])
})

const TAGS = [...new Set(Object.values(MILESTONE_EXPERTISE).flat()), 'logistics', 'uk-law']
const arbitraryMentor = fc.record({
	id: fc.integer({ min: 1, max: 10_000 }),
	name: fc.string({ maxLength: 8 }),
	organisation: fc.constant('Org'),
	expertise: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 5 }),
	languages: fc.uniqueArray(fc.constantFrom('fr', 'en', 'nl'), { maxLength: 3 }),
	capacityHoursPerMonth: fc.integer({ min: 0, max: 10 }),
	minutesThisMonth: fc.integer({ min: 0, max: 900 }),
	active: fc.boolean(),
	alreadyAssigned: fc.boolean(),
})
const arbitraryNeeds = fc.record({
	sector: fc.constantFrom('Logistique transmanche', 'Fintech', 'Drones', 'Jeu vidéo'),
	stage: fc.constantFrom(...STARTUP_STAGES),
	ukFocus: fc.boolean(),
	openMilestoneKinds: fc.array(fc.constantFrom(...MILESTONE_KINDS), { maxLength: 4 }),
})

test('every point of a score has its reason, and the ranking never breaks its own order', () => {
	fc.assert(
		fc.property(arbitraryNeeds, fc.array(arbitraryMentor, { maxLength: 12 }), (n, mentors) => {
			const { suggestions, atCapacity } = suggestMentors(n, mentors)
			for (const s of [...suggestions, ...atCapacity]) {
				expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0))
				expect(s.mentor.active && !s.mentor.alreadyAssigned).toBe(true)
				expect(s.reasons.some((r) => r.kind !== 'language')).toBe(true)
			}
			for (let i = 1; i < suggestions.length; i++) {
				const [a, b] = [suggestions[i - 1]!, suggestions[i]!]
				expect(a.score > b.score || (a.score === b.score && a.spareMinutes >= b.spareMinutes)).toBe(
					true,
				)
			}
			expect(suggestions.every((s) => s.spareMinutes > 0)).toBe(true)
		}),
	)
})
