import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { deliverOutbox, isSmtpConfigured, listOutbox, MAX_ATTEMPTS } from '~/models/outbox.server'
import { requirePermission } from '~/utils/access.server'
import { redirectWithToast } from '~/utils/http.server'
import { parseListParams } from '~/utils/list-params'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/** Every email the app has written: sent, waiting, or failed; the secret links are masked. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:outbox:any')
	const { page, perPage } = parseListParams(new URL(request.url).searchParams, ['date'] as const, {
		sort: 'date',
	})
	return {
		list: listOutbox({ viewer: user, page, perPage }),
		smtp: isSmtpConfigured(),
		maxAttempts: MAX_ATTEMPTS,
	}
}

/** "Send now": what waits goes out at once (when SMTP is configured). */
export async function action({ request }: ActionFunctionArgs) {
	await requirePermission(request, 'read:outbox:any')
	const { sent, failed } = await deliverOutbox()
	return redirectWithToast('/outbox', {
		type: failed ? 'error' : 'success',
		messageKey: 'calls:outbox.delivered',
		values: { sent: String(sent), failed: String(failed) },
	})
}

export default function OutboxPage() {
	const { list, smtp, maxAttempts } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/calls">{t('list.title')}</Link>
			</p>
			<div className="page-header">
				<h1>{t('outbox.title')}</h1>
				{smtp ? (
					<Form method="post">
						<button type="submit" className="button">
							{t('outbox.sendNow')}
						</button>
					</Form>
				) : null}
			</div>
			<p className="lead">{smtp ? t('outbox.leadSmtp') : t('outbox.leadNoSmtp')}</p>
			{list.total ? (
				<>
					<ul className="list outbox">
						{list.rows.map((m) => (
							<li key={m.id}>
								<details>
									<summary>
										<strong>{m.subject}</strong> — {m.toAddress}{' '}
										<span className="muted">
											· {f.dateTime(m.createdAt)} ·{' '}
											{m.sentAt
												? t('outbox.sentAt', { date: f.dateTime(m.sentAt) })
												: m.lastError
													? t(m.attempts >= maxAttempts ? 'outbox.gaveUp' : 'outbox.failed', {
															count: m.attempts,
														})
													: t('outbox.waiting')}
										</span>
									</summary>
									<p className="muted">
										{t(`outbox.kinds.${m.kind}`)} · {t(`common:language.${m.locale}`)}
										{m.lastError ? ` · ${m.lastError}` : ''}
									</p>
									<pre className="pitch">{m.body}</pre>
								</details>
							</li>
						))}
					</ul>
					<Pagination
						page={list.page}
						pageCount={list.pageCount}
						total={list.total}
						perPage={list.perPage}
					/>
				</>
			) : (
				<EmptyState title={t('outbox.empty')} />
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('calls:outbox.title'), t('nav.calls')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
