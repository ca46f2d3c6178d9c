import { ActivityList } from '~/components/activity-list'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { getManagerHome } from '~/models/home.server'
import { useFormat } from '~/utils/use-format'

type Home = ReturnType<typeof getManagerHome>

export function ManagerHome({ home }: { home: Home }) {
	const { t } = useTranslation()
	const f = useFormat()
	const byStatus = (status: string) => home.byStatus.find((s) => s.status === status)?.n ?? 0
	return (
		<>
			<h1>{t('home.manager.title')}</h1>
			<p className="lead">{t('home.manager.lead')}</p>
			<section aria-labelledby="portfolio-heading">
				<h2 id="portfolio-heading">{t('home.portfolio')}</h2>
				<StatGrid>
					<Stat label={t('statuses.incubated')} value={f.number(byStatus('incubated'))} />
					<Stat label={t('statuses.applicant')} value={f.number(byStatus('applicant'))} />
					<Stat label={t('statuses.graduated')} value={f.number(byStatus('graduated'))} />
					<Stat label={t('statuses.left')} value={f.number(byStatus('left'))} />
					<Stat label={t('home.cohorts')} value={f.number(home.cohorts)} />
					<Stat label={t('home.activeMentors')} value={f.number(home.mentors)} />
				</StatGrid>
			</section>
			<section aria-labelledby="money-heading">
				<h2 id="money-heading">{t('home.moneyAndRent')}</h2>
				<StatGrid>
					<Stat
						label={t('home.fundsSecured')}
						value={f.money(home.funds.totalEurCents)}
						note={
							home.funds.missingRates
								? t('home.missingRates', { count: home.funds.missingRates })
								: undefined
						}
					/>
					<Stat label={t('home.publicFunds')} value={f.money(home.funds.publicEurCents)} />
					<Stat
						label={t('home.occupancy')}
						value={`${home.units.occupied} / ${home.units.total}`}
						note={t('home.unitsOccupied')}
					/>
					<Stat label={t('home.arrearsStartups')} value={f.money(home.arrears.startupCents)} />
					<Stat label={t('home.arrearsSubsidy')} value={f.money(home.arrears.subsidyCents)} />
					<Stat label={t('home.overdueMilestones')} value={f.number(home.overdueMilestones)} />
				</StatGrid>
			</section>
			<section aria-labelledby="activity-heading">
				<h2 id="activity-heading">{t('home.recentActivity')}</h2>
				{home.recentActivity.length ? (
					<ActivityList entries={home.recentActivity} />
				) : (
					<EmptyState title={t('home.noActivity')}>
						<Link to="/users">{t('home.noActivityHint')}</Link>
					</EmptyState>
				)}
			</section>
		</>
	)
}
