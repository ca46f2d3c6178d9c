import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportSectionCsv } from '~/models/reports/csv.server'
import {
	getReport,
	periodFromUrl,
	REPORT_SECTIONS,
	type ReportSection,
} from '~/models/reports/index.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse } from '~/utils/csv.server'
import { notFound } from '~/utils/http.server'

/** /reports/export/portfolio.csv?year=2025 — one section of the report, as the spreadsheet wants it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:report:any')
	const section = (params.section ?? '').replace(/\.csv$/, '')
	if (!(REPORT_SECTIONS as readonly string[]).includes(section)) throw notFound('page')
	const period = periodFromUrl(new URL(request.url))
	const csv = reportSectionCsv(section as ReportSection, getReport(period))
	const slug = period.search ? period.search.replace(/[^a-z0-9-]+/gi, '-') : 'all'
	return csvResponse(`tektos-${section}-${slug}.csv`, csv)
}
