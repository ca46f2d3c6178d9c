import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportPersonData } from '~/models/contact-gdpr.server'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId } from '~/utils/http.server'

/** Everything held about one person (GDPR access and portability), as JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const id = parseId(params.contactId, 'contact')
	const person = exportPersonData({ id, viewer: user })
	if (!person) throw notFound('contact', id)
	return new Response(JSON.stringify(person, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="tektos-contact-${id}-${person.exportedOn}.json"`,
			'Cache-Control': 'no-store',
		},
	})
}
