const WIDTH = 760
const HEIGHT = 260
const MARGIN = { top: 8, right: 8, bottom: 24, left: 32 }

/**
 * Units occupied month by month, as bars against the number of units: a plain SVG drawn on the
 * server, so the nursery page ships no charting library (recharts stays on the reports page),
 * scaled to its box up to 760 px wide.
 * It is hidden from screen readers: the table beside it gives the same numbers.
 */
export function OccupancyChart({
	data,
	totalUnits,
	occupiedLabel,
}: {
	data: { label: string; occupied: number }[]
	totalUnits: number
	occupiedLabel: string
}) {
	const max = Math.max(totalUnits, 1, ...data.map((d) => d.occupied))
	const plotWidth = WIDTH - MARGIN.left - MARGIN.right
	const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
	const step = data.length ? plotWidth / data.length : plotWidth
	const barWidth = Math.max(1, step * 0.7)
	const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight
	// whole-number ticks, about five of them
	const tickStep = Math.max(1, Math.ceil(max / 5))
	const ticks = Array.from({ length: Math.floor(max / tickStep) + 1 }, (_, i) => i * tickStep)
	// a label every other month, fewer when the months are many
	const labelEvery = Math.max(2, Math.ceil(data.length / 24))
	return (
		<div className="chart" aria-hidden="true" style={{ maxWidth: WIDTH }}>
			{/* drawn at 760 × 260 and scaled to its box: a phone gets a smaller chart, not a wider page */}
			<svg
				viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
				style={{ display: 'block', width: '100%', height: 'auto' }}
				fontSize={11}
			>
				{ticks.map((tick) => (
					<g key={tick}>
						<line
							x1={MARGIN.left}
							x2={WIDTH - MARGIN.right}
							y1={y(tick)}
							y2={y(tick)}
							stroke="#ccc"
							strokeDasharray="3 3"
						/>
						<text x={MARGIN.left - 4} y={y(tick) + 4} textAnchor="end" fill="#666">
							{tick}
						</text>
					</g>
				))}
				{data.map((d, i) => (
					<g key={`${d.label}-${i}`}>
						<rect
							x={MARGIN.left + i * step + (step - barWidth) / 2}
							y={y(d.occupied)}
							width={barWidth}
							height={MARGIN.top + plotHeight - y(d.occupied)}
							fill="#1f6f8b"
						>
							<title>{`${d.label} — ${occupiedLabel}: ${d.occupied}`}</title>
						</rect>
						{i % labelEvery === 0 ? (
							<text
								x={MARGIN.left + i * step + step / 2}
								y={HEIGHT - MARGIN.bottom + 14}
								textAnchor="middle"
								fill="#666"
							>
								{d.label}
							</text>
						) : null}
					</g>
				))}
			</svg>
		</div>
	)
}
