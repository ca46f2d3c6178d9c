import type { ReactNode } from 'react'
import { Link } from '@remix-run/react'
import { LanguageSwitch } from './language-switch'

/** The frame of the pages anyone can open without an account: applying, setting a password. */
export function PublicShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
	return (
		<div className="auth-layout">
			<header className="auth-header">
				<Link to="/apply" className="brand">
					TEKTOS <span className="brand-sub">Calais</span>
				</Link>
				<LanguageSwitch />
			</header>
			<main className={wide ? 'public-page' : 'auth-card'} id="main">
				{children}
			</main>
		</div>
	)
}
