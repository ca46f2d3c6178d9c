import type { LoaderFunctionArgs } from '@remix-run/node'
import { fundingExport } from '~/models/exports.server'
import { requirePermission } from '~/utils/access.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** The current /funding view, one line per event, as an Excel file. Managers only. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:funding:any')
	return exportResponse(request, 'xlsx', fundingExport(user, new URL(request.url)))
}
