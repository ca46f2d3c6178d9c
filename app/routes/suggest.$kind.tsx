import type { LoaderFunctionArgs } from '@remix-run/node'
import { SUGGESTION_KINDS, suggest } from '~/models/suggestions.server'
import { requireUser } from '~/utils/auth.server'
import { notFound } from '~/utils/http.server'

/**
 * What a filter field suggests as one types (components/suggest-field.tsx): up to 20 values
 * containing `q`, only among the rows the viewer may read.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const kind = SUGGESTION_KINDS.find((k) => k === params.kind)
	if (!kind) throw notFound('suggestions', params.kind)
	const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
	return Response.json(
		{ values: suggest({ kind, q, viewer: user }) },
		{ headers: { 'Cache-Control': 'private, max-age=30' } },
	)
}
