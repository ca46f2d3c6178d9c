import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseContactListParams } from '~/models/contact-list-params.server'
import { listContactsForOutreach } from '~/models/contact.server'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { csvResponse, toCsv } from '~/utils/csv.server'

/**
 * The current view of the contact list, for a mailing or an invitation: people who opted out
 * (and erased ones) are never in it, whatever the filters.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const { filters, sort, dir } = parseContactListParams(new URL(request.url))
	const rows = listContactsForOutreach({ viewer: user, filters, sort, dir })
	const csv = toCsv(rows, [
		{ header: 'first_name', value: (r) => r.firstName },
		{ header: 'last_name', value: (r) => r.lastName },
		{ header: 'email', value: (r) => r.email },
		{ header: 'phone', value: (r) => r.phone },
		{ header: 'job_title', value: (r) => r.jobTitle },
		{ header: 'organisation', value: (r) => r.organisationName },
		{ header: 'country', value: (r) => r.country },
		{ header: 'languages', value: (r) => r.languages },
		{ header: 'tags', value: (r) => r.tags },
		{ header: 'lawful_basis', value: (r) => r.lawfulBasis },
		{ header: 'last_contact_on', value: (r) => r.lastContactOn },
	])
	return csvResponse(`tektos-contacts-${today()}.csv`, csv)
}
