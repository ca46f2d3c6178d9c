import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ScheduleTable } from '~/components/nursery-schedule'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { getRentAccount } from '~/models/lease.server'
import { requireStartupAccess } from '~/utils/access.server'
import { notFound, parseId } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

/** A startup's leases, schedules and statements: its founders' own view, and the managers'. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const id = parseId(params.startupId, 'startup')
	// another startup's rent is simply not there for a founder (404); mentors and partners never read it (403)
	const user = await requireStartupAccess(request, id, 'read:statement')
	const account = getRentAccount({ startupId: id, viewer: user })
	if (!account) throw notFound('startup', id)
	const { rows, totals, owedCents, overdueCents, asOf } = account.statements
	return {
		startup: account.startup,
		leases: account.leases,
		// the startup's side of each statement; Cap Calaisis's share is shown, not its payments
		statements: rows.map((r) => ({
			id: r.id,
			month: r.month,
			unitCode: r.unitCode,
			rentCents: r.rentCents,
			subsidyCents: r.subsidyCents,
			startupShareCents: r.startupShareCents,
			creditedStartupCents: r.creditedStartupCents,
			paidStartupCents: r.paidStartupCents,
			outstandingStartupCents: r.outstandingStartupCents,
			dueOn: r.dueOn,
			overdue: r.dueOn <= asOf && r.outstandingStartupCents > 0,
		})),
		totals: {
			rentCents: totals.rentCents,
			subsidyCents: totals.subsidyCents,
			startupShareCents: totals.startupShareCents,
			creditedStartupCents: totals.creditedStartupCents,
			paidStartupCents: totals.paidStartupCents,
			outstandingStartupCents: totals.outstandingStartupCents,
		},
		owedCents,
		overdueCents,
		isManager: can(user, 'read:lease:any'),
	}
}

export default function StartupRentPage() {
	const { startup, leases, statements, totals, owedCents, overdueCents, isManager } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>{t('rent.title', { name: startup.name })}</h1>

			<StatGrid>
				<Stat label={t('rent.owed')} value={f.money(owedCents)} note={t('rent.owedNote')} />
				<Stat
					label={t('rent.overdue')}
					value={f.money(overdueCents)}
					note={t('rent.overdueNote')}
				/>
			</StatGrid>

			<section aria-labelledby="leases-heading">
				<h2 id="leases-heading">{t('rent.leases')}</h2>
				{leases.length ? (
					leases.map((lease) => (
						<article key={lease.id} className="panel" aria-label={lease.unitCode}>
							<h3>
								{isManager ? (
									<Link to={`/nursery/leases/${lease.id}`}>
										{t('rent.leaseTitle', { unit: lease.unitCode })}
									</Link>
								) : (
									t('rent.leaseTitle', { unit: lease.unitCode })
								)}{' '}
								<span className={`badge ${lease.running ? 'badge-ok' : 'badge-muted'}`}>
									{lease.running ? t('leases.running') : t('leases.notRunning')}
								</span>
							</h3>
							<p>
								{lease.endDate
									? t('rent.leaseDates', {
											start: f.date(lease.startDate),
											end: f.date(lease.endDate),
											rent: f.money(lease.monthlyRentCents),
										})
									: t('rent.leaseOpen', {
											start: f.date(lease.startDate),
											rent: f.money(lease.monthlyRentCents),
										})}
							</p>
							<ScheduleTable
								steps={lease.steps}
								monthlyRentCents={lease.monthlyRentCents}
								currentMonthIndex={lease.currentMonthIndex}
								caption={t('schedule.caption', { rent: f.money(lease.monthlyRentCents) })}
							/>
						</article>
					))
				) : (
					<EmptyState title={t('rent.noLease')} />
				)}
			</section>

			<section aria-labelledby="rent-statements-heading">
				<h2 id="rent-statements-heading">{t('rent.statements')}</h2>
				{statements.length ? (
					<Table className="rent-table" caption={t('rent.statements')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('columns.month')}</th>
								<th scope="col">{t('columns.unit')}</th>
								<th scope="col" className="num">
									{t('columns.rent')}
								</th>
								<th scope="col" className="num">
									{t('columns.subsidyShare')}
								</th>
								<th scope="col" className="num">
									{t('rent.yourShare')}
								</th>
								<th scope="col" className="num">
									{t('columns.credited')}
								</th>
								<th scope="col" className="num">
									{t('rent.youPaid')}
								</th>
								<th scope="col" className="num">
									{t('rent.stillToPay')}
								</th>
								<th scope="col">{t('columns.dueOn')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('statement.print')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{statements.map((s) => (
								<tr key={s.id} className={s.overdue ? 'row-overdue' : undefined}>
									<th scope="row">{f.month(s.month)}</th>
									<td>{s.unitCode}</td>
									<td className="num">{f.money(s.rentCents)}</td>
									<td className="num">{f.money(s.subsidyCents)}</td>
									<td className="num">{f.money(s.startupShareCents)}</td>
									<td className="num">{f.money(s.creditedStartupCents)}</td>
									<td className="num">{f.money(s.paidStartupCents)}</td>
									<td className="num">
										{f.money(s.outstandingStartupCents)}
										{s.overdue ? (
											<span className="badge badge-warning">{t('rent.overdueBadge')}</span>
										) : null}
									</td>
									<td>{f.date(s.dueOn)}</td>
									<td>
										<Link
											to={`/nursery/statements/${s.id}/print`}
											aria-label={t('rent.printLabel', { month: f.month(s.month) })}
										>
											{t('statement.print')}
										</Link>
									</td>
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
								<td className="num">{f.money(totals.creditedStartupCents)}</td>
								<td className="num">{f.money(totals.paidStartupCents)}</td>
								<td className="num">{f.money(totals.outstandingStartupCents)}</td>
								<td colSpan={2} />
							</tr>
						</tfoot>
					</Table>
				) : (
					<EmptyState title={t('rent.noStatements')} />
				)}
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('nursery:rent.title', { name: data.startup.name }),
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
