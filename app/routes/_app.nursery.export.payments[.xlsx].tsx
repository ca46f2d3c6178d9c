import type { LoaderFunctionArgs } from '@remix-run/node'
import { paymentsExport } from '~/models/exports.server'
import { requirePermission } from '~/utils/access.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** Payments received in ?month=YYYY-MM or ?year=YYYY, as an Excel file. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	return exportResponse(request, 'xlsx', paymentsExport(user, new URL(request.url)))
}
