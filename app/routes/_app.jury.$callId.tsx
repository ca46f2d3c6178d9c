import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RankingTable, useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getJuryCall, requireCommitteeMember } from '~/models/jury.server'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

/** One call for a committee member: the applications to score, and the ranking of those scored. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'score:application:committee')
	const callId = parseId(params.callId, 'call')
	requireCommitteeMember(user, callId)
	const page = getJuryCall({ viewer: user, callId })
	if (!page) throw notFound('call', callId)
	return page
}

export default function JuryCallPage() {
	const { call, criteria, applications, ranking } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/jury">{t('jury.title')}</Link>
			</p>
			<h1>{pick(call.titleFr, call.titleEn)}</h1>
			<p className="lead">
				{call.cohortName} · {f.date(call.opensOn)} → {f.date(call.closesOn)}
			</p>
			<p className="muted">
				{t('jury.criteria', {
					criteria: criteria.map((c) => `${pick(c.labelFr, c.labelEn)} ×${c.weight}`).join(', '),
				})}
			</p>
			<h2>{t('call.applications')}</h2>
			{applications.length ? (
				<Table caption={t('call.applications')} captionHidden data-testid="jury-applications">
					<thead>
						<tr>
							<th scope="col">{t('fields.projectName')}</th>
							<th scope="col">{t('fields.origin')}</th>
							<th scope="col">{t('common:fields.stage')}</th>
							<th scope="col">{t('jury.myScore')}</th>
						</tr>
					</thead>
					<tbody>
						{applications.map((a) => (
							<tr key={a.id}>
								<th scope="row">
									{a.conflict ? (
										a.projectName
									) : (
										<Link to={`/jury/${call.id}/${a.id}`}>{a.projectName}</Link>
									)}
								</th>
								<td>{a.origin ? t(`origins.${a.origin}`) : '—'}</td>
								<td>{a.stage ? t(`enums:startupStages.${a.stage}`) : '—'}</td>
								<td>
									{a.conflict
										? t('jury.conflictDeclared')
										: t(
												`jury.reviewStates.${a.scorable || a.review !== 'none' ? a.review : 'closed'}`,
											)}
								</td>
							</tr>
						))}
					</tbody>
				</Table>
			) : (
				<p className="muted">{t('call.noApplications')}</p>
			)}
			<h2>{t('ranking.title')}</h2>
			<p className="muted">{t('jury.rankingLead')}</p>
			<RankingTable
				rows={ranking}
				caption={t('ranking.title')}
				href={(id) => `/jury/${call.id}/${id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, pick }) => [
	data && pick(data.call.titleFr, data.call.titleEn),
	t('nav.jury'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
