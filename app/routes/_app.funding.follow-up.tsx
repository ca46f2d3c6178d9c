import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useQuarterLabel } from '~/components/quarter-label'
import { FundingNav } from '~/components/funding-nav'
import { EmptyState } from '~/components/stat'
import { listMissingKpiReports } from '~/models/kpi.server'
import { listMilestonesToFollow } from '~/models/milestone.server'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:funding:any')
	const asOf = today()
	return {
		asOf,
		milestones: listMilestonesToFollow({ viewer: user, asOf })!,
		kpi: listMissingKpiReports({ viewer: user, asOf })!,
	}
}

type MilestoneRow = ReturnType<typeof useLoaderData<typeof loader>>['milestones']['overdue'][number]

export default function FollowUpPage() {
	const { asOf, milestones, kpi } = useLoaderData<typeof loader>()
	const { t } = useTranslation('funding')
	const f = useFormat()
	const quarterLabel = useQuarterLabel()
	return (
		<>
			<div className="page-header">
				<h1>{t('followUp.title')}</h1>
			</div>
			<FundingNav manager />
			<p className="lead">{t('followUp.lead', { date: f.date(asOf) })}</p>

			<section aria-labelledby="overdue-heading">
				<h2 id="overdue-heading">
					{t('followUp.overdue')} <span className="count">{milestones.overdue.length}</span>
				</h2>
				<MilestoneTable
					rows={milestones.overdue}
					overdue
					caption={t('followUp.overdue')}
					empty={t('followUp.noOverdue')}
				/>
			</section>

			<section aria-labelledby="due-heading">
				<h2 id="due-heading">
					{t('followUp.dueThisMonth')}{' '}
					<span className="count">{milestones.dueThisMonth.length}</span>
				</h2>
				<MilestoneTable
					rows={milestones.dueThisMonth}
					caption={t('followUp.dueThisMonth')}
					empty={t('followUp.noneDue')}
				/>
			</section>

			<section aria-labelledby="kpi-missing-heading">
				<h2 id="kpi-missing-heading">
					{t('followUp.kpiMissing', { quarter: quarterLabel(kpi.quarter) })}{' '}
					<span className="count">{kpi.startups.length}</span>
				</h2>
				{kpi.startups.length ? (
					<Table
						caption={t('followUp.kpiMissing', { quarter: quarterLabel(kpi.quarter) })}
						captionHidden
					>
						<thead>
							<tr>
								<th scope="col">{t('common:fields.startup')}</th>
								<th scope="col">{t('followUp.latestReport')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('followUp.actions')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{kpi.startups.map((s) => (
								<tr key={s.id}>
									<th scope="row">
										<Link to={`/startups/${s.id}`}>{s.name}</Link>
									</th>
									<td>{s.latestQuarter ? quarterLabel(s.latestQuarter) : t('followUp.never')}</td>
									<td>
										<Link to={`/startups/${s.id}/kpis`}>{t('followUp.enterReport')}</Link>
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('followUp.allReported')} />
				)}
			</section>
		</>
	)
}

function MilestoneTable({
	rows,
	overdue = false,
	caption,
	empty,
}: {
	rows: MilestoneRow[]
	overdue?: boolean
	caption: string
	empty: string
}) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	if (!rows.length) return <EmptyState title={empty} />
	return (
		<Table caption={caption} captionHidden>
			<thead>
				<tr>
					<th scope="col">{t('fields.dueOn')}</th>
					<th scope="col">{t('common:fields.startup')}</th>
					<th scope="col">{t('page.milestone')}</th>
					<th scope="col">{t('fields.status')}</th>
					<th scope="col">{t('fields.note')}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((m) => (
					<tr key={m.id} className={overdue ? 'row-warning' : undefined}>
						<td>
							{m.dueOn ? f.date(m.dueOn) : '—'}
							{overdue ? <span className="badge badge-warning">{t('page.overdue')}</span> : null}
						</td>
						<td>
							<Link to={`/startups/${m.startupId}`}>{m.startupName}</Link>
						</td>
						<th scope="row">
							<Link to={`/startups/${m.startupId}/milestones/${m.id}`}>{m.title}</Link>
							<span className="muted"> · {t(`enums:milestoneKinds.${m.kind}`)}</span>
						</th>
						<td>{t(`enums:milestoneStatuses.${m.status}`)}</td>
						<td className="note">{m.note ?? ''}</td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}

export const meta = pageTitle(({ t }) => [t('funding:followUp.title'), t('nav.funding')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
