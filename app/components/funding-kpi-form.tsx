import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Link } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { kpiReportSchema } from '~/schemas/funding'
import { useToday } from '~/root'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { useQuarterLabel } from './quarter-label'

export { useQuarterLabel }

/** A quarter's figures. Sending a quarter that already has a report asks to confirm first. */
export function KpiReportForm({
	lastResult,
	quarters,
	values,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	quarters: string[]
	values: Partial<Record<string, string>>
	cancelTo: string
}) {
	const { t } = useTranslation('funding')
	const quarterLabel = useQuarterLabel()
	const today = useToday()
	const schema = kpiReportSchema(today)
	const [form, fields] = useForm<z.output<typeof schema>>({
		id: 'kpi-report',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		defaultValue: values,
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide funding-form">
			<fieldset>
				<legend>{t('kpi.figures')}</legend>
				<SelectField
					label={t('fields.quarter')}
					selectProps={getSelectProps(fields.quarter)}
					options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
					errors={fields.quarter.errors}
				/>
				<div className="field-row">
					<Field
						label={t('fields.employees')}
						inputProps={{
							...getInputProps(fields.employees, { type: 'text' }),
							inputMode: 'numeric',
						}}
						errors={fields.employees.errors}
						hint={t('kpi.employeesHint')}
					/>
					<Field
						label={t('fields.revenueEur')}
						inputProps={{
							...getInputProps(fields.revenue, { type: 'text' }),
							inputMode: 'decimal',
						}}
						errors={fields.revenue.errors}
						hint={t('kpi.revenueHint')}
					/>
					<Field
						label={t('fields.ukCustomers')}
						inputProps={{
							...getInputProps(fields.ukCustomers, { type: 'text' }),
							inputMode: 'numeric',
						}}
						errors={fields.ukCustomers.errors}
					/>
				</div>
				<TextareaField
					label={t('fields.comment')}
					textareaProps={{ ...getTextareaProps(fields.comment), rows: 3 }}
					errors={fields.comment.errors}
				/>
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{t('kpi.submit')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
