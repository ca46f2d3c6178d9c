/*
 * The normalised forms of a person's name, email and phone that find likely duplicates. The
 * database keeps them in contacts.name_key / email_key / phone_key: triggers compute them on
 * every write with these very functions, registered on each connection (sqlite-connection.server.ts),
 * so an import, a merge or an erasure keeps them right without thinking of it (decision 0030).
 * No imports on purpose: the import worker loads this file without the app's path aliases.
 */

/** "Royaume-Uni", "U.K.", " united  kingdom " → "royaume uni", "uk", "united kingdom". */
export function normaliseLabel(value: string) {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\./g, '')
		.replace(/[-'’_/]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
}

function frenchNumber(nsn: string) {
	// "+33 06 12…" happens: the trunk 0 does not belong after the country code
	const digits = nsn.startsWith('0') ? nsn.slice(1) : nsn
	return /^[1-9]\d{8}$/.test(digits) ? `+33${digits}` : null
}

function britishNumber(nsn: string) {
	const digits = nsn.startsWith('0') ? nsn.slice(1) : nsn
	// UK national numbers have 9 or 10 digits after the trunk 0 (01xxx xxxxx, 020 xxxx xxxx, 07…)
	return /^[1-9]\d{8,9}$/.test(digits) ? `+44${digits}` : null
}

/**
 * A phone number in E.164 ("+33321460102"), or null when it cannot be one. International
 * numbers ("+44 (0)1304 240 100", "0033 3 21…") are read for any country; a national one
 * ("03 21 46 01 02", "01304 240100") only for a French or British contact.
 */
export function normalisePhone(value: string, country: string | undefined): string | null {
	let s = value.trim().replace(/\(0\)/g, '')
	s = s.replace(/[\s.\-/()\u00a0\u202f]/g, '')
	if (s.startsWith('00')) s = `+${s.slice(2)}`
	if (!/^\+?\d+$/.test(s)) return null
	if (s.startsWith('+')) {
		const digits = s.slice(1)
		if (digits.startsWith('33')) return frenchNumber(digits.slice(2))
		if (digits.startsWith('44')) return britishNumber(digits.slice(2))
		// E.164: a country code and at most 15 digits in all
		return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null
	}
	if (country === 'FR') return /^0\d{9}$/.test(s) ? frenchNumber(s) : null
	if (country === 'GB') return /^0\d{9,10}$/.test(s) ? britishNumber(s) : null
	return null
}

/** "Hervé " and "HERVE", "Lambert": "herve|lambert"; null when the person has no name at all. */
export function contactNameKey(firstName: unknown, lastName: unknown): string | null {
	const first = typeof firstName === 'string' ? normaliseLabel(firstName) : ''
	const last = typeof lastName === 'string' ? normaliseLabel(lastName) : ''
	return first || last ? `${first}|${last}` : null
}

/** Emails compare trimmed and in lower case (the forms store them that way too). */
export function contactEmailKey(email: unknown): string | null {
	return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null
}

/**
 * The phone in E.164 when it can be read as one, else its digits (at least six): "+33 3 21 46
 * 01 02" and "03 21 46 01 02" of a French contact are one number.
 */
export function contactPhoneKey(phone: unknown, country: unknown): string | null {
	if (typeof phone !== 'string' || !phone.trim()) return null
	const e164 = normalisePhone(phone, typeof country === 'string' ? country : undefined)
	if (e164) return e164
	const digits = phone.replace(/\D/g, '')
	return digits.length >= 6 ? digits : null
}
