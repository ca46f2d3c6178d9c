import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { useNavigation } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { COUNTRIES, STARTUP_STAGES } from '#db/schema/enums'
import {
	applicationSchema,
	FOUNDER_ROWS,
	type FormQuestion,
	HONEYPOT_FIELD,
	questionField,
} from '~/schemas/application'
import { formatMoneyForForm } from '~/utils/money'
import { fileSize, useBilingual } from './application-view'
import { ErrorList, Field, SelectField, TextareaField } from './forms'

/** The field no person fills: hidden from sight and from screen readers, skipped by Tab. */
export function Honeypot() {
	return (
		<div className="honeypot" aria-hidden="true">
			<label htmlFor={`hp-${HONEYPOT_FIELD}`}>Fax</label>
			<input
				id={`hp-${HONEYPOT_FIELD}`}
				type="text"
				name={HONEYPOT_FIELD}
				tabIndex={-1}
				autoComplete="off"
				defaultValue=""
			/>
		</div>
	)
}

/** Why TEKTOS holds an applicant's data, how long, and their rights (GDPR art. 13). */
export function PrivacyNotice({
	call,
}: {
	call: { lawfulBasis: string; retentionMonths: number }
}) {
	const { t } = useTranslation('calls')
	return (
		<section aria-labelledby="privacy-title" className="privacy-notice">
			<h2 id="privacy-title">{t('privacy.title')}</h2>
			<p>{t(`privacy.basis.${call.lawfulBasis}`)}</p>
			<p>{t('privacy.retention', { count: call.retentionMonths })}</p>
			<p>{t('privacy.rights')}</p>
		</section>
	)
}

export type SavedApplication = {
	contactName: string | null
	contactEmail: string | null
	contactPhone: string | null
	projectName: string | null
	origin: string | null
	sector: string | null
	stage: string | null
	website: string | null
	pitch: string | null
	ukFocus: boolean
}

/** What was saved, as the form's fields show it (amounts as typed in the reader's language). */
function formDefaults(
	application: SavedApplication,
	founders: readonly { name: string; role: string | null; email: string | null }[],
	questions: readonly FormQuestion[],
	answers: Record<number, string>,
	locale: string,
) {
	const rows = Array.from({ length: FOUNDER_ROWS }, (_, i) => {
		const f = founders[i]
		return { name: f?.name ?? '', role: f?.role ?? '', email: f?.email ?? '' }
	})
	return {
		contactName: application.contactName ?? '',
		contactEmail: application.contactEmail ?? '',
		contactPhone: application.contactPhone ?? '',
		projectName: application.projectName ?? '',
		origin: application.origin ?? '',
		sector: application.sector ?? '',
		stage: application.stage ?? '',
		website: application.website ?? '',
		pitch: application.pitch ?? '',
		ukFocus: application.ukFocus ? 'on' : undefined,
		privacy: undefined as string | undefined,
		founders: rows,
		...Object.fromEntries(
			questions
				.filter((q) => q.kind !== 'file' && answers[q.id] !== undefined)
				.map((q) => [
					questionField(q.id),
					q.kind === 'amount' ? formatMoneyForForm(Number(answers[q.id]), locale) : answers[q.id],
				]),
		),
	}
}

/**
 * The application: who applies, the project, the founders, the call's own questions, the
 * privacy notice. "Save the draft" keeps whatever is there; "Submit" asks for everything
 * required. Multipart, so that PDF files travel with it.
 */
export function ApplicationForm({
	lastResult,
	application,
	founders,
	questions,
	answers,
	files,
	call,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	application: SavedApplication
	founders: readonly { name: string; role: string | null; email: string | null }[]
	questions: readonly FormQuestion[]
	answers: Record<number, string>
	files: readonly { questionId: number; originalName: string; sizeBytes: number }[]
	call: { lawfulBasis: string; retentionMonths: number }
}) {
	const { t, i18n } = useTranslation('calls')
	const pick = useBilingual()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'application',
		lastResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		constraint: getZodConstraint(applicationSchema(questions, 'save')),
		onValidate: ({ formData }) =>
			parseWithZod(formData, {
				schema: applicationSchema(
					questions,
					formData.get('intent') === 'submit' ? 'submit' : 'save',
				),
			}),
		defaultValue: formDefaults(application, founders, questions, answers, i18n.language),
	})
	const all = fields as unknown as Record<
		string,
		{ name: string; id: string; errors?: string[]; initialValue?: unknown; errorId: string }
	>
	const founderRows = fields.founders.getFieldList()
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			{...getFormProps(form)}
			className="form form-wide"
		>
			<Honeypot />
			<fieldset>
				<legend>{t('form.contact')}</legend>
				<div className="columns">
					<Field
						label={t('fields.contactName')}
						inputProps={{
							...getInputProps(fields.contactName, { type: 'text' }),
							autoComplete: 'name',
						}}
						errors={fields.contactName.errors}
					/>
					<Field
						label={t('fields.contactEmail')}
						inputProps={{
							...getInputProps(fields.contactEmail, { type: 'email' }),
							autoComplete: 'email',
						}}
						errors={fields.contactEmail.errors}
					/>
					<Field
						label={t('fields.contactPhone')}
						inputProps={{
							...getInputProps(fields.contactPhone, { type: 'tel' }),
							autoComplete: 'tel',
						}}
						errors={fields.contactPhone.errors}
					/>
				</div>
			</fieldset>
			<fieldset>
				<legend>{t('form.project')}</legend>
				<Field
					label={t('fields.projectName')}
					inputProps={getInputProps(fields.projectName, { type: 'text' })}
					errors={fields.projectName.errors}
				/>
				<div className="columns">
					<SelectField
						label={t('fields.origin')}
						selectProps={getSelectProps(fields.origin)}
						options={[
							{ value: '', label: '—' },
							...COUNTRIES.map((c) => ({ value: c, label: t(`origins.${c}`) })),
						]}
						errors={fields.origin.errors}
					/>
					<Field
						label={t('common:fields.sector')}
						inputProps={getInputProps(fields.sector, { type: 'text' })}
						errors={fields.sector.errors}
					/>
					<SelectField
						label={t('common:fields.stage')}
						selectProps={getSelectProps(fields.stage)}
						options={[
							{ value: '', label: '—' },
							...STARTUP_STAGES.map((s) => ({ value: s, label: t(`enums:startupStages.${s}`) })),
						]}
						errors={fields.stage.errors}
					/>
				</div>
				<Field
					label={t('fields.website')}
					inputProps={getInputProps(fields.website, { type: 'text' })}
					errors={fields.website.errors}
				/>
				<TextareaField
					label={t('fields.pitch')}
					textareaProps={{ ...getTextareaProps(fields.pitch), rows: 6, maxLength: 2000 }}
					errors={fields.pitch.errors}
				/>
				<div className="field field-checkbox">
					<label>
						<input {...getInputProps(fields.ukFocus, { type: 'checkbox' })} /> {t('form.ukFocus')}
					</label>
				</div>
			</fieldset>
			<fieldset>
				<legend>{t('fields.founders')}</legend>
				<p className="field-hint">{t('form.foundersHint')}</p>
				<ErrorList errors={fields.founders.errors} />
				{founderRows.map((row, i) => {
					const f = row.getFieldset()
					return (
						<div key={row.key} className="columns">
							<Field
								label={t('form.founderName', { n: i + 1 })}
								inputProps={getInputProps(f.name, { type: 'text' })}
								errors={f.name.errors}
							/>
							<Field
								label={t('form.founderRole', { n: i + 1 })}
								inputProps={getInputProps(f.role, { type: 'text' })}
								errors={f.role.errors}
							/>
							<Field
								label={t('form.founderEmail', { n: i + 1 })}
								inputProps={getInputProps(f.email, { type: 'email' })}
								errors={f.email.errors}
							/>
						</div>
					)
				})}
			</fieldset>
			{questions.length ? (
				<fieldset>
					<legend>{t('form.questions')}</legend>
					{questions.map((q) => {
						const meta = all[questionField(q.id)]!
						const label = `${pick(q.labelFr, q.labelEn)}${q.required ? ' *' : ''}`
						const hint = pick(q.helpFr, q.helpEn) ?? undefined
						const common = {
							id: meta.id,
							name: meta.name,
							'aria-invalid': meta.errors?.length ? true : undefined,
						}
						const initial = typeof meta.initialValue === 'string' ? meta.initialValue : ''
						switch (q.kind) {
							case 'long_text':
								return (
									<TextareaField
										key={q.id}
										label={label}
										textareaProps={{ ...common, defaultValue: initial, rows: 5, maxLength: 5000 }}
										errors={meta.errors}
									/>
								)
							case 'choice':
								return (
									<SelectField
										key={q.id}
										label={label}
										selectProps={{ ...common, defaultValue: initial }}
										options={[
											{ value: '', label: '—' },
											...(q.options ?? []).map((o, i) => ({
												value: String(i),
												label: pick(o.fr, o.en),
											})),
										]}
										errors={meta.errors}
									/>
								)
							case 'yes_no':
								return (
									<fieldset key={q.id} className="field">
										<legend>{label}</legend>
										{(['yes', 'no'] as const).map((v) => (
											<label key={v} className="field-checkbox">
												<input
													type="radio"
													name={meta.name}
													value={v}
													defaultChecked={initial === v}
												/>{' '}
												{t(`common:common.${v}`)}
											</label>
										))}
										<ErrorList errors={meta.errors} />
									</fieldset>
								)
							case 'file': {
								const saved = files.find((f) => f.questionId === q.id)
								return (
									<div key={q.id}>
										<Field
											label={label}
											inputProps={{ ...common, type: 'file', accept: 'application/pdf,.pdf' }}
											errors={meta.errors}
											hint={[hint, t('form.pdfHint')].filter(Boolean).join(' ')}
										/>
										{saved ? (
											<p className="field-hint">
												{t('form.savedFile', {
													name: saved.originalName,
													size: fileSize(saved.sizeBytes, i18n.language),
												})}{' '}
												<label>
													<input type="checkbox" name={`remove_${meta.name}`} />{' '}
													{t('form.removeFile')}
												</label>
											</p>
										) : null}
									</div>
								)
							}
							default:
								return (
									<Field
										key={q.id}
										label={label}
										inputProps={{
											...common,
											defaultValue: initial,
											type: q.kind === 'date' ? 'date' : 'text',
											inputMode: q.kind === 'number' || q.kind === 'amount' ? 'decimal' : undefined,
										}}
										errors={meta.errors}
										hint={hint}
									/>
								)
						}
					})}
				</fieldset>
			) : null}
			<PrivacyNotice call={call} />
			<div className="field field-checkbox">
				<label>
					<input {...getInputProps(fields.privacy, { type: 'checkbox' })} /> {t('form.privacy')}
				</label>
				<ErrorList errors={fields.privacy.errors} />
			</div>
			<div role="alert">
				<ErrorList id={form.errorId} errors={form.errors} />
			</div>
			<p className="form-actions">
				<button type="submit" name="intent" value="save" className="button">
					{t('form.saveDraft')}
				</button>{' '}
				<button
					type="submit"
					name="intent"
					value="submit"
					className="button button-primary"
					disabled={navigation.state === 'submitting'}
				>
					{t('form.submit')}
				</button>
			</p>
			<p className="field-hint">{t('form.submitHint')}</p>
		</Form>
	)
}
