import type { LoaderFunctionArgs } from '@remix-run/node'
import { getApplicationFileFor } from '~/models/jury.server'
import { requireUser } from '~/utils/auth.server'
import { notFound, parseId } from '~/utils/http.server'
import { readStoredFile } from '~/utils/uploads.server'

/**
 * A file sent with an application, for the managers and the call's committee (never for a
 * member who declared a conflict on the application). Checked against its SHA-256 before it
 * leaves: a damaged or missing file is a 404, never someone else's bytes.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const callId = parseId(params.callId, 'call')
	const fileId = parseId(params.fileId, 'file')
	const file = getApplicationFileFor({ viewer: user, callId, fileId })
	if (!file) throw notFound('file', fileId)
	const bytes = readStoredFile(file.storedName, file.sha256)
	if (!bytes) throw notFound('file', fileId)
	return new Response(bytes, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
