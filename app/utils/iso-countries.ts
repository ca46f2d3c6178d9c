/*
 * The country codes, without zod: a page that shows a country's name (contact-ui.tsx, through
 * models/import/values.ts) must not load the form schemas with it (decision 0032).
 */

/** Every ISO 3166-1 alpha-2 code: a country the contact base stores as FR, GB or other. */
export const ISO_COUNTRY_CODES = (
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
	'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
	'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
	'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
	'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
	'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
	'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
	'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
	'VN VU WF WS YE YT ZA ZM ZW'
).split(' ')

/**
 * A record's ISO country: the one an import stored, else France or the UK from the grouping;
 * null for "another country" that no import named.
 */
export function isoCountryOf(record: { country: string; countryCode?: string | null }) {
	return (
		record.countryCode ??
		(record.country === 'FR' || record.country === 'GB' ? record.country : null)
	)
}

/** One Intl.DisplayNames per language (building one costs more than a page's other names). */
const regionNames = new Map<string, Intl.DisplayNames | null>()

export function countryName(code: string, locale: string) {
	let names = regionNames.get(locale)
	if (names === undefined) {
		try {
			names = new Intl.DisplayNames([locale], { type: 'region' })
		} catch {
			names = null
		}
		regionNames.set(locale, names)
	}
	try {
		return names?.of(code) ?? code
	} catch {
		return code
	}
}
