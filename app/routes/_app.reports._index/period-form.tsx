import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportPeriod } from '~/models/reports/period'
import { useToday } from '~/root'
import { useFormat } from '~/utils/use-format'
import { NameField } from '~/components/record-picker'

/** Choose the period and cohort; a plain GET form, so the report's URL is the report. */
export function PeriodForm({
	period,
	cohorts,
	cohortName,
	cohortProblem,
}: {
	period: ReportPeriod
	/** Every cohort, or null when too many for a select: a name to type (decision 0044). */
	cohorts: { id: number; name: string }[] | null
	/** The cohort filtered on (or the name typed that named none), for the name field. */
	cohortName?: string
	cohortProblem?: string
}) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const [kind, setKind] = useState(period.kind)
	const currentYear = Number(useToday().slice(0, 4))
	const thisYear = Number(period.to.slice(0, 4))
	const years = Array.from(
		{ length: Math.max(thisYear, currentYear) - 2013 + 1 },
		(_, i) => 2013 + i,
	).reverse()
	const quarters = years.flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`))
	return (
		<Form method="get" className="filters report-period no-print" aria-label={t('choosePeriod')}>
			<div className="field">
				<label htmlFor="period-kind">{t('period')}</label>
				<select
					id="period-kind"
					name="period"
					value={kind}
					onChange={(e) => setKind(e.currentTarget.value as ReportPeriod['kind'])}
				>
					{(['all', 'year', 'quarter', 'range'] as const).map((k) => (
						<option key={k} value={k}>
							{t(`kinds.${k}`)}
						</option>
					))}
				</select>
			</div>
			<div className="field" hidden={kind !== 'year'}>
				<label htmlFor="period-year">{t('kinds.year')}</label>
				<select
					id="period-year"
					name="year"
					defaultValue={period.kind === 'year' ? period.from.slice(0, 4) : String(thisYear)}
				>
					{years.map((y) => (
						<option key={y} value={y}>
							{y}
						</option>
					))}
				</select>
			</div>
			<div className="field" hidden={kind !== 'quarter'}>
				<label htmlFor="period-quarter">{t('kinds.quarter')}</label>
				<select
					id="period-quarter"
					name="quarter"
					defaultValue={
						period.kind === 'quarter'
							? `${period.from.slice(0, 4)}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}`
							: undefined
					}
				>
					{quarters.map((q) => (
						<option key={q} value={q}>
							{f.quarter(q)}
						</option>
					))}
				</select>
			</div>
			<div className="field" hidden={kind !== 'range'}>
				<label htmlFor="period-from">{t('from')}</label>
				<input
					id="period-from"
					type="date"
					name="from"
					defaultValue={period.from}
					min="2013-01-01"
				/>
			</div>
			<div className="field" hidden={kind !== 'range'}>
				<label htmlFor="period-to">{t('to')}</label>
				<input id="period-to" type="date" name="to" defaultValue={period.to} min="2013-01-01" />
			</div>
			{cohorts ? (
				<div className="field">
					<label htmlFor="period-cohort">{t('common:fields.cohort')}</label>
					<select id="period-cohort" name="cohort" defaultValue={period.cohortId?.toString() ?? ''}>
						<option value="">{t('allCohorts')}</option>
						{cohorts.map((c) => (
							<option key={c.id} value={c.id}>
								{c.name}
							</option>
						))}
					</select>
				</div>
			) : (
				<NameField
					label={t('common:fields.cohort')}
					name="cohort"
					id="period-cohort"
					kind="cohorts"
					defaultValue={cohortName}
					errors={cohortProblem ? [cohortProblem] : undefined}
					placeholder={t('allCohorts')}
					marked={false}
				/>
			)}
			<div className="filter-buttons">
				<button type="submit" className="button button-primary">
					{t('show')}
				</button>
				<button type="button" className="button" onClick={() => window.print()}>
					{t('print')}
				</button>
			</div>
		</Form>
	)
}
