import { z } from 'zod'
import {
	COUNTRIES,
	INTRODUCTION_PURPOSES,
	INTRODUCTION_STATUSES,
	LAWFUL_BASES,
	ORGANISATION_KINDS,
} from '#db/schema/enums'
import { optionalParam, parseListParams } from '~/utils/list-params'
import { CONTACT_SORTS, type ContactFilters } from './contact.server'
import type { IntroductionFilters } from './introduction.server'
import { ORGANISATION_SORTS, type OrganisationFilters } from './organisation.server'

const id = z.coerce.number().int().positive()
const yesNo = (value: string | null) =>
	value === 'yes' ? true : value === 'no' ? false : undefined

/** The contact list as the URL describes it: shared by the page and its CSV export. */
export function parseContactListParams(url: URL) {
	const sp = url.searchParams
	const list = parseListParams(sp, CONTACT_SORTS, { sort: 'name' })
	const filters: ContactFilters = {
		q: list.q || undefined,
		country: optionalParam(z.enum(COUNTRIES), sp.get('country')),
		kind: optionalParam(z.enum(ORGANISATION_KINDS), sp.get('kind')),
		basis: optionalParam(z.enum(LAWFUL_BASES), sp.get('basis')),
		ownerId: optionalParam(id, sp.get('owner')),
		optedOut: yesNo(sp.get('optedOut')),
		language: optionalParam(z.string().regex(/^[a-z]{2}$/), sp.get('language')),
		tag: optionalParam(z.string().trim().min(1).max(40).toLowerCase(), sp.get('tag')),
		duplicates: sp.get('duplicates') === 'yes' ? true : undefined,
	}
	return { ...list, filters }
}

export function parseOrganisationListParams(url: URL) {
	const sp = url.searchParams
	const list = parseListParams(sp, ORGANISATION_SORTS, { sort: 'name' })
	const filters: OrganisationFilters = {
		q: list.q || undefined,
		country: optionalParam(z.enum(COUNTRIES), sp.get('country')),
		kind: optionalParam(z.enum(ORGANISATION_KINDS), sp.get('kind')),
	}
	return { ...list, filters }
}

export function parseIntroductionListParams(url: URL) {
	const sp = url.searchParams
	const list = parseListParams(sp, ['introducedOn'] as const, { sort: 'introducedOn', dir: 'desc' })
	const filters: IntroductionFilters = {
		status: optionalParam(z.enum(INTRODUCTION_STATUSES), sp.get('status')),
		purpose: optionalParam(z.enum(INTRODUCTION_PURPOSES), sp.get('purpose')),
		country: optionalParam(z.enum(COUNTRIES), sp.get('country')),
		// an id (links from a startup's page), else a startup's name as typed or picked
		startupId: optionalParam(id, sp.get('startup')),
		startupName: /^\d+$/.test(sp.get('startup') ?? '')
			? undefined
			: optionalParam(z.string().trim().min(1).max(80), sp.get('startup')),
	}
	const startupsPage = Number(sp.get('startupsPage'))
	return {
		page: list.page,
		perPage: list.perPage,
		filters,
		startupsPage: Number.isInteger(startupsPage) && startupsPage > 0 ? startupsPage : 1,
	}
}
