import { formatDate, formatMoney } from './format'

// Intl uses narrow no-break spaces in French; compare with plain spaces
const plain = (s: string) => s.replace(/\s/g, ' ')

test('money reads the way each side of the Channel writes it', () => {
	expect(plain(formatMoney(123456, 'EUR', 'fr'))).toBe('1 234,56 €')
	expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56')
	expect(formatMoney(99, 'GBP', 'en')).toBe('£0.99')
	expect(plain(formatMoney(4_800_000, 'GBP', 'fr'))).toBe('48 000,00 £')
})

test('calendar dates do not shift with the time zone', () => {
	expect(formatDate('2013-06-01', 'fr')).toBe('1 juin 2013')
	expect(formatDate('2013-06-01', 'en')).toBe('1 Jun 2013')
})
