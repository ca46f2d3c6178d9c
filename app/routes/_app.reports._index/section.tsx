import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportPeriod } from '~/models/reports/period'

/** One section of the report: a title, its CSV, and its figures; each starts a new page in print. */
export function ReportSection({
	id,
	period,
	children,
}: {
	id: string
	period: ReportPeriod
	children: ReactNode
}) {
	const { t } = useTranslation('reports')
	const query = period.search ? `?${period.search}` : ''
	return (
		<section id={id} aria-labelledby={`${id}-title`} className="report-section">
			<div className="page-header">
				<h2 id={`${id}-title`}>{t(`sections.${id}.title`)}</h2>
				<a
					className="button button-small no-print"
					href={`/reports/export/${id}.csv${query}`}
					download
				>
					{t('downloadCsv')}
				</a>
				<a
					className="button button-small no-print"
					href={`/reports/export/${id}.xlsx${query}`}
					download
				>
					{t('common:common.exportXlsx')}
				</a>
			</div>
			<p className="muted">{t(`sections.${id}.lead`)}</p>
			{children}
		</section>
	)
}

/** Where a figure leads: the list of the records it sums. */
export function recordsHref(period: ReportPeriod, metric: string, key?: string | number) {
	const params = new URLSearchParams(period.search)
	params.set('metric', metric)
	if (key !== undefined) params.set('key', String(key))
	return `/reports/records?${params}`
}
