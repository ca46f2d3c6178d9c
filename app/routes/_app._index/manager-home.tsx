import { ActivityList } from '~/components/activity-list'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { getManagerHome } from '~/models/home.server'
import { useFormat } from '~/utils/use-format'

type Home = NonNullable<ReturnType<typeof getManagerHome>>

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
					<Stat
						label={t('enums:startupStatuses.incubated')}
						value={<Link to="/startups?status=incubated">{f.number(byStatus('incubated'))}</Link>}
					/>
					<Stat
						label={t('enums:startupStatuses.applicant')}
						value={<Link to="/startups?status=applicant">{f.number(byStatus('applicant'))}</Link>}
					/>
					<Stat
						label={t('enums:startupStatuses.graduated')}
						value={<Link to="/startups?status=graduated">{f.number(byStatus('graduated'))}</Link>}
					/>
					<Stat
						label={t('enums:startupStatuses.left')}
						value={<Link to="/startups?status=left">{f.number(byStatus('left'))}</Link>}
					/>
					<Stat
						label={t('home.cohorts')}
						value={<Link to="/cohorts">{f.number(home.cohorts)}</Link>}
					/>
					<Stat
						label={t('home.activeMentors')}
						value={<Link to="/mentors">{f.number(home.mentors)}</Link>}
					/>
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
					<Stat
						label={t('home.publicFunds')}
						value={<Link to="/funding">{f.money(home.funds.publicEurCents)}</Link>}
					/>
					<Stat
						label={t('home.occupancy')}
						value={`${home.units.occupied} / ${home.units.total}`}
						note={t('home.unitsOccupied')}
					/>
					<Stat
						label={t('home.arrearsStartups')}
						value={<Link to="/nursery/arrears">{f.money(home.arrears.startupCents)}</Link>}
					/>
					<Stat
						label={t('home.arrearsSubsidy')}
						value={<Link to="/nursery/arrears">{f.money(home.arrears.subsidyCents)}</Link>}
					/>
					<Stat
						label={t('home.overdueMilestones')}
						value={<Link to="/funding/follow-up">{f.number(home.overdueMilestones)}</Link>}
					/>
				</StatGrid>
			</section>
			<section aria-labelledby="activity-heading">
				<h2 id="activity-heading">{t('home.recentActivity')}</h2>
				{home.recentActivity.length ? (
					<ActivityList entries={home.recentActivity} />
				) : (
					<EmptyState title={t('home.noActivity')}>
						{home.otherAccounts ? (
							<Link to="/startups/new">{t('home.noActivityStartups')}</Link>
						) : (
							<Link to="/users/new">{t('home.noActivityHint')}</Link>
						)}
					</EmptyState>
				)}
			</section>
		</>
	)
}
