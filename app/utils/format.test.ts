import {
	formatDate,
	formatLanguage,
	formatMonth,
	formatPercent,
	formatRatio,
	localeTag,
} from './format'

// Intl uses narrow no-break spaces in French; compare with plain spaces
const plain = (s: string) => s.replace(/\s/g, ' ')

test('calendar dates do not shift with the time zone', () => {
	expect(formatDate('2013-06-01', 'fr')).toBe('1 juin 2013')
	expect(formatDate('2013-06-01', 'en')).toBe('1 Jun 2013')
})

test('months, percentages, ratios and languages read the way each reader writes them', () => {
	expect(formatMonth('2026-03', 'fr')).toBe('mars 2026')
	expect(formatMonth('2026-03', 'en')).toBe('March 2026')
	expect(formatMonth('2026-03', 'en', 'short')).toBe('Mar 26')
	expect(plain(formatPercent(1250, 'fr'))).toBe('12,5 %')
	expect(formatPercent(1250, 'fr')).toBe('12,5\u202f%')
	expect(formatPercent(5000, 'en')).toBe('50%')
	expect(formatRatio(2.345, 'fr')).toBe('2,35')
	expect(formatRatio(3, 'en')).toBe('3.00')
	expect(formatLanguage('fr', 'en')).toBe('French')
	expect(formatLanguage('en', 'fr')).toBe('anglais')
	expect(formatLanguage('zz-not-a-language!', 'fr')).toBe('zz-not-a-language!')
	expect(localeTag('en')).toBe('en-GB')
	expect(localeTag('fr')).toBe('fr-FR')
})
