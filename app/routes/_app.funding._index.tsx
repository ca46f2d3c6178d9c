import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination, SortHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FundingFilters } from '~/components/funding-filters'
import { FundingByStartupTable, FundingEventsTable } from '~/components/funding-tables'
import { Leverage } from '~/components/funding-leverage'
import { FundingNav } from '~/components/funding-nav'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import {
	getFundingByStartup,
	listFundingEvents,
	parseFundingListParams,
	summariseFundingEvents,
} from '~/models/funding.server'
import { cohortFilterLabel } from '~/models/suggestions.server'
import { requireUser } from '~/utils/auth.server'
import { forbidden } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const manager = can(user, 'read:funding:any')
	if (!manager && !can(user, 'read:funding:summary')) throw forbidden('read:funding:any')
	const { filters, sort, dir, view, page, perPage } = parseFundingListParams(new URL(request.url))
	const cohortLabel = cohortFilterLabel(filters.cohortName ?? filters.cohortId?.toString())
	// one page of events or startups; the totals are the whole view's, summed in SQL
	const paging = { page, perPage }
	if (!manager) {
		// partners read sums by startup: no event, no source, no note reaches them
		return {
			manager,
			view: 'startups' as const,
			filters,
			cohortLabel,
			events: null,
			summary: null,
			byStartup: getFundingByStartup({ viewer: user, filters, page: paging }),
			paging,
		}
	}
	return {
		manager,
		view,
		filters,
		cohortLabel,
		events:
			view === 'events'
				? listFundingEvents({ viewer: user, filters, sort, dir, page: paging })
				: null,
		summary: summariseFundingEvents({ viewer: user, filters }),
		byStartup:
			view === 'startups' ? getFundingByStartup({ viewer: user, filters, page: paging }) : null,
		paging,
	}
}

export default function FundingPage() {
	const { manager, view, filters, cohortLabel, events, summary, byStartup, paging } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('funding')
	const f = useFormat()
	const location = useLocation()
	const hasFilters = Object.values(filters).some((v) => v !== undefined)
	const totals = summary?.portfolio ?? byStartup?.totals
	const viewLink = (v: 'events' | 'startups') => {
		const params = new URLSearchParams(location.search)
		params.set('view', v)
		params.delete('sort')
		params.delete('dir')
		return `?${params}`
	}
	return (
		<>
			<div className="page-header">
				<h1>{t('portfolio.title')}</h1>
				{manager ? (
					<div className="actions">
						<a href={`/funding/export.csv${location.search}`} className="button" download>
							{t('common:common.exportCsv')}
						</a>
						<a href={`/funding/export.xlsx${location.search}`} className="button" download>
							{t('common:common.exportXlsx')}
						</a>
					</div>
				) : null}
			</div>
			<FundingNav manager={manager} />
			<p className="lead">{manager ? t('portfolio.lead') : t('portfolio.partnerLead')}</p>
			<FundingFilters manager={manager} view={view} filters={filters} cohortLabel={cohortLabel} />

			{totals ? (
				<section aria-labelledby="totals-heading">
					<h2 id="totals-heading" className="visually-hidden">
						{t('portfolio.totals')}
					</h2>
					<StatGrid>
						<Stat label={t('portfolio.secured')} value={f.money(totals.totalCents)} />
						<Stat label={t('portfolio.public')} value={f.money(totals.publicCents)} />
						<Stat
							label={t('portfolio.privateAndBank')}
							value={f.money(totals.privateAndBankCents)}
						/>
						<Stat
							label={t('portfolio.leverage')}
							value={<Leverage value={totals.leverage} />}
							note={t('portfolio.leverageNote')}
						/>
					</StatGrid>
					{totals.missingRates ? (
						<p className="notice notice-warning">
							{t('portfolio.missingRates', { count: totals.missingRates })}
						</p>
					) : null}
				</section>
			) : null}

			{manager ? (
				<p className="view-switch" role="group" aria-label={t('portfolio.viewLabel')}>
					<Link to={viewLink('events')} aria-current={view === 'events' ? 'page' : undefined}>
						{t('portfolio.viewEvents')}
					</Link>
					<Link to={viewLink('startups')} aria-current={view === 'startups' ? 'page' : undefined}>
						{t('portfolio.viewStartups')}
					</Link>
				</p>
			) : null}

			{events && summary ? (
				events.length ? (
					<>
						<FundingEventsTable
							rows={events}
							totalEurCents={summary.totalEurCents}
							missingRates={summary.missingRates}
							header={(column, label, className) => (
								<SortHeader
									column={column}
									isDefault={column === 'date'}
									defaultDir={column === 'date' ? 'desc' : 'asc'}
									className={className}
								>
									{label}
								</SortHeader>
							)}
						/>
						<Pagination
							page={paging.page}
							perPage={paging.perPage}
							total={summary.events}
							pageCount={Math.max(1, Math.ceil(summary.events / paging.perPage))}
						/>
					</>
				) : (
					<EmptyState title={hasFilters ? t('portfolio.noMatch') : t('portfolio.empty')} />
				)
			) : null}

			{byStartup ? (
				byStartup.rows.length ? (
					<>
						<FundingByStartupTable rows={byStartup.rows} totals={byStartup.totals} />
						<Pagination
							page={paging.page}
							perPage={paging.perPage}
							total={byStartup.total}
							pageCount={Math.max(1, Math.ceil(byStartup.total / paging.perPage))}
						/>
					</>
				) : (
					<EmptyState title={hasFilters ? t('portfolio.noMatch') : t('portfolio.empty')} />
				)
			) : null}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('funding:portfolio.title'), t('nav.funding')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
