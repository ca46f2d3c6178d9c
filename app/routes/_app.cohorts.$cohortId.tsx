import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { type CohortProgressRow, getCohortProgress } from '~/models/cohort.server'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:cohort:any')
	const id = parseId(params.cohortId, 'cohort')
	const progress = getCohortProgress({ id, viewer: user })
	if (!progress) throw notFound('cohort', id)
	return { ...progress, canEdit: can(user, 'update:cohort:any') }
}

export default function CohortPage() {
	const { cohort, asOf, lastQuarter, startups, summary, canEdit } = useLoaderData<typeof loader>()
	const { t } = useTranslation('cohorts')
	const f = useFormat()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/cohorts">{t('title')}</Link>
			</p>
			<div className="page-header">
				<h1>{cohort.name}</h1>
				{canEdit ? (
					<Link to={`/cohorts/${cohort.id}/edit`} className="button">
						{t('common:common.edit')}
					</Link>
				) : null}
			</div>
			<p className="lead">
				<span className="badge badge-muted">{t(`enums:programmes.${cohort.programme}`)}</span>{' '}
				{t('page.dates', { start: f.date(cohort.startDate), end: f.date(cohort.endDate) })}
			</p>

			<section aria-labelledby="summary-heading">
				<h2 id="summary-heading" className="visually-hidden">
					{t('page.summary')}
				</h2>
				<StatGrid>
					<Stat label={t('page.startups')} value={f.number(summary.startups)} />
					<Stat label={t('page.needingAttention')} value={f.number(summary.needingAttention)} />
					<Stat
						label={t('page.funds')}
						value={f.money(summary.fundsSecuredEurCents)}
						note={
							summary.fundsWithoutRate
								? t('page.missingRates', { count: summary.fundsWithoutRate })
								: t('page.fundsNote')
						}
					/>
					<Stat label={t('page.jobs')} value={f.number(summary.jobs)} note={t('page.jobsNote')} />
				</StatGrid>
			</section>

			<section aria-labelledby="progress-heading">
				<h2 id="progress-heading">{t('page.progress')}</h2>
				{startups.length ? (
					<>
						<p className="muted">
							{t('page.progressLead', { date: f.date(asOf), quarter: lastQuarter })}
						</p>
						<Table className="cohort-progress" caption={t('page.progress')} captionHidden>
							<thead>
								<tr>
									<th scope="col">{t('page.columns.startup')}</th>
									<th scope="col">{t('fields.status')}</th>
									<th scope="col">{t('fields.stage')}</th>
									<th scope="col" className="num">
										{t('page.columns.done')}
									</th>
									<th scope="col" className="num">
										<abbr title={t('page.dueHint')}>{t('page.columns.due')}</abbr>
									</th>
									<th scope="col" className="num">
										<abbr title={t('page.overdueHint')}>{t('page.columns.overdue')}</abbr>
									</th>
									<th scope="col" className="num">
										{t('page.columns.funds')}
									</th>
									<th scope="col" className="num">
										{t('page.columns.jobs')}
									</th>
									<th scope="col">{t('page.columns.attention')}</th>
								</tr>
							</thead>
							<tbody>
								{startups.map((s) => (
									<ProgressRow key={s.id} row={s} lastQuarter={lastQuarter} />
								))}
							</tbody>
						</Table>
					</>
				) : (
					<EmptyState title={t('page.empty')}>{t('page.emptyHint')}</EmptyState>
				)}
			</section>
		</>
	)
}

function ProgressRow({ row, lastQuarter }: { row: CohortProgressRow; lastQuarter: string }) {
	const { t } = useTranslation('cohorts')
	const f = useFormat()
	return (
		<tr className={row.needsAttention ? 'needs-attention' : undefined}>
			<th scope="row">
				<Link to={`/startups/${row.id}`}>{row.name}</Link>
			</th>
			<td>{t(`enums:startupStatuses.${row.status}`)}</td>
			<td>{t(`enums:startupStages.${row.stage}`)}</td>
			<td className="num">{f.number(row.milestonesDone)}</td>
			<td className="num">{f.number(row.milestonesDue)}</td>
			<td className={row.milestonesOverdue ? 'num overdue' : 'num'}>
				{f.number(row.milestonesOverdue)}
			</td>
			<td className="num">
				{f.money(row.fundsSecuredEurCents)}
				{row.fundsWithoutRate ? (
					<span className="cell-note">
						{t('page.missingRates', { count: row.fundsWithoutRate })}
					</span>
				) : null}
			</td>
			<td className="num">
				{row.jobs === null ? (
					<span className="muted">{t('page.noReport')}</span>
				) : (
					<>
						{f.number(row.jobs)}
						<span className="cell-note">
							{t('page.fromReport', { quarter: row.latestKpiQuarter })}
						</span>
					</>
				)}
			</td>
			<td>
				{row.needsAttention ? (
					<>
						<span className="badge badge-attention">{t('page.needsAttention')}</span>
						<ul className="attention-reasons">
							{row.hasOverdueMilestones ? (
								<li>{t('page.reasons.overdue', { count: row.milestonesOverdue })}</li>
							) : null}
							{row.kpiReportMissing ? (
								<li>{t('page.reasons.kpiMissing', { quarter: lastQuarter })}</li>
							) : null}
						</ul>
					</>
				) : row.status === 'incubated' ? (
					<span className="badge badge-ok">{t('page.onTrack')}</span>
				) : row.status === 'applicant' ? (
					t('common:common.none')
				) : (
					<span className="muted">{t('page.notFollowed')}</span>
				)}
			</td>
		</tr>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [data?.cohort.name, t('nav.cohorts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
