import type { LoaderFunctionArgs } from '@remix-run/node'
import { getImportJob } from '~/models/contact-import-jobs.server'
import { requirePermission } from '~/utils/access.server'
import { notFound } from '~/utils/http.server'

/** Where a running import stands, polled by the import page; only its own manager sees it. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = new URL(request.url).searchParams.get('job') ?? ''
	const job = getImportJob(id, user.id)
	if (!job) throw notFound('import', id)
	const { userId: _userId, ...view } = job
	return Response.json(view, { headers: { 'Cache-Control': 'no-store' } })
}
