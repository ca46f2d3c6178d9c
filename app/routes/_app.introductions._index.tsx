import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { COUNTRIES, INTRODUCTION_PURPOSES, INTRODUCTION_STATUSES } from '#db/schema/enums'
import { AggregatesTable, ByStartupTable, FunnelStats } from '~/components/contact-funnel'
import { CountryName, IntroductionStatusBadge, OptedOutBadge } from '~/components/contact-ui'
import { FilterSelect, FiltersForm } from '~/components/filters'
import { Pagination, Table } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SuggestField } from '~/components/suggest-field'
import { EmptyState } from '~/components/stat'
import { parseIntroductionListParams } from '~/models/contact-list-params.server'
import { startupFilterLabel } from '~/models/suggestions.server'
import {
	introductionAggregates,
	introductionFunnelByCountry,
	countIntroducedStartups,
	FUNNEL_STARTUPS_PER_PAGE,
	introductionFunnelByStartup,
	listIntroductions,
	summariseFunnel,
} from '~/models/introduction.server'
import { linkedStartup } from '~/utils/access.server'
import { requireUser } from '~/utils/auth.server'
import { forbidden } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/**
 * Managers: every introduction, the funnel overall and per startup. Partners: counts by
 * country and purpose only — the loader sends them no name, no startup, no id.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	if (can(user, 'read:introduction:any')) {
		const { filters, page, perPage, startupsPage } = parseIntroductionListParams(
			new URL(request.url),
		)
		return {
			view: 'manager' as const,
			funnel: summariseFunnel(introductionFunnelByCountry({ viewer: user })),
			byStartup: {
				rows: introductionFunnelByStartup(user, startupsPage),
				total: countIntroducedStartups(user),
				page: startupsPage,
				perPage: FUNNEL_STARTUPS_PER_PAGE,
			},
			aggregates: introductionAggregates(user),
			list: listIntroductions({ viewer: user, filters, page, perPage }),
			startupLabel: startupFilterLabel(filters.startupName ?? filters.startupId?.toString()),
			filters,
		}
	}
	if (can(user, 'read:introduction:summary')) {
		return {
			view: 'partner' as const,
			funnel: summariseFunnel(introductionFunnelByCountry({ viewer: user })),
			aggregates: introductionAggregates(user),
		}
	}
	// a founder's introductions are on their startup's page
	const own = linkedStartup(user, 'read:introduction')
	if (own) throw redirect(`/startups/${own}`)
	throw forbidden('read:introduction:any')
}

export default function IntroductionsPage() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('contacts')
	return (
		<>
			<h1>{t('introductions.pageTitle')}</h1>
			<p className="lead">
				{data.view === 'partner' ? t('introductions.partnerLead') : t('introductions.lead')}
			</p>
			<div className="columns">
				<FunnelStats funnel={data.funnel.uk} label={t('funnel.uk')} />
				<FunnelStats funnel={data.funnel.total} label={t('funnel.all')} />
			</div>
			<AggregatesTable rows={data.aggregates} />
			{data.view === 'manager' ? (
				<>
					<ByStartupTable rows={data.byStartup.rows} />
					{data.byStartup.total > data.byStartup.perPage ? (
						<Pagination
							page={data.byStartup.page}
							perPage={data.byStartup.perPage}
							total={data.byStartup.total}
							pageCount={Math.ceil(data.byStartup.total / data.byStartup.perPage)}
							param="startupsPage"
							perPageChoice={false}
						/>
					) : null}
					<IntroductionList
						list={data.list}
						startupLabel={data.startupLabel}
						filters={data.filters}
					/>
				</>
			) : null}
		</>
	)
}

type ManagerData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: 'manager' }>

function IntroductionList({
	list,
	startupLabel,
	filters,
}: Pick<ManagerData, 'list' | 'startupLabel' | 'filters'>) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const hasFilters = Object.values(filters).some((v) => v !== undefined)
	return (
		<section aria-labelledby="introduction-list-heading">
			<h2 id="introduction-list-heading">{t('introductions.all')}</h2>
			<FiltersForm label={t('list.filters')} resetTo="/introductions" hasFilters={hasFilters}>
				<FilterSelect
					name="status"
					label={t('fields.status')}
					value={filters.status}
					options={INTRODUCTION_STATUSES.map((s) => ({
						value: s,
						label: t(`enums:introductionStatuses.${s}`),
					}))}
				/>
				<FilterSelect
					name="purpose"
					label={t('fields.purpose')}
					value={filters.purpose}
					options={INTRODUCTION_PURPOSES.map((p) => ({
						value: p,
						label: t(`enums:introductionPurposes.${p}`),
					}))}
				/>
				<FilterSelect
					name="country"
					label={t('fields.country')}
					value={filters.country}
					options={COUNTRIES.map((c) => ({ value: c, label: t(`enums:countries.${c}`) }))}
				/>
				<SuggestField
					name="startup"
					kind="startups"
					label={t('fields.startup')}
					value={startupLabel}
				/>
			</FiltersForm>
			{list.total ? (
				<>
					<Table caption={t('introductions.pageTitle')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.contact')}</th>
								<th scope="col">{t('fields.startup')}</th>
								<th scope="col">{t('fields.purpose')}</th>
								<th scope="col">{t('fields.status')}</th>
								<th scope="col">{t('fields.introducedOn')}</th>
							</tr>
						</thead>
						<tbody>
							{list.rows.map((i) => (
								<tr key={i.id}>
									<th scope="row">
										{i.erased ? (
											t('erasedContact')
										) : (
											<Link to={`/contacts/${i.contactId}`}>{i.contactName}</Link>
										)}{' '}
										<OptedOutBadge on={i.optedOutOn} />
										<div className="cell-note">
											{i.organisationName ? `${i.organisationName} · ` : ''}
											<CountryName code={i.country} />
										</div>
									</th>
									<td>
										<Link to={`/startups/${i.startupId}`}>{i.startupName}</Link>
									</td>
									<td>{t(`enums:introductionPurposes.${i.purpose}`)}</td>
									<td>
										<IntroductionStatusBadge status={i.status} />
										{i.dealValueCents != null && i.dealCurrency ? (
											<div className="cell-note">{f.money(i.dealValueCents, i.dealCurrency)}</div>
										) : null}
									</td>
									<td>{f.date(i.introducedOn)}</td>
								</tr>
							))}
						</tbody>
					</Table>
					<Pagination
						page={list.page}
						pageCount={list.pageCount}
						total={list.total}
						perPage={list.perPage}
					/>
				</>
			) : (
				<EmptyState title={hasFilters ? t('list.noMatch') : t('introductions.none')} />
			)}
		</section>
	)
}

export const meta = pageTitle(({ t }) => [
	t('contacts:introductions.pageTitle'),
	t('nav.introductions'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
