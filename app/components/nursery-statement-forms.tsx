import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { CreditNoteSchema, PaymentSchema } from '~/schemas/nursery'
import { useFormat } from '~/utils/use-format'
import { ErrorList, Field, SelectField, TextareaField } from './forms'

type PerPayer = { startup: number; cap_calaisis: number }

/** A payment from the startup or from Cap Calaisis, in part or in full, never above what is due. */
export function PaymentForm({
	lastResult,
	today,
	stillDue,
	outstanding,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	today: string
	/** what each payer still owes, as the amount field shows it */
	stillDue: Record<keyof PerPayer, string>
	outstanding: PerPayer
}) {
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const payer =
		outstanding.startup > 0 || outstanding.cap_calaisis <= 0 ? 'startup' : 'cap_calaisis'
	const [form, fields] = useForm({
		id: 'payment',
		lastResult,
		constraint: getZodConstraint(PaymentSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: PaymentSchema }),
		defaultValue: { payer, amount: stillDue[payer], paidOn: today },
	})
	// another payer chosen: their due replaces the amount, unless the user typed one of their own
	const onPayerChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
		const chosen = event.currentTarget.value
		const typed = fields.amount.value ?? ''
		const untouched = typed === '' || Object.values(stillDue).includes(typed)
		if (untouched && (chosen === 'startup' || chosen === 'cap_calaisis')) {
			form.update({ name: fields.amount.name, value: stillDue[chosen] })
		}
	}
	if (outstanding.startup <= 0 && outstanding.cap_calaisis <= 0) {
		return <p className="badge badge-ok">{t('payments.fullyPaid')}</p>
	}
	return (
		<Form method="post" {...getFormProps(form)} className="form form-compact panel">
			<h3>{t('payments.record')}</h3>
			<input type="hidden" name="intent" value="payment" />
			<p className="field-hint">
				{t('payments.stillDue', {
					startup: f.money(outstanding.startup),
					cap: f.money(outstanding.cap_calaisis),
				})}
			</p>
			<SelectField
				label={t('columns.payer')}
				selectProps={{ ...getSelectProps(fields.payer), onChange: onPayerChange }}
				options={(['startup', 'cap_calaisis'] as const).map((p) => ({
					value: p,
					label: t(`enums:payers.${p}`),
				}))}
				errors={fields.payer.errors}
			/>
			<div className="field-row">
				<Field
					label={t('payments.amount')}
					inputProps={{ ...getInputProps(fields.amount, { type: 'text' }), inputMode: 'decimal' }}
					errors={fields.amount.errors}
				/>
				<Field
					label={t('columns.paidOn')}
					inputProps={{ ...getInputProps(fields.paidOn, { type: 'date' }), max: today }}
					errors={fields.paidOn.errors}
				/>
			</div>
			<Field
				label={t('columns.reference')}
				inputProps={getInputProps(fields.reference, { type: 'text' })}
				errors={fields.reference.errors}
			/>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div>
				<button type="submit" className="button button-primary">
					{t('payments.submit')}
				</button>
			</div>
		</Form>
	)
}

/** A credit note: what to cancel on each share, and why. The statement itself never changes. */
export function CreditNoteForm({
	lastResult,
	suggested,
	leaseEndDate,
	unpaid,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	suggested: { subsidyCents: number; startupCents: number }
	leaseEndDate: string | null
	unpaid: PerPayer
}) {
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const hasSuggestion = suggested.subsidyCents + suggested.startupCents > 0
	const [form, fields] = useForm({
		id: 'credit-note',
		lastResult,
		constraint: getZodConstraint(CreditNoteSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreditNoteSchema }),
		defaultValue: {
			subsidyAmount: f.moneyInput(suggested.subsidyCents),
			startupAmount: f.moneyInput(suggested.startupCents),
			reason:
				hasSuggestion && leaseEndDate
					? t('creditNotes.endReason', { date: f.date(leaseEndDate) })
					: '',
		},
	})
	if (unpaid.startup <= 0 && unpaid.cap_calaisis <= 0) {
		return <p className="muted">{t('creditNotes.nothingUnpaid')}</p>
	}
	return (
		<Form method="post" {...getFormProps(form)} className="form form-compact panel">
			<h3>{t('creditNotes.issue')}</h3>
			<input type="hidden" name="intent" value="credit-note" />
			<p className="field-hint">
				{hasSuggestion ? t('creditNotes.suggestion') : t('creditNotes.hint')}
			</p>
			<div className="field-row">
				<Field
					label={t('creditNotes.subsidyAmount')}
					inputProps={{
						...getInputProps(fields.subsidyAmount, { type: 'text' }),
						inputMode: 'decimal',
					}}
					errors={fields.subsidyAmount.errors}
					hint={t('creditNotes.atMost', { amount: f.money(Math.max(0, unpaid.cap_calaisis)) })}
				/>
				<Field
					label={t('creditNotes.startupAmount')}
					inputProps={{
						...getInputProps(fields.startupAmount, { type: 'text' }),
						inputMode: 'decimal',
					}}
					errors={fields.startupAmount.errors}
					hint={t('creditNotes.atMost', { amount: f.money(Math.max(0, unpaid.startup)) })}
				/>
			</div>
			<TextareaField
				label={t('creditNotes.reason')}
				textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }}
				errors={fields.reason.errors}
			/>
			<ErrorList id={form.errorId} errors={form.errors} />
			<div>
				<button type="submit" className="button">
					{t('creditNotes.submit')}
				</button>
			</div>
		</Form>
	)
}
