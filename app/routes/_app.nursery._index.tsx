import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OccupancyChart } from '~/components/charts/occupancy-chart'
import { Pagination, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { countUnits, listUnits, occupancyHistory } from '~/models/nursery.server'
import { requirePermission } from '~/utils/access.server'
import { parseListParams } from '~/utils/list-params'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	const { page, perPage } = parseListParams(new URL(request.url).searchParams, ['code'], {
		sort: 'code',
	})
	// one page of units; the counts are the whole building's
	const units = listUnits({ viewer: user, page: { page, perPage } })
	const { total, occupied } = countUnits({ viewer: user })
	const history = occupancyHistory({ viewer: user })
	return { units, total, occupied, history, page, perPage }
}

/** Occupied ÷ total in basis points (to 0,01 %), null for a building with no unit. */
function rate(occupied: number, total: number) {
	return total ? Math.round((occupied * 10_000) / total) : null
}

export default function NurseryPage() {
	const { units, total, occupied, history, page, perPage } = useLoaderData<typeof loader>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const todayRate = rate(occupied, total)
	return (
		<>
			<div className="page-header">
				<div>
					<h1>{t('title')}</h1>
					<p className="lead">{t('lead')}</p>
				</div>
				<div className="actions">
					<Link to="/nursery/statements" className="button">
						{t('nav.statements')}
					</Link>
					<Link to="/nursery/arrears" className="button">
						{t('nav.arrears')}
					</Link>
					<Link to="/nursery/subsidy" className="button">
						{t('nav.subsidy')}
					</Link>
				</div>
			</div>

			<StatGrid>
				<Stat label={t('units.count')} value={f.number(total)} />
				<Stat label={t('units.occupiedToday')} value={f.number(occupied)} />
				<Stat label={t('units.free')} value={f.number(total - occupied)} />
				<Stat
					label={t('units.occupancyRate')}
					value={todayRate === null ? '—' : f.percent(todayRate)}
				/>
			</StatGrid>

			<section aria-labelledby="units-heading">
				<div className="page-header">
					<h2 id="units-heading">{t('units.title')}</h2>
					<div className="actions">
						<Link to="/nursery/units/new" className="button">
							{t('units.new')}
						</Link>
						<Link to="/nursery/leases/new" className="button button-primary">
							{t('leases.new')}
						</Link>
					</div>
				</div>
				{units.length ? (
					<>
						<Table className="units-table" caption={t('units.title')} captionHidden>
							<thead>
								<tr>
									<th scope="col">{t('units.code')}</th>
									<th scope="col" className="num">
										{t('units.floor')}
									</th>
									<th scope="col">{t('units.kind')}</th>
									<th scope="col" className="num">
										{t('units.area')}
									</th>
									<th scope="col" className="num">
										{t('units.desks')}
									</th>
									<th scope="col" className="num">
										{t('units.marketRent')}
									</th>
									<th scope="col">{t('units.occupant')}</th>
									<th scope="col">
										<span className="visually-hidden">{t('units.actions')}</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{units.map((u) => (
									<tr key={u.id}>
										<th scope="row">{u.code}</th>
										<td className="num">{f.number(u.floor)}</td>
										<td>{t(`enums:unitKinds.${u.kind}`)}</td>
										<td className="num">{f.number(u.areaM2)}</td>
										<td className="num">{f.number(u.desks)}</td>
										<td className="num">{f.money(u.marketRentCents)}</td>
										<td>
											{u.leaseId ? (
												<>
													<Link to={`/nursery/leases/${u.leaseId}`}>{u.startupName}</Link>
													{u.leaseEndDate ? (
														<span className="muted">
															{' '}
															{t('units.until', { date: f.date(u.leaseEndDate) })}
														</span>
													) : null}
												</>
											) : (
												<span className="badge badge-muted">{t('units.vacant')}</span>
											)}
										</td>
										<td>
											<span className="row-actions">
												<Link
													to={`/nursery/units/${u.id}/edit`}
													className="button button-small"
													aria-label={t('units.editLabel', { code: u.code })}
												>
													{t('common:common.edit')}
												</Link>
												{u.leaseId ? null : (
													<Link
														to={`/nursery/leases/new?unitId=${u.id}`}
														className="button button-small"
														aria-label={t('units.signLabel', { code: u.code })}
													>
														{t('units.sign')}
													</Link>
												)}
											</span>
										</td>
									</tr>
								))}
							</tbody>
						</Table>
						<Pagination
							page={page}
							perPage={perPage}
							total={total}
							pageCount={Math.max(1, Math.ceil(total / perPage))}
						/>
					</>
				) : (
					<EmptyState title={t('units.empty')}>{t('units.emptyHint')}</EmptyState>
				)}
			</section>

			<section aria-labelledby="occupancy-heading">
				<h2 id="occupancy-heading">{t('occupancy.title')}</h2>
				<p className="muted">{t('occupancy.lead', { units: history.totalUnits })}</p>
				<OccupancyChart
					data={history.months.map((m) => ({
						label: f.month(m.month, 'short'),
						occupied: m.occupied,
					}))}
					totalUnits={history.totalUnits}
					occupiedLabel={t('occupancy.occupied')}
				/>
				<details className="occupancy-details">
					<summary>{t('occupancy.table')}</summary>
					<Table className="occupancy-table" caption={t('occupancy.table')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('columns.month')}</th>
								<th scope="col" className="num">
									{t('occupancy.occupied')}
								</th>
								<th scope="col" className="num">
									{t('occupancy.units')}
								</th>
								<th scope="col" className="num">
									{t('occupancy.rate')}
								</th>
							</tr>
						</thead>
						<tbody>
							{history.months.map((m) => {
								const r = rate(m.occupied, history.totalUnits)
								return (
									<tr key={m.month}>
										<th scope="row">{f.month(m.month)}</th>
										<td className="num">{f.number(m.occupied)}</td>
										<td className="num">{f.number(history.totalUnits)}</td>
										<td className="num">{r === null ? '—' : f.percent(r)}</td>
									</tr>
								)
							})}
						</tbody>
					</Table>
				</details>
			</section>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('nursery:title'), t('nav.nursery')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
