import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { DEBTORS_PER_PAGE, getArrears } from '~/models/statement.server'
import { requirePermission } from '~/utils/access.server'
import { forbidden } from '~/utils/http.server'
import { pageParam, parseListParams } from '~/utils/list-params'
import { AGEING_BUCKETS } from '~/utils/rent'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	// the ageing tables add up every statement; the list of statements comes a page at a time
	const { page, perPage } = parseListParams(new URL(request.url).searchParams, ['due'], {
		sort: 'due',
	})
	const arrears = getArrears({
		viewer: user,
		page: { page, perPage },
		debtorsPage: pageParam(new URL(request.url).searchParams, 'debtorsPage'),
	})
	if (!arrears) throw forbidden('read:lease:any')
	return { ...arrears, page, perPage }
}

export default function ArrearsPage() {
	const { asOf, rows, debtors, byPayer, total, statements, statementCount, page, perPage } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
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
					<AgeingTable
						id="by-startup"
						title={t('arrears.byStartup')}
						className="arrears-table"
						rows={rows.map((r) => ({
							key: `${r.startupId}:${r.payer}`,
							label: `${r.startupName} · ${t(`enums:payers.${r.payer}`)}`,
							buckets: r.buckets,
							totalCents: r.totalCents,
						}))}
						total={total}
					/>
					{debtors.pageCount > 1 ? (
						<Pagination
							page={debtors.page}
							pageCount={debtors.pageCount}
							total={debtors.total}
							perPage={DEBTORS_PER_PAGE}
							param="debtorsPage"
							perPageChoice={false}
						/>
					) : null}
					<AgeingTable
						id="by-payer"
						title={t('arrears.byPayer')}
						rows={byPayer.map((p) => ({
							key: p.payer,
							label: t(`enums:payers.${p.payer}`),
							buckets: p.buckets,
							totalCents: p.totalCents,
						}))}
						total={total}
					/>

					<section aria-labelledby="overdue-heading">
						<h2 id="overdue-heading">{t('arrears.statements')}</h2>
						<Table caption={t('arrears.statements')} captionHidden>
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
											<Link to={`/nursery/statements/${s.statementId}`}>{f.month(s.month)}</Link>
										</td>
										<td>{t(`enums:payers.${s.payer}`)}</td>
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
						</Table>
						<Pagination
							page={page}
							perPage={perPage}
							total={statementCount}
							pageCount={Math.max(1, Math.ceil(statementCount / perPage))}
						/>
					</section>
				</>
			) : (
				<EmptyState title={t('arrears.none')} />
			)}
		</>
	)
}

type Ageing = { buckets: Record<(typeof AGEING_BUCKETS)[number], number>; totalCents: number }

/** What is owed by age of the debt, one row per who owes it, with the column totals. */
function AgeingTable({
	id,
	title,
	rows,
	total,
	className = '',
}: {
	id: string
	title: string
	rows: (Ageing & { key: string; label: string })[]
	total: Ageing
	className?: string
}) {
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const cells = (r: Ageing) => (
		<>
			{AGEING_BUCKETS.map((b) => (
				<td className="num" key={b}>
					{f.money(r.buckets[b])}
				</td>
			))}
			<td className="num">{f.money(r.totalCents)}</td>
		</>
	)
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{title}</h2>
			<Table className={className} caption={title} captionHidden>
				<thead>
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
				</thead>
				<tbody>
					{rows.map((r) => (
						<tr key={r.key}>
							<th scope="row">{r.label}</th>
							{cells(r)}
						</tr>
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row">{t('columns.total')}</th>
						{cells(total)}
					</tr>
				</tfoot>
			</Table>
		</section>
	)
}

export const meta = pageTitle(({ t }) => [t('nursery:arrears.title'), t('nav.nursery')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
