import { parseListParams } from './list-params'

const SORTS = ['name', 'cohort'] as const
const parse = (query: string) =>
	parseListParams(new URLSearchParams(query), SORTS, { sort: 'name', dir: 'asc' })

test('a list reads its view from the URL and falls back to the default on anything odd', () => {
	expect(parse('')).toEqual({ q: '', sort: 'name', dir: 'asc', page: 1, perPage: 25 })
	expect(parse('q=+Dover+&sort=cohort&dir=desc&page=3&perPage=50')).toEqual({
		q: 'Dover',
		sort: 'cohort',
		dir: 'desc',
		page: 3,
		perPage: 50,
	})
	expect(parse(`q=${'x'.repeat(101)}&sort=siren&dir=up&page=0&perPage=30`)).toEqual({
		q: '',
		sort: 'name',
		dir: 'asc',
		page: 1,
		perPage: 25,
	})
	expect(parse('page=2.5').page).toBe(1)
	expect(parse('page=abc').page).toBe(1)
	expect(parse('page=100001').page).toBe(1)
	expect(parse('page=100000').page).toBe(100_000)
})
