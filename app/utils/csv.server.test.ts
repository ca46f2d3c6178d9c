import { guardCell, parseCsv, toCsv } from './csv.server'

test('a cell that would run as a spreadsheet formula is kept as text', () => {
	expect(guardCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`)
	expect(guardCell('+33 3 21 00 00 00')).toBe(`'+33 3 21 00 00 00`)
	expect(guardCell('@SUM(A1)')).toBe(`'@SUM(A1)`)
	expect(guardCell('Fretmanche')).toBe('Fretmanche')
	expect(guardCell(null)).toBe('')
	// numbers stay numbers, negative ones too; a formula dressed as a number does not
	expect(guardCell(-12.5)).toBe('-12.5')
	expect(guardCell('-1250.00')).toBe('-1250.00')
	expect(guardCell('-1+2')).toBe(`'-1+2`)
	expect(guardCell('-A1')).toBe(`'-A1`)
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
