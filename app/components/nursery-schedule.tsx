import { useTranslation } from 'react-i18next'
import { fullMonthSplit, scheduleSegments, type SubsidyStep } from '~/utils/rent'
import { useFormat } from '~/utils/use-format'
import { Table } from './data-table'

/**
 * A lease's degressive schedule as a table: each period of lease months, the subsidy, and
 * what each payer pays for a full month at the lease's rent.
 */
export function ScheduleTable({
	steps,
	monthlyRentCents,
	currentMonthIndex,
	caption,
}: {
	steps: readonly SubsidyStep[]
	monthlyRentCents: number
	currentMonthIndex?: number | null
	caption: string
}) {
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const segments = scheduleSegments(steps)
	return (
		<Table className="schedule-table" caption={caption}>
			<thead>
				<tr>
					<th scope="col">{t('schedule.months')}</th>
					<th scope="col">{t('schedule.subsidy')}</th>
					<th scope="col" className="num">
						{t('schedule.capCalaisisFullMonth')}
					</th>
					<th scope="col" className="num">
						{t('schedule.startupFullMonth')}
					</th>
				</tr>
			</thead>
			<tbody>
				{segments.map((segment) => {
					const split = fullMonthSplit(monthlyRentCents, segment.step)
					const current =
						currentMonthIndex != null &&
						currentMonthIndex >= segment.fromMonth &&
						(segment.toMonth === null || currentMonthIndex <= segment.toMonth)
					return (
						<tr key={segment.fromMonth} className={current ? 'row-current' : undefined}>
							<th scope="row">
								{segment.toMonth === null
									? t('schedule.fromMonth', { from: segment.fromMonth })
									: t('schedule.monthRange', { from: segment.fromMonth, to: segment.toMonth })}
								{current ? (
									<span className="badge badge-ok">
										{t('schedule.now', { month: currentMonthIndex })}
									</span>
								) : null}
							</th>
							<td>
								{segment.step === null
									? t('schedule.none')
									: segment.step.kind === 'percent'
										? t('schedule.percent', {
												percent: f.percent(segment.step.percentBasisPoints ?? 0),
											})
										: t('schedule.fixed', { amount: f.money(segment.step.amountCents ?? 0) })}
							</td>
							<td className="num">{f.money(split.subsidyCents)}</td>
							<td className="num">{f.money(split.startupShareCents)}</td>
						</tr>
					)
				})}
			</tbody>
		</Table>
	)
}
