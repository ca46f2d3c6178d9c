import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { formatDuration } from '~/models/reports/duration'
import { pickName } from '~/models/pickers.server'
import { periodFromUrl } from '~/models/reports/index.server'
import { recordsTitle } from '~/models/reports/labels'
import { listReportRecords } from '~/models/reports/records.server'
import { requirePermission } from '~/utils/access.server'
import { badRequest } from '~/utils/http.server'
import { getLocale, i18nServer } from '~/utils/i18n.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:report:any')
	const url = new URL(request.url)
	const period = periodFromUrl(url)
	const metric = url.searchParams.get('metric') ?? ''
	const key = (url.searchParams.get('key') ?? '').slice(0, 200)
	const records = listReportRecords({ period, metric, key, viewer: user })
	const locale = await getLocale(request)
	const cohortName = pickName({ kind: 'cohorts', id: period.cohortId, viewer: user }) ?? null
	// the heading and the tab say which figure, for which period and cohort, in the reader's words
	const title = recordsTitle({
		metric,
		key,
		period,
		cohortName,
		t: await i18nServer.getFixedT(locale),
		locale,
	})
	if (!records || !title) throw badRequest('metric')
	return { period, title, records, showDetail: can(user, 'read:report-detail:any') }
}

export default function ReportRecordsPage() {
	const { period, title, records, showDetail } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('reports')
	const f = useFormat()
	const value = (v: number | null) =>
		v === null
			? ''
			: records.valueKind === 'cents'
				? f.money(v)
				: records.valueKind === 'minutes'
					? formatDuration(v, t, i18n.language)
					: f.number(v)
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/reports${period.search ? `?${period.search}` : ''}`}>{t('records.back')}</Link>
			</p>
			<h1>{title}</h1>
			{records.rows.length ? (
				<Table caption={title} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('records.startup')}</th>
							<th scope="col">{t('records.date')}</th>
							{records.valueKind !== 'none' ? (
								<th scope="col" className="num">
									{t('records.value')}
								</th>
							) : null}
							{showDetail ? <th scope="col">{t('records.detail')}</th> : null}
						</tr>
					</thead>
					<tbody>
						{records.rows.map((r, i) => (
							<tr key={`${r.startupId}-${i}`}>
								<th scope="row">
									<Link to={`/startups/${r.startupId}`}>{r.startup}</Link>
								</th>
								<td>
									{r.date ? (/^\d{4}-\d{2}-\d{2}$/.test(r.date) ? f.date(r.date) : r.date) : '—'}
								</td>
								{records.valueKind !== 'none' ? <td className="num">{value(r.value)}</td> : null}
								{showDetail ? <td>{r.detail ?? '—'}</td> : null}
							</tr>
						))}
					</tbody>
					{records.valueKind !== 'none' ? (
						<tfoot>
							<tr>
								<th scope="row">{t('total')}</th>
								<td />
								<td className="num">
									{value(records.rows.reduce((s, r) => s + (r.value ?? 0), 0))}
								</td>
								{showDetail ? <td /> : null}
							</tr>
						</tfoot>
					) : null}
				</Table>
			) : (
				<EmptyState title={t('records.empty')} />
			)}
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [data?.title, t('nav.reports')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
