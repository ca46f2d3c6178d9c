import type { ReactNode } from 'react'

export function StatGrid({ children }: { children: ReactNode }) {
	return <dl className="stat-grid">{children}</dl>
}

export function Stat({
	label,
	value,
	note,
}: {
	label: ReactNode
	value: ReactNode
	note?: ReactNode
}) {
	return (
		<div className="stat">
			<dt>{label}</dt>
			<dd>
				<span className="stat-value">{value}</span>
				{note ? <span className="stat-note">{note}</span> : null}
			</dd>
		</div>
	)
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
	return (
		<div className="empty-state">
			<p className="empty-title">{title}</p>
			{children ? <p>{children}</p> : null}
		</div>
	)
}
