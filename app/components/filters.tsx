import { Form, Link, useSubmit } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** One filter of a list: "All" or one of the options; the choice lives in the URL. */
export function FilterSelect({
	name,
	label,
	value,
	options,
}: {
	name: string
	label: string
	value: string | undefined
	options: { value: string; label: string }[]
}) {
	const { t } = useTranslation()
	return (
		<div className="field">
			<label htmlFor={`filter-${name}`}>{label}</label>
			<select id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
				<option value="">{t('common.all')}</option>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	)
}

/** The list's text search: kept in `q`, applied on Enter. */
export function SearchField({
	label,
	value,
	placeholder,
}: {
	label: string
	value: string | undefined
	placeholder?: string
}) {
	return (
		<div className="field">
			<label htmlFor="q">{label}</label>
			<input id="q" type="search" name="q" defaultValue={value ?? ''} placeholder={placeholder} />
		</div>
	)
}

/** A GET form of filters for a list page: choices apply at once, text waits for Enter. */
export function FiltersForm({
	label,
	resetTo,
	hasFilters,
	children,
}: {
	label: string
	resetTo: string
	hasFilters: boolean
	children: ReactNode
}) {
	const { t } = useTranslation()
	const submit = useSubmit()
	return (
		<Form
			method="get"
			className="filters"
			role="search"
			aria-label={label}
			onChange={(e) => {
				if ((e.target as HTMLElement).tagName === 'SELECT')
					submit(e.currentTarget, { preventScrollReset: true })
			}}
		>
			{children}
			<div className="filter-buttons">
				<button type="submit" className="button">
					{t('common.filter')}
				</button>
				{hasFilters ? (
					<Link to={resetTo} className="button button-link">
						{t('common.reset')}
					</Link>
				) : null}
			</div>
		</Form>
	)
}
