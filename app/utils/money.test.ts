import fc from 'fast-check'
import {
	formatMoney,
	formatMoneyForCsv,
	formatMoneyForForm,
	MAX_AMOUNT_CENTS,
	moneyForSpreadsheet,
	parseMoney,
} from './money'

// Intl uses narrow no-break spaces in French; compare with plain spaces
const plain = (s: string) => s.replace(/\s/g, ' ')

test('an amount typed the French or the English way is read as the same cents', () => {
	const cases: [string, number][] = [
		['12500', 1_250_000],
		['12 500', 1_250_000],
		['12\u00a0500', 1_250_000],
		['12\u202f500,50', 1_250_050],
		['12 500,50', 1_250_050],
		['12.500', 1_250_000],
		['12,500', 1_250_000],
		// three digits after the only mark: thousands, never three decimals
		['450,005', 45_000_500],
		['1.234,56', 123_456],
		['1,234.56', 123_456],
		['1 234.56', 123_456],
		['1250,5', 125_050],
		['1250.50', 125_050],
		['1.234.567,89', 123_456_789],
		['€1,234,567.89', 123_456_789],
		['1 234,56 €', 123_456],
		['£48,000', 4_800_000],
		['48000 GBP', 4_800_000],
		['EUR 450', 45_000],
		['0', 0],
		['0,07', 7],
		['  450  ', 45_000],
	]
	for (const [typed, cents] of cases) expect([typed, parseMoney(typed)]).toEqual([typed, cents])
})

test('what cannot be read for sure is refused, with the reason', () => {
	const cases: [string, string][] = [
		['', 'empty'],
		['  ', 'empty'],
		['€', 'empty'],
		['-5', 'negative'],
		['−1 250,50', 'negative'],
		['abc', 'invalid'],
		['12,3,4', 'invalid'],
		['1,234,56', 'invalid'],
		['1.2345', 'invalid'],
		['1,000.000', 'invalid'],
		['0.500', 'invalid'],
		['1.5e3', 'invalid'],
		[',50', 'invalid'],
		['12,', 'invalid'],
		['-abc', 'invalid'],
		['999999999999999', 'tooLarge'],
		['100 000 000,01', 'tooLarge'],
	]
	for (const [typed, error] of cases) expect([typed, parseMoney(typed)]).toEqual([typed, error])
	expect(parseMoney('100 000 000')).toBe(MAX_AMOUNT_CENTS)
})

test('an edit form shows an amount the way its reader writes it', () => {
	expect(formatMoneyForForm(125_050, 'fr')).toBe('1 250,50')
	expect(formatMoneyForForm(125_050, 'en')).toBe('1,250.50')
	expect(formatMoneyForForm(14_500, 'fr')).toBe('145,00')
	expect(formatMoneyForForm(7, 'en')).toBe('0.07')
	expect(formatMoneyForForm(123_456_789, 'fr')).toBe('1 234 567,89')
})

test('any amount an edit form shows is read back to the same cents, in both languages', () => {
	fc.assert(
		fc.property(
			fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
			fc.constantFrom('fr', 'en'),
			(cents, lang) => parseMoney(formatMoneyForForm(cents, lang)) === cents,
		),
		{ numRuns: 2000 },
	)
})

test('any amount written for display, with its currency, is read back to the same cents', () => {
	fc.assert(
		fc.property(
			fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
			fc.constantFrom('fr', 'en'),
			fc.constantFrom('EUR' as const, 'GBP' as const),
			(cents, lang, currency) => parseMoney(formatMoney(cents, currency, lang)) === cents,
		),
	)
})

test('money reads the way each side of the Channel writes it', () => {
	expect(plain(formatMoney(123456, 'EUR', 'fr'))).toBe('1 234,56 €')
	expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56')
	expect(formatMoney(99, 'GBP', 'en')).toBe('£0.99')
	expect(plain(formatMoney(4_800_000, 'GBP', 'fr'))).toBe('48 000,00 £')
	// an amount never breaks across lines: narrow no-break spaces in French
	expect(formatMoney(3_000_000, 'EUR', 'fr')).toBe('30\u202f000,00\u202f€')
})

test('CSV files and spreadsheets get euros with a dot and exact cents', () => {
	expect(formatMoneyForCsv(125_050)).toBe('1250.50')
	expect(formatMoneyForCsv(7)).toBe('0.07')
	expect(formatMoneyForCsv(MAX_AMOUNT_CENTS)).toBe('100000000.00')
	expect(moneyForSpreadsheet(125_050)).toBe(1250.5)
	fc.assert(
		fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (cents) => {
			return parseMoney(formatMoneyForCsv(cents)) === cents
		}),
	)
})
