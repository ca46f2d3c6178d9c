import type { LoaderFunctionArgs } from '@remix-run/node'
import { contactImportTemplate } from '~/models/contact-import.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse } from '~/utils/csv.server'

/** The header row and two example rows, for the manager to fill in and import. */
export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:contact:any')
	return csvResponse('tektos-contacts-import-template.csv', contactImportTemplate())
}
