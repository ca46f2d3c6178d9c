import type { LoaderFunctionArgs } from '@remix-run/node'
import { startupImportTemplate } from '~/models/startup-import.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse } from '~/utils/csv.server'

/** The header row and two example rows, for the manager to fill in and import. */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:startup:any')
	return csvResponse('tektos-startups-import-template.csv', startupImportTemplate())
}
