import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PublicShell } from '~/components/public-shell'
import { EmptyState } from '~/components/stat'
import { listOpenCalls } from '~/models/call.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/** The open calls for applications: a public page, no account needed. */
export async function loader() {
	return { calls: listOpenCalls() }
}

export default function OpenCallsPage() {
	const { calls } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	return (
		<PublicShell wide>
			<h1>{t('public.openCalls')}</h1>
			<p className="lead">{t('public.intro')}</p>
			{calls.length ? (
				<ul className="list">
					{calls.map((c) => (
						<li key={c.id}>
							<h2>
								<Link to={`/apply/${c.id}`}>{pick(c.titleFr, c.titleEn)}</Link>
							</h2>
							<p className="muted">{t('public.closesOn', { date: f.date(c.closesOn) })}</p>
						</li>
					))}
				</ul>
			) : (
				<EmptyState title={t('public.noneOpen')} />
			)}
		</PublicShell>
	)
}

export const meta = pageTitle(({ t }) => [t('calls:public.openCalls')])

export function ErrorBoundary() {
	return (
		<PublicShell>
			<GeneralErrorBoundary />
		</PublicShell>
	)
}
