import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getManagerHome, getMentorHome } from '~/models/home.server'
import { linkedStartup } from '~/utils/access.server'
import { requireUser } from '~/utils/auth.server'
import { forbidden, notFound } from '~/utils/http.server'
import { HOME } from '~/utils/permissions'
import { ManagerHome } from './manager-home'
import { MentorHome } from './mentor-home'
import { pageTitle } from '~/utils/meta'

/** One address, four homes: each role lands on the page made for its work (HOME in the map). */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	switch (HOME[user.role]) {
		case 'dashboard': {
			const home = getManagerHome({ viewer: user })
			if (!home) throw forbidden('read:dashboard:any')
			return { view: 'dashboard' as const, home }
		}
		case 'startup': {
			// a founder's home is their startup's page
			const own = linkedStartup(user, 'read:startup')
			if (!own) throw notFound('startup')
			throw redirect(`/startups/${own}`)
		}
		case 'mentees': {
			const home = getMentorHome({ viewer: user })
			if (!home) throw notFound('mentor')
			return { view: 'mentees' as const, home }
		}
		case 'reports':
			// partners come for the figures: their home is the report
			throw redirect('/reports')
	}
}

export default function HomePage() {
	const data = useLoaderData<typeof loader>()
	switch (data.view) {
		case 'dashboard':
			return <ManagerHome home={data.home} />
		case 'mentees':
			return <MentorHome home={data.home} />
	}
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data?.view === 'mentees' ? t('home.mentor.title') : t('home.manager.title'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
