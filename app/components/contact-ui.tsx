import { Form, Link, useSubmit } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A person's name, or the words for an erased one. */
export function personName(
	c: { firstName?: string | null; lastName?: string | null; contactName?: string | null },
	erasedLabel: string,
) {
	const name = c.contactName ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || null)
	return name ?? erasedLabel
}

/** Marked wherever the person appears: they asked not to be contacted any more. */
export function OptedOutBadge({ on }: { on: string | boolean | null | undefined }) {
	const { t } = useTranslation('contacts')
	if (!on) return null
	return (
		<span className="badge badge-warning" title={typeof on === 'string' ? on : undefined}>
			{t('optedOut')}
		</span>
	)
}

export function CountryName({ code }: { code: string }) {
	const { t } = useTranslation('contacts')
	return <>{t(`countries.${code}`, { defaultValue: code })}</>
}

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

/** A GET form of filters: choices apply at once, text waits for Enter. */
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

/** Comma-separated codes as small labels. */
export function TagList({ value }: { value: string }) {
	const items = value.split(',').filter(Boolean)
	if (!items.length) return <>—</>
	return (
		<span className="contact-tags">
			{items.map((tag) => (
				<span key={tag} className="contact-tag">
					{tag}
				</span>
			))}
		</span>
	)
}
