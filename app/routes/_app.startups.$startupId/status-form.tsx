import {
	getFormProps,
	getInputProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import type { STARTUP_STATUSES } from '#db/schema/enums'
import { Field, SelectField } from '~/components/forms'
import { useToday } from '~/root'
import { STATUS_TRANSITIONS, StatusChangeSchema } from '~/schemas/startup'

/** A manager moves the startup along: applicant → incubated → graduated, or left. */
export function StatusForm({
	status,
	lastResult,
}: {
	status: (typeof STARTUP_STATUSES)[number]
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('startups')
	const next = STATUS_TRANSITIONS[status]
	const today = useToday()
	const [form, fields] = useForm({
		id: 'change-status',
		lastResult,
		constraint: getZodConstraint(StatusChangeSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: StatusChangeSchema }),
		// the new status is the manager's choice: nothing pre-selected (issue 13 §12)
		defaultValue: { date: today },
	})
	if (!next.length) return null
	return (
		<section aria-labelledby="status-heading" className="panel">
			<h2 id="status-heading">{t('page.changeStatus')}</h2>
			<Form method="post" {...getFormProps(form)} className="form">
				<input type="hidden" name="intent" value="change-status" />
				<SelectField
					label={t('page.newStatus')}
					selectProps={getSelectProps(fields.status)}
					options={[
						{ value: '', label: t('common:common.chooseStatus') },
						...next.map((s) => ({ value: s, label: t(`enums:startupStatuses.${s}`) })),
					]}
					errors={fields.status.errors}
				/>
				<Field
					label={t('page.statusDate')}
					inputProps={getInputProps(fields.date, { type: 'date' })}
					errors={fields.date.errors}
				/>
				<button type="submit" className="button button-primary">
					{t('page.applyStatus')}
				</button>
			</Form>
		</section>
	)
}
