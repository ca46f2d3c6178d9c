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
import { EditSessionSchema, LogSessionSchema, MAX_SESSION_MINUTES } from '~/schemas/mentor'
import { ErrorList, Field, SelectField, TextareaField } from './forms'

export type SessionFormValues = {
	id: number
	date: string
	minutes: number
	topic: string
	notes: string | null
	notesPrivate: boolean
	nextSteps: string | null
}

/**
 * Log a session (choosing one of the mentor's running assignments) or edit one. The browser
 * checks what it can; the server alone knows the assignment's dates and answers with the
 * same field messages.
 */
export function SessionForm({
	lastResult,
	session,
	assignments,
	assignmentId,
	today,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	session?: SessionFormValues
	assignments?: { id: number; startupName: string; focus: string }[]
	assignmentId?: number | null
	today: string
	cancelTo?: string
}) {
	const { t } = useTranslation('mentors')
	const schema = (session ? EditSessionSchema : LogSessionSchema) as typeof LogSessionSchema
	const [form, fields] = useForm({
		id: session ? `session-${session.id}` : 'session-new',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		defaultValue: session
			? {
					date: session.date,
					minutes: String(session.minutes),
					topic: session.topic,
					notes: session.notes ?? '',
					notesPrivate: session.notesPrivate ? 'on' : '',
					nextSteps: session.nextSteps ?? '',
				}
			: {
					assignmentId: assignmentId ? String(assignmentId) : '',
					date: today,
					minutes: '60',
				},
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide mentor-form">
			{assignments ? (
				<SelectField
					label={t('fields.startup')}
					selectProps={getSelectProps(fields.assignmentId)}
					options={[
						{ value: '', label: t('session.chooseStartup') },
						...assignments.map((a) => ({
							value: String(a.id),
							label: `${a.startupName} — ${a.focus}`,
						})),
					]}
					errors={fields.assignmentId.errors}
				/>
			) : null}
			<div className="field-row">
				<Field
					label={t('fields.date')}
					inputProps={{ ...getInputProps(fields.date, { type: 'date' }), max: today }}
					errors={fields.date.errors}
				/>
				<Field
					label={t('fields.minutes')}
					inputProps={{
						...getInputProps(fields.minutes, { type: 'number' }),
						min: 1,
						max: MAX_SESSION_MINUTES,
						step: 1,
					}}
					errors={fields.minutes.errors}
					hint={t('session.minutesHint')}
				/>
			</div>
			<Field
				label={t('fields.topic')}
				inputProps={getInputProps(fields.topic, { type: 'text' })}
				errors={fields.topic.errors}
			/>
			<TextareaField
				label={t('fields.notes')}
				textareaProps={{ ...getTextareaProps(fields.notes), rows: 5 }}
				errors={fields.notes.errors}
			/>
			<TextareaField
				label={t('fields.nextSteps')}
				textareaProps={{ ...getTextareaProps(fields.nextSteps), rows: 3 }}
				errors={fields.nextSteps.errors}
			/>
			{/* after both texts: the choice covers the notes and the next steps */}
			<div className="field field-checkbox">
				<input
					{...getInputProps(fields.notesPrivate, { type: 'checkbox' })}
					aria-describedby={`${fields.notesPrivate.id}-hint`}
				/>
				<label htmlFor={fields.notesPrivate.id}>{t('fields.notesPrivate')}</label>
			</div>
			<p className="field-hint" id={`${fields.notesPrivate.id}-hint`}>
				{t('session.privateHint')}
			</p>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{session ? t('common:common.save') : t('session.log')}
				</button>
				{cancelTo ? (
					<Link to={cancelTo} className="button">
						{t('common:common.cancel')}
					</Link>
				) : null}
			</div>
		</Form>
	)
}
