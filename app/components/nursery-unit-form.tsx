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
import { UNIT_KINDS } from '#db/schema/enums'
import { UnitSchema } from '~/schemas/nursery'
import { ErrorList, Field, SelectField } from './forms'

export type UnitFormValues = {
	code: string
	floor: string
	kind: string
	areaM2: string
	desks: string
	marketRent: string
}

export function UnitForm({
	lastResult,
	values,
	submitLabel,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	values?: UnitFormValues
	submitLabel: string
}) {
	const { t } = useTranslation('nursery')
	const [form, fields] = useForm({
		id: 'unit',
		lastResult,
		constraint: getZodConstraint(UnitSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UnitSchema }),
		defaultValue: values ?? { kind: 'office', floor: '1', desks: '1' },
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide">
			<fieldset>
				<legend>{t('units.legend')}</legend>
				<div className="field-row">
					<Field
						label={t('units.code')}
						inputProps={getInputProps(fields.code, { type: 'text' })}
						errors={fields.code.errors}
						hint={t('units.codeHint')}
					/>
					<SelectField
						label={t('units.kind')}
						selectProps={getSelectProps(fields.kind)}
						options={UNIT_KINDS.map((k) => ({ value: k, label: t(`enums:unitKinds.${k}`) }))}
						errors={fields.kind.errors}
					/>
				</div>
				<div className="field-row">
					<Field
						label={t('units.floor')}
						inputProps={{ ...getInputProps(fields.floor, { type: 'text' }), inputMode: 'numeric' }}
						errors={fields.floor.errors}
					/>
					<Field
						label={t('units.area')}
						inputProps={{ ...getInputProps(fields.areaM2, { type: 'text' }), inputMode: 'decimal' }}
						errors={fields.areaM2.errors}
					/>
					<Field
						label={t('units.desks')}
						inputProps={{ ...getInputProps(fields.desks, { type: 'text' }), inputMode: 'numeric' }}
						errors={fields.desks.errors}
					/>
				</div>
				<Field
					label={t('units.marketRent')}
					inputProps={{
						...getInputProps(fields.marketRent, { type: 'text' }),
						inputMode: 'decimal',
					}}
					errors={fields.marketRent.errors}
					hint={t('form.eurosHint')}
				/>
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{submitLabel}
				</button>
				<Link to="/nursery" className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
