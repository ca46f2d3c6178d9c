/**
 * The few pages the server itself answers, before Remix is reached (too large, not a form,
 * another site, an out-of-date form…): short, in the reader's language, with the request's
 * reference, and never a stack trace.
 */
import { type Locale } from '~/utils/i18n'
import { resources } from '~/utils/i18n-resources.server'

export type ServerPage =
	| 'tooLarge'
	| 'unsupported'
	| 'malformed'
	| 'crossSite'
	| 'formExpired'
	| 'alreadySent'
	| 'unavailable'
	| 'methodNotAllowed'

function interpolate(text: string, values: Record<string, string>) {
	return text.replace(/\{\{(\w+)(?:, *\w+)?\}\}/g, (match, name: string) => values[name] ?? match)
}

function escapeHtml(text: string) {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	)
}

/** i18next's t, reduced to the common namespace these pages read (keys written out, so the locale test sees them). */
function t(locale: Locale, key: `common:${string}`, values: Record<string, string> = {}) {
	let message: unknown = resources[locale].common
	for (const part of key.slice('common:'.length).split('.')) {
		message = (message as Record<string, unknown> | undefined)?.[part]
	}
	return interpolate(typeof message === 'string' ? message : key, values)
}

export function messageOf(locale: Locale, page: ServerPage | 'unexpected') {
	return page === 'unexpected'
		? {
				title: t(locale, 'common:errors.unexpected.title'),
				message: t(locale, 'common:errors.unexpected.message'),
			}
		: {
				title: t(locale, `common:server.${page}.title`),
				message: t(locale, `common:server.${page}.message`),
			}
}

export function serverPage({
	page,
	locale,
	requestId,
	values = {},
}: {
	page: ServerPage | 'unexpected'
	locale: Locale
	requestId: string
	values?: Record<string, string>
}) {
	const { title, message } = messageOf(locale, page)
	const reference = t(locale, 'common:server.reference', { id: requestId })
	return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · TEKTOS CRM</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(interpolate(message, values))}</p>
<p><small>${escapeHtml(reference)}</small></p>
<p><a href="/">${escapeHtml(t(locale, 'common:server.backHome'))}</a></p>
</main>
</body>
</html>
`
}
