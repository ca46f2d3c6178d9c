import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLocale, isNamespace } from '~/utils/i18n'
import { messageVersions } from '~/utils/i18n-page.server'
import { resources } from '~/utils/i18n-resources.server'
import { notFound } from '~/utils/http.server'

/**
 * One namespace of messages in one language, for the browser to fetch when a page needs one it
 * was not sent (decision 0032). Public, like the sign-in page's own messages: nothing personal.
 * Asked for with its version (?v=), it never changes: the browser keeps it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { lng, ns } = params
	if (!isLocale(lng) || !isNamespace(ns)) throw notFound('messages', `${lng}/${ns}`)
	const current = messageVersions()[`${lng}/${ns}`]
	const asked = new URL(request.url).searchParams.get('v')
	return Response.json(resources[lng][ns], {
		headers: {
			'Cache-Control':
				asked === current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
		},
	})
}
