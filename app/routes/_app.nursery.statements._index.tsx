import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { Pagination, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { IssueConfirmation } from '~/components/nursery-issue-confirmation'
import { StatementTable } from '~/components/nursery-statement-table'
import { EmptyState } from '~/components/stat'
import { getMonth, issueMonth } from '~/models/statement.server'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { formatMonth } from '~/utils/format'
import { getLocale } from '~/utils/i18n.server'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { optionalParam, parseListParams } from '~/utils/list-params'
import { addMonths, monthOf } from '~/utils/calendar'
import { useFormat } from '~/utils/use-format'
import { IssueMonthSchema, MonthSchema, parseWithZod } from '~/utils/validation.server'
import { pageTitle } from '~/utils/meta'
import { replyTo } from '~/utils/write-result'

/** Statements may be issued ahead for next month at most (rent is billed in advance). */
const lastIssuableMonth = () => addMonths(monthOf(today()), 1)

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	const search = new URL(request.url).searchParams
	const requested = optionalParam(MonthSchema, search.get('month'))
	const month = requested ?? monthOf(today())
	const statements = getMonth({ month, viewer: user })
	if (!statements) throw forbidden('read:lease:any')
	// the month's statements a page at a time; the totals are the month's
	const { page, perPage } = parseListParams(search, ['startup'], {
		sort: 'startup',
	})
	const { rows, ...rest } = statements
	// ?confirm: the step that says what issuing will do before it is done
	return {
		month,
		lastIssuable: lastIssuableMonth(),
		confirming: search.has('confirm'),
		...rest,
		rows: rows.slice((page - 1) * perPage, page * perPage),
		issuedCount: rows.length,
		page,
		perPage,
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const submission = parseWithZod(await request.formData(), {
		schema: IssueMonthSchema.refine((v) => v.month <= lastIssuableMonth(), {
			path: ['month'],
			message: 'nursery:errors.monthTooFar',
		}),
	})
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const { month, expected, expectedRentCents } = submission.value
	const result = issueMonth({
		month,
		viewer: user,
		confirmed: { count: expected, rentCents: expectedRentCents },
	})
	if (!result) throw forbidden('update:lease:any')
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	const { created, alreadyIssued } = result.value
	const locale = await getLocale(request)
	return redirectWithToast(`/nursery/statements?month=${month}`, {
		type: 'success',
		messageKey: created ? 'nursery:statements.issued' : 'nursery:statements.nothingIssued',
		values: {
			created: String(created),
			existing: String(alreadyIssued),
			month: formatMonth(month, locale),
		},
	})
}

export default function StatementsPage() {
	const {
		month,
		lastIssuable,
		confirming,
		rows,
		totals,
		pending,
		pendingTotals,
		issuedCount,
		page,
		perPage,
	} = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const monthLabel = f.month(month)
	const errors = lastResult?.error
	return (
		<>
			<p className="breadcrumb">
				<Link to="/nursery">{t('title')}</Link>
			</p>
			<div className="page-header">
				<h1>{t('statements.pageTitle', { month: monthLabel })}</h1>
				<div className="actions">
					<a href={`/nursery/export/statements.csv?month=${month}`} className="button">
						{t('exports.statements')}
					</a>
					<a href={`/nursery/export/statements.xlsx?month=${month}`} className="button">
						{t('exports.statementsXlsx')}
					</a>
					<a href={`/nursery/export/payments.csv?month=${month}`} className="button">
						{t('exports.payments')}
					</a>
					<a href={`/nursery/export/payments.xlsx?month=${month}`} className="button">
						{t('exports.paymentsXlsx')}
					</a>
				</div>
			</div>

			<nav aria-label={t('statements.monthNav')} className="filters month-nav">
				<Link to={`?month=${addMonths(month, -1)}`} className="button button-small">
					← {f.month(addMonths(month, -1))}
				</Link>
				<Form method="get" className="inline-form">
					<label htmlFor="month-picker">{t('statements.pickMonth')}</label>{' '}
					<input id="month-picker" type="month" name="month" defaultValue={month} key={month} />{' '}
					<button type="submit" className="button button-small">
						{t('statements.show')}
					</button>
				</Form>
				<Link to={`?month=${addMonths(month, 1)}`} className="button button-small">
					{f.month(addMonths(month, 1))} →
				</Link>
			</nav>

			<section aria-labelledby="issue-heading" className="panel">
				<h2 id="issue-heading">{t('statements.issueTitle', { month: monthLabel })}</h2>
				{month > lastIssuable ? (
					<p className="muted">{t('statements.tooEarly', { month: f.month(lastIssuable) })}</p>
				) : pending.length ? (
					<>
						<p>{t('statements.pendingLead', { count: pending.length })}</p>
						<Table caption={t('statements.pendingCaption')} captionHidden>
							<thead>
								<tr>
									<th scope="col">{t('columns.startup')}</th>
									<th scope="col">{t('columns.unit')}</th>
									<th scope="col" className="num">
										{t('columns.days')}
									</th>
									<th scope="col" className="num">
										{t('columns.rent')}
									</th>
									<th scope="col" className="num">
										{t('columns.subsidyShare')}
									</th>
									<th scope="col" className="num">
										{t('columns.startupShare')}
									</th>
								</tr>
							</thead>
							<tbody>
								{pending.map((p) => (
									<tr key={p.leaseId}>
										<th scope="row">{p.startupName}</th>
										<td>{p.unitCode}</td>
										<td className="num">
											{t('columns.daysOf', { days: p.daysOccupied, of: p.daysInMonth })}
										</td>
										<td className="num">{f.money(p.rentCents)}</td>
										<td className="num">{f.money(p.subsidyCents)}</td>
										<td className="num">{f.money(p.startupShareCents)}</td>
									</tr>
								))}
							</tbody>
							<tfoot>
								<tr>
									<th scope="row" colSpan={3}>
										{t('columns.total')}
									</th>
									<td className="num">{f.money(pendingTotals.rentCents)}</td>
									<td className="num">{f.money(pendingTotals.subsidyCents)}</td>
									<td className="num">{f.money(pendingTotals.startupShareCents)}</td>
								</tr>
							</tfoot>
						</Table>
					</>
				) : (
					<p className="muted">{t('statements.nothingPending')}</p>
				)}
				{month > lastIssuable || !pending.length ? null : confirming || errors ? (
					<IssueConfirmation
						month={month}
						count={pending.length}
						totals={pendingTotals}
						errors={Object.values(errors ?? {}).flatMap((e) => e ?? [])}
					/>
				) : (
					<Form method="get" className="form form-compact">
						<input type="hidden" name="month" value={month} />
						<div>
							<button type="submit" name="confirm" value="1" className="button button-primary">
								{t('statements.issue', { month: monthLabel })}
							</button>
						</div>
						<p className="field-hint">{t('statements.issueHint')}</p>
					</Form>
				)}
			</section>

			<section aria-labelledby="issued-heading">
				<h2 id="issued-heading">{t('statements.issuedTitle', { month: monthLabel })}</h2>
				{rows.length ? (
					<>
						<StatementTable
							rows={rows}
							totals={totals}
							caption={t('statements.issuedTitle', { month: monthLabel })}
							first="startup"
							linkTo={(r) => `/nursery/statements/${r.id}`}
						/>
						<Pagination
							page={page}
							perPage={perPage}
							total={issuedCount}
							pageCount={Math.max(1, Math.ceil(issuedCount / perPage))}
						/>
					</>
				) : (
					<EmptyState title={t('statements.noneIssued')} />
				)}
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, f }) => [
	data && t('nursery:statements.pageTitle', { month: f.month(data.month) }),
	t('nav.nursery'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
