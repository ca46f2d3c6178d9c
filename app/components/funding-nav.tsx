import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The Funding area's pages; partners read the first two only. */
export function FundingNav({ manager }: { manager: boolean }) {
	const { t } = useTranslation('funding')
	const links = [
		{ to: '/funding', label: t('nav.portfolio'), end: true },
		{ to: '/funding/innovation-fund', label: t('nav.innovationFund') },
		...(manager
			? [
					{ to: '/funding/follow-up', label: t('nav.followUp') },
					{ to: '/funding/rates', label: t('nav.rates') },
				]
			: []),
	]
	return (
		<nav aria-label={t('nav.label')} className="sub-nav">
			<ul>
				{links.map((l) => (
					<li key={l.to}>
						<NavLink to={l.to} end={l.end}>
							{l.label}
						</NavLink>
					</li>
				))}
			</ul>
		</nav>
	)
}
