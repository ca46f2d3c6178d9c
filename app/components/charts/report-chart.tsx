import { Link } from '@remix-run/react'
import { type ReactNode, useEffect, useState } from 'react'
import {
	Bar,
	BarChart,
	CartesianGrid,
	Legend,
	Line,
	LineChart,
	ResponsiveContainer,
	Tooltip,
	XAxis,
	YAxis,
} from 'recharts'
import { Table } from '../data-table'

export const CHART_COLORS = ['#1f6f9f', '#e8a33d', '#1e7a4c', '#8c4fb5', '#b3261e', '#5b6b78']

export type Series<Row> = {
	key: keyof Row & string
	label: string
	stack?: string
	/** where a bar of this series leads: the records it sums (null: nowhere, e.g. a row of the rest) */
	href?: (row: Row) => string | null
	/** how the table writes this series' values, when not as the others (hours beside counts) */
	format?: (value: number) => string
}

type ChartProps<Row> = {
	rows: Row[]
	category: keyof Row & string
	series: Series<Row>[]
	/** a sentence for screen readers: the table below carries the numbers */
	summary: string
	formatValue?: (value: number) => string
	/** how the axis writes a category: "T3 2026" for 2026-Q3, "oct. 26" for 2026-10 */
	formatCategory?: (value: string) => string
	onNavigate?: (href: string) => void
	kind?: 'bar' | 'line'
	/** ticks between whole numbers: only for values that are not counted (a ratio) */
	allowDecimals?: boolean
	height?: number
}

/**
 * A chart as wide as its box, up to 640 px, so that it fits a phone as well as a page in print;
 * the same numbers are always in an accessible table beside it. Counts, hours and euros read on
 * whole ticks: no 0.25 startup (decision 0040).
 */
export function ReportChart<Row extends Record<string, unknown>>({
	rows,
	category,
	series,
	summary,
	formatValue,
	formatCategory,
	onNavigate,
	kind = 'bar',
	allowDecimals = false,
	height = 260,
}: ChartProps<Row>) {
	// recharts numbers its SVG ids with a counter that differs between server and browser:
	// draw after hydration, in a box of the same size, so the page never jumps
	const [mounted, setMounted] = useState(false)
	useEffect(() => setMounted(true), [])
	const tick = { fontSize: 12, fill: '#5b6b78' }
	const common = {
		data: rows,
		margin: { top: 10, right: 10, bottom: 0, left: 10 },
	}
	const axes = (
		<>
			<CartesianGrid strokeDasharray="3 3" stroke="#d8e0e6" />
			<XAxis
				dataKey={category}
				tick={tick}
				tickFormatter={formatCategory ? (v: unknown) => formatCategory(String(v)) : undefined}
			/>
			<YAxis
				tick={tick}
				tickFormatter={formatValue}
				width={formatValue ? 90 : 40}
				allowDecimals={allowDecimals}
			/>
			<Tooltip
				formatter={(v: number) => (formatValue ? formatValue(v) : v)}
				labelFormatter={(v: unknown) => (formatCategory ? formatCategory(String(v)) : String(v))}
			/>
			{series.length > 1 ? <Legend /> : null}
		</>
	)
	if (!mounted) {
		return (
			<div className="chart" role="img" aria-label={summary}>
				<div style={{ height }} />
			</div>
		)
	}
	return (
		<div className="chart" role="img" aria-label={summary}>
			<ResponsiveContainer width="100%" height={height}>
				{kind === 'line' ? (
					<LineChart {...common}>
						{axes}
						{series.map((s, i) => (
							<Line
								key={s.key}
								dataKey={s.key}
								name={s.label}
								stroke={CHART_COLORS[i % CHART_COLORS.length]}
								strokeWidth={2}
								isAnimationActive={false}
							/>
						))}
					</LineChart>
				) : (
					<BarChart {...common}>
						{axes}
						{series.map((s, i) => (
							<Bar
								key={s.key}
								dataKey={s.key}
								name={s.label}
								stackId={s.stack}
								fill={CHART_COLORS[i % CHART_COLORS.length]}
								isAnimationActive={false}
								cursor={s.href && onNavigate ? 'pointer' : undefined}
								onClick={
									s.href && onNavigate
										? (data: { payload?: Row }) => {
												const href = data.payload ? s.href!(data.payload) : null
												if (href) onNavigate(href)
											}
										: undefined
								}
							/>
						))}
					</BarChart>
				)}
			</ResponsiveContainer>
		</div>
	)
}

/** The numbers of a chart, as a table; a cell links to the records it sums when it can. */
export function ReportTable<Row extends Record<string, unknown>>({
	caption,
	rows,
	category,
	categoryLabel,
	series,
	formatValue = (v) => String(v),
	formatCategory = (v) => String(v),
	total,
}: {
	caption: ReactNode
	rows: Row[]
	category: keyof Row & string
	categoryLabel: string
	series: Series<Row>[]
	formatValue?: (value: number) => string
	formatCategory?: (value: unknown) => string
	total?: { label: string; values: Partial<Record<string, number>> }
}) {
	return (
		<Table className="report-table" caption={caption}>
			<thead>
				<tr>
					<th scope="col">{categoryLabel}</th>
					{series.map((s) => (
						<th key={s.key} scope="col" className="num">
							{s.label}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={String(row[category])}>
						<th scope="row">{formatCategory(row[category])}</th>
						{series.map((s) => {
							const value = Number(row[s.key] ?? 0)
							const format = s.format ?? formatValue
							const href = s.href && value !== 0 ? s.href(row) : null
							return (
								<td key={s.key} className="num">
									{href ? <Link to={href}>{format(value)}</Link> : format(value)}
								</td>
							)
						})}
					</tr>
				))}
			</tbody>
			{total ? (
				<tfoot>
					<tr>
						<th scope="row">{total.label}</th>
						{series.map((s) => (
							<td key={s.key} className="num">
								{total.values[s.key] === undefined
									? ''
									: (s.format ?? formatValue)(total.values[s.key]!)}
							</td>
						))}
					</tr>
				</tfoot>
			) : null}
		</Table>
	)
}
