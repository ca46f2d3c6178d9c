import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, NavLink, Outlet, useRouteLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { LanguageSwitch } from '~/components/language-switch'
import { sitsOnAnyCommittee } from '~/models/jury.server'
import { useRootData } from '~/root'
import { requireUser } from '~/utils/auth.server'
import { NAVIGATION } from '~/utils/permissions'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	return {
		user: { name: user.name, role: user.role, organisation: user.organisation },
		// "My startup" points at the founder's own page, so that it shows as the current one there;
		// the selection committee shows only to those who sit on one
		navigation: NAVIGATION[user.role]
			.filter((item) => !item.committee || sitsOnAnyCommittee(user))
			.map((item) =>
				item.to === '/my-startup' && user.startupId
					? { ...item, to: `/startups/${user.startupId}` }
					: item,
			),
	}
}

function AppShell({ children }: { children: React.ReactNode }) {
	const { t } = useTranslation()
	const rootUser = useRootData()?.user
	const data = useRouteLoaderData<typeof loader>('routes/_app')
	const user = data?.user ?? rootUser
	const navigation =
		data?.navigation ??
		(rootUser ? NAVIGATION[rootUser.role].filter((item) => !item.committee) : [])
	return (
		<div className="app">
			<a href="#main" className="skip-link">
				{t('nav.skip')}
			</a>
			<header className="app-header">
				<Link to="/" className="brand">
					TEKTOS <span className="brand-sub">CRM</span>
				</Link>
				<nav aria-label={t('nav.label')} className="main-nav">
					<ul>
						{navigation.map((item) => (
							<li key={item.to}>
								<NavLink to={item.to} end={item.to === '/'}>
									{t(item.labelKey)}
								</NavLink>
							</li>
						))}
					</ul>
				</nav>
				<div className="header-tools">
					<LanguageSwitch />
					{user ? (
						<>
							<span className="current-user">
								<span className="user-name">{user.name}</span>
								<span className="user-role" data-testid="user-role">
									{t(`enums:roles.${user.role}`)}
								</span>
							</span>
							<Form method="post" action="/logout">
								<button type="submit" className="button button-ghost">
									{t('nav.signOut')}
								</button>
							</Form>
						</>
					) : null}
				</div>
			</header>
			<main id="main" className="page" tabIndex={-1}>
				{children}
			</main>
			<footer className="app-footer">{t('footer')}</footer>
		</div>
	)
}

export default function AppLayout() {
	return (
		<AppShell>
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	return (
		<AppShell>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
