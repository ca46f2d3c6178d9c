import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { getLocale } from './utils/i18n.server'
import { appendBeforeClosingTags, messagesBlock, pageI18n } from './utils/i18n-page.server'

export const streamTimeout = 5_000

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
) {
	const lng = await getLocale(request)
	const { instance, used: usedNamespaces } = await pageI18n(lng)

	// The whole page is rendered before the first byte goes out, for browsers as for bots: the
	// parts whose code loads later (components/lazy.tsx) are then in place in the HTML, where a
	// browser without JavaScript can use them, and no streaming script is needed to move them.
	const callbackName = 'onAllReady'

	return new Promise((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<I18nextProvider i18n={instance}>
				<RemixServer context={remixContext} url={request.url} />
			</I18nextProvider>,
			{
				[callbackName]: () => {
					shellRendered = true
					// the messages the page used go at its end, once the render knows them all
					const body = appendBeforeClosingTags(() => messagesBlock(lng, usedNamespaces))
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// errors after the shell are logged; the user sees the error boundary
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
	})
}

export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted) return
	console.error(error)
}
