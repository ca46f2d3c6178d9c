/**
 * Every drill-down of the report ("the records behind this figure") is titled in words, with its
 * period and cohort, in the reader's language — in the page heading and the browser tab
 * (issue 13, item 6).
 */
import type { MetaArgs } from '@remix-run/node'
import { createCohort, createStartup, createUser } from '#tests/factories'
import { dataOf, get, loaderArgs, sessionCookie, settle, statusOf } from '#tests/request'
import { loader, meta } from './_app.reports.records'

const cohort = createCohort({ name: 'Promo Opale', startDate: '2025-01-01', endDate: '2025-12-31' })
createStartup({ name: 'Opale Hydrogène', cohortId: cohort.id, enteredOn: '2025-02-01' })

// every figure the report links to, with a key as the report writes it
const LINKS = [
	['portfolio.hosted', ''],
	['portfolio.status', 'incubated'],
	['portfolio.cohort', 'Promo Opale'],
	['portfolio.cohort', '—'],
	['portfolio.entries', '2025'],
	['portfolio.graduated', '2025'],
	['portfolio.left', '2025'],
	['jobs.quarter', '2025-Q3'],
	['mentoring.month', '2025-03'],
	['mentoring.organisation', 'SNCF Développement'],
	['fb.introductions', '2025'],
	['fb.deals', '2025'],
	['fb.funnel', 'meeting_held'],
	['fb.ukEntries', '2025'],
	['funding.public', '2025'],
	['funding.private', '2025'],
	['funding.kind', 'bank_loan'],
	['fund.grants', ''],
	['fund.grants', '2025'],
	['rent.subsidy', '2025'],
	['rent.occupancy', '2025-03'],
] as const

async function titleOf(cookie: string, query: string) {
	const data = dataOf(await loader(loaderArgs(get(`/reports/records?${query}`, cookie))))
	// the tab is titled in the language the root loader read the page in
	const locale = new URLSearchParams(query).get('lng') ?? 'fr'
	const matches = [{ id: 'root', data: { locale } }]
	const tab = meta({ data, matches } as unknown as MetaArgs<typeof loader>)
	return { heading: data.title, tab: (tab[0] as { title: string }).title }
}

test.each([
	[
		'fr',
		'Année 2025 (du 1 janv. 2025 au 31 déc. 2025)',
		'promotion Promo Opale',
		/\b(Q[1-4]|January|March|Year|cohort)\b/,
	],
	[
		'en',
		'Year 2025 (1 Jan 2025 to 31 Dec 2025)',
		'cohort Promo Opale',
		/\b(T[1-4]|janv|mars|Année|promotion)\b/,
	],
])(
	'each drill-down is titled in words with its period and cohort (%s)',
	async (lng, period, cohortWords, otherLanguage) => {
		const cookie = await sessionCookie(createUser({ role: 'partner' }).id)
		for (const [metric, key] of LINKS) {
			const query = `year=2025&cohort=${cohort.id}&metric=${metric}&key=${encodeURIComponent(key)}&lng=${lng}`
			const { heading, tab } = await titleOf(cookie, query)
			expect(heading, metric).toContain(period)
			expect(heading, metric).toContain(cohortWords)
			// no internal code, no message key, no placeholder, nothing in the other language
			expect(heading, metric).not.toMatch(/[a-z]+\.[a-z]+|\{\{|records|_/i)
			expect(heading, metric).not.toMatch(otherLanguage)
			expect(tab, metric).toBe(
				`${heading} · ${lng === 'fr' ? "Rapport d'activité" : 'Activity report'} · TEKTOS`,
			)
		}
	},
)

test('the figure itself is named as the report names it', async () => {
	const cookie = await sessionCookie(createUser({ role: 'manager' }).id)
	const title = async (query: string) => (await titleOf(cookie, query)).heading
	expect(await title('year=2024&metric=funding.public&key=2024&lng=fr')).toBe(
		'Argent public obtenu en 2024 — Année 2024 (du 1 janv. 2024 au 31 déc. 2024)',
	)
	expect(await title('year=2024&metric=funding.public&key=2024&lng=en')).toBe(
		'Public money secured in 2024 — Year 2024 (1 Jan 2024 to 31 Dec 2024)',
	)
	expect(await title('quarter=2025-Q3&metric=jobs.quarter&key=2025-Q3&lng=fr')).toBe(
		'Emplois au T3\u00a02025, startup par startup — Trimestre T3\u00a02025 (du 1 juil. 2025 au 30 sept. 2025)',
	)
	expect(await title('metric=mentoring.month&key=2025-03&lng=en')).toMatch(
		/^Mentoring sessions of March 2025 — Since opening, from 1 Jun 2013 to 29 Nov 2026$/,
	)
	expect(
		await title(`from=2025-01-01&to=2025-06-30&cohort=${cohort.id}&metric=portfolio.hosted&lng=en`),
	).toBe('Startups hosted — From 1 Jan 2025 to 30 Jun 2025 — cohort Promo Opale')
})

test('a figure the report does not link to is a bad request, not a page titled with a code', async () => {
	const cookie = await sessionCookie(createUser({ role: 'manager' }).id)
	for (const query of [
		'metric=nonsense',
		'metric=funding.public&key=next-year',
		'metric=jobs.quarter&key=2025-Q9',
		'metric=portfolio.status&key=<script>',
		'metric=fb.funnel&key=all',
		'metric=rent.occupancy&key=2025-13',
	]) {
		const result = await settle(() => loader(loaderArgs(get(`/reports/records?${query}`, cookie))))
		expect(statusOf(result), query).toBe(400)
	}
})
