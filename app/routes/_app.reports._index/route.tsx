import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { pickChoices, pickName, resolvePick } from '~/models/pickers.server'
import { getPageReport, periodFromUrl } from '~/models/reports/index.server'
import { periodWords } from '~/models/reports/labels'
import { parseReportPeriod } from '~/models/reports/period'
import { createReportView, deleteReportView, listReportViews } from '~/models/reports/views.server'
import { DeleteReportViewSchema, ShareReportSchema } from '~/schemas/report'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { badRequest, redirectWithToast } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { FrancoBritishSection } from './franco-british-section'
import { FundingSection } from './funding-section'
import { JobsSection } from './jobs-section'
import { MentoringSection } from './mentoring-section'
import { PeriodForm } from './period-form'
import { PortfolioSection } from './portfolio-section'
import { RentSection } from './rent-section'
import { SelectionSection } from './selection-section'
import { SharedViews } from './shared-views'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:report:any')
	const url = new URL(request.url)
	// a network's cohorts are a name to type (decision 0044): a name found becomes its id in the
	// URL, the report's address; a name that names none or several says so and filters nothing
	const typed = url.searchParams.get('cohort')?.trim().slice(0, 200)
	let cohortProblem: string | undefined
	if (typed && !/^\d+$/.test(typed)) {
		const found = resolvePick({ kind: 'cohorts', text: typed, viewer: user })
		if ('id' in found) {
			url.searchParams.set('cohort', String(found.id))
			throw redirect(`${url.pathname}${url.search}`)
		}
		cohortProblem = `pick.${found.problem}.cohorts`
	}
	const period = periodFromUrl(url)
	const reportCohorts = pickChoices({ kind: 'cohorts', viewer: user })
	return {
		period,
		cohorts: reportCohorts && reportCohorts.map((c) => ({ id: c.id, name: c.label })),
		cohortName: pickName({ kind: 'cohorts', id: period.cohortId, viewer: user }),
		cohortTyped: cohortProblem ? typed : undefined,
		cohortProblem,
		report: getPageReport(period),
		// partners see which periods are shared, not who on the staff shared them
		views: listReportViews({ viewer: user }),
		canShare: can(user, 'share:report:any'),
	}
}

/** A manager shares the period on screen with the partners, or stops sharing one. */
export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'share:report:any')
	const formData = await request.formData()
	const back = new URL(request.url)
	const backTo = `/reports${back.search}`
	if (formData.get('intent') === 'delete-view') {
		const parsed = DeleteReportViewSchema.safeParse(Object.fromEntries(formData))
		if (!parsed.success) throw badRequest('viewId')
		deleteReportView({ id: parsed.data.viewId, actorId: user.id })
		return redirectWithToast(backTo, { type: 'success', messageKey: 'reports:views.stopped' })
	}
	const submission = parseWithZod(formData, { schema: ShareReportSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	// the period is read again here: only a well-formed report query is ever stored
	const query = parseReportPeriod(new URLSearchParams(submission.value.query), today()).search
	const view = createReportView({ name: submission.value.name, query, actorId: user.id }).value
	return redirectWithToast(`/reports/views/${view.token}`, {
		type: 'success',
		messageKey: 'reports:views.shared',
		values: { name: submission.value.name },
	})
}

export default function ReportsPage() {
	const { period, cohorts, cohortName, cohortTyped, cohortProblem, report, views, canShare } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t, i18n } = useTranslation('reports')
	const label = periodWords(period, t, i18n.language)
	return (
		<article className="report">
			<header className="report-header">
				<div className="report-logos" aria-label={t('partners')}>
					<span>TEKTOS</span>
					<span>Cap Calaisis</span>
					<span>CCI Côte d'Opale</span>
				</div>
				<h1>{t('title')}</h1>
				<p className="lead">
					{label}
					{cohortName ? ` — ${cohortName}` : ''}
				</p>
			</header>
			<PeriodForm
				period={period}
				cohorts={cohorts}
				cohortName={cohortTyped ?? cohortName}
				cohortProblem={cohortProblem}
			/>
			<SharedViews views={views} period={period} canShare={canShare} lastResult={lastResult} />
			<PortfolioSection period={period} data={report.portfolio} />
			<JobsSection period={period} data={report.jobs} />
			<FundingSection period={period} data={report.funding} />
			<RentSection period={period} data={report.rentSubsidy} />
			<MentoringSection period={period} data={report.mentoring} />
			<FrancoBritishSection period={period} data={report.francoBritish} />
			<SelectionSection period={period} data={report.selection} />
		</article>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, locale }) => [
	data && periodWords(data.period, t, locale),
	data?.cohortName,
	t('nav.reports'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
