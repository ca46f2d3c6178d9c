import { createCohort, createStartup } from '#tests/factories'
import { signedIn } from '#tests/factories-contacts'
import { get, loaderArgs, settle, statusOf } from '#tests/request'
import { loader as portfolioLoader } from './_app.startups._index'
import { loader as suggestLoader } from './suggest.$kind'

async function suggestions(kind: string, q: string, cookie: string) {
	const res = await settle(() =>
		suggestLoader(
			loaderArgs(get(`/suggest/${kind}?q=${encodeURIComponent(q)}`, cookie), { params: { kind } }),
		),
	)
	if (!(res instanceof Response) || res.status !== 200) return statusOf(res)
	return ((await res.json()) as { values: string[] }).values
}

test('a filter with many values suggests as one types, among what the viewer may read', async () => {
	createCohort({ name: 'Promotion Détroit 2031', startDate: '2031-01-01', endDate: '2031-12-31' })
	createCohort({
		name: 'Promotion Détroit 2031 · 2',
		startDate: '2031-01-01',
		endDate: '2031-12-31',
	})
	createStartup({ name: 'Suggestible Ports', sector: 'Suggestion maritime' })
	const mine = createStartup({ name: 'Suggestible Rail', sector: 'Suggestion ferroviaire' })
	const manager = await signedIn('manager')
	expect(await suggestions('cohorts', 'détroit 2031', manager.cookie)).toEqual([
		'Promotion Détroit 2031',
		'Promotion Détroit 2031 · 2',
	])
	expect(await suggestions('sectors', 'suggestion', manager.cookie)).toEqual([
		'Suggestion ferroviaire',
		'Suggestion maritime',
	])
	// a founder is suggested their own startup only
	const founder = await signedIn('founder', {
		startupId: mine.id,
		email: `founder-${mine.id}@suggest.example`,
	})
	expect(await suggestions('startups', 'suggestible', founder.cookie)).toEqual(['Suggestible Rail'])
	// no kind beyond the three, no suggestion for a visitor
	expect(await suggestions('contacts', 'a', manager.cookie)).toBe(404)
	expect(await suggestions('cohorts', 'a', '')).toBe(302)
})

test('without JavaScript the text typed filters the portfolio: an exact name picks it, a part matches all', async () => {
	const exact = createCohort({
		name: 'Promotion Opale 2032',
		startDate: '2032-01-01',
		endDate: '2032-12-31',
	})
	const other = createCohort({
		name: 'Promotion Opale 2032 · 2',
		startDate: '2032-01-01',
		endDate: '2032-12-31',
	})
	createStartup({ name: 'Opale One', cohortId: exact.id, sector: 'Opale logistique' })
	createStartup({ name: 'Opale Two', cohortId: other.id, sector: 'Opale logistique fine' })
	const manager = await signedIn('manager')
	const names = async (query: string) => {
		const data = (await portfolioLoader(loaderArgs(get(`/startups?${query}`, manager.cookie)))) as {
			list: { rows: { name: string }[] }
			cohortLabel?: string
		}
		return data.list.rows.map((r) => r.name).filter((n) => n.startsWith('Opale'))
	}
	expect(await names('cohort=promotion+opale+2032')).toEqual(['Opale One'])
	expect(await names('cohort=Opale+2032')).toEqual(['Opale One', 'Opale Two'])
	expect(await names(`cohort=${other.id}`)).toEqual(['Opale Two'])
	expect(await names('sector=Opale+logistique')).toEqual(['Opale One'])
	expect(await names('sector=logistique')).toEqual(['Opale One', 'Opale Two'])
	// the field shows the cohort's name, whether the URL carries its id or its name
	const byId = (await portfolioLoader(
		loaderArgs(get(`/startups?cohort=${other.id}`, manager.cookie)),
	)) as {
		cohortLabel?: string
	}
	expect(byId.cohortLabel).toBe('Promotion Opale 2032 · 2')
})
