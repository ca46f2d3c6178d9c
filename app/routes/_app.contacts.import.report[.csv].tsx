import type { LoaderFunctionArgs } from '@remix-run/node'
import { getCheckedImport } from '~/models/contact-import-jobs.server'
import { problemsCsv } from '~/models/contact-import.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse } from '~/utils/csv.server'
import { notFound } from '~/utils/http.server'
import { i18nServer } from '~/utils/i18n.server'

/** Every problem of the checked file, one line each: the manager fixes the file from it. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const token = new URL(request.url).searchParams.get('token') ?? ''
	const checked = getCheckedImport(token, user.id)
	if (!checked) throw notFound('import', token)
	const t = await i18nServer.getFixedT(request, 'contacts')
	return csvResponse(
		'tektos-contacts-import-problems.csv',
		problemsCsv(checked.problems, (key, values) => t(key, values)),
	)
}
