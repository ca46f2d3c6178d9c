import type { LoaderFunctionArgs } from '@remix-run/node'
import { startupsExport } from '~/models/exports.server'
import { requireUser } from '~/utils/auth.server'
import { forbidden } from '~/utils/http.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** The current view of the portfolio table, as an Excel file. Not for founders. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	if (user.role === 'founder') throw forbidden('read:startup:any')
	return exportResponse(request, 'xlsx', startupsExport(user, new URL(request.url)))
}
