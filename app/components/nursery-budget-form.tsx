import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { BudgetSchema } from '~/schemas/nursery'
import { formatMoneyForForm } from '~/utils/money'
import { ErrorList, Field } from './forms'

/** The budget Cap Calaisis voted for a year: one per year, set or changed here by a manager. */
export function BudgetForm({
	lastResult,
	values,
}: {
	lastResult: SubmissionResult<string[]> | undefined
	values: { year: number; amountCents: number | null; votedOn: string | null; note: string | null }
}) {
	const { t, i18n } = useTranslation('nursery')
	const [form, fields] = useForm({
		id: 'budget',
		lastResult,
		constraint: getZodConstraint(BudgetSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: BudgetSchema }),
		defaultValue: {
			year: String(values.year),
			amount:
				values.amountCents === null ? '' : formatMoneyForForm(values.amountCents, i18n.language),
			votedOn: values.votedOn ?? '',
			note: values.note ?? '',
		},
	})
	return (
		<section aria-labelledby="budget-heading" className="panel">
			<h2 id="budget-heading">{t('subsidy.budgetForm')}</h2>
			<Form method="post" {...getFormProps(form)} className="form form-compact">
				<input type="hidden" name="intent" value="budget" />
				<div className="field-row">
					<Field
						label={t('subsidy.year')}
						inputProps={{ ...getInputProps(fields.year, { type: 'text' }), inputMode: 'numeric' }}
						errors={fields.year.errors}
					/>
					<Field
						label={t('subsidy.amount')}
						inputProps={{ ...getInputProps(fields.amount, { type: 'text' }), inputMode: 'decimal' }}
						errors={fields.amount.errors}
						hint={t('form.eurosHint')}
					/>
					<Field
						label={t('subsidy.votedOnLabel')}
						inputProps={getInputProps(fields.votedOn, { type: 'date' })}
						errors={fields.votedOn.errors}
					/>
				</div>
				<Field
					label={t('subsidy.note')}
					inputProps={getInputProps(fields.note, { type: 'text' })}
					errors={fields.note.errors}
				/>
				<ErrorList id={form.errorId} errors={form.errors} />
				<div>
					<button type="submit" className="button button-primary">
						{t('subsidy.saveBudget')}
					</button>
				</div>
			</Form>
		</section>
	)
}
