import type { LoaderFunctionArgs } from '@remix-run/node'
import { failedRowsOf, getImportSession } from '~/models/import/jobs.server'
import { errorFileCsv, parseKind, requireImporter } from '~/models/import/route.server'
import { csvResponse } from '~/utils/csv.server'
import { notFound } from '~/utils/http.server'
import { i18nServer } from '~/utils/i18n.server'

/** The rows that failed, as they were in the file, plus the reason: fix them and import again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const kind = parseKind(params.kind)
	const viewer = await requireImporter(request, kind)
	const token = new URL(request.url).searchParams.get('s') ?? ''
	const session = getImportSession(token, viewer, kind)
	const t = await i18nServer.getFixedT(request, [
		'import',
		'common',
		'contacts',
		'startups',
		'funding',
	])
	const failed = session ? await failedRowsOf(session) : null
	if (!failed) throw notFound('import', token)
	const csv = errorFileCsv(failed, (key, values) => t(key, values))
	return csvResponse(`tektos-import-${kind}-errors.csv`, csv)
}
