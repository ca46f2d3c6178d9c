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
import { STARTUP_STAGES, STARTUP_STATUSES } from '#db/schema/enums'
import { StartupManagerSchema, StartupProfileSchema } from '~/schemas/startup'
import { namesAsIds } from '~/utils/picker'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { RecordPicker } from './record-picker'

export type StartupFormValues = Partial<Record<string, string | number | boolean | null>>

/** One form for creating and editing; a founder gets the profile fields only. */
export function StartupForm({
	mode,
	lastResult,
	cohorts,
	cohortLabel,
	values,
	cancelTo,
}: {
	mode: 'manager' | 'founder'
	lastResult: SubmissionResult<string[]> | undefined
	/** Every cohort, or null when there are too many for a select (decision 0044). */
	cohorts: { id: number; name: string }[] | null
	/** The cohort picked now, as its name field shows it. */
	cohortLabel?: string
	values?: StartupFormValues
	cancelTo: string
}) {
	const { t } = useTranslation('startups')
	// the founder's schema is the manager's minus the programme fields
	const schema = (
		mode === 'manager' ? StartupManagerSchema : StartupProfileSchema
	) as typeof StartupManagerSchema
	const [form, fields] = useForm<z.input<typeof StartupManagerSchema>>({
		id: 'startup',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema }),
		defaultValue: Object.fromEntries(
			Object.entries(values ?? { stage: 'idea', status: 'applicant' }).map(([k, v]) => [
				k,
				v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'on' : '') : String(v),
			]),
		),
	})

	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide">
			<fieldset>
				<legend>{t('form.identity')}</legend>
				<Field
					label={t('fields.name')}
					inputProps={getInputProps(fields.name, { type: 'text' })}
					errors={fields.name.errors}
				/>
				<Field
					label={t('fields.legalName')}
					inputProps={getInputProps(fields.legalName, { type: 'text' })}
					errors={fields.legalName.errors}
				/>
				<div className="field-row">
					<Field
						label={t('fields.siren')}
						inputProps={{ ...getInputProps(fields.siren, { type: 'text' }), inputMode: 'numeric' }}
						errors={fields.siren.errors}
						hint={t('form.sirenHint')}
					/>
					<Field
						label={t('fields.companiesHouseNumber')}
						inputProps={getInputProps(fields.companiesHouseNumber, { type: 'text' })}
						errors={fields.companiesHouseNumber.errors}
						hint={t('form.companiesHouseHint')}
					/>
				</div>
				<div className="field-row">
					<Field
						label={t('common:fields.sector')}
						inputProps={getInputProps(fields.sector, { type: 'text' })}
						errors={fields.sector.errors}
					/>
					<SelectField
						label={t('common:fields.stage')}
						selectProps={getSelectProps(fields.stage)}
						options={STARTUP_STAGES.map((s) => ({
							value: s,
							label: t(`enums:startupStages.${s}`),
						}))}
						errors={fields.stage.errors}
					/>
				</div>
				<Field
					label={t('fields.website')}
					inputProps={getInputProps(fields.website, { type: 'text' })}
					errors={fields.website.errors}
				/>
			</fieldset>
			{mode === 'manager' ? (
				<fieldset>
					<legend>{t('form.programme')}</legend>
					<div className="field-row">
						<SelectField
							label={t('common:fields.status')}
							selectProps={getSelectProps(fields.status)}
							options={STARTUP_STATUSES.map((s) => ({
								value: s,
								label: t(`enums:startupStatuses.${s}`),
							}))}
							errors={fields.status.errors}
						/>
						<RecordPicker
							label={t('common:fields.cohort')}
							field={fields.cohortId!}
							kind="cohorts"
							options={
								cohorts && [
									{ value: '', label: t('form.noCohort') },
									...cohorts.map((c) => ({ value: String(c.id), label: c.name })),
								]
							}
							typedValue={cohortLabel}
						/>
					</div>
					<div className="field-row">
						<Field
							label={t('fields.enteredOn')}
							inputProps={getInputProps(fields.enteredOn!, { type: 'date' })}
							errors={fields.enteredOn.errors}
						/>
						<Field
							label={t('fields.leftOn')}
							inputProps={getInputProps(fields.leftOn!, { type: 'date' })}
							errors={fields.leftOn.errors}
						/>
					</div>
				</fieldset>
			) : null}
			<fieldset>
				<legend>{t('form.pitchAndMarkets')}</legend>
				<TextareaField
					label={t('fields.pitchFr')}
					textareaProps={{ ...getTextareaProps(fields.pitchFr), lang: 'fr', rows: 4 }}
					errors={fields.pitchFr.errors}
				/>
				<TextareaField
					label={t('fields.pitchEn')}
					textareaProps={{ ...getTextareaProps(fields.pitchEn), lang: 'en', rows: 4 }}
					errors={fields.pitchEn.errors}
				/>
				<div className="field field-checkbox">
					<input {...getInputProps(fields.ukFocus, { type: 'checkbox' })} />
					<label htmlFor={fields.ukFocus.id}>{t('form.ukFocus')}</label>
				</div>
				<Field
					label={t('fields.targetMarkets')}
					inputProps={getInputProps(fields.targetMarkets, { type: 'text' })}
					errors={fields.targetMarkets.errors}
					hint={t('form.targetMarketsHint')}
				/>
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{values ? t('common:common.save') : t('form.create')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
