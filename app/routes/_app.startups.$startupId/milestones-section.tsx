import { useTranslation } from 'react-i18next'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function MilestonesSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	return (
		<section aria-labelledby="milestones-heading">
			<h2 id="milestones-heading">{t('page.milestones')}</h2>
			{page.milestones.length ? (
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('page.milestone')}</th>
							<th scope="col">{t('page.due')}</th>
							<th scope="col">{t('common:fields.status')}</th>
						</tr>
					</thead>
					<tbody>
						{page.milestones.map((m) => (
							<tr key={m.id} className={m.overdue ? 'row-warning' : undefined}>
								<th scope="row">{m.title}</th>
								<td>
									{m.dueOn ? f.date(m.dueOn) : '—'}
									{m.overdue ? (
										<span className="badge badge-warning"> {t('page.overdue')}</span>
									) : null}
								</td>
								<td>
									{t(`milestoneStatuses.${m.status}`)}
									{m.doneOn ? ` — ${f.date(m.doneOn)}` : ''}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<EmptyState title={t('page.noMilestones')}>{t('page.noMilestonesHint')}</EmptyState>
			)}
		</section>
	)
}
