import { useTranslation } from 'react-i18next'
import { useFormat } from '~/utils/use-format'
import { Duration } from './mentor-format'
import { Table } from './data-table'

type Totals = { sessions: number; minutes: number }

/** Hours month by month: the hours table, one row a month. */
export function MonthTable({
	rows,
	caption,
}: {
	rows: (Totals & { month: string })[]
	caption: string
}) {
	const { t } = useTranslation('mentors')
	const f = useFormat()
	return (
		<HoursTable
			rows={rows.map((r) => ({ ...r, key: r.month, label: f.month(r.month) }))}
			caption={caption}
			header={t('hours.month')}
		/>
	)
}

/** Hours per mentor or per startup, with a total that is the sum of the rows. */
export function HoursTable({
	rows,
	caption,
	header,
	empty,
}: {
	rows: (Totals & { key: number | string; label: React.ReactNode })[]
	caption: string
	header: string
	/** what to say instead of an empty table; without it, the table shows its zero total */
	empty?: string
}) {
	const { t } = useTranslation('mentors')
	const f = useFormat()
	if (!rows.length && empty) return <p className="muted">{empty}</p>
	const total = rows.reduce((sum, r) => sum + r.minutes, 0)
	const sessions = rows.reduce((sum, r) => sum + r.sessions, 0)
	return (
		<Table className="hours-table" caption={caption}>
			<thead>
				<tr>
					<th scope="col">{header}</th>
					<th scope="col" className="num">
						{t('hours.sessions')}
					</th>
					<th scope="col" className="num">
						{t('hours.hours')}
					</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((r) => (
					<tr key={r.key}>
						<th scope="row">{r.label}</th>
						<td className="num">{f.number(r.sessions)}</td>
						<td className="num">
							<Duration minutes={r.minutes} />
						</td>
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<th scope="row">{t('hours.total')}</th>
					<td className="num">{f.number(sessions)}</td>
					<td className="num">
						<Duration minutes={total} />
					</td>
				</tr>
			</tfoot>
		</Table>
	)
}
