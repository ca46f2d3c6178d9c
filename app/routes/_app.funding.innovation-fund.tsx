import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Leverage } from '~/components/funding-leverage'
import { FundingNav } from '~/components/funding-nav'
import { ExplainedStat, HowComputed } from '~/components/how-computed'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { getInnovationFundView } from '~/models/funding.server'
import { requireUser } from '~/utils/auth.server'
import { forbidden } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const view = getInnovationFundView({ viewer: user })
	if (!view) throw forbidden('read:funding:any')
	return { ...view, manager: can(user, 'read:funding:any') }
}

export default function InnovationFundPage() {
	const { envelopeCents, grants, years, totals, pending, portfolio, manager } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('funding')
	const f = useFormat()
	return (
		<>
			<div className="page-header">
				<h1>{t('fund.title')}</h1>
			</div>
			<FundingNav manager={manager} />
			<p className="lead">{t('fund.lead', { envelope: f.money(envelopeCents) })}</p>

			<section aria-labelledby="fund-totals">
				<h2 id="fund-totals" className="visually-hidden">
					{t('fund.totals')}
				</h2>
				<StatGrid>
					<Stat
						label={t('fund.granted')}
						value={f.money(totals.grantedCents)}
						note={t('fund.grantsCount', { count: totals.grants })}
					/>
					<ExplainedStat
						label={t('fund.triggered')}
						value={f.money(totals.triggeredCents)}
						note={t('fund.triggeredEvents', { count: totals.triggeredEvents })}
						how={t('fund.how.triggered')}
					/>
					<Stat
						label={t('fund.leverage')}
						value={<Leverage value={totals.leverage} />}
						note={t('fund.leverageNote')}
					/>
					<Stat
						label={t('portfolio.leverage')}
						value={<Leverage value={portfolio.leverage} />}
						note={t('fund.portfolioNote', {
							privateAndBank: f.money(portfolio.privateAndBankCents),
							public: f.money(portfolio.publicCents),
						})}
					/>
				</StatGrid>
				{pending.count ? (
					<div>
						<p>{t('fund.pending', { count: pending.count, amount: f.money(pending.cents) })}</p>
						<HowComputed figure={t('fund.pendingFigure')}>{t('fund.how.pending')}</HowComputed>
					</div>
				) : null}
				{totals.missingRates || portfolio.missingRates ? (
					<p className="notice notice-warning">
						{t('portfolio.missingRates', {
							count: Math.max(totals.missingRates, portfolio.missingRates),
						})}
					</p>
				) : null}
			</section>

			<section aria-labelledby="fund-years">
				<h2 id="fund-years">{t('fund.byYear')}</h2>
				<Table caption={t('fund.byYear')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('fund.year')}</th>
							<th scope="col" className="num">
								{t('fund.grants')}
							</th>
							<th scope="col" className="num">
								{t('fund.granted')}
							</th>
							<th scope="col" className="num">
								{t('fund.envelope')}
							</th>
							<th scope="col">{t('fund.used')}</th>
							<th scope="col" className="num">
								{t('fund.remaining')}
							</th>
							<th scope="col" className="num">
								{t('fund.triggered')}
							</th>
							<th scope="col" className="num">
								{t('fund.leverage')}
							</th>
						</tr>
					</thead>
					<tbody>
						{years.map((y) => {
							const share = y.grantedCents / y.envelopeCents
							return (
								<tr key={y.year} className={y.remainingCents < 0 ? 'row-warning' : undefined}>
									<th scope="row">{y.year}</th>
									<td className="num">{f.number(y.grants)}</td>
									<td className="num">{f.money(y.grantedCents)}</td>
									<td className="num">{f.money(y.envelopeCents)}</td>
									<td>
										<span className="envelope-bar" aria-hidden="true">
											<span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
										</span>{' '}
										{t('fund.percent', { value: Math.round(share * 100) })}
									</td>
									<td className="num">
										{f.money(y.remainingCents)}
										{y.remainingCents < 0 ? (
											<span className="badge badge-warning">{t('fund.over')}</span>
										) : null}
									</td>
									<td className="num">{f.money(y.triggeredCents)}</td>
									<td className="num">
										<Leverage value={y.leverage} />
									</td>
								</tr>
							)
						})}
					</tbody>
				</Table>
				<HowComputed figure={t('fund.byYear')}>{t('fund.how.byYear')}</HowComputed>
			</section>

			<section aria-labelledby="fund-grants">
				<h2 id="fund-grants">{t('fund.grantsTitle')}</h2>
				{grants.length ? (
					<Table className="fund-grants" caption={t('fund.grantsTitle')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fund.grantedOn')}</th>
								<th scope="col">{t('common:fields.startup')}</th>
								<th scope="col" className="num">
									{t('fund.granted')}
								</th>
								<th scope="col" className="num">
									{t('fund.triggered')}
								</th>
								<th scope="col" className="num">
									{t('fund.leverage')}
								</th>
								<th scope="col">{t('fund.chain')}</th>
							</tr>
						</thead>
						<tbody>
							{grants.map((g) => (
								<tr key={g.id} id={`grant-${g.id}`}>
									<td>{g.securedOn ? f.date(g.securedOn) : '—'}</td>
									<th scope="row">
										<Link to={`/startups/${g.startupId}`}>{g.startupName}</Link>
									</th>
									<td className="num">{f.money(g.grantedCents)}</td>
									<td className="num">
										{f.money(g.triggeredCents)}
										{g.missingRates ? (
											<span className="badge badge-warning">{t('rates.missing')}</span>
										) : null}
										{g.countedUnder ? (
											<span className="counted-under">
												<a href={`#grant-${g.countedUnder.id}`}>
													{t('fund.countedUnder', {
														startup: g.countedUnder.startupName,
														date: g.countedUnder.date ? f.date(g.countedUnder.date) : '—',
													})}
												</a>
											</span>
										) : null}
									</td>
									<td className="num">
										<Leverage value={g.leverage} />
									</td>
									<td>
										{g.chain.length ? (
											<details>
												<summary>{t('fund.chainSummary', { count: g.chain.length })}</summary>
												<ul className="chain">
													{g.chain.map((e) => (
														<li
															key={e.id}
															className={e.notCounted ? 'muted' : undefined}
															// a grant below a grant and what it triggered sit under it
															style={{ marginInlineStart: `${e.depth - 1}rem` }}
														>
															{e.depth > 1 ? <span aria-hidden="true">↳ </span> : null}
															{t(`enums:fundingKinds.${e.kind}`)}
															{e.source ? ` — ${e.source}` : ''} ({e.startupName}):{' '}
															{e.amountEurCents === null
																? f.money(e.amountCents, e.currency)
																: f.money(e.amountEurCents)}
															, {t(`enums:fundingStatuses.${e.status}`).toLowerCase()}
															{e.notCounted ? ` — ${t(`fund.notCounted.${e.notCounted}`)}` : ''}
														</li>
													))}
												</ul>
											</details>
										) : (
											<span className="muted">{t('fund.nothingYet')}</span>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('fund.noGrants')} />
				)}
			</section>
			<p className="muted">
				<Link to="/funding?kind=innovation_fund_grant">{t('fund.allEvents')}</Link>
			</p>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('funding:fund.title'), t('nav.funding')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
