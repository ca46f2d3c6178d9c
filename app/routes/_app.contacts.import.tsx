import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { requireUser } from '~/utils/auth.server'

/** The contacts import moved to the one import page; old links and bookmarks land there. */
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request)
	return redirect('/import/contacts')
}
