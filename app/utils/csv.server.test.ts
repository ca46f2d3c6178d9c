import { guardCell, parseCsv, toCsv } from './csv.server'

test('a cell that would run as a spreadsheet formula is kept as text', () => {
	expect(guardCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`)
	expect(guardCell('+33 3 21 00 00 00')).toBe(`'+33 3 21 00 00 00`)
	expect(guardCell('@SUM(A1)')).toBe(`'@SUM(A1)`)
	expect(guardCell('Fretmanche')).toBe('Fretmanche')
	expect(guardCell(null)).toBe('')
})

test('CSV round-trips accents, commas and quotes', () => {
	const csv = toCsv(
		[{ name: 'Opale, "Fibre" Lab', city: 'Boulogne-sur-Mer' }],
		[
			{ header: 'name', value: (r) => r.name },
			{ header: 'city', value: (r) => r.city },
		],
	)
	expect(csv.startsWith('\uFEFF')).toBe(true)
	const parsed = parseCsv(csv)
	expect(parsed.fields).toEqual(['name', 'city'])
	expect(parsed.rows).toEqual([{ name: 'Opale, "Fibre" Lab', city: 'Boulogne-sur-Mer' }])
})
