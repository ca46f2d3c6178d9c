import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useNurseryFormat } from '~/components/nursery-format'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { getArrears } from '~/models/statement.server'
import { requirePermission } from '~/utils/auth.server'
import { AGEING_BUCKETS } from '~/utils/rent'
import { useFormat } from '~/utils/use-format'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	return getArrears({ viewer: user })
}

export default function ArrearsPage() {
	const { asOf, rows, byPayer, total, statements } = useLoaderData<typeof loader>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const nf = useNurseryFormat()
	const header = (
		<tr>
			<th scope="col">{t('arrears.who')}</th>
			{AGEING_BUCKETS.map((b) => (
				<th scope="col" className="num" key={b}>
					{t(`arrears.buckets.${b}`)}
				</th>
			))}
			<th scope="col" className="num">
				{t('columns.total')}
			</th>
		</tr>
	)
	return (
		<>
			<p className="breadcrumb">
				<Link to="/nursery">{t('title')}</Link>
			</p>
			<h1>{t('arrears.title')}</h1>
			<p className="lead">{t('arrears.lead', { date: f.date(asOf) })}</p>

			<StatGrid>
				{byPayer.map((p) => (
					<Stat
						key={p.payer}
						label={t(`arrears.owedBy.${p.payer}`)}
						value={f.money(p.totalCents)}
					/>
				))}
				<Stat label={t('arrears.total')} value={f.money(total.totalCents)} />
			</StatGrid>

			{rows.length ? (
				<>
					<section aria-labelledby="by-startup-heading">
						<h2 id="by-startup-heading">{t('arrears.byStartup')}</h2>
						<div className="table-scroll">
							<table className="table arrears-table">
								<caption className="visually-hidden">{t('arrears.byStartup')}</caption>
								<thead>{header}</thead>
								<tbody>
									{rows.map((r) => (
										<tr key={`${r.startupId}:${r.payer}`}>
											<th scope="row">
												{r.startupName} · {t(`payers.${r.payer}`)}
											</th>
											{AGEING_BUCKETS.map((b) => (
												<td className="num" key={b}>
													{f.money(r.buckets[b])}
												</td>
											))}
											<td className="num">{f.money(r.totalCents)}</td>
										</tr>
									))}
								</tbody>
								<tfoot>
									<tr>
										<th scope="row">{t('columns.total')}</th>
										{AGEING_BUCKETS.map((b) => (
											<td className="num" key={b}>
												{f.money(total.buckets[b])}
											</td>
										))}
										<td className="num">{f.money(total.totalCents)}</td>
									</tr>
								</tfoot>
							</table>
						</div>
					</section>

					<section aria-labelledby="by-payer-heading">
						<h2 id="by-payer-heading">{t('arrears.byPayer')}</h2>
						<div className="table-scroll">
							<table className="table">
								<caption className="visually-hidden">{t('arrears.byPayer')}</caption>
								<thead>{header}</thead>
								<tbody>
									{byPayer.map((p) => (
										<tr key={p.payer}>
											<th scope="row">{t(`payers.${p.payer}`)}</th>
											{AGEING_BUCKETS.map((b) => (
												<td className="num" key={b}>
													{f.money(p.buckets[b])}
												</td>
											))}
											<td className="num">{f.money(p.totalCents)}</td>
										</tr>
									))}
								</tbody>
								<tfoot>
									<tr>
										<th scope="row">{t('columns.total')}</th>
										{AGEING_BUCKETS.map((b) => (
											<td className="num" key={b}>
												{f.money(total.buckets[b])}
											</td>
										))}
										<td className="num">{f.money(total.totalCents)}</td>
									</tr>
								</tfoot>
							</table>
						</div>
					</section>

					<section aria-labelledby="overdue-heading">
						<h2 id="overdue-heading">{t('arrears.statements')}</h2>
						<div className="table-scroll">
							<table className="table">
								<caption className="visually-hidden">{t('arrears.statements')}</caption>
								<thead>
									<tr>
										<th scope="col">{t('columns.startup')}</th>
										<th scope="col">{t('columns.month')}</th>
										<th scope="col">{t('columns.payer')}</th>
										<th scope="col">{t('columns.dueOn')}</th>
										<th scope="col" className="num">
											{t('arrears.daysPastDue')}
										</th>
										<th scope="col" className="num">
											{t('columns.outstanding')}
										</th>
									</tr>
								</thead>
								<tbody>
									{statements.map((s) => (
										<tr key={`${s.statementId}:${s.payer}`}>
											<th scope="row">{s.startupName}</th>
											<td>
												<Link to={`/nursery/statements/${s.statementId}`}>{nf.month(s.month)}</Link>
											</td>
											<td>{t(`payers.${s.payer}`)}</td>
											<td>{f.date(s.dueOn)}</td>
											<td className="num">{f.number(s.daysPastDue)}</td>
											<td className="num">{f.money(s.cents)}</td>
										</tr>
									))}
								</tbody>
								<tfoot>
									<tr>
										<th scope="row" colSpan={5}>
											{t('columns.total')}
										</th>
										<td className="num">{f.money(total.totalCents)}</td>
									</tr>
								</tfoot>
							</table>
						</div>
					</section>
				</>
			) : (
				<EmptyState title={t('arrears.none')} />
			)}
		</>
	)
}

export const meta: MetaFunction = () => [{ title: 'Pépinière · TEKTOS CRM' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
