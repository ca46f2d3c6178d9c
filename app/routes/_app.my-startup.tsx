import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { requireUser } from '~/utils/auth.server'

/** "My startup" in a founder's navigation: their own startup's page. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	if (user.role === 'founder' && user.startupId) throw redirect(`/startups/${user.startupId}`)
	throw redirect('/')
}
