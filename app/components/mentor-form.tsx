import {
	getFormProps,
	getInputProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Link } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { MAX_CAPACITY_HOURS, MentorSchema } from '~/schemas/mentor'
import { ErrorList, Field, TextareaField } from './forms'

export type MentorFormValues = {
	id: number
	name: string
	organisation: string
	email: string | null
	expertise: string[]
	languages: string[]
	capacityHoursPerMonth: number
	bio: string | null
}

/** Create or edit a mentor. Tags are typed separated by commas and stored in one spelling. */
export function MentorForm({
	lastResult,
	mentor,
	vocabulary,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	mentor?: MentorFormValues
	vocabulary: { expertise: string[]; languages: string[] }
	cancelTo: string
}) {
	const { t } = useTranslation('mentors')
	const [form, fields] = useForm({
		id: mentor ? `mentor-${mentor.id}` : 'mentor-new',
		lastResult,
		constraint: getZodConstraint(MentorSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: MentorSchema }),
		defaultValue: mentor
			? {
					name: mentor.name,
					organisation: mentor.organisation,
					email: mentor.email ?? '',
					expertise: mentor.expertise.join(', '),
					languages: mentor.languages.join(', '),
					capacityHoursPerMonth: String(mentor.capacityHoursPerMonth),
					bio: mentor.bio ?? '',
				}
			: { languages: 'fr, en', capacityHoursPerMonth: '4' },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide mentor-form">
			<div className="field-row">
				<Field
					label={t('fields.name')}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.name.errors}
				/>
				<Field
					label={t('fields.organisation')}
					inputProps={getInputProps(fields.organisation, { type: 'text' })}
					errors={fields.organisation.errors}
					hint={t('form.organisationHint')}
				/>
			</div>
			<Field
				label={t('fields.email')}
				inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
				errors={fields.email.errors}
			/>
			<Field
				label={t('fields.expertise')}
				inputProps={getInputProps(fields.expertise, { type: 'text' })}
				errors={fields.expertise.errors}
				hint={t('form.expertiseHint', { tags: vocabulary.expertise.join(', ') })}
			/>
			<div className="field-row">
				<Field
					label={t('fields.languages')}
					inputProps={getInputProps(fields.languages, { type: 'text' })}
					errors={fields.languages.errors}
					hint={t('form.languagesHint')}
				/>
				<Field
					label={t('fields.capacity')}
					inputProps={{
						...getInputProps(fields.capacityHoursPerMonth, { type: 'number' }),
						min: 0,
						max: MAX_CAPACITY_HOURS,
						step: 1,
					}}
					errors={fields.capacityHoursPerMonth.errors}
					hint={t('form.capacityHint')}
				/>
			</div>
			<TextareaField
				label={t('fields.bio')}
				textareaProps={{ ...getTextareaProps(fields.bio), rows: 4 }}
				errors={fields.bio.errors}
			/>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{mentor ? t('common:common.save') : t('form.create')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
