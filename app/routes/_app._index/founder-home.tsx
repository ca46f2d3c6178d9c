import { useTranslation } from 'react-i18next'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { getFounderHome } from '~/models/home.server'
import { useFormat } from '~/utils/use-format'

type Home = NonNullable<ReturnType<typeof getFounderHome>>

export function FounderHome({ home }: { home: Home }) {
	const { t, i18n } = useTranslation()
	const f = useFormat()
	const { startup } = home
	// the pitch in the reader's language, falling back to the other one
	const pitch =
		i18n.language === 'en' ? startup.pitchEn || startup.pitchFr : startup.pitchFr || startup.pitchEn
	return (
		<>
			<p className="eyebrow">{t('home.founder.eyebrow')}</p>
			<h1>{startup.name}</h1>
			{pitch ? <p className="lead">{pitch}</p> : null}
			<StatGrid>
				<Stat label={t('fields.status')} value={t(`statuses.${startup.status}`)} />
				<Stat label={t('fields.stage')} value={t(`stages.${startup.stage}`)} />
				<Stat label={t('fields.cohort')} value={startup.cohortName ?? '—'} />
				<Stat label={t('fields.sector')} value={startup.sector} />
			</StatGrid>
			<div className="columns">
				<section aria-labelledby="milestones-heading">
					<h2 id="milestones-heading">{t('home.founder.nextMilestones')}</h2>
					{home.milestones.length ? (
						<ul className="list">
							{home.milestones.map((m) => (
								<li key={m.id} className={m.overdue ? 'overdue' : undefined}>
									<span>{m.title}</span>{' '}
									<span className="muted">
										{m.dueOn ? f.date(m.dueOn) : t('home.founder.noDueDate')}
										{m.overdue ? ` — ${t('home.founder.overdue')}` : ''}
									</span>
								</li>
							))}
						</ul>
					) : (
						<EmptyState title={t('home.founder.noMilestones')}>
							{t('home.founder.noMilestonesHint')}
						</EmptyState>
					)}
				</section>
				<section aria-labelledby="lease-heading">
					<h2 id="lease-heading">{t('home.founder.lease')}</h2>
					{home.lease ? (
						<p>
							{t('home.founder.leaseLine', {
								unit: home.lease.unitCode,
								rent: f.money(home.lease.monthlyRentCents),
								since: f.date(home.lease.startDate),
							})}
						</p>
					) : (
						<EmptyState title={t('home.founder.noLease')}>
							{t('home.founder.noLeaseHint')}
						</EmptyState>
					)}
					<h2>{t('home.founder.mentors')}</h2>
					{home.mentors.length ? (
						<ul className="list">
							{home.mentors.map((m) => (
								<li key={m.id}>
									{m.name} <span className="muted">— {m.organisation}</span>
								</li>
							))}
						</ul>
					) : (
						<EmptyState title={t('home.founder.noMentors')}>
							{t('home.founder.noMentorsHint')}
						</EmptyState>
					)}
					<h2>{t('home.founder.team')}</h2>
					{home.team.length ? (
						<ul className="list">
							{home.team.map((m) => (
								<li key={m.id}>
									{m.name} <span className="muted">— {m.role}</span>
								</li>
							))}
						</ul>
					) : (
						<EmptyState title={t('home.founder.noTeam')} />
					)}
				</section>
			</div>
		</>
	)
}
