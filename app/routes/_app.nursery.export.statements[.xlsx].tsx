import type { LoaderFunctionArgs } from '@remix-run/node'
import { statementsExport } from '~/models/exports.server'
import { requirePermission } from '~/utils/access.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** Statements and credit notes of ?month=YYYY-MM or ?year=YYYY, as an Excel file. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	return exportResponse(request, 'xlsx', statementsExport(user, new URL(request.url)))
}
