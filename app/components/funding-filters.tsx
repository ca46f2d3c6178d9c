import { FilterSelect } from './filters'
import { SuggestField } from './suggest-field'
import { Form, Link, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CURRENCIES, FUNDING_KINDS, FUNDING_STATUSES } from '#db/schema/enums'
import { ORIGINS } from '~/schemas/funding-fields'

type Filters = {
	q?: string
	from?: string
	to?: string
	kind?: string
	origin?: string
	status?: string
	cohortId?: number
	cohortName?: string
	currency?: string
}

/** The /funding filters: they live in the URL, so a view can be bookmarked and exported. */
export function FundingFilters({
	manager,
	view,
	filters,
	cohortLabel,
}: {
	manager: boolean
	view: 'events' | 'startups'
	filters: Filters
	/** the cohort filter as its field shows it */
	cohortLabel: string | undefined
}) {
	const { t } = useTranslation('funding')
	const submit = useSubmit()
	const hasFilters = Object.values(filters).some((v) => v !== undefined)
	return (
		<Form
			method="get"
			className="filters"
			role="search"
			aria-label={t('portfolio.filters')}
			onChange={(e) => {
				// choices apply at once; dates and the search wait for the Filter button
				if ((e.target as HTMLElement).tagName === 'SELECT')
					submit(e.currentTarget, { preventScrollReset: true })
			}}
		>
			{view === 'startups' && manager ? <input type="hidden" name="view" value="startups" /> : null}
			{manager ? (
				<div className="field">
					<label htmlFor="q">{t('portfolio.search')}</label>
					<input id="q" type="search" name="q" defaultValue={filters.q ?? ''} />
				</div>
			) : null}
			<div className="field">
				<label htmlFor="filter-from">{t('portfolio.from')}</label>
				<input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ''} />
			</div>
			<div className="field">
				<label htmlFor="filter-to">{t('portfolio.to')}</label>
				<input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ''} />
			</div>
			<FilterSelect
				name="kind"
				label={t('fields.kind')}
				value={filters.kind}
				options={FUNDING_KINDS.map((k) => ({ value: k, label: t(`enums:fundingKinds.${k}`) }))}
			/>
			<FilterSelect
				name="origin"
				label={t('fields.origin')}
				value={filters.origin}
				options={ORIGINS.map((o) => ({ value: o, label: t(`origins.${o}`) }))}
			/>
			{manager ? (
				<FilterSelect
					name="status"
					label={t('fields.status')}
					value={filters.status}
					options={FUNDING_STATUSES.map((s) => ({
						value: s,
						label: t(`enums:fundingStatuses.${s}`),
					}))}
				/>
			) : null}
			<SuggestField
				name="cohort"
				kind="cohorts"
				label={t('common:fields.cohort')}
				value={cohortLabel}
			/>
			<FilterSelect
				name="currency"
				label={t('fields.currency')}
				value={filters.currency}
				options={CURRENCIES.map((c) => ({ value: c, label: c }))}
			/>
			<div className="filter-buttons">
				<button type="submit" className="button">
					{t('common:common.filter')}
				</button>
				{hasFilters ? (
					<Link
						to={view === 'startups' && manager ? '/funding?view=startups' : '/funding'}
						className="button button-link"
					>
						{t('common:common.reset')}
					</Link>
				) : null}
			</div>
		</Form>
	)
}
