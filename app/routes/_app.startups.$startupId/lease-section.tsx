import { useTranslation } from 'react-i18next'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function LeaseSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	const lease = page.lease
	if (!lease) return null
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
		</section>
	)
}
