/*
 * French elision (decision 0034): "de" before a word that starts with a vowel sound becomes
 * "d'" — "l'avis d'octobre", "les mentors d'Opale Hydrogène", but "de novembre", "de Dunes
 * Energy". Months, startups, people and files are interpolated into messages, so the message
 * cannot write the right form itself: it writes `{{month, de}}` and the i18n formatter calls
 * `frenchDe` (app/utils/i18n.ts).
 */

// an h that is aspirated keeps "de": "de Hollande", "de haut niveau", "de huit"
const ASPIRATED_H = [
	'hache',
	'haie',
	'hall',
	'halte',
	'hameau',
	'hanche',
	'handicap',
	'hangar',
	'hareng',
	'haricot',
	'harpe',
	'hasard',
	'haut',
	'hauteur',
	'havre',
	'hérisson',
	'héros',
	'hibou',
	'hockey',
	'hollande',
	'homard',
	'hongrie',
	'honte',
	'houille',
	'huit',
	'huitième',
]

/** Whether a word takes "d'" rather than "de" before it. */
export function takesElision(text: string) {
	const word =
		text
			.trim()
			.split(/[\s\-–—'’.,;:!?()«»"]/)[0]
			?.toLowerCase() ?? ''
	if (!word) return false
	const bare = word.normalize('NFD').replace(/\p{M}/gu, '')
	// "un", "onze", numbers written in digits: no elision before a digit or "onze"
	if (/^\d/.test(bare) || bare === 'onze' || bare === 'onzieme') return false
	if (/^[aeiouœæ]/.test(bare)) return true
	// y before a consonant sounds like i ("Yvelines" is the exception we accept): "d'Ypres"
	if (/^y[^aeiou]/.test(bare)) return true
	if (/^h[aeiouy]/.test(bare)) return !ASPIRATED_H.some((h) => bare.startsWith(h))
	return false
}

/** "de" + the text, elided when it must be: "d'octobre 2026", "de novembre 2026". */
export function frenchDe(text: string) {
	return takesElision(text) ? `d'${text.trimStart()}` : `de ${text}`
}
