import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useQuarterLabel } from '~/components/quarter-label'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { lastFinishedQuarter, quarterEnd } from '~/utils/calendar'
import { useToday } from '~/root'
import { useFormat } from '~/utils/use-format'
import { Table } from '~/components/data-table'

type Props = { page: StartupPage }

export function MilestonesSection({ page }: Props) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	const editable = page.sections.edit
	const base = `/startups/${page.startup.id}/milestones`
	return (
		<>
			<section aria-labelledby="milestones-heading">
				<div className="section-header">
					<h2 id="milestones-heading">{t('page.milestones')}</h2>
					{editable ? (
						<Link to={`${base}/new`} className="button button-small">
							{t('page.addMilestone')}
						</Link>
					) : null}
				</div>
				{page.milestones.length ? (
					<Table caption={t('page.milestones')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('page.milestone')}</th>
								<th scope="col">{t('fields.dueOn')}</th>
								<th scope="col">{t('fields.status')}</th>
								{editable ? (
									<th scope="col">
										<span className="visually-hidden">{t('common:common.edit')}</span>
									</th>
								) : null}
							</tr>
						</thead>
						<tbody>
							{page.milestones.map((m) => (
								<tr key={m.id} className={m.overdue ? 'row-warning' : undefined}>
									<th scope="row">
										{m.title}
										<span className="muted"> · {t(`enums:milestoneKinds.${m.kind}`)}</span>
									</th>
									<td>
										{m.dueOn ? f.date(m.dueOn) : '—'}
										{m.overdue ? (
											<span className="badge badge-warning">{t('page.overdue')}</span>
										) : null}
									</td>
									<td>
										{t(`enums:milestoneStatuses.${m.status}`)}
										{m.doneOn ? ` — ${f.date(m.doneOn)}` : ''}
									</td>
									{editable ? (
										<td>
											<Link to={`${base}/${m.id}`}>
												{t('common:common.edit')}
												<span className="visually-hidden"> {m.title}</span>
											</Link>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('page.noMilestones')}>{t('page.noMilestonesHint')}</EmptyState>
				)}
			</section>
			<KpiPanel page={page} />
		</>
	)
}

/** The quarterly figures: the latest report, and the quarter still owed if there is one. */
function KpiPanel({ page }: Props) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	const quarterLabel = useQuarterLabel()
	const { startup, latestKpi, sections } = page
	const last = lastFinishedQuarter(useToday())
	// the cohort view's rule: a startup in the programme reports every quarter it was here for
	const missing =
		startup.status === 'incubated' &&
		(!startup.enteredOn || startup.enteredOn <= quarterEnd(last)) &&
		(!latestKpi || latestKpi.quarter < last)
	return (
		<section aria-labelledby="kpi-heading">
			<div className="section-header">
				<h2 id="kpi-heading">{t('page.kpis')}</h2>
				{sections.edit ? (
					<>
						<Link to={`/startups/${startup.id}/kpis`} className="button button-small">
							{missing ? t('page.submitKpi') : t('page.kpiReports')}
						</Link>{' '}
						<Link to={`/import/kpis?startup=${startup.id}`} className="button button-small">
							{t('startups:importFrom.kpis')}
						</Link>
					</>
				) : null}
			</div>
			{missing ? (
				<p className="notice notice-warning">
					{t('page.kpiMissing', { quarter: quarterLabel(last) })}
				</p>
			) : null}
			{latestKpi ? (
				<p>
					{t('page.latestKpi', {
						quarter: quarterLabel(latestKpi.quarter),
						employees: f.number(latestKpi.employees),
						revenue: f.money(latestKpi.revenueCents),
						ukCustomers: f.number(latestKpi.ukCustomers),
					})}
				</p>
			) : (
				<EmptyState title={t('page.noKpi')} />
			)}
		</section>
	)
}
