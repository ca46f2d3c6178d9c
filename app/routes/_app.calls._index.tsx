import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CallStatusBadge, useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { listCalls } from '~/models/call.server'
import { countUnsent } from '~/models/outbox.server'
import { requirePermission } from '~/utils/access.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:call:any')
	return { calls: listCalls({ viewer: user }), unsent: countUnsent() }
}

export default function CallsPage() {
	const { calls, unsent } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	return (
		<>
			<div className="page-header">
				<h1>{t('list.title')}</h1>
				<p className="actions">
					<Link to="/calls/review" className="button">
						{t('review.link')}
					</Link>{' '}
					<Link to="/outbox" className="button">
						{t('outbox.link', { count: unsent })}
					</Link>{' '}
					<Link to="/calls/new" className="button button-primary">
						{t('list.new')}
					</Link>
				</p>
			</div>
			<p className="lead">{t('list.lead')}</p>
			{calls.length ? (
				<Table caption={t('list.title')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('fields.title')}</th>
							<th scope="col">{t('common:fields.cohort')}</th>
							<th scope="col">{t('fields.dates')}</th>
							<th scope="col">{t('fields.status')}</th>
							<th scope="col" className="num">
								{t('list.submitted')}
							</th>
							<th scope="col" className="num">
								{t('list.drafts')}
							</th>
							<th scope="col" className="num">
								{t('list.decided')}
							</th>
						</tr>
					</thead>
					<tbody>
						{calls.map((c) => (
							<tr key={c.id}>
								<th scope="row">
									<Link to={`/calls/${c.id}`}>{pick(c.titleFr, c.titleEn)}</Link>
								</th>
								<td>{c.cohortName}</td>
								<td>
									{f.date(c.opensOn)} → {f.date(c.closesOn)}
								</td>
								<td>
									<CallStatusBadge status={c.status} />
								</td>
								<td className="num">{c.submitted}</td>
								<td className="num">{c.drafts}</td>
								<td className="num">{c.decided}</td>
							</tr>
						))}
					</tbody>
				</Table>
			) : (
				<EmptyState title={t('list.empty')} />
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('calls:list.title'), t('nav.calls')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
