import type { LoaderFunctionArgs } from '@remix-run/node'
import { startupsExport } from '~/models/exports.server'
import { requireGrant } from '~/utils/access.server'
import { exportResponse } from '~/utils/spreadsheet.server'

/** The current view of the portfolio table, as CSV. Those who read the portfolio. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireGrant(request, 'read:portfolio')
	return exportResponse(request, 'csv', startupsExport(user, new URL(request.url)))
}
