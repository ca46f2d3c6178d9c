import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { CreditNoteForm, PaymentForm } from '~/components/nursery-statement-forms'
import { EmptyState } from '~/components/stat'
import { getStatement, issueCreditNote, recordPayment } from '~/models/statement.server'
import { CreditNoteSchema, PaymentSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { badRequest, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { getLocale } from '~/utils/i18n.server'
import { formatMoneyForForm } from '~/utils/money'
import { useFormat } from '~/utils/use-format'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	const id = parseId(params.statementId, 'statement')
	const detail = getStatement({ id, viewer: user })
	if (!detail) throw notFound('statement', id)
	// the payment form starts from what each payer still owes, written the reader's way
	const lang = await getLocale(request)
	const { outstandingStartupCents: startup, outstandingSubsidyCents: cap } = detail.statement
	const stillDue = {
		startup: formatMoneyForForm(Math.max(0, startup), lang),
		cap_calaisis: formatMoneyForForm(Math.max(0, cap), lang),
	}
	return { ...detail, today: today(), stillDue }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const id = parseId(params.statementId, 'statement')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const back = `/nursery/statements/${id}`
	switch (intent) {
		case 'payment': {
			const submission = parseWithZod(formData, { schema: PaymentSchema })
			if (submission.status !== 'success') {
				return data({ intent, result: submission.reply() }, { status: 400 })
			}
			const result = recordPayment({ statementId: id, input: submission.value, viewer: user })
			if (!result) throw notFound('statement', id)
			if (!result.ok) {
				return data({ intent, result: replyTo(submission, result) }, { status: 400 })
			}
			return redirectWithToast(back, { type: 'success', messageKey: 'nursery:payments.recorded' })
		}
		case 'credit-note': {
			const submission = parseWithZod(formData, { schema: CreditNoteSchema })
			if (submission.status !== 'success') {
				return data({ intent, result: submission.reply() }, { status: 400 })
			}
			const result = issueCreditNote({ statementId: id, input: submission.value, viewer: user })
			if (!result) throw notFound('statement', id)
			if (!result.ok) {
				return data({ intent, result: replyTo(submission, result) }, { status: 400 })
			}
			return redirectWithToast(back, {
				type: 'success',
				messageKey: 'nursery:creditNotes.issued',
			})
		}
		default:
			throw badRequest('intent')
	}
}

export default function StatementPage() {
	const detail = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const { statement: s, period, creditNotes, payments, suggestedCredit } = detail
	const lines = [
		{
			payer: 'cap_calaisis' as const,
			label: t('enums:payers.cap_calaisis'),
			share: s.subsidyCents,
			credited: s.creditedSubsidyCents,
			paid: s.paidSubsidyCents,
			outstanding: s.outstandingSubsidyCents,
		},
		{
			payer: 'startup' as const,
			label: t('statement.startupPayer', { name: s.startupName }),
			share: s.startupShareCents,
			credited: s.creditedStartupCents,
			paid: s.paidStartupCents,
			outstanding: s.outstandingStartupCents,
		},
	]
	const sum = (key: 'share' | 'credited' | 'paid' | 'outstanding') =>
		lines.reduce((total, l) => total + l[key], 0)
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/nursery/statements?month=${s.month}`}>
					{t('statements.pageTitle', { month: f.month(s.month) })}
				</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{t('statement.title', { month: f.month(s.month), startup: s.startupName })}</h1>
					<p className="muted">
						{t('statement.issuedDue', { issued: f.date(s.issuedOn), due: f.date(s.dueOn) })} ·{' '}
						<Link to={`/nursery/leases/${s.leaseId}`}>
							{t('statement.leaseLink', { unit: s.unitCode })}
						</Link>
					</p>
				</div>
				<Link to={`/nursery/statements/${s.id}/print`} className="button">
					{t('statement.print')}
				</Link>
			</div>
			{period ? (
				<p>
					{t('statement.period', {
						from: f.date(period.from),
						to: f.date(period.to),
						days: period.daysOccupied,
						of: period.daysInMonth,
					})}
				</p>
			) : null}

			<section aria-labelledby="shares-heading">
				<h2 id="shares-heading">{t('statement.shares')}</h2>
				<Table caption={t('statement.shares')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('columns.payer')}</th>
							<th scope="col" className="num">
								{t('columns.share')}
							</th>
							<th scope="col" className="num">
								{t('columns.credited')}
							</th>
							<th scope="col" className="num">
								{t('columns.paid')}
							</th>
							<th scope="col" className="num">
								{t('columns.outstanding')}
							</th>
						</tr>
					</thead>
					<tbody>
						{lines.map((l) => (
							<tr key={l.payer} data-payer={l.payer}>
								<th scope="row">{l.label}</th>
								<td className="num">{f.money(l.share)}</td>
								<td className="num">{f.money(l.credited)}</td>
								<td className="num">{f.money(l.paid)}</td>
								<td className="num">{f.money(l.outstanding)}</td>
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t('columns.totalRent')}</th>
							<td className="num">{f.money(sum('share'))}</td>
							<td className="num">{f.money(sum('credited'))}</td>
							<td className="num">{f.money(sum('paid'))}</td>
							<td className="num">{f.money(sum('outstanding'))}</td>
						</tr>
					</tfoot>
				</Table>
			</section>

			<div className="columns">
				<section aria-labelledby="payments-heading">
					<h2 id="payments-heading">{t('payments.title')}</h2>
					{payments.length ? (
						<Table caption={t('payments.title')} captionHidden>
							<thead>
								<tr>
									<th scope="col">{t('columns.paidOn')}</th>
									<th scope="col">{t('columns.payer')}</th>
									<th scope="col" className="num">
										{t('columns.amount')}
									</th>
									<th scope="col">{t('columns.reference')}</th>
								</tr>
							</thead>
							<tbody>
								{payments.map((p) => (
									<tr key={p.id}>
										<td>{f.date(p.paidOn)}</td>
										<td>{t(`enums:payers.${p.payer}`)}</td>
										<td className="num">{f.money(p.amountCents)}</td>
										<td>{p.reference ?? '—'}</td>
									</tr>
								))}
							</tbody>
						</Table>
					) : (
						<EmptyState title={t('payments.none')} />
					)}
					<PaymentForm
						lastResult={actionData?.intent === 'payment' ? actionData.result : undefined}
						today={detail.today}
						stillDue={detail.stillDue}
						outstanding={{
							startup: s.outstandingStartupCents,
							cap_calaisis: s.outstandingSubsidyCents,
						}}
					/>
				</section>

				<section aria-labelledby="credit-heading">
					<h2 id="credit-heading">{t('creditNotes.title')}</h2>
					{creditNotes.length ? (
						<Table caption={t('creditNotes.title')} captionHidden>
							<thead>
								<tr>
									<th scope="col">{t('columns.issuedOn')}</th>
									<th scope="col" className="num">
										{t('columns.subsidyShare')}
									</th>
									<th scope="col" className="num">
										{t('columns.startupShare')}
									</th>
									<th scope="col" className="num">
										{t('columns.total')}
									</th>
								</tr>
							</thead>
							<tbody>
								{creditNotes.map((c) => (
									<tr key={c.id}>
										<td>{f.date(c.issuedOn)}</td>
										<td className="num">{f.money(c.subsidyCents)}</td>
										<td className="num">{f.money(c.startupShareCents)}</td>
										<td className="num">{f.money(c.rentCents)}</td>
									</tr>
								))}
							</tbody>
						</Table>
					) : (
						<p className="muted">{t('creditNotes.none')}</p>
					)}
					<CreditNoteForm
						lastResult={actionData?.intent === 'credit-note' ? actionData.result : undefined}
						suggested={suggestedCredit}
						leaseEndDate={detail.lease.endDate}
						unpaid={{ startup: s.outstandingStartupCents, cap_calaisis: s.outstandingSubsidyCents }}
					/>
				</section>
			</div>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, f }) => [
	data &&
		t('nursery:statement.title', {
			month: f.month(data.statement.month),
			startup: data.statement.startupName,
		}),
	t('nav.nursery'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
