import type { LoaderFunctionArgs } from '@remix-run/node'
import { suggestPicks } from '~/models/pickers.server'
import { SUGGESTION_KINDS, suggest } from '~/models/suggestions.server'
import { requireUser } from '~/utils/auth.server'
import { notFound } from '~/utils/http.server'
import { PICK_KINDS } from '~/utils/picker'

/**
 * What a field suggests as one types, only among the rows the viewer may read: up to 20 values
 * containing `q` for a filter (components/suggest-field.tsx), or, for `pick-<kind>`, up to 20
 * records a form's picker may name (components/record-picker.tsx; `startup` and `event` say
 * which funding event a trigger is for).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const search = new URL(request.url).searchParams
	const q = (search.get('q') ?? '').slice(0, 100)
	const headers = { 'Cache-Control': 'private, max-age=30' }
	const pick = PICK_KINDS.find((k) => `pick-${k}` === params.kind)
	if (pick) {
		const id = (name: string) => {
			const value = search.get(name)
			return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined
		}
		const context = { startupId: id('startup'), eventId: id('event') }
		return Response.json(
			{ values: suggestPicks({ kind: pick, q, viewer: user, context }) },
			{ headers },
		)
	}
	const kind = SUGGESTION_KINDS.find((k) => k === params.kind)
	if (!kind) throw notFound('suggestions', params.kind)
	return Response.json({ values: suggest({ kind, q, viewer: user }) }, { headers })
}
