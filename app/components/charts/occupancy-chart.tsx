import { useEffect, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'

const WIDTH = 760
const HEIGHT = 260

/**
 * Units occupied month by month, as bars against the number of units. The chart is drawn only
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
		<div className="chart" aria-hidden="true" style={{ width: WIDTH, height: HEIGHT }}>
			{hydrated ? (
				<BarChart
					width={WIDTH}
					height={HEIGHT}
					data={data}
					margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
				>
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
			) : null}
		</div>
	)
}
