import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

/** The unit, its schedule and what the startup owes; links to the full rent account. */
export function LeaseSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	const lease = page.lease
	if (!lease) return null
	const manager = page.sections.changeStatus
	return (
		<section aria-labelledby="lease-heading" className="panel">
			<h2 id="lease-heading">{t('page.lease')}</h2>
			{lease.lease ? (
				<>
					<p>
						{t('page.leaseLine', {
							unit: lease.lease.unitCode,
							rent: f.money(lease.lease.monthlyRentCents),
							since: f.date(lease.lease.startDate),
						})}
						{lease.lease.endDate ? (
							<> {t('nursery:panel.until', { date: f.date(lease.lease.endDate) })}</>
						) : null}
					</p>
					{lease.steps.length ? (
						<ul className="list">
							{lease.steps.map((s) => (
								<li key={s.fromMonth}>
									{s.toMonth
										? t('page.stepMonths', { from: s.fromMonth, to: s.toMonth })
										: t('page.stepFrom', { from: s.fromMonth })}
									{' : '}
									{s.kind === 'percent'
										? t('page.stepPercent', { percent: (s.percentBasisPoints ?? 0) / 100 })
										: t('page.stepFixed', { amount: f.money(s.amountCents ?? 0) })}
								</li>
							))}
						</ul>
					) : null}
				</>
			) : (
				<p className="muted">{t('page.noLease')}</p>
			)}
			<p className={lease.balanceCents > 0 ? 'balance balance-due' : 'balance'}>
				{lease.balanceCents > 0
					? t('page.balanceDue', { amount: f.money(lease.balanceCents) })
					: t('page.balanceClear')}
			</p>
			{lease.owedCents !== lease.balanceCents ? (
				<p className="muted" data-testid="rent-owed">
					{t('nursery:panel.owed', { amount: f.money(lease.owedCents) })}
				</p>
			) : null}
			{lease.recentStatements.length ? (
				<ul className="list">
					{lease.recentStatements.map((s) => (
						<li key={s.id}>
							{t('nursery:panel.statementLine', {
								month: f.month(s.month),
								share: f.money(s.startupShareCents),
								due: f.date(s.dueOn),
							})}
							{s.outstandingCents > 0
								? ` — ${t('nursery:panel.remaining', { amount: f.money(s.outstandingCents) })}`
								: ` — ${t('nursery:panel.paid')}`}
						</li>
					))}
				</ul>
			) : null}
			<p className="actions">
				<Link to={`/startups/${page.startup.id}/rent`} className="button button-small">
					{t('nursery:panel.allStatements')}
				</Link>
				{manager && lease.lease ? (
					<Link to={`/nursery/leases/${lease.lease.id}`} className="button button-small">
						{t('nursery:panel.leasePage')}
					</Link>
				) : null}
			</p>
		</section>
	)
}
