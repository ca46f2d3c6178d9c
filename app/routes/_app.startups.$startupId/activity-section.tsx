import { useTranslation } from 'react-i18next'
import { ActivityList } from '~/components/activity-list'
import { EmptyState } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'

/** The startup's activity history, at the bottom of the side column: its code loads after the page. */
export function ActivitySection({ page }: { page: StartupPage }) {
	const { t } = useTranslation('startups')
	return (
		<section aria-labelledby="activity-heading">
			<h2 id="activity-heading">{t('page.activity')}</h2>
			{page.activity.length ? (
				<ActivityList entries={page.activity} showStartup={false} />
			) : (
				<EmptyState title={t('page.noActivity')} />
			)}
		</section>
	)
}
