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
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { COUNTRIES, LAWFUL_BASES, ORGANISATION_KINDS } from '#db/schema/enums'
import {
	type ContactInput,
	contactSchema,
	LIMITS,
	type OrganisationInput,
	OrganisationSchema,
} from '~/schemas/contact'
import { namesAsIds } from '~/utils/picker'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { RecordPicker } from './record-picker'

export type FormValues = Partial<Record<string, string | number | null>>

type ContactShape = Record<
	| 'firstName'
	| 'lastName'
	| 'organisationId'
	| 'email'
	| 'phone'
	| 'jobTitle'
	| 'country'
	| 'languages'
	| 'tags'
	| 'notes'
	| 'lawfulBasis'
	| 'consentOn'
	| 'consentSource'
	| 'optedOutOn'
	| 'ownerId',
	string
>

type OrganisationShape = Record<
	'name' | 'country' | 'kind' | 'sector' | 'website' | 'notes',
	string
>

function toDefaults(values: FormValues | undefined) {
	return Object.fromEntries(
		Object.entries(values ?? {}).map(([k, v]) => [
			k,
			v === null || v === undefined ? '' : String(v),
		]),
	)
}

/** Create and edit a person: identity, how to reach them, and why TEKTOS may hold their data. */
export function ContactForm({
	lastResult,
	values,
	organisations,
	organisationLabel,
	owners,
	today,
	cancelTo,
	editing = false,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	values?: FormValues
	editing?: boolean
	/** Every organisation, or null when there are too many for a select (decision 0044). */
	organisations: { id: number; name: string }[] | null
	/** The organisation picked now, as its name field shows it. */
	organisationLabel?: string
	owners: { id: number; name: string }[]
	today: string
	cancelTo: string
}) {
	const { t } = useTranslation('contacts')
	const schema = useMemo(() => contactSchema(today), [today])
	const [form, fields] = useForm<ContactShape, ContactInput>({
		id: 'contact',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema }),
		defaultValue: toDefaults(values ?? { country: 'FR', lawfulBasis: 'legitimate_interest' }),
	})

	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide contact-form">
			<fieldset>
				<legend>{t('form.person')}</legend>
				<div className="field-row">
					<Field
						label={t('fields.firstName')}
						inputProps={{
							...getInputProps(fields.firstName, { type: 'text' }),
							maxLength: LIMITS.name,
						}}
						errors={fields.firstName.errors}
					/>
					<Field
						label={t('fields.lastName')}
						inputProps={{
							...getInputProps(fields.lastName, { type: 'text' }),
							maxLength: LIMITS.name,
						}}
						errors={fields.lastName.errors}
					/>
				</div>
				<div className="field-row">
					<RecordPicker
						label={t('fields.organisation')}
						field={fields.organisationId}
						kind="organisations"
						options={
							organisations && [
								{ value: '', label: t('form.noOrganisation') },
								...organisations.map((o) => ({ value: String(o.id), label: o.name })),
							]
						}
						typedValue={organisationLabel}
					/>
					<Field
						label={t('fields.jobTitle')}
						inputProps={getInputProps(fields.jobTitle, { type: 'text' })}
						errors={fields.jobTitle.errors}
					/>
				</div>
				<div className="field-row">
					<SelectField
						label={t('fields.country')}
						selectProps={getSelectProps(fields.country)}
						options={COUNTRIES.map((c) => ({ value: c, label: t(`enums:countries.${c}`) }))}
						errors={fields.country.errors}
					/>
					<Field
						label={t('fields.languages')}
						inputProps={getInputProps(fields.languages, { type: 'text' })}
						errors={fields.languages.errors}
						hint={t('form.languagesHint')}
					/>
				</div>
			</fieldset>
			<fieldset>
				<legend>{t('form.reach')}</legend>
				<div className="field-row">
					<Field
						label={t('fields.email')}
						inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
						errors={fields.email.errors}
					/>
					<Field
						label={t('fields.phone')}
						inputProps={{ ...getInputProps(fields.phone, { type: 'tel' }), autoComplete: 'off' }}
						errors={fields.phone.errors}
						hint={t('form.phoneHint')}
					/>
				</div>
				<Field
					label={t('fields.tags')}
					inputProps={getInputProps(fields.tags, { type: 'text' })}
					errors={fields.tags.errors}
					hint={t('form.tagsHint')}
				/>
				<TextareaField
					label={t('fields.notes')}
					textareaProps={{ ...getTextareaProps(fields.notes), rows: 4 }}
					errors={fields.notes.errors}
				/>
				<SelectField
					label={t('fields.owner')}
					selectProps={getSelectProps(fields.ownerId)}
					options={[
						{ value: '', label: t('form.noOwner') },
						...owners.map((o) => ({ value: String(o.id), label: o.name })),
					]}
					errors={fields.ownerId.errors}
				/>
			</fieldset>
			<fieldset>
				<legend>{t('form.gdpr')}</legend>
				<p className="field-hint">{t('form.gdprHint')}</p>
				<SelectField
					label={t('fields.lawfulBasis')}
					selectProps={getSelectProps(fields.lawfulBasis)}
					options={LAWFUL_BASES.map((b) => ({ value: b, label: t(`enums:lawfulBases.${b}`) }))}
					errors={fields.lawfulBasis.errors}
				/>
				<div className="field-row">
					<Field
						label={t('fields.consentOn')}
						inputProps={{ ...getInputProps(fields.consentOn, { type: 'date' }), max: today }}
						errors={fields.consentOn.errors}
					/>
					<Field
						label={t('fields.consentSource')}
						inputProps={getInputProps(fields.consentSource, { type: 'text' })}
						errors={fields.consentSource.errors}
						hint={t('form.consentSourceHint')}
					/>
				</div>
				<Field
					label={t('fields.optedOutOn')}
					inputProps={{ ...getInputProps(fields.optedOutOn, { type: 'date' }), max: today }}
					errors={fields.optedOutOn.errors}
					hint={t('form.optedOutHint')}
				/>
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{editing ? t('common:common.save') : t('form.create')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}

/** Create and edit an organisation. */
export function OrganisationForm({
	lastResult,
	values,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	values?: FormValues
	cancelTo: string
}) {
	const { t } = useTranslation('contacts')
	const [form, fields] = useForm<OrganisationShape, OrganisationInput>({
		id: 'organisation',
		lastResult,
		constraint: getZodConstraint(OrganisationSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
		defaultValue: toDefaults(values ?? { country: 'GB', kind: 'customer' }),
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form contact-form">
			<Field
				label={t('fields.organisationName')}
				inputProps={getInputProps(fields.name, { type: 'text' })}
				errors={fields.name.errors}
			/>
			<div className="field-row">
				<SelectField
					label={t('fields.country')}
					selectProps={getSelectProps(fields.country)}
					options={COUNTRIES.map((c) => ({ value: c, label: t(`enums:countries.${c}`) }))}
					errors={fields.country.errors}
				/>
				<SelectField
					label={t('fields.kind')}
					selectProps={getSelectProps(fields.kind)}
					options={ORGANISATION_KINDS.map((k) => ({
						value: k,
						label: t(`enums:organisationKinds.${k}`),
					}))}
					errors={fields.kind.errors}
				/>
			</div>
			<Field
				label={t('fields.sector')}
				inputProps={getInputProps(fields.sector, { type: 'text' })}
				errors={fields.sector.errors}
			/>
			<Field
				label={t('fields.website')}
				inputProps={getInputProps(fields.website, { type: 'text' })}
				errors={fields.website.errors}
			/>
			<TextareaField
				label={t('fields.notes')}
				textareaProps={{ ...getTextareaProps(fields.notes), rows: 3 }}
				errors={fields.notes.errors}
			/>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{values ? t('common:common.save') : t('organisations.create')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
