import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/utils/use-format'
import { Table } from './data-table'

export type StatementTableRow = {
	id: number
	month: string
	startupName: string
	unitCode: string
	rentCents: number
	subsidyCents: number
	startupShareCents: number
	creditedSubsidyCents: number
	creditedStartupCents: number
	paidSubsidyCents: number
	paidStartupCents: number
	outstandingSubsidyCents: number
	outstandingStartupCents: number
	dueOn: string
}

type Totals = Omit<StatementTableRow, 'id' | 'month' | 'startupName' | 'unitCode' | 'dueOn'>

/**
 * Statements with both shares, credit notes, payments and what is still due per payer.
 * The totals row is the sum of the rows shown, to the cent.
 */
export function StatementTable({
	rows,
	totals,
	caption,
	first,
	linkTo,
}: {
	rows: readonly StatementTableRow[]
	totals: Totals
	caption: string
	/** what names a row: its month (one lease or startup) or its startup (one month) */
	first: 'month' | 'startup'
	linkTo: (row: StatementTableRow) => string
}) {
	const { t } = useTranslation('nursery')
	const f = useFormat()
	return (
		<Table className="statement-table" caption={caption} captionHidden>
			<thead>
				<tr>
					<th scope="col">{first === 'month' ? t('columns.month') : t('columns.startup')}</th>
					<th scope="col">{t('columns.unit')}</th>
					<th scope="col" className="num">
						{t('columns.rent')}
					</th>
					<th scope="col" className="num">
						{t('columns.subsidyShare')}
					</th>
					<th scope="col" className="num">
						{t('columns.startupShare')}
					</th>
					<th scope="col" className="num">
						{t('columns.credited')}
					</th>
					<th scope="col" className="num">
						{t('columns.paidByCap')}
					</th>
					<th scope="col" className="num">
						{t('columns.paidByStartup')}
					</th>
					<th scope="col" className="num">
						{t('columns.dueByCap')}
					</th>
					<th scope="col" className="num">
						{t('columns.dueByStartup')}
					</th>
					<th scope="col">{t('columns.dueOn')}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.id}>
						<th scope="row">
							<Link to={linkTo(row)}>
								{first === 'month' ? f.month(row.month) : row.startupName}
							</Link>
						</th>
						<td>{row.unitCode}</td>
						<td className="num">{f.money(row.rentCents)}</td>
						<td className="num">{f.money(row.subsidyCents)}</td>
						<td className="num">{f.money(row.startupShareCents)}</td>
						<td className="num">{f.money(row.creditedSubsidyCents + row.creditedStartupCents)}</td>
						<td className="num">{f.money(row.paidSubsidyCents)}</td>
						<td className="num">{f.money(row.paidStartupCents)}</td>
						<td className="num">{f.money(row.outstandingSubsidyCents)}</td>
						<td className="num">{f.money(row.outstandingStartupCents)}</td>
						<td>{f.date(row.dueOn)}</td>
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<th scope="row" colSpan={2}>
						{t('columns.total')}
					</th>
					<td className="num">{f.money(totals.rentCents)}</td>
					<td className="num">{f.money(totals.subsidyCents)}</td>
					<td className="num">{f.money(totals.startupShareCents)}</td>
					<td className="num">
						{f.money(totals.creditedSubsidyCents + totals.creditedStartupCents)}
					</td>
					<td className="num">{f.money(totals.paidSubsidyCents)}</td>
					<td className="num">{f.money(totals.paidStartupCents)}</td>
					<td className="num">{f.money(totals.outstandingSubsidyCents)}</td>
					<td className="num">{f.money(totals.outstandingStartupCents)}</td>
					<td />
				</tr>
			</tfoot>
		</Table>
	)
}
