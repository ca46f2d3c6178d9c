import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { getReportViewByToken } from '~/models/reports/views.server'
import { requirePermission } from '~/utils/access.server'
import { notFound } from '~/utils/http.server'

/** A shared report: the address a manager sends to partners; it opens the report for its period. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requirePermission(request, 'read:report:any')
	const token = params.token ?? ''
	const view = /^[\w-]{8,40}$/.test(token) ? getReportViewByToken(token) : null
	if (!view) throw notFound('reportView', token.slice(0, 40))
	const params2 = new URLSearchParams(view.query)
	params2.set('view', token)
	throw redirect(`/reports?${params2}`)
}
