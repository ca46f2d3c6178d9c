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
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { CURRENCIES, FUNDING_KINDS, FUNDING_STATUSES } from '#db/schema/enums'
import { useToday } from '~/root'
import { FundingEventSchema, ORIGINS, STEP_DATE_FIELD } from '~/schemas/funding'
import { namesAsIds } from '~/utils/picker'
import { useFormat } from '~/utils/use-format'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { RecordPicker } from './record-picker'

export type TriggerOption = {
	id: number
	startupId: number
	startupName: string
	kind: (typeof FUNDING_KINDS)[number]
	source: string
	amountCents: number
	currency: (typeof CURRENCIES)[number]
	status: (typeof FUNDING_STATUSES)[number]
	date: string | null
	/** another startup's grant linked by a manager: shown to a founder without its figures */
	restricted: boolean
}

export type FundingEventValues = Partial<Record<string, string>>

/** Cap Calaisis's fund, spelled the way the demo and the reports spell it. */
export const INNOVATION_FUND_SOURCE = "Cap Calaisis — fonds d'appui à l'innovation"

/** One form to record and to update a funding event; the dates follow the status. */
export function FundingEventForm({
	startupId,
	eventId,
	lastResult,
	values,
	defaults,
	triggers,
	triggerLabel: currentTrigger,
	sources,
	cancelTo,
}: {
	startupId: number
	eventId?: number
	lastResult: SubmissionResult<string[]> | undefined
	/** the event being edited; without it, a new one starting from `defaults` */
	values?: FundingEventValues
	defaults?: FundingEventValues
	/** The events it may be triggered by, or null when there are too many for a select (0044). */
	triggers: TriggerOption[] | null
	/** The current trigger as its text field shows it. */
	triggerLabel?: string
	sources: string[]
	cancelTo: string
}) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	const today = useToday()
	const [form, fields] = useForm<z.output<typeof FundingEventSchema>>({
		id: 'funding-event',
		lastResult,
		constraint: getZodConstraint(FundingEventSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(namesAsIds(formData), { schema: FundingEventSchema }),
		defaultValue: values ?? defaults,
	})
	// the step the event is now at is dated today unless a date is there already; a date put
	// there this way (a new event's planned date too) goes again when the user picks another step
	type StepField = (typeof STEP_DATE_FIELD)[keyof typeof STEP_DATE_FIELD]
	const filled = useRef<StepField | null>(values ? null : STEP_DATE_FIELD.planned)
	const onStatusChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
		const status = event.currentTarget.value
		if (!(status in STEP_DATE_FIELD)) return
		const name = STEP_DATE_FIELD[status as keyof typeof STEP_DATE_FIELD]
		const previous = filled.current
		if (previous && previous !== name && fields[previous].value === today) {
			form.update({ name: fields[previous].name, value: '' })
		}
		filled.current = null
		if (!fields[name].value) {
			form.update({ name: fields[name].name, value: today })
			filled.current = name
		}
	}
	const triggerLabel = (e: TriggerOption) =>
		e.restricted
			? `${t(`enums:fundingKinds.${e.kind}`)} — ${t('form.otherStartupTrigger')}`
			: [
					t(`enums:fundingKinds.${e.kind}`),
					e.source,
					f.money(e.amountCents, e.currency),
					e.date ? f.date(e.date) : null,
					t(`enums:fundingStatuses.${e.status}`).toLowerCase(),
					e.startupId !== startupId ? e.startupName : null,
				]
					.filter(Boolean)
					.join(' — ')
	const dateField = (
		name: 'plannedOn' | 'appliedOn' | 'securedOn' | 'receivedOn' | 'declinedOn',
	) => (
		<Field
			label={t(`fields.${name}`)}
			inputProps={getInputProps(fields[name], { type: 'date' })}
			errors={fields[name].errors}
		/>
	)
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide funding-form">
			<fieldset>
				<legend>{t('form.money')}</legend>
				<div className="field-row">
					<SelectField
						label={t('fields.kind')}
						selectProps={getSelectProps(fields.kind)}
						options={[
							{ value: '', label: t('form.choose') },
							...FUNDING_KINDS.map((k) => ({ value: k, label: t(`enums:fundingKinds.${k}`) })),
						]}
						errors={fields.kind.errors}
					/>
					<SelectField
						label={t('fields.origin')}
						selectProps={getSelectProps(fields.origin)}
						options={ORIGINS.map((o) => ({ value: o, label: t(`origins.${o}`) }))}
						errors={fields.origin.errors}
					/>
				</div>
				<Field
					label={t('fields.source')}
					inputProps={{
						...getInputProps(fields.source, { type: 'text' }),
						list: 'funding-sources',
						autoComplete: 'off',
					}}
					errors={fields.source.errors}
					hint={t('form.sourceHint')}
				/>
				<datalist id="funding-sources">
					{[INNOVATION_FUND_SOURCE, ...sources.filter((s) => s !== INNOVATION_FUND_SOURCE)].map(
						(s) => (
							<option key={s} value={s} />
						),
					)}
				</datalist>
				<div className="field-row">
					<Field
						label={t('fields.amount')}
						inputProps={{
							...getInputProps(fields.amount, { type: 'text' }),
							inputMode: 'decimal',
						}}
						errors={fields.amount.errors}
						hint={t('form.amountHint')}
					/>
					<SelectField
						label={t('fields.currency')}
						selectProps={getSelectProps(fields.currency)}
						options={CURRENCIES.map((c) => ({ value: c, label: c }))}
						errors={fields.currency.errors}
					/>
				</div>
			</fieldset>
			<fieldset>
				<legend>{t('form.steps')}</legend>
				<p className="field-hint">{t('form.stepsHint')}</p>
				<SelectField
					label={t('fields.status')}
					selectProps={{ ...getSelectProps(fields.status), onChange: onStatusChange }}
					options={FUNDING_STATUSES.map((s) => ({
						value: s,
						label: t(`enums:fundingStatuses.${s}`),
					}))}
					errors={fields.status.errors}
				/>
				<div className="field-row">
					{dateField('plannedOn')}
					{dateField('appliedOn')}
				</div>
				<div className="field-row">
					{dateField('securedOn')}
					{dateField('receivedOn')}
				</div>
				<div className="field-row">{dateField('declinedOn')}</div>
			</fieldset>
			<fieldset>
				<legend>{t('form.chain')}</legend>
				<RecordPicker
					label={t('fields.triggeredBy')}
					field={fields.triggeredById}
					kind="triggers"
					context={{ startup: startupId, event: eventId }}
					options={
						triggers && [
							{ value: '', label: t('form.noTrigger') },
							...triggers.map((e) => ({ value: String(e.id), label: triggerLabel(e) })),
						]
					}
					typedValue={currentTrigger}
					hint={t('form.triggerHint')}
				/>
				<p className="field-hint">{t('form.chainHint')}</p>
				<TextareaField
					label={t('fields.note')}
					textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }}
					errors={fields.note.errors}
				/>
			</fieldset>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div className="form-buttons">
				<button type="submit" className="button button-primary" name="intent" value="save">
					{values ? t('common:common.save') : t('form.record')}
				</button>
				<Link to={cancelTo} className="button">
					{t('common:common.cancel')}
				</Link>
			</div>
		</Form>
	)
}
