import { useEffect, useState } from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

const MAX_WIDTH = 760
const HEIGHT = 260

/**
 * Units occupied month by month, as bars against the number of units, as wide as its box up to
 * 760 px (a phone gets a narrower chart, not a wider page). The chart is drawn only
 * once the page is hydrated (recharts ids would differ between server and browser); until then
 * a box of the same size holds its place. It is hidden from screen readers: the table beside it
 * gives the same numbers.
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
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	return (
		<div className="chart" aria-hidden="true" style={{ maxWidth: MAX_WIDTH, height: HEIGHT }}>
			{hydrated ? (
				<ResponsiveContainer width="100%" height="100%">
					<BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
						<CartesianGrid strokeDasharray="3 3" vertical={false} />
						<XAxis dataKey="label" interval={1} fontSize={11} />
						<YAxis
							allowDecimals={false}
							domain={[0, Math.max(totalUnits, 1)]}
							width={32}
							fontSize={11}
						/>
						<Tooltip />
						<Bar dataKey="occupied" name={occupiedLabel} fill="#1f6f8b" isAnimationActive={false} />
					</BarChart>
				</ResponsiveContainer>
			) : null}
		</div>
	)
}
