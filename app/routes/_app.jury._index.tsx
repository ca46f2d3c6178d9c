import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CallStatusBadge, useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { listJuryCalls } from '~/models/jury.server'
import { requirePermission } from '~/utils/access.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/** The calls whose selection committee the user sits on, and how far they are with each. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'score:application:committee')
	return { calls: listJuryCalls({ viewer: user }) }
}

export default function JuryPage() {
	const { calls } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	return (
		<>
			<h1>{t('jury.title')}</h1>
			<p className="lead">{t('jury.lead')}</p>
			{calls.length ? (
				<ul className="list">
					{calls.map((c) => (
						<li key={c.id}>
							<h2>
								<Link to={`/jury/${c.id}`}>{pick(c.titleFr, c.titleEn)}</Link>{' '}
								<CallStatusBadge status={c.status} />
							</h2>
							<p className="muted">
								{c.cohortName} · {f.date(c.opensOn)} → {f.date(c.closesOn)}
							</p>
							<p>
								{t('jury.progress', {
									submitted: c.submitted,
									total: Math.max(0, c.applications - c.conflicts),
								})}
								{c.conflicts ? ` · ${t('jury.conflictCount', { count: c.conflicts })}` : ''}
							</p>
						</li>
					))}
				</ul>
			) : (
				<EmptyState title={t('jury.empty')} />
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('calls:jury.title'), t('nav.jury')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
