import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Link } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { Field } from '~/components/forms'
import type { ReportPeriod } from '~/models/reports/period'
import { ShareReportSchema } from '~/schemas/report'
import { useFormat } from '~/utils/use-format'

type View = {
	id: number
	token: string
	name: string
	query: string
	createdAt: Date | string
	createdBy: string | null
}

/** Periods shared with partners; a manager shares the one on screen. */
export function SharedViews({
	views,
	period,
	canShare,
	lastResult,
}: {
	views: View[]
	period: ReportPeriod
	canShare: boolean
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('reports')
	const f = useFormat()
	const [form, fields] = useForm({
		id: 'share-report',
		lastResult,
		constraint: getZodConstraint(ShareReportSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ShareReportSchema }),
	})
	if (!views.length && !canShare) return null
	return (
		<details className="shared-views no-print" open={Boolean(lastResult)}>
			<summary>{t('views.title', { count: views.length })}</summary>
			{views.length ? (
				<ul className="list">
					{views.map((v) => (
						<li key={v.id}>
							<Link to={`/reports/views/${v.token}`}>{v.name}</Link>{' '}
							<span className="muted">
								{t('views.sharedBy', {
									name: v.createdBy ?? '—',
									date: f.date(new Date(v.createdAt)),
								})}
							</span>
							{canShare ? (
								<Form method="post" className="inline">
									<input type="hidden" name="intent" value="delete-view" />
									<input type="hidden" name="viewId" value={v.id} />
									<button type="submit" className="button button-small button-link">
										{t('views.stop')}
										<span className="visually-hidden"> {v.name}</span>
									</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			) : (
				<p className="muted">{t('views.none')}</p>
			)}
			{canShare ? (
				<Form method="post" {...getFormProps(form)} className="form form-compact">
					<input type="hidden" name="intent" value="share" />
					<input type="hidden" name="query" value={period.search} />
					<Field
						label={t('views.name')}
						inputProps={getInputProps(fields.name, { type: 'text' })}
						errors={fields.name.errors}
						hint={t('views.hint')}
					/>
					<button type="submit" className="button">
						{t('views.share')}
					</button>
				</Form>
			) : null}
		</details>
	)
}
