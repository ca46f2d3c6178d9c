import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { linkedStartup } from '~/utils/access.server'
import { requireUser } from '~/utils/auth.server'

/** "My startup" in a founder's navigation: their own startup's page. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const own = linkedStartup(user, 'read:startup')
	if (own) throw redirect(`/startups/${own}`)
	throw redirect('/')
}
