import {
	type FieldMetadata,
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
import {
	CallSchema,
	DEFAULT_CRITERIA,
	DEFAULT_QUESTIONS,
	MAX_CRITERIA,
	MAX_QUESTIONS,
	optionsText,
	QUESTION_KINDS,
	type ChoiceOption,
} from '~/schemas/call'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { RecordPicker } from './record-picker'
import { namesAsIds } from '~/utils/picker'

type QuestionValue = {
	id?: number
	kind: string
	labelFr: string
	labelEn: string
	helpFr?: string | null
	helpEn?: string | null
	required: boolean
	options?: ChoiceOption[] | null
}

type CriterionValue = { id?: number; labelFr: string; labelEn: string; weight: number }

export type CallFormValues = {
	cohortId: number
	titleFr: string
	titleEn: string
	textFr: string
	textEn: string
	opensOn: string
	closesOn: string
	published: boolean
	retentionMonths: number
	questions: QuestionValue[]
	criteria: CriterionValue[]
}

const onOff = (value: boolean) => (value ? 'on' : undefined)

function toFormValue(call: Partial<CallFormValues>) {
	return {
		...call,
		cohortId: call.cohortId ? String(call.cohortId) : undefined,
		published: onOff(Boolean(call.published)),
		retentionMonths: String(call.retentionMonths ?? 24),
		questions: (call.questions ?? []).map((q) => ({
			...q,
			id: q.id ? String(q.id) : undefined,
			helpFr: q.helpFr ?? undefined,
			helpEn: q.helpEn ?? undefined,
			required: onOff(q.required),
			options: q.options ? optionsText(q.options) : undefined,
		})),
		criteria: (call.criteria ?? []).map((c) => ({
			...c,
			id: c.id ? String(c.id) : undefined,
			weight: String(c.weight),
		})),
	}
}

/**
 * A call: texts in both languages, dates, publication, retention; its questions and weighted
 * criteria as lists (add, remove, move: plain buttons that work before JavaScript loads).
 * Questions are locked once someone has applied, criteria once someone has scored: they are
 * then sent back unchanged, as hidden fields.
 */
export function CallForm({
	lastResult,
	call,
	cohorts,
	cohortLabel,
	locks = { questions: false, criteria: false },
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	call?: CallFormValues & { id: number }
	/** Every cohort, or null when there are too many for a select (decision 0044). */
	cohorts: readonly { id: number; name: string }[] | null
	/** The cohort picked now, as its name field shows it. */
	cohortLabel?: string
	locks?: { questions: boolean; criteria: boolean }
	cancelTo: string
}) {
	const { t } = useTranslation('calls')
	const [form, fields] = useForm({
		id: call ? `call-${call.id}` : 'call-new',
		lastResult,
		constraint: getZodConstraint(CallSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema: CallSchema }),
		defaultValue: toFormValue(
			call ?? {
				retentionMonths: 24,
				questions: DEFAULT_QUESTIONS.map((q) => ({ ...q, options: null })),
				criteria: DEFAULT_CRITERIA,
			},
		),
	})
	const questions = fields.questions.getFieldList()
	const criteria = fields.criteria.getFieldList()
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide">
			<RecordPicker
				label={t('common:fields.cohort')}
				field={fields.cohortId}
				kind="cohorts"
				options={
					cohorts && [
						{ value: '', label: t('form.chooseCohort') },
						...cohorts.map((c) => ({ value: String(c.id), label: c.name })),
					]
				}
				typedValue={cohortLabel}
			/>
			<div className="columns">
				<Field
					label={t('form.titleFr')}
					inputProps={{ ...getInputProps(fields.titleFr, { type: 'text' }), lang: 'fr' }}
					errors={fields.titleFr.errors}
				/>
				<Field
					label={t('form.titleEn')}
					inputProps={{ ...getInputProps(fields.titleEn, { type: 'text' }), lang: 'en' }}
					errors={fields.titleEn.errors}
				/>
			</div>
			<div className="columns">
				<TextareaField
					label={t('form.textFr')}
					textareaProps={{ ...getTextareaProps(fields.textFr), rows: 8, lang: 'fr' }}
					errors={fields.textFr.errors}
				/>
				<TextareaField
					label={t('form.textEn')}
					textareaProps={{ ...getTextareaProps(fields.textEn), rows: 8, lang: 'en' }}
					errors={fields.textEn.errors}
				/>
			</div>
			<div className="columns">
				<Field
					label={t('fields.opensOn')}
					inputProps={getInputProps(fields.opensOn, { type: 'date' })}
					errors={fields.opensOn.errors}
				/>
				<Field
					label={t('fields.closesOn')}
					inputProps={{
						...getInputProps(fields.closesOn, { type: 'date' }),
						min: fields.opensOn.value || undefined,
					}}
					errors={fields.closesOn.errors}
				/>
				<Field
					label={t('fields.retentionMonths')}
					inputProps={{
						...getInputProps(fields.retentionMonths, { type: 'number' }),
						min: 1,
						max: 120,
					}}
					errors={fields.retentionMonths.errors}
					hint={t('form.retentionHint')}
				/>
			</div>
			<div className="field field-checkbox">
				<label>
					<input {...getInputProps(fields.published, { type: 'checkbox' })} /> {t('form.published')}
				</label>
				<p className="field-hint">{t('form.publishedHint')}</p>
			</div>

			<fieldset className="list-editor">
				<legend>{t('form.questions')}</legend>
				{locks.questions ? <p className="muted">{t('form.questionsLocked')}</p> : null}
				<ErrorList errors={fields.questions.errors} />
				{questions.length === 0 ? <p className="muted">{t('form.noQuestions')}</p> : null}
				<ol>
					{questions.map((item, index) =>
						locks.questions ? (
							<LockedItem
								key={item.key}
								field={item}
								label={item.getFieldset().labelFr.initialValue}
								keys={QUESTION_KEYS}
							/>
						) : (
							<li key={item.key} className="list-editor-item">
								<QuestionFields field={item} />
								<p className="row-actions">
									{index > 0 ? (
										<button
											className="button button-small"
											{...form.reorder.getButtonProps({
												name: fields.questions.name,
												from: index,
												to: index - 1,
											})}
										>
											{t('form.moveUp')}
										</button>
									) : null}{' '}
									<button
										className="button button-small button-danger"
										{...form.remove.getButtonProps({ name: fields.questions.name, index })}
									>
										{t('form.removeQuestion')}
									</button>
								</p>
							</li>
						),
					)}
				</ol>
				{!locks.questions && questions.length < MAX_QUESTIONS ? (
					<button
						className="button"
						{...form.insert.getButtonProps({
							name: fields.questions.name,
							defaultValue: { kind: 'short_text', labelFr: '', labelEn: '' },
						})}
					>
						{t('form.addQuestion')}
					</button>
				) : null}
			</fieldset>

			<fieldset className="list-editor">
				<legend>{t('form.criteria')}</legend>
				<p className="field-hint">{t('form.criteriaHint')}</p>
				{locks.criteria ? <p className="muted">{t('form.criteriaLocked')}</p> : null}
				<ErrorList errors={fields.criteria.errors} />
				<ol>
					{criteria.map((item, index) => {
						const c = item.getFieldset()
						return locks.criteria ? (
							<LockedItem
								key={item.key}
								field={item}
								label={c.labelFr.initialValue}
								keys={CRITERION_KEYS}
							/>
						) : (
							<li key={item.key} className="list-editor-item">
								<input {...getInputProps(c.id, { type: 'hidden' })} />
								<div className="columns">
									<Field
										label={t('form.labelFr')}
										inputProps={getInputProps(c.labelFr, { type: 'text' })}
										errors={c.labelFr.errors}
									/>
									<Field
										label={t('form.labelEn')}
										inputProps={getInputProps(c.labelEn, { type: 'text' })}
										errors={c.labelEn.errors}
									/>
									<Field
										label={t('fields.weight')}
										inputProps={{
											...getInputProps(c.weight, { type: 'number' }),
											min: 1,
											max: 100,
										}}
										errors={c.weight.errors}
									/>
								</div>
								<p className="row-actions">
									<button
										className="button button-small button-danger"
										{...form.remove.getButtonProps({ name: fields.criteria.name, index })}
									>
										{t('form.removeCriterion')}
									</button>
								</p>
							</li>
						)
					})}
				</ol>
				{!locks.criteria && criteria.length < MAX_CRITERIA ? (
					<button
						className="button"
						{...form.insert.getButtonProps({
							name: fields.criteria.name,
							defaultValue: { labelFr: '', labelEn: '', weight: '10' },
						})}
					>
						{t('form.addCriterion')}
					</button>
				) : null}
			</fieldset>

			<ErrorList id={form.errorId} errors={form.errors} />
			<p className="form-actions">
				<button type="submit" className="button button-primary">
					{call ? t('common:common.save') : t('form.create')}
				</button>{' '}
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</p>
		</Form>
	)
}

type QuestionField = FieldMetadata<{
	id?: string
	kind: string
	labelFr: string
	labelEn: string
	helpFr?: string
	helpEn?: string
	required?: string
	options?: string
}>

function QuestionFields({ field }: { field: FieldMetadata<unknown> }) {
	const { t } = useTranslation('calls')
	const q = (field as unknown as QuestionField).getFieldset()
	return (
		<>
			<input {...getInputProps(q.id, { type: 'hidden' })} />
			<div className="columns">
				<SelectField
					label={t('form.kind')}
					selectProps={getSelectProps(q.kind)}
					options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
					errors={q.kind.errors}
				/>
				<div className="field field-checkbox">
					<label>
						<input {...getInputProps(q.required, { type: 'checkbox' })} /> {t('form.required')}
					</label>
				</div>
			</div>
			<div className="columns">
				<Field
					label={t('form.labelFr')}
					inputProps={getInputProps(q.labelFr, { type: 'text' })}
					errors={q.labelFr.errors}
				/>
				<Field
					label={t('form.labelEn')}
					inputProps={getInputProps(q.labelEn, { type: 'text' })}
					errors={q.labelEn.errors}
				/>
			</div>
			<div className="columns">
				<Field
					label={t('form.helpFr')}
					inputProps={getInputProps(q.helpFr, { type: 'text' })}
					errors={q.helpFr.errors}
				/>
				<Field
					label={t('form.helpEn')}
					inputProps={getInputProps(q.helpEn, { type: 'text' })}
					errors={q.helpEn.errors}
				/>
			</div>
			<TextareaField
				label={t('form.options')}
				textareaProps={{ ...getTextareaProps(q.options), rows: 3, placeholder: 'Oui | Yes' }}
				errors={q.options.errors}
			/>
		</>
	)
}

const QUESTION_KEYS = [
	'id',
	'kind',
	'labelFr',
	'labelEn',
	'helpFr',
	'helpEn',
	'required',
	'options',
]
const CRITERION_KEYS = ['id', 'labelFr', 'labelEn', 'weight']

/** A locked question or criterion: its values travel back as hidden fields, unchanged. */
function LockedItem({
	field,
	label,
	keys,
}: {
	field: FieldMetadata<unknown>
	label: unknown
	keys: string[]
}) {
	const fieldset = (field as unknown as FieldMetadata<Record<string, unknown>>).getFieldset()
	return (
		<li>
			{String(label ?? '')}
			{keys.map((key) => {
				const meta = fieldset[key]
				return meta && typeof meta.initialValue === 'string' ? (
					<input key={key} type="hidden" name={meta.name} defaultValue={meta.initialValue} />
				) : null
			})}
		</li>
	)
}
