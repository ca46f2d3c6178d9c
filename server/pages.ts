/**
 * The few pages the server itself answers, before Remix is reached (too large, not a form,
 * another site, an out-of-date form…): short, in the reader's language, with the request's
 * reference, and never a stack trace.
 */
import { type Locale, resources } from '~/utils/i18n'

export type ServerPage =
	| 'tooLarge'
	| 'unsupported'
	| 'malformed'
	| 'crossSite'
	| 'formExpired'
	| 'alreadySent'
	| 'unavailable'
	| 'methodNotAllowed'

type Messages = (typeof resources)['en']['common']

function interpolate(text: string, values: Record<string, string>) {
	return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')
}

function escapeHtml(text: string) {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	)
}

export function messageOf(locale: Locale, page: ServerPage | 'unexpected') {
	const common = resources[locale].common as Messages
	return page === 'unexpected' ? common.errors.unexpected : common.server[page]
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
	const common = resources[locale].common as Messages
	const { title, message } = messageOf(locale, page)
	const reference = interpolate(common.server.reference, { id: requestId })
	return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · TEKTOS CRM</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(interpolate(message, values))}</p>
<p><small>${escapeHtml(reference)}</small></p>
<p><a href="/">${escapeHtml(common.server.backHome)}</a></p>
</main>
</body>
</html>
`
}
