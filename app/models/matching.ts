import type { MILESTONE_KINDS, STARTUP_STAGES } from '#db/schema/enums'
import { compareNames } from '~/utils/sort-key'

/*
 * Suggested mentors for a startup: a pure function of what the startup needs and what each
 * mentor offers, so that the ranking can be tested without a database and explained on screen.
 * Every point a mentor scores comes with the reason that gave it.
 */

export type MilestoneKind = (typeof MILESTONE_KINDS)[number]
export type Stage = (typeof STARTUP_STAGES)[number]

/** The expertise each kind of open milestone calls for, in the tags mentors' records use. */
export const MILESTONE_EXPERTISE: Record<MilestoneKind, readonly string[]> = {
	product: ['product', 'hardware', 'manufacturing', 'fablab', 'iot'],
	market: ['marketing', 'brand', 'sales', 'export'],
	uk_market_entry: ['uk-market', 'export', 'customs', 'company-formation'],
	team: ['recruitment', 'hr', 'management'],
	legal: ['legal', 'uk-law', 'company-formation'],
	funding: ['finance', 'fundraising', 'public-funding', 'accounting'],
}

/** What a startup usually needs at each stage of its life. */
export const STAGE_EXPERTISE: Record<Stage, readonly string[]> = {
	idea: ['product', 'research-partnerships', 'public-funding'],
	prototype: ['product', 'hardware', 'manufacturing', 'fablab', 'public-funding'],
	launch: ['marketing', 'brand', 'sales'],
	growth: ['fundraising', 'finance', 'export'],
	scale: ['fundraising', 'finance', 'export', 'management'],
}

/** A startup aiming at the UK market needs someone who knows the other side of the Channel. */
export const UK_EXPERTISE: readonly string[] = [
	'uk-market',
	'uk-law',
	'export',
	'customs',
	'company-formation',
]

/**
 * Sectors are free text ("Logistique transmanche", "Données maritimes"): words in them point
 * to expertise tags. Matched without accents or case.
 */
const SECTOR_KEYWORDS: [RegExp, readonly string[]][] = [
	[/logisti|fret|freight|transport|kilometre/, ['logistics']],
	[/ferroviaire|rail/, ['rail-freight', 'logistics']],
	[/maritime|marine|portuaire|\bport|peche|naval|fishing/, ['maritime-engineering']],
	[/numerique|digital|media|jeu video|video game|realite/, ['digital-media']],
	[
		/fabrication|fablab|industri|manufactur|emballage|packaging|drone|hardware/,
		['hardware', 'manufacturing'],
	],
	[/fintech|banque|bank|financ/, ['finance']],
	[/capteur|sensor|objets connectes|\biot\b/, ['iot']],
	[/evenementiel|event/, ['marketing']],
]

export const WEIGHTS = { milestone: 3, sector: 2, uk: 2, stage: 1, language: 1 } as const

export type StartupNeeds = {
	sector: string
	stage: Stage
	ukFocus: boolean
	/** kinds of the startup's planned or in-progress milestones */
	openMilestoneKinds: readonly MilestoneKind[]
}

export type MentorCandidate = {
	id: number
	name: string
	organisation: string
	expertise: readonly string[]
	languages: readonly string[]
	capacityHoursPerMonth: number
	/** minutes of sessions the mentor has given this month, all startups together */
	minutesThisMonth: number
	active: boolean
	/** already has a running assignment with this startup */
	alreadyAssigned: boolean
}

export type MatchReason =
	| { kind: 'milestone'; milestoneKind: MilestoneKind; tags: string[]; points: number }
	| { kind: 'sector'; sector: string; tags: string[]; points: number }
	| { kind: 'stage'; stage: Stage; tags: string[]; points: number }
	| { kind: 'uk'; tags: string[]; points: number }
	| { kind: 'language'; language: string; points: number }

export type MatchWarning = 'noEnglish' | 'noFrench'

export type Suggestion = {
	mentor: MentorCandidate
	score: number
	reasons: MatchReason[]
	warnings: MatchWarning[]
	/** capacity left this month, in minutes (negative when over) */
	spareMinutes: number
}

export function normalise(text: string) {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.trim()
}

/** The expertise tags a free-text sector points to, plus any mentor tag spelled out in it. */
export function sectorTags(sector: string, mentorTags: readonly string[] = []) {
	const text = normalise(sector)
	const tags = new Set<string>()
	for (const [pattern, found] of SECTOR_KEYWORDS) {
		if (pattern.test(text)) found.forEach((t) => tags.add(t))
	}
	for (const tag of mentorTags) {
		if (tag.length > 2 && text.includes(tag.replace(/-/g, ' '))) tags.add(tag)
	}
	return tags
}

/** The languages the startup's team works in: French, and English when it aims at the UK. */
export function languagesNeeded(needs: Pick<StartupNeeds, 'ukFocus'>) {
	return needs.ukFocus ? ['fr', 'en'] : ['fr']
}

function overlap(offered: readonly string[], wanted: Iterable<string>) {
	const set = new Set(wanted)
	return offered.filter((t) => set.has(t))
}

/** How one mentor fits one startup; null when they have nothing in common to work on. */
export function scoreMentor(needs: StartupNeeds, mentor: MentorCandidate): Suggestion | null {
	const reasons: MatchReason[] = []
	for (const milestoneKind of [...new Set(needs.openMilestoneKinds)]) {
		const tags = overlap(mentor.expertise, MILESTONE_EXPERTISE[milestoneKind])
		if (tags.length) {
			reasons.push({
				kind: 'milestone',
				milestoneKind,
				tags,
				points: WEIGHTS.milestone * tags.length,
			})
		}
	}
	const sector = overlap(mentor.expertise, sectorTags(needs.sector, mentor.expertise))
	if (sector.length) {
		reasons.push({
			kind: 'sector',
			sector: needs.sector,
			tags: sector,
			points: WEIGHTS.sector * sector.length,
		})
	}
	if (needs.ukFocus) {
		const tags = overlap(mentor.expertise, UK_EXPERTISE)
		if (tags.length) reasons.push({ kind: 'uk', tags, points: WEIGHTS.uk * tags.length })
	}
	const stage = overlap(mentor.expertise, STAGE_EXPERTISE[needs.stage])
	if (stage.length) {
		reasons.push({
			kind: 'stage',
			stage: needs.stage,
			tags: stage,
			points: WEIGHTS.stage * stage.length,
		})
	}
	// no expertise in common: languages alone make no suggestion
	if (reasons.length === 0) return null

	const warnings: MatchWarning[] = []
	const needed = languagesNeeded(needs)
	if (!needed.some((l) => mentor.languages.includes(l))) return null
	for (const language of needed) {
		if (mentor.languages.includes(language)) {
			reasons.push({ kind: 'language', language, points: WEIGHTS.language })
		} else {
			warnings.push(language === 'en' ? 'noEnglish' : 'noFrench')
		}
	}
	return {
		mentor,
		score: reasons.reduce((sum, r) => sum + r.points, 0),
		reasons,
		warnings,
		spareMinutes: mentor.capacityHoursPerMonth * 60 - mentor.minutesThisMonth,
	}
}

const byRank = (a: Suggestion, b: Suggestion) =>
	b.score - a.score ||
	b.spareMinutes - a.spareMinutes ||
	compareNames(a.mentor.name, b.mentor.name) ||
	a.mentor.id - b.mentor.id

/**
 * Active mentors not yet assigned to the startup, who share expertise and a language with it,
 * best first: highest score, then most spare time this month. Those whose month is already
 * full are kept apart, so a manager sees them without being offered them first.
 */
export function suggestMentors(needs: StartupNeeds, candidates: readonly MentorCandidate[]) {
	const scored = candidates
		.filter((m) => m.active && !m.alreadyAssigned)
		.map((m) => scoreMentor(needs, m))
		.filter((s): s is Suggestion => s !== null)
		.sort(byRank)
	return {
		suggestions: scored.filter((s) => s.spareMinutes > 0),
		atCapacity: scored.filter((s) => s.spareMinutes <= 0),
	}
}

/** "finance, UK-market ,finance" → ["finance", "uk-market"]: the form of tags stored. */
export function parseTags(value: string | null | undefined) {
	if (!value) return []
	return [
		...new Set(
			value
				.split(',')
				.map((t) => normalise(t).replace(/\s+/g, '-'))
				.filter(Boolean),
		),
	]
}
