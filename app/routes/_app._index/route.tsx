import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getManagerHome, getMentorHome } from '~/models/home.server'
import { requireUser } from '~/utils/auth.server'
import { notFound } from '~/utils/http.server'
import { ManagerHome } from './manager-home'
import { MentorHome } from './mentor-home'

/** One address, four homes: each role lands on the page made for its work. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	switch (user.role) {
		case 'manager':
			return { role: 'manager' as const, home: getManagerHome() }
		case 'founder':
			// a founder's home is their startup's page
			if (!user.startupId) throw notFound('startup')
			throw redirect(`/startups/${user.startupId}`)
		case 'mentor': {
			if (!user.mentorId) throw notFound('mentor')
			return { role: 'mentor' as const, home: getMentorHome(user.mentorId) }
		}
		case 'partner':
			// partners come for the figures: their home is the report
			throw redirect('/reports')
	}
}

export default function HomePage() {
	const data = useLoaderData<typeof loader>()
	switch (data.role) {
		case 'manager':
			return <ManagerHome home={data.home} />
		case 'mentor':
			return <MentorHome home={data.home} />
	}
}

export const meta: MetaFunction = () => [{ title: 'TEKTOS CRM' }]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
