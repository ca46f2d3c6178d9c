import { PassThrough } from 'node:stream'
import {
	type AppLoadContext,
	createReadableStreamFromReadable,
	type EntryContext,
	type HandleErrorFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { type ReactElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { now } from './utils/clock'
import { getLocale } from './utils/i18n.server'
import { appendBeforeClosingTags, messagesBlock, pageI18n } from './utils/i18n-page.server'
import { RequestInfoContext } from './utils/request-info'

export const streamTimeout = 5_000

function where(request: Request, context?: AppLoadContext) {
	const url = new URL(request.url)
	return `req=${context?.requestId ?? '-'} ${request.method} ${url.pathname}`
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const lng = await getLocale(request)
	// one instance per language, cloned; it notes the namespaces the render used (decision 0032)
	const { instance, used } = await pageI18n(lng)
	const nonce = loadContext.cspNonce
	return renderDocument({
		element: (
			<RequestInfoContext.Provider value={{ nonce, requestId: loadContext.requestId }}>
				<I18nextProvider i18n={instance}>
					<RemixServer context={remixContext} url={request.url} nonce={nonce} />
				</I18nextProvider>
			</RequestInfoContext.Provider>
		),
		request,
		status: responseStatusCode,
		headers: responseHeaders,
		loadContext,
		// the messages the page used go at its end, once the render knows them all
		tail: () => messagesBlock(lng, used),
	})
}

/**
 * Streams the page: a person gets the shell first and the rest as it comes, a crawler the
 * whole page at once. A render still going after `abortAfterMs` is cut off — the user gets what
 * was sent (or a 500), and the log says which request and how long. `tail()`, if given, is
 * written just before `</body></html>` once the render is over.
 */
export function renderDocument({
	element,
	request,
	status,
	headers,
	loadContext,
	abortAfterMs = streamTimeout + 1000,
	tail,
}: {
	element: ReactElement
	request: Request
	status: number
	headers: Headers
	loadContext: AppLoadContext
	abortAfterMs?: number
	tail?: () => string
}) {
	const bot = isbot(request.headers.get('user-agent') ?? '')
	const started = performance.now()
	let responseStatusCode = status
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		let finished = false
		const timer = setTimeout(() => {
			if (finished) return
			console.error(
				`${now().toISOString()} render aborted ${where(request, loadContext)}: still rendering after ${Math.round(performance.now() - started)} ms (${shellRendered ? 'page cut short' : 'nothing sent'})`,
			)
			abort()
		}, abortAfterMs)
		const send = () => {
			shellRendered = true
			const body = tail ? appendBeforeClosingTags(tail) : new PassThrough()
			headers.set('Content-Type', 'text/html; charset=utf-8')
			resolve(
				new Response(createReadableStreamFromReadable(body), {
					headers,
					status: responseStatusCode,
				}),
			)
			pipe(body)
		}
		const { pipe, abort } = renderToPipeableStream(element, {
			nonce: loadContext.cspNonce,
			onShellReady() {
				if (!bot) send()
			},
			onAllReady() {
				finished = true
				clearTimeout(timer)
				if (bot) send()
			},
			onShellError(error: unknown) {
				finished = true
				clearTimeout(timer)
				console.error(
					`${now().toISOString()} error ${where(request, loadContext)}: the page could not render:`,
					error,
				)
				reject(error)
			},
			onError(error: unknown) {
				responseStatusCode = 500
				// errors after the shell are logged; the user sees the error boundary
				if (shellRendered)
					console.error(`${now().toISOString()} error ${where(request, loadContext)}:`, error)
			},
		})
	})
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
	if (request.signal.aborted) return
	console.error(`${now().toISOString()} error ${where(request, context)}:`, error)
}
