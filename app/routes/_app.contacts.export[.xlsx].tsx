import type { LoaderFunctionArgs } from '@remix-run/node'
import { contactsExport } from '~/models/exports.server'
import { requirePermission } from '~/utils/access.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** The current view of the contact list for a mailing (no opted-out or erased person), as an Excel file. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	return exportResponse(request, 'xlsx', contactsExport(user, new URL(request.url)))
}
