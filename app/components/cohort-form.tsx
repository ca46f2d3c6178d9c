import {
	getFormProps,
	getInputProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Link } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { CohortSchema, PROGRAMMES } from '~/schemas/cohort'
import { ErrorList, Field, SelectField } from './forms'

type CohortValues = { name: string; programme: string; startDate: string; endDate: string }

/**
 * Create or edit a cohort. The browser checks what it can (required, end ≥ start); the server
 * alone knows whether the name is taken and answers with the same field messages.
 */
export function CohortForm({
	lastResult,
	cohort,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	cohort?: CohortValues & { id: number }
	cancelTo: string
}) {
	const { t } = useTranslation('cohorts')
	const [form, fields] = useForm({
		id: cohort ? `cohort-${cohort.id}` : 'cohort-new',
		lastResult,
		constraint: getZodConstraint(CohortSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CohortSchema }),
		defaultValue: cohort ?? { programme: 'incubation' },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form">
			<Field
				label={t('form.name')}
				inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
				errors={fields.name.errors}
				hint={t('form.nameHint')}
			/>
			<SelectField
				label={t('form.programme')}
				selectProps={getSelectProps(fields.programme)}
				options={PROGRAMMES.map((p) => ({ value: p, label: t(`enums:programmes.${p}`) }))}
				errors={fields.programme.errors}
			/>
			<Field
				label={t('form.startDate')}
				inputProps={getInputProps(fields.startDate, { type: 'date' })}
				errors={fields.startDate.errors}
			/>
			<Field
				label={t('form.endDate')}
				inputProps={{
					...getInputProps(fields.endDate, { type: 'date' }),
					min: fields.startDate.value || undefined,
				}}
				errors={fields.endDate.errors}
			/>
			<ErrorList id={form.errorId} errors={form.errors} />
			<p className="form-actions">
				<button type="submit" className="button button-primary">
					{cohort ? t('common:common.save') : t('form.create')}
				</button>{' '}
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</p>
		</Form>
	)
}
