import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportSectionCsv, reportSectionLines } from '~/models/reports/csv.server'
import {
	getReport,
	periodFromUrl,
	REPORT_SECTIONS,
	type ReportSection,
} from '~/models/reports/index.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse } from '~/utils/csv.server'
import { notFound } from '~/utils/http.server'
import { i18nServer } from '~/utils/i18n.server'
import { toXlsx, xlsxResponse } from '~/utils/spreadsheet.server'

/** /reports/export/portfolio.csv?year=2025 — one section of the report, as the spreadsheet wants it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:report:any')
	const [, section = '', extension = 'csv'] =
		/^(.*?)(?:\.(csv|xlsx))?$/.exec(params.section ?? '') ?? []
	if (!(REPORT_SECTIONS as readonly string[]).includes(section)) throw notFound('page')
	const period = periodFromUrl(new URL(request.url))
	const report = getReport(period)
	const slug = period.search ? period.search.replace(/[^a-z0-9-]+/gi, '-') : 'all'
	if (extension === 'xlsx') {
		const t = await i18nServer.getFixedT(request, 'import')
		const body = await toXlsx(reportSectionLines(section as ReportSection, report), [
			{ header: t('export.table'), value: (l) => l.table },
			{ header: t('export.category'), value: (l) => l.category },
			{ header: t('export.measure'), value: (l) => l.measure },
			{ header: t('export.value'), value: (l) => l.value, type: 'number' },
		])
		return xlsxResponse(`tektos-${section}-${slug}.xlsx`, body)
	}
	return csvResponse(
		`tektos-${section}-${slug}.csv`,
		reportSectionCsv(section as ReportSection, report),
	)
}
