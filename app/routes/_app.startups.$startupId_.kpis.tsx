import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { KpiReportForm, useQuarterLabel } from '~/components/funding-kpi-form'
import { EmptyState } from '~/components/stat'
import { getKpiOverview, saveKpiReport } from '~/models/kpi.server'
import { QUARTER_PATTERN } from '~/utils/calendar'
import { kpiReportSchema } from '~/schemas/funding'
import { requireStartupAccess } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

// a founder reports for their own startup, a manager for any; mentors and partners read the figures elsewhere
export async function loader({ request, params }: LoaderFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:kpi')
	const overview = getKpiOverview({ viewer: user, startupId })
	if (!overview) throw notFound('startup', startupId)
	const asked = new URL(request.url).searchParams.get('quarter')
	const quarter =
		asked && QUARTER_PATTERN.test(asked) && overview.quarters.includes(asked)
			? asked
			: (overview.missing[0] ?? overview.lastQuarter)
	return { ...overview, quarter }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:kpi')
	const submission = parseWithZod(await request.formData(), { schema: kpiReportSchema(today()) })
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), confirm: null }, { status: 400 })
	}
	const saved = saveKpiReport({ viewer: user, startupId, input: submission.value })
	if (!saved?.ok) throw notFound('startup', startupId)
	const outcome = saved.value
	if (outcome.status === 'confirm') {
		// nothing written: the user sees both sets of figures and confirms the replacement
		return data(
			{
				result: submission.reply(),
				confirm: {
					quarter: submission.value.quarter,
					existing: outcome.existing,
					submitted: {
						employees: submission.value.employees,
						revenueCents: submission.value.revenue,
						ukCustomers: submission.value.ukCustomers,
						comment: submission.value.comment ?? null,
					},
					payload: submission.payload,
				},
			},
			{ status: 409 },
		)
	}
	return redirectWithToast(`/startups/${startupId}`, {
		type: 'success',
		messageKey:
			outcome.status === 'created'
				? 'funding:kpi.created'
				: outcome.status === 'updated'
					? 'funding:kpi.updated'
					: 'funding:kpi.unchanged',
		values: { quarter: submission.value.quarter },
	})
}

export default function KpiReportsPage() {
	const { startup, reports, missing, lastQuarter, quarters, quarter } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('funding')
	const f = useFormat()
	const quarterLabel = useQuarterLabel()
	const existing = reports.find((r) => r.quarter === quarter)
	const confirm = actionData?.confirm
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>{t('kpi.title')}</h1>
			{missing.length ? (
				<p className="notice notice-warning" role="note">
					{t('kpi.missing', {
						count: missing.length,
						quarters: missing.slice(0, 8).map(quarterLabel).join(', '),
					})}
				</p>
			) : startup.status === 'incubated' ? (
				<p className="notice" role="note">
					{t('kpi.upToDate', { quarter: quarterLabel(lastQuarter) })}
				</p>
			) : null}

			{confirm ? (
				<section className="confirm-box" aria-labelledby="confirm-heading">
					<h2 id="confirm-heading">
						{t('kpi.confirmTitle', { quarter: quarterLabel(confirm.quarter) })}
					</h2>
					<Table
						caption={t('kpi.confirmTitle', { quarter: quarterLabel(confirm.quarter) })}
						captionHidden
					>
						<thead>
							<tr>
								<th scope="col" />
								<th scope="col" className="num">
									{t('fields.employees')}
								</th>
								<th scope="col" className="num">
									{t('fields.revenue')}
								</th>
								<th scope="col" className="num">
									{t('fields.ukCustomers')}
								</th>
							</tr>
						</thead>
						<tbody>
							{(
								[
									['kpi.current', confirm.existing],
									['kpi.replacement', confirm.submitted],
								] as const
							).map(([label, figures]) => (
								<tr key={label}>
									<th scope="row">{t(label)}</th>
									<td className="num">{f.number(figures.employees)}</td>
									<td className="num">{f.money(figures.revenueCents)}</td>
									<td className="num">{f.number(figures.ukCustomers)}</td>
								</tr>
							))}
						</tbody>
					</Table>
					<Form method="post" className="actions">
						{Object.entries(confirm.payload).map(([name, value]) =>
							name === 'replace' || typeof value !== 'string' ? null : (
								<input key={name} type="hidden" name={name} value={value} />
							),
						)}
						<input type="hidden" name="replace" value={confirm.quarter} />
						<button type="submit" className="button button-primary">
							{t('kpi.confirmReplace')}
						</button>
						<Link to={`/startups/${startup.id}/kpis?quarter=${confirm.quarter}`} className="button">
							{t('kpi.keepExisting')}
						</Link>
					</Form>
				</section>
			) : null}

			<section aria-labelledby="report-heading">
				<h2 id="report-heading">
					{existing
						? t('kpi.editHeading', { quarter: quarterLabel(quarter) })
						: t('kpi.newHeading')}
				</h2>
				<KpiReportForm
					key={quarter}
					lastResult={actionData?.result}
					quarters={quarters}
					values={{
						quarter,
						employees: existing ? String(existing.employees) : '',
						revenue: existing ? f.moneyInput(existing.revenueCents) : '',
						ukCustomers: existing ? String(existing.ukCustomers) : '',
						comment: existing?.comment ?? '',
					}}
					cancelTo={`/startups/${startup.id}`}
				/>
			</section>

			<section aria-labelledby="reports-heading">
				<h2 id="reports-heading">{t('kpi.history')}</h2>
				{reports.length ? (
					<Table caption={t('kpi.history')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.quarter')}</th>
								<th scope="col" className="num">
									{t('fields.employees')}
								</th>
								<th scope="col" className="num">
									{t('fields.revenue')}
								</th>
								<th scope="col" className="num">
									{t('fields.ukCustomers')}
								</th>
								<th scope="col">{t('fields.comment')}</th>
								<th scope="col">{t('kpi.submittedOn')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('common:common.edit')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{reports.map((r) => (
								<tr key={r.id}>
									<th scope="row">{quarterLabel(r.quarter)}</th>
									<td className="num">{f.number(r.employees)}</td>
									<td className="num">{f.money(r.revenueCents)}</td>
									<td className="num">{f.number(r.ukCustomers)}</td>
									<td>{r.comment ?? ''}</td>
									<td>{f.date(r.submittedOn)}</td>
									<td>
										<Link to={`?quarter=${r.quarter}`} preventScrollReset>
											{t('common:common.edit')}
											<span className="visually-hidden"> {quarterLabel(r.quarter)}</span>
										</Link>
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('kpi.none')} />
				)}
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	t('funding:kpi.title'),
	data?.startup.name,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
