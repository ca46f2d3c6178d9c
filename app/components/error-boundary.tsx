import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useErrorReference } from '~/utils/request-info'

type ErrorData = { entity?: string; id?: string | number | null; reason?: string }

function readData(data: unknown): ErrorData {
	if (data && typeof data === 'object') return data as ErrorData
	if (typeof data === 'string') {
		try {
			return JSON.parse(data) as ErrorData
		} catch {
			return {}
		}
	}
	return {}
}

/**
 * One error page for the whole app, in the domain's words:
 * "No startup with id 42", "Only managers can do this". Never a stack trace.
 */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation()
	const reference = useErrorReference()

	let title = t('errors.unexpected.title')
	let message = t('errors.unexpected.message')
	let status = 500

	if (isRouteErrorResponse(error)) {
		status = error.status
		const data = readData(error.data)
		if (status === 404) {
			title = t('errors.notFound.title')
			message =
				data.entity && data.id != null
					? t('errors.notFound.entity', {
							entity: t(`entities.${data.entity}`, { defaultValue: data.entity }),
							id: data.id,
						})
					: t('errors.notFound.message')
		} else if (status === 403) {
			title = t('errors.forbidden.title')
			message = t(`errors.forbidden.reasons.${(data.reason ?? '').replace(/[^a-z]+/gi, '_')}`, {
				defaultValue: t('errors.forbidden.message'),
			})
		} else if (status === 400) {
			title = t('errors.badRequest.title')
			message = t('errors.badRequest.message')
		}
	} else if (typeof document !== 'undefined') {
		console.error(error)
	}

	return (
		<section className="error-page" aria-labelledby="error-title">
			<p className="error-status">{status}</p>
			<h1 id="error-title">{title}</h1>
			<p>{message}</p>
			{status >= 500 && reference && isServerError(error) ? (
				<p className="error-reference">{t('server.reference', { id: reference })}</p>
			) : null}
			<p>
				<Link to="/" className="button">
					{t('errors.backHome')}
				</Link>
			</p>
		</section>
	)
}

/**
 * An error the server answered (shown with the reference of its log line), not one raised in
 * the browser. In production the server sends every unexpected error under this one message.
 */
function isServerError(error: unknown) {
	if (typeof document === 'undefined') return true
	if (isRouteErrorResponse(error)) return true
	return error instanceof Error && error.message === 'Unexpected Server Error'
}
