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
import { SUBSIDY_KINDS } from '#db/schema/enums'
import { LeaseSchema, MAX_STEPS } from '~/schemas/nursery'
import {
	basisPointsToInput,
	DEFAULT_SCHEDULES,
	type ScheduleName,
	type SubsidyStep,
} from '~/utils/rent'
import { formatMoneyForForm } from '~/utils/money'
import { useFormat } from '~/utils/use-format'
import { namesAsIds } from '~/utils/picker'
import { ErrorList, Field, SelectField } from './forms'
import { RecordPicker } from './record-picker'

export type StepInput = { fromMonth: string; toMonth: string; kind: string; value: string }

export type LeaseFormValues = {
	startupId: string
	unitId: string
	startDate: string
	endDate: string
	monthlyRent: string
	steps: StepInput[]
	renewsLeaseId: string
}

/** "Step 2: from month" for screen readers, "From month" on screen under the step's row. */
function StepLabel({ n, text }: { n: number; text: string }) {
	const { t } = useTranslation('nursery')
	return (
		<>
			<span className="visually-hidden">{t('leaseForm.step', { n })} </span>
			{text}
		</>
	)
}

/** A schedule as the form shows it: months and a value typed in the reader's language. */
export function stepsToInput(steps: readonly SubsidyStep[], locale: string): StepInput[] {
	return steps.map((s) => ({
		fromMonth: String(s.fromMonth),
		toMonth: s.toMonth === null ? '' : String(s.toMonth),
		kind: s.kind,
		value:
			s.kind === 'percent'
				? basisPointsToInput(s.percentBasisPoints ?? 0, locale)
				: formatMoneyForForm(s.amountCents ?? 0, locale),
	}))
}

type Option = { id: number; name: string; status: string }
type UnitOption = { id: number; code: string; kind: string; marketRentCents: number }

/**
 * Signing (or renewing) a lease: the startup, a unit, the dates, the monthly rent and the
 * subsidy schedule. A preset fills the schedule, then each step can be changed, added or
 * removed; all of it works before JavaScript loads (Conform's intent buttons post the form).
 */
export function LeaseForm({
	lastResult,
	values,
	startups,
	startupLabel,
	units,
	unitLabel,
	renewal,
	cancelTo,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	values: LeaseFormValues
	/** The startups, or null when too many for a select (decision 0044). */
	startups: Option[] | null
	/** The startup preselected, as the name field shows it. */
	startupLabel?: string
	/** The units, or null when too many for a select: a code to type. */
	units: UnitOption[] | null
	/** The unit preselected, as its code field shows it. */
	unitLabel?: string
	/** a renewal keeps the startup and the unit of the lease it renews */
	renewal: { startupName: string; unitCode: string } | null
	cancelTo: string
}) {
	const { t, i18n } = useTranslation('nursery')
	const f = useFormat()
	const [form, fields] = useForm({
		id: 'lease',
		lastResult,
		constraint: getZodConstraint(LeaseSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema: LeaseSchema }),
		defaultValue: values,
	})
	const steps = fields.steps.getFieldList()
	const preset = (name: ScheduleName | 'none') =>
		form.update.getButtonProps({
			name: fields.steps.name,
			value: name === 'none' ? [] : stepsToInput(DEFAULT_SCHEDULES[name], i18n.language),
		})

	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide">
			<input {...getInputProps(fields.renewsLeaseId, { type: 'hidden' })} />
			<fieldset>
				<legend>{t('leaseForm.parties')}</legend>
				{renewal ? (
					<>
						<input {...getInputProps(fields.startupId, { type: 'hidden' })} />
						<input {...getInputProps(fields.unitId, { type: 'hidden' })} />
						<p>{t('leaseForm.renewalOf', renewal)}</p>
					</>
				) : (
					<div className="field-row">
						<RecordPicker
							label={t('leaseForm.startup')}
							field={fields.startupId}
							kind="startups"
							options={
								startups && [
									{ value: '', label: t('leaseForm.choose') },
									...startups.map((s) => ({
										value: String(s.id),
										label: `${s.name} (${t(`enums:startupStatuses.${s.status}`)})`,
									})),
								]
							}
							typedValue={startupLabel}
						/>
						{units ? (
							<SelectField
								label={t('leaseForm.unit')}
								selectProps={{
									...getSelectProps(fields.unitId),
									onChange: (event) => {
										// the market rent of the unit chosen, unless a rent was typed already
										const unit = units.find((u) => String(u.id) === event.target.value)
										if (unit && !fields.monthlyRent.value) {
											form.update({
												name: fields.monthlyRent.name,
												value: formatMoneyForForm(unit.marketRentCents, i18n.language),
											})
										}
									},
								}}
								options={[
									{ value: '', label: t('leaseForm.choose') },
									...units.map((u) => ({
										value: String(u.id),
										label: t('leaseForm.unitOption', {
											code: u.code,
											kind: t(`enums:unitKinds.${u.kind}`),
											rent: f.money(u.marketRentCents),
										}),
									})),
								]}
								errors={fields.unitId.errors}
							/>
						) : (
							<RecordPicker
								label={t('leaseForm.unit')}
								field={fields.unitId}
								kind="units"
								options={null}
								typedValue={unitLabel}
							/>
						)}
					</div>
				)}
			</fieldset>
			<fieldset>
				<legend>{t('leaseForm.terms')}</legend>
				<div className="field-row">
					<Field
						label={t('leaseForm.startDate')}
						inputProps={getInputProps(fields.startDate, { type: 'date' })}
						errors={fields.startDate.errors}
					/>
					<Field
						label={t('leaseForm.endDate')}
						inputProps={getInputProps(fields.endDate, { type: 'date' })}
						errors={fields.endDate.errors}
						hint={t('leaseForm.endDateHint')}
					/>
				</div>
				<Field
					label={t('leaseForm.monthlyRent')}
					inputProps={{
						...getInputProps(fields.monthlyRent, { type: 'text' }),
						inputMode: 'decimal',
					}}
					errors={fields.monthlyRent.errors}
					hint={t('form.eurosHint')}
				/>
			</fieldset>
			<fieldset className="schedule-fieldset">
				<legend>{t('leaseForm.schedule')}</legend>
				<p className="field-hint">{t('leaseForm.scheduleHint')}</p>
				<div className="actions">
					<button className="button button-small" {...preset('incubation')}>
						{t('leaseForm.presetIncubation')}
					</button>
					<button className="button button-small" {...preset('acceleration')}>
						{t('leaseForm.presetAcceleration')}
					</button>
					<button className="button button-small" {...preset('none')}>
						{t('leaseForm.presetNone')}
					</button>
				</div>
				{steps.length ? (
					<ol className="schedule-steps">
						{steps.map((step, index) => {
							const s = step.getFieldset()
							return (
								<li key={step.key} className="field-row schedule-step">
									<Field
										label={<StepLabel n={index + 1} text={t('leaseForm.fromMonth')} />}
										inputProps={{
											...getInputProps(s.fromMonth, { type: 'text' }),
											inputMode: 'numeric',
										}}
										errors={s.fromMonth.errors}
									/>
									<Field
										label={<StepLabel n={index + 1} text={t('leaseForm.toMonth')} />}
										inputProps={{
											...getInputProps(s.toMonth, { type: 'text' }),
											inputMode: 'numeric',
										}}
										errors={s.toMonth.errors}
									/>
									<SelectField
										label={<StepLabel n={index + 1} text={t('leaseForm.kind')} />}
										selectProps={getSelectProps(s.kind)}
										options={SUBSIDY_KINDS.map((k) => ({
											value: k,
											label: t(`enums:subsidyKinds.${k}`),
										}))}
										errors={s.kind.errors}
									/>
									<Field
										label={<StepLabel n={index + 1} text={t('leaseForm.value')} />}
										inputProps={{
											...getInputProps(s.value, { type: 'text' }),
											inputMode: 'decimal',
										}}
										errors={s.value.errors}
									/>
									<button
										className="button button-small button-link"
										{...form.remove.getButtonProps({ name: fields.steps.name, index })}
									>
										{t('leaseForm.removeStep', { n: index + 1 })}
									</button>
								</li>
							)
						})}
					</ol>
				) : (
					<p className="muted">{t('leaseForm.noSteps')}</p>
				)}
				<ErrorList errors={fields.steps.errors} />
				{steps.length < MAX_STEPS ? (
					<div>
						<button
							className="button button-small"
							{...form.insert.getButtonProps({
								name: fields.steps.name,
								defaultValue: { fromMonth: '', toMonth: '', kind: 'percent', value: '0' },
							})}
						>
							{t('leaseForm.addStep')}
						</button>
					</div>
				) : null}
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{renewal ? t('leaseForm.renew') : t('leaseForm.sign')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
