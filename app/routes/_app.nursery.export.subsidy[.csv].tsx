import type { LoaderFunctionArgs } from '@remix-run/node'
import { subsidyByStartupExport, subsidyByYearExport } from '~/models/exports.server'
import { requirePermission } from '~/utils/access.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** The subsidy summary by year, or by startup with ?year=, as CSV (partners too: totals and names only). */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:subsidy:any')
	const year = new URL(request.url).searchParams.get('year')
	return year
		? exportResponse(request, 'csv', subsidyByStartupExport(user, year))
		: exportResponse(request, 'csv', subsidyByYearExport(user))
}
