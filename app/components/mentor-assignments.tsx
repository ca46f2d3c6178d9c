import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Link } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import type { AssignmentRow } from '~/models/mentoring.server'
import { AssignMentorSchema, EndAssignmentSchema } from '~/schemas/mentor'
import { useFormat } from '~/utils/use-format'
import { ErrorList, Field } from './forms'
import { RecordPicker } from './record-picker'
import { namesAsIds } from '~/utils/picker'
import { Duration } from './mentor-format'
import { Table } from './data-table'

/**
 * Assignments, running ones first: a startup's mentors (with a form to end a running one), or
 * a mentor's startups (read only).
 */
export function AssignmentTable({
	assignments,
	asOf,
	show,
	caption,
	endResult,
}: {
	assignments: AssignmentRow[]
	asOf: string
	show: 'mentor' | 'startup'
	caption: string
	endResult?: { assignmentId: number | null; result: SubmissionResult<string[]> }
}) {
	const canEnd = show === 'mentor'
	const { t } = useTranslation('mentors')
	const f = useFormat()
	return (
		<Table className="assignments" caption={caption} captionHidden>
			<thead>
				<tr>
					<th scope="col">{show === 'mentor' ? t('fields.mentor') : t('fields.startup')}</th>
					<th scope="col">{t('fields.focus')}</th>
					<th scope="col">{t('fields.period')}</th>
					<th scope="col" className="num">
						{t('hours.sessions')}
					</th>
					<th scope="col" className="num">
						{t('hours.hours')}
					</th>
					<th scope="col">{t('fields.lastSession')}</th>
					<th scope="col">{canEnd ? t('assign.endColumn') : t('common:fields.status')}</th>
				</tr>
			</thead>
			<tbody>
				{assignments.map((a) => {
					const ended = a.endDate !== null && a.endDate < asOf
					return (
						<tr key={a.id} className={ended ? 'inactive' : undefined}>
							<th scope="row">
								{show === 'mentor' ? (
									<>
										<Link to={`/mentors/${a.mentorId}`}>{a.mentorName}</Link>{' '}
										<span className="muted">{a.mentorOrganisation}</span>
									</>
								) : (
									<Link to={`/startups/${a.startupId}/mentors`}>{a.startupName}</Link>
								)}
							</th>
							<td>{a.focus}</td>
							<td>
								{a.endDate
									? t('assign.fromTo', { from: f.date(a.startDate), to: f.date(a.endDate) })
									: t('assign.since', { from: f.date(a.startDate) })}
							</td>
							<td className="num">{f.number(a.sessions)}</td>
							<td className="num">
								<Duration minutes={a.minutes} />
							</td>
							<td>{a.lastSessionOn ? f.date(a.lastSessionOn) : t('assign.noSession')}</td>
							<td>
								{ended ? (
									<span className="badge badge-muted">{t('assign.ended')}</span>
								) : !canEnd ? (
									<span className="badge badge-ok">{t('assign.running')}</span>
								) : (
									<EndForm
										assignmentId={a.id}
										mentorName={a.mentorName}
										asOf={asOf}
										lastResult={endResult?.assignmentId === a.id ? endResult.result : undefined}
									/>
								)}
							</td>
						</tr>
					)
				})}
			</tbody>
		</Table>
	)
}

function EndForm({
	assignmentId,
	mentorName,
	asOf,
	lastResult,
}: {
	assignmentId: number
	mentorName: string
	asOf: string
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('mentors')
	const [form, fields] = useForm({
		id: `end-${assignmentId}`,
		lastResult,
		constraint: getZodConstraint(EndAssignmentSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EndAssignmentSchema }),
		defaultValue: { endDate: asOf },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="end-form">
			<input type="hidden" name="intent" value="end" />
			<input type="hidden" name="assignmentId" value={assignmentId} />
			<label htmlFor={fields.endDate.id} className="visually-hidden">
				{t('assign.endDateLabel', { name: mentorName })}
			</label>
			<input
				{...getInputProps(fields.endDate, { type: 'date' })}
				aria-describedby={fields.endDate.errors ? fields.endDate.errorId : undefined}
			/>{' '}
			<button
				type="submit"
				className="button button-small"
				aria-label={t('assign.endLabel', { name: mentorName })}
			>
				{t('assign.end')}
			</button>
			<ErrorList id={fields.endDate.errorId} errors={fields.endDate.errors} />
		</Form>
	)
}

/** Assign a mentor to the startup of the page; the suggestions' links preselect one. */
export function AssignForm({
	mentors,
	preselected,
	preselectedLabel,
	asOf,
	lastResult,
}: {
	/** The mentors who may be assigned, or null when too many for a select (decision 0044). */
	mentors: { id: number; name: string; organisation: string }[] | null
	preselected?: number
	/** The mentor preselected, as the name field shows them. */
	preselectedLabel?: string
	asOf: string
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('mentors')
	const [form, fields] = useForm({
		id: 'assign-mentor',
		lastResult,
		constraint: getZodConstraint(AssignMentorSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(namesAsIds(formData), { schema: AssignMentorSchema }),
		defaultValue: { mentorId: preselected ? String(preselected) : '', startDate: asOf },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form mentor-form">
			<input type="hidden" name="intent" value="assign" />
			<RecordPicker
				label={t('fields.mentor')}
				field={fields.mentorId}
				kind="mentors"
				options={
					mentors && [
						{ value: '', label: t('assign.chooseMentor') },
						...mentors.map((m) => ({
							value: String(m.id),
							label: `${m.name} — ${m.organisation}`,
						})),
					]
				}
				typedValue={preselectedLabel}
			/>
			<Field
				label={t('fields.focus')}
				inputProps={getInputProps(fields.focus, { type: 'text' })}
				errors={fields.focus.errors}
				hint={t('assign.focusHint')}
			/>
			<div className="field-row">
				<Field
					label={t('fields.startDate')}
					inputProps={getInputProps(fields.startDate, { type: 'date' })}
					errors={fields.startDate.errors}
				/>
				<Field
					label={t('fields.endDate')}
					inputProps={getInputProps(fields.endDate, { type: 'date' })}
					errors={fields.endDate.errors}
					hint={t('assign.endDateHint')}
				/>
			</div>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{t('assign.submit')}
				</button>
			</div>
		</Form>
	)
}
