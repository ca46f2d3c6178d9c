import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { ScheduleTable } from '~/components/nursery-schedule'
import { StatementTable } from '~/components/nursery-statement-table'
import { EmptyState } from '~/components/stat'
import { endLease, getLease } from '~/models/lease.server'
import { EndLeaseSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	const id = parseId(params.leaseId, 'lease')
	const lease = getLease({ id, viewer: user })
	if (!lease) throw notFound('lease', id)
	return lease
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const id = parseId(params.leaseId, 'lease')
	const submission = parseWithZod(await request.formData(), { schema: EndLeaseSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const result = endLease({ id, endDate: submission.value.endDate, viewer: user })
	if (!result) throw notFound('lease', id)
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	return redirectWithToast(`/nursery/leases/${id}`, {
		type: 'success',
		messageKey: result.value.changed ? 'nursery:leases.ended' : 'nursery:leases.unchanged',
	})
}

export default function LeasePage() {
	const { lease, steps, running, currentMonthIndex, renewal, statements, toCorrect } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/nursery">{t('title')}</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{t('leases.title', { startup: lease.startupName, unit: lease.unitCode })}</h1>
					<p className="muted">
						<span className={`badge ${running ? 'badge-ok' : 'badge-muted'}`}>
							{running ? t('leases.running') : t('leases.notRunning')}
						</span>{' '}
						<Link to={`/startups/${lease.startupId}`}>{t('leases.startupPage')}</Link>
					</p>
				</div>
				{renewal ? null : (
					<Link to={`/nursery/leases/new?renew=${lease.id}`} className="button">
						{t('leases.renew')}
					</Link>
				)}
			</div>

			{toCorrect.length ? (
				<div className="alert alert-warning" role="alert">
					<p>{t('leases.toCorrect', { count: toCorrect.length })}</p>
					<ul>
						{toCorrect.map((s) => (
							<li key={s.id}>
								<Link to={`/nursery/statements/${s.id}`}>{f.month(s.month)}</Link>
							</li>
						))}
					</ul>
				</div>
			) : null}

			<dl className="facts">
				<Fact
					label={t('leaseForm.unit')}
					value={`${lease.unitCode} · ${t(`enums:unitKinds.${lease.unitKind}`)}`}
				/>
				<Fact label={t('leaseForm.startDate')} value={f.date(lease.startDate)} />
				<Fact
					label={t('leaseForm.endDate')}
					value={lease.endDate ? f.date(lease.endDate) : t('leases.openEnded')}
				/>
				<Fact label={t('leaseForm.monthlyRent')} value={f.money(lease.monthlyRentCents)} />
				{renewal ? (
					<Fact
						label={t('leases.renewedBy')}
						value={
							<Link to={`/nursery/leases/${renewal.id}`}>
								{t('leases.renewalFrom', { date: f.date(renewal.startDate) })}
							</Link>
						}
					/>
				) : null}
			</dl>

			<section aria-labelledby="schedule-heading">
				<h2 id="schedule-heading">{t('schedule.title')}</h2>
				<ScheduleTable
					steps={steps}
					monthlyRentCents={lease.monthlyRentCents}
					currentMonthIndex={currentMonthIndex}
					caption={t('schedule.caption', { rent: f.money(lease.monthlyRentCents) })}
				/>
			</section>

			<section aria-labelledby="statements-heading">
				<h2 id="statements-heading">{t('statements.title')}</h2>
				{statements.rows.length ? (
					<StatementTable
						rows={statements.rows}
						totals={statements.totals}
						caption={t('statements.title')}
						first="month"
						linkTo={(r) => `/nursery/statements/${r.id}`}
					/>
				) : (
					<EmptyState title={t('statements.noneForLease')}>
						<Link to="/nursery/statements">{t('statements.issueLink')}</Link>
					</EmptyState>
				)}
			</section>

			<EndLeaseForm lastResult={lastResult} endDate={lease.endDate} />
		</>
	)
}

function EndLeaseForm({
	lastResult,
	endDate,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	endDate: string | null
}) {
	const { t } = useTranslation('nursery')
	const [form, fields] = useForm({
		id: 'end-lease',
		lastResult,
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EndLeaseSchema }),
		defaultValue: { endDate: endDate ?? '' },
	})
	return (
		<section aria-labelledby="end-heading" className="panel">
			<h2 id="end-heading">{endDate ? t('leases.changeEnd') : t('leases.end')}</h2>
			<p className="muted">{t('leases.endHint')}</p>
			<Form method="post" {...getFormProps(form)} className="form form-compact">
				<input type="hidden" name="intent" value="end-lease" />
				<Field
					label={t('leaseForm.endDate')}
					inputProps={getInputProps(fields.endDate, { type: 'date' })}
					errors={fields.endDate.errors}
				/>
				<ErrorList id={form.errorId} errors={form.errors} />
				<div>
					<button type="submit" className="button">
						{endDate ? t('leases.changeEnd') : t('leases.end')}
					</button>
				</div>
			</Form>
		</section>
	)
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
	return (
		<div>
			<dt>{label}</dt>
			<dd>{value}</dd>
		</div>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('nursery:leases.title', { startup: data.lease.startupName, unit: data.lease.unitCode }),
	t('nav.nursery'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
