import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "How is this computed?" beside a figure: its definition, opened on demand. A native
 * <details> is keyboard-reachable and announces itself as expanded or collapsed; the figure's
 * name follows in hidden text so that a screen reader's list of these tells them apart.
 * The definitions are those of docs/report-definitions.md.
 */
export function HowComputed({ figure, children }: { figure: string; children: ReactNode }) {
	const { t } = useTranslation('reports')
	return (
		<details className="how-computed">
			<summary>
				{t('howComputed')}
				<span className="visually-hidden"> ({figure})</span>
			</summary>
			<p>{children}</p>
		</details>
	)
}

/** A figure (the markup of Stat, inside a StatGrid) with how it is computed right under it. */
export function ExplainedStat({
	label,
	value,
	note,
	how,
}: {
	label: string
	value: ReactNode
	note?: ReactNode
	/** the figure's definition, in the reader's language */
	how: string
}) {
	return (
		<div className="stat">
			<dt>{label}</dt>
			<dd>
				<span className="stat-value">{value}</span>
				{note ? <span className="stat-note">{note}</span> : null}
				<HowComputed figure={label}>{how}</HowComputed>
			</dd>
		</div>
	)
}
