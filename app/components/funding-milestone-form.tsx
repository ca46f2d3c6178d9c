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
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '#db/schema/enums'
import { milestoneSchema } from '~/schemas/funding'
import { useToday } from '~/root'
import { ErrorList, Field, SelectField, TextareaField } from './forms'

/** A milestone: its goal, when it is due and where it stands. */
export function MilestoneForm({
	lastResult,
	values,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	values?: Partial<Record<string, string>>
	cancelTo: string
}) {
	const { t } = useTranslation('funding')
	const today = useToday()
	const schema = milestoneSchema(today)
	const [form, fields] = useForm<z.output<typeof schema>>({
		id: 'milestone',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		defaultValue: values ?? { status: 'planned' },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide funding-form">
			<fieldset>
				<legend>{t('milestone.goal')}</legend>
				<Field
					label={t('fields.title')}
					inputProps={getInputProps(fields.title, { type: 'text' })}
					errors={fields.title.errors}
				/>
				<div className="field-row">
					<SelectField
						label={t('fields.milestoneKind')}
						selectProps={getSelectProps(fields.kind)}
						options={[
							{ value: '', label: t('form.choose') },
							...MILESTONE_KINDS.map((k) => ({ value: k, label: t(`enums:milestoneKinds.${k}`) })),
						]}
						errors={fields.kind.errors}
					/>
					<Field
						label={t('fields.dueOn')}
						inputProps={getInputProps(fields.dueOn, { type: 'date' })}
						errors={fields.dueOn.errors}
					/>
				</div>
			</fieldset>
			<fieldset>
				<legend>{t('milestone.progress')}</legend>
				<div className="field-row">
					<SelectField
						label={t('fields.status')}
						selectProps={getSelectProps(fields.status)}
						options={MILESTONE_STATUSES.map((s) => ({
							value: s,
							label: t(`enums:milestoneStatuses.${s}`),
						}))}
						errors={fields.status.errors}
					/>
					<Field
						label={t('fields.doneOn')}
						inputProps={getInputProps(fields.doneOn, { type: 'date' })}
						errors={fields.doneOn.errors}
						hint={t('milestone.doneOnHint')}
					/>
				</div>
				<TextareaField
					label={t('fields.note')}
					textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }}
					errors={fields.note.errors}
				/>
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary" name="intent" value="save">
					{values ? t('common:common.save') : t('milestone.create')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
