import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { signOut } from '~/utils/auth.server'

export async function loader() {
	// signing out changes state: only by POST, so a link or prefetch cannot do it
	return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
	const cookie = await signOut(request)
	return redirect('/login', { headers: { 'Set-Cookie': cookie } })
}
