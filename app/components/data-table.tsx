import { Link, useSearchParams } from '@remix-run/react'
import { type ComponentProps, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PER_PAGE_OPTIONS } from '~/utils/pagination'

/**
 * A column header that sorts the list through the URL and announces the current order.
 * `isDefault` marks the column the list is sorted by when the URL says nothing.
 */
export function SortHeader({
	column,
	children,
	isDefault = false,
	defaultDir = 'asc',
	className,
}: {
	column: string
	children: ReactNode
	isDefault?: boolean
	defaultDir?: 'asc' | 'desc'
	className?: string
}) {
	const [searchParams] = useSearchParams()
	const { t } = useTranslation()
	const sortParam = searchParams.get('sort')
	const current = sortParam === column || (!sortParam && isDefault)
	const currentDir =
		sortParam === column ? (searchParams.get('dir') === 'desc' ? 'desc' : 'asc') : defaultDir
	const params = new URLSearchParams(searchParams)
	params.set('sort', column)
	params.set('dir', current && currentDir === 'asc' ? 'desc' : 'asc')
	params.delete('page')
	return (
		<th
			scope="col"
			className={className}
			aria-sort={current ? (currentDir === 'desc' ? 'descending' : 'ascending') : undefined}
		>
			<Link
				to={`?${params}`}
				className="sort-link"
				preventScrollReset
				aria-label={t('table.sortBy', { column: typeof children === 'string' ? children : column })}
			>
				{children}
				<span aria-hidden="true" className="sort-arrow">
					{current ? (currentDir === 'desc' ? '▼' : '▲') : '↕'}
				</span>
			</Link>
		</th>
	)
}

export function Pagination({
	page,
	pageCount,
	total,
	perPage,
	param = 'page',
	perPageChoice = true,
}: {
	page: number
	pageCount: number
	total: number
	perPage: number
	/** the query parameter of the page number (a page with two paginated lists names them apart) */
	param?: string
	perPageChoice?: boolean
}) {
	const [searchParams] = useSearchParams()
	const { t } = useTranslation()
	const hrefFor = (p: number) => {
		const params = new URLSearchParams(searchParams)
		params.set(param, String(p))
		return `?${params}`
	}
	const first = total === 0 ? 0 : (page - 1) * perPage + 1
	const last = Math.min(total, page * perPage)
	return (
		<nav className="pagination" aria-label={t('table.pagination')}>
			<p className="muted">{t('table.showing', { first, last, total })}</p>
			<ul>
				<li>
					{page > 1 ? (
						<Link to={hrefFor(page - 1)} rel="prev">
							{t('table.previous')}
						</Link>
					) : (
						<span aria-disabled="true">{t('table.previous')}</span>
					)}
				</li>
				<li aria-current="page">{t('table.pageOf', { page, pageCount })}</li>
				<li>
					{page < pageCount ? (
						<Link to={hrefFor(page + 1)} rel="next">
							{t('table.next')}
						</Link>
					) : (
						<span aria-disabled="true">{t('table.next')}</span>
					)}
				</li>
			</ul>
			{perPageChoice ? (
				<form method="get" className="per-page">
					{[...searchParams.entries()]
						.filter(([key]) => key !== 'perPage' && key !== 'page')
						.map(([key, value]) => (
							<input key={`${key}=${value}`} type="hidden" name={key} value={value} />
						))}
					<label>
						{t('table.perPage')}{' '}
						<select
							name="perPage"
							defaultValue={String(perPage)}
							onChange={(e) => e.currentTarget.form?.requestSubmit()}
						>
							{PER_PAGE_OPTIONS.map((n) => (
								<option key={n} value={n}>
									{n}
								</option>
							))}
						</select>
					</label>
					<noscript>
						<button type="submit" className="button">
							{t('table.apply')}
						</button>
					</noscript>
				</form>
			) : null}
		</nav>
	)
}

/**
 * A data table in a box of its own: on a screen narrower than the table, the box scrolls and
 * the page does not. While it scrolls, the box is a region named by the table's caption and
 * reachable with the keyboard, so that it can be scrolled without a mouse; a table that fits
 * adds no stop to the tab order (decision 0040). `captionHidden` keeps the caption for screen
 * readers only, when a heading above already says what the table holds.
 */
export function Table({
	caption,
	captionHidden = false,
	className,
	children,
	...props
}: Omit<ComponentProps<'table'>, 'className'> & {
	caption: ReactNode
	captionHidden?: boolean
	className?: string
}) {
	const id = useId()
	const box = useRef<HTMLDivElement>(null)
	const [scrolls, setScrolls] = useState(false)
	useEffect(() => {
		const element = box.current
		if (!element) return
		const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1)
		measure()
		const observer = new ResizeObserver(measure)
		observer.observe(element)
		if (element.firstElementChild) observer.observe(element.firstElementChild)
		return () => observer.disconnect()
	}, [])
	return (
		<div
			ref={box}
			className="table-scroll"
			{...(scrolls ? { role: 'region', 'aria-labelledby': id, tabIndex: 0 } : {})}
		>
			<table className={className ? `table ${className}` : 'table'} {...props}>
				<caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
					{caption}
				</caption>
				{children}
			</table>
		</div>
	)
}
