import type { MetaFunction } from '@remix-run/node'
import { expect, test } from 'vitest'
import { meta as leaseMeta } from '~/routes/_app.nursery.leases.$leaseId'
import { meta as nurseryMeta } from '~/routes/_app.nursery._index'
import { meta as startupMeta } from '~/routes/_app.startups.$startupId/route'
import { meta as newStartupMeta } from '~/routes/_app.startups.new'
import { titleText } from './meta'

/** The title a page's `meta` gives, read in a language (the root loader's), with its data. */
function titleOf(
	meta: MetaFunction<never>,
	locale: string,
	data: unknown = undefined,
	error: unknown = undefined,
) {
	const args = {
		data,
		error,
		params: {},
		location: { pathname: '/', search: '', hash: '', state: null, key: 'default' },
		matches: [{ id: 'root', data: { locale }, params: {}, pathname: '/', meta: [] }],
	} as unknown as Parameters<MetaFunction<never>>[0]
	const descriptors = meta(args) ?? []
	return descriptors.map((d) => ('title' in d ? d.title : null)).find(Boolean)
}

test("a record's page is titled with its name, then the area, then TEKTOS", () => {
	const data = { startup: { name: 'Opale Hydrogène' } }
	expect(titleOf(startupMeta as MetaFunction<never>, 'fr', data)).toBe(
		'Opale Hydrogène · Startups · TEKTOS',
	)
	expect(titleOf(startupMeta as MetaFunction<never>, 'en', data)).toBe(
		'Opale Hydrogène · Startups · TEKTOS',
	)
})

test('a page without an error is not titled as one, after a navigation in the browser too', () => {
	const data = { startup: { name: 'Opale Hydrogène' } }
	// Remix's <Meta> hands `error: null` to the pages it titles in the browser
	expect(titleOf(startupMeta as MetaFunction<never>, 'fr', data, null)).toBe(
		'Opale Hydrogène · Startups · TEKTOS',
	)
})

test("the title is in the reader's language, French typeset as French", () => {
	expect(titleOf(newStartupMeta as MetaFunction<never>, 'fr')).not.toBe(
		titleOf(newStartupMeta as MetaFunction<never>, 'en'),
	)
	// the nursery's pages were French in English
	expect(titleOf(nurseryMeta as MetaFunction<never>, 'en')).toBe('Nursery · TEKTOS')
	expect(titleOf(nurseryMeta as MetaFunction<never>, 'fr')).toBe('Pépinière · TEKTOS')
	const lease = { lease: { startupName: 'Opale Hydrogène', unitCode: 'B12' } }
	expect(titleOf(leaseMeta as MetaFunction<never>, 'fr', lease)).toBe(
		"Bail d'Opale Hydrogène — B12 · Pépinière · TEKTOS",
	)
	expect(titleOf(leaseMeta as MetaFunction<never>, 'en', lease)).toBe(
		'Lease of Opale Hydrogène — B12 · Nursery · TEKTOS',
	)
})

test('a page whose loader failed says what went wrong, in the area it belongs to', () => {
	// what Remix hands `meta` when a loader throws a 404 response
	const notFound = { status: 404, statusText: 'Not Found', internal: false, data: null }
	expect(titleOf(startupMeta as MetaFunction<never>, 'fr', undefined, notFound)).toBe(
		'Introuvable · Startups · TEKTOS',
	)
	expect(titleOf(startupMeta as MetaFunction<never>, 'en', undefined, notFound)).toBe(
		'Not found · Startups · TEKTOS',
	)
	expect(titleOf(startupMeta as MetaFunction<never>, 'en', undefined, new Error('boom'))).toBe(
		'Something went wrong · Startups · TEKTOS',
	)
})

test('a title leaves out the empty parts and a part said twice in a row', () => {
	expect(titleText(['Pépinière', 'Pépinière'])).toBe('Pépinière · TEKTOS')
	expect(titleText([null, undefined, false, ' ', 'Startups'])).toBe('Startups · TEKTOS')
	expect(titleText([])).toBe('TEKTOS')
})
