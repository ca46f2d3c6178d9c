import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { BudgetForm } from '~/components/nursery-budget-form'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import { getSubsidyOverview, saveSubsidyBudget } from '~/models/subsidy.server'
import { BudgetSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { optionalParam } from '~/utils/list-params'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

const YearParam = z.coerce.number().int().min(2000).max(2100)

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:subsidy:any')
	const overview = getSubsidyOverview({ viewer: user }) ?? []
	const requested = optionalParam(YearParam, new URL(request.url).searchParams.get('year'))
	const currentYear = Number(today().slice(0, 4))
	const selected =
		overview.find((y) => y.year === requested) ?? overview.find((y) => y.year === currentYear)!
	return {
		// per-startup rows only for the year shown
		years: overview.map(({ startups: _, ...year }) => year),
		selected,
		canEdit: can(user, 'update:lease:any'),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'read:subsidy:any')
	if (!can(user, 'update:lease:any')) throw forbidden('update:lease:any')
	const submission = parseWithZod(await request.formData(), { schema: BudgetSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const result = saveSubsidyBudget({ input: submission.value, viewer: user })
	if (!result?.ok) throw forbidden('update:lease:any')
	return redirectWithToast(`/nursery/subsidy?year=${submission.value.year}`, {
		type: 'success',
		messageKey: result.value.changed ? 'nursery:subsidy.saved' : 'nursery:subsidy.unchanged',
		values: { year: String(submission.value.year) },
	})
}

export default function SubsidyPage() {
	const { years, selected, canEdit } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const y = selected
	return (
		<>
			{canEdit ? (
				<p className="breadcrumb">
					<Link to="/nursery">{t('title')}</Link>
				</p>
			) : null}
			<div className="page-header">
				<div>
					<h1>{t('subsidy.title')}</h1>
					<p className="lead">{t('subsidy.lead')}</p>
				</div>
				<div className="actions">
					<a href="/nursery/export/subsidy.csv" className="button">
						{t('exports.subsidyYears')}
					</a>
					<a href="/nursery/export/subsidy.xlsx" className="button">
						{t('exports.subsidyYearsXlsx')}
					</a>
					<a href={`/nursery/export/subsidy.csv?year=${y.year}`} className="button">
						{t('exports.subsidyStartups', { year: y.year })}
					</a>
					<a href={`/nursery/export/subsidy.xlsx?year=${y.year}`} className="button">
						{t('exports.subsidyStartupsXlsx', { year: y.year })}
					</a>
				</div>
			</div>

			<section aria-labelledby="year-heading">
				<h2 id="year-heading">{t('subsidy.yearTitle', { year: y.year })}</h2>
				{y.overBudget ? (
					<p className="alert alert-warning" role="alert">
						{t('subsidy.overBudget', {
							year: y.year,
							forecast: f.money(y.forecastCents),
							budget: f.money(y.budgetCents ?? 0),
							over: f.money(-(y.marginCents ?? 0)),
						})}
					</p>
				) : null}
				<StatGrid>
					<Stat
						label={t('subsidy.budget')}
						value={y.budgetCents === null ? t('subsidy.noBudget') : f.money(y.budgetCents)}
						note={y.votedOn ? t('subsidy.votedOn', { date: f.date(y.votedOn) }) : undefined}
					/>
					<Stat label={t('subsidy.committed')} value={f.money(y.committedCents)} />
					<Stat label={t('subsidy.scheduled')} value={f.money(y.scheduledCents)} />
					<Stat label={t('subsidy.forecast')} value={f.money(y.forecastCents)} />
				</StatGrid>
				{y.note ? <p className="muted">{y.note}</p> : null}
				<p className="field-hint">{t('subsidy.rule')}</p>
				{y.startups.length ? (
					<Table className="subsidy-startups" caption={t('subsidy.byStartup', { year: y.year })}>
						<thead>
							<tr>
								<th scope="col">{t('columns.startup')}</th>
								<th scope="col" className="num">
									{t('subsidy.committed')}
								</th>
								<th scope="col" className="num">
									{t('subsidy.scheduled')}
								</th>
								<th scope="col" className="num">
									{t('subsidy.forecast')}
								</th>
							</tr>
						</thead>
						<tbody>
							{y.startups.map((s) => (
								<tr key={s.startupId}>
									<th scope="row">{s.startupName}</th>
									<td className="num">{f.money(s.committedCents)}</td>
									<td className="num">{f.money(s.scheduledCents)}</td>
									<td className="num">{f.money(s.forecastCents)}</td>
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr>
								<th scope="row">{t('columns.total')}</th>
								<td className="num">{f.money(y.committedCents)}</td>
								<td className="num">{f.money(y.scheduledCents)}</td>
								<td className="num">{f.money(y.forecastCents)}</td>
							</tr>
						</tfoot>
					</Table>
				) : (
					<EmptyState title={t('subsidy.noSubsidy')} />
				)}
			</section>

			{canEdit ? (
				<BudgetForm
					key={y.year}
					lastResult={lastResult}
					values={{ year: y.year, amountCents: y.budgetCents, votedOn: y.votedOn, note: y.note }}
				/>
			) : null}

			<section aria-labelledby="years-heading">
				<h2 id="years-heading">{t('subsidy.years')}</h2>
				<Table className="subsidy-years" caption={t('subsidy.years')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('subsidy.year')}</th>
							<th scope="col" className="num">
								{t('subsidy.budget')}
							</th>
							<th scope="col" className="num">
								{t('subsidy.committed')}
							</th>
							<th scope="col" className="num">
								{t('subsidy.forecast')}
							</th>
							<th scope="col" className="num">
								{t('subsidy.margin')}
							</th>
						</tr>
					</thead>
					<tbody>
						{years.map((row) => (
							<tr key={row.year} className={row.overBudget ? 'row-warning' : undefined}>
								<th scope="row">
									<Link to={`?year=${row.year}`}>{row.year}</Link>
									{row.overBudget ? (
										<span className="badge badge-warning">{t('subsidy.overBadge')}</span>
									) : null}
								</th>
								<td className="num">{row.budgetCents === null ? '—' : f.money(row.budgetCents)}</td>
								<td className="num">{f.money(row.committedCents)}</td>
								<td className="num">{f.money(row.forecastCents)}</td>
								<td className="num">{row.marginCents === null ? '—' : f.money(row.marginCents)}</td>
							</tr>
						))}
					</tbody>
				</Table>
			</section>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('nursery:subsidy.title'), t('nav.nursery')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
