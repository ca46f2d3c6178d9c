import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportPersonData, personDataCsv } from '~/models/contact-gdpr.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse } from '~/utils/csv.server'
import { notFound, parseId } from '~/utils/http.server'

/** Everything held about one person (GDPR access and portability), as one CSV table. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const id = parseId(params.contactId, 'contact')
	const person = exportPersonData({ id, viewer: user })
	if (!person) throw notFound('contact', id)
	return csvResponse(`tektos-contact-${id}-${person.exportedOn}.csv`, personDataCsv(person))
}
