/*
 * Everything the reader sees as a date, a month, a number, a percentage or a language name
 * becomes text here, in the reader's language ('fr' or 'en'). Components use these through
 * useFormat() (use-format.ts); money lives in money.ts beside them.
 */

/** The one mapping from the app's languages to Intl's: British English, metropolitan French. */
export function localeTag(lang: string) {
	return lang === 'en' ? 'en-GB' : 'fr-FR'
}

/** One Intl formatter per language and options: building them is slow, using them is not. */
function cached<F>(make: (tag: string) => F) {
	const made = new Map<string, F>()
	return (lang: string) => {
		const tag = localeTag(lang)
		let format = made.get(tag)
		if (!format) {
			format = make(tag)
			made.set(tag, format)
		}
		return format
	}
}

// calendar dates and months are UTC midnights: they must not shift with the time zone
const dateFormat = cached(
	(tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }),
)
const dateTimeFormat = cached(
	(tag) =>
		new Intl.DateTimeFormat(tag, {
			dateStyle: 'medium',
			timeStyle: 'short',
			timeZone: 'Europe/Paris',
		}),
)
const longMonthFormat = cached(
	(tag) => new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
)
const shortMonthFormat = cached(
	(tag) => new Intl.DateTimeFormat(tag, { month: 'short', year: '2-digit', timeZone: 'UTC' }),
)
const numberFormat = cached((tag) => new Intl.NumberFormat(tag))
const percentFormat = cached(
	(tag) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }),
)
const ratioFormat = cached(
	(tag) => new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
)
const languageNames = cached((tag) => {
	try {
		return new Intl.DisplayNames([tag], { type: 'language' })
	} catch {
		return null
	}
})

/** Dates are ISO YYYY-MM-DD text (calendar dates) or timestamps (instants). */
export function formatDate(value: string | number | Date, lang: string) {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T00:00:00Z`)
			: new Date(value)
	return dateFormat(lang).format(date)
}

/** An instant, in Paris time: the incubator's clock. */
export function formatDateTime(value: number | Date, lang: string) {
	return dateTimeFormat(lang).format(new Date(value))
}

/** 'YYYY-MM' → "mars 2026" / "March 2026" ('long') or "mars 26" / "Mar 26" ('short'). */
export function formatMonth(month: string, lang: string, style: 'long' | 'short' = 'long') {
	const format = style === 'long' ? longMonthFormat(lang) : shortMonthFormat(lang)
	return format.format(new Date(`${month}-01T00:00:00Z`))
}

/**
 * 'YYYY-Qn' → "T3 2026" (fr: trimestre) / "Q3 2026" (en), with a no-break space: a quarter is
 * one word for the reader. Intl has no quarters.
 */
export function formatQuarter(quarter: string, lang: string) {
	const [year, n] = quarter.split('-Q')
	return `${lang === 'en' ? 'Q' : 'T'}${n}\u00a0${year}`
}

export function formatNumber(value: number, lang: string) {
	return numberFormat(lang).format(value)
}

/** Basis points (how percentages are stored) for the reader: 5000 → "50 %" / "50%", 1250 → "12,5 %". */
export function formatPercent(basisPoints: number, lang: string) {
	// a narrow no-break space before % in French, as in amounts (decision 0034)
	return percentFormat(lang)
		.format(basisPoints / 10_000)
		.replace(/\u00a0/g, '\u202f')
}

/** A ratio with two decimals in the reader's way: 2.345 → "2,35" / "2.35". */
export function formatRatio(value: number, lang: string) {
	return ratioFormat(lang).format(value)
}

/** A language code in the reader's language: "fr" → "French" / "français"; unknown codes as they are. */
export function formatLanguage(code: string, lang: string) {
	try {
		return languageNames(lang)?.of(code) ?? code
	} catch {
		return code
	}
}
