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
import { INTRODUCTION_PURPOSES } from '#db/schema/enums'
import type { ContactPageData } from '~/models/contact.server'
import { introductionSchema } from '~/schemas/contact'
import { namesAsIds, type PickChoice } from '~/utils/picker'
import { useFormat } from '~/utils/use-format'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { IntroductionStatusBadge } from './contact-ui'
import { RecordPicker } from './record-picker'
import { EmptyState } from './stat'
import { Table } from './data-table'

export { IntroductionStatusBadge }

/** The startups this person was introduced to, and the form to introduce them to another. */
export function IntroductionsPanel({
	contactId,
	introductions,
	startups,
	today,
	lastResult,
}: {
	contactId: number
	introductions: ContactPageData['introductions']
	startups: PickChoice[] | null
	today: string
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	return (
		<section aria-labelledby="contact-introductions-heading" className="panel">
			<h2 id="contact-introductions-heading">{t('introductions.title')}</h2>
			{introductions.length ? (
				<Table caption={t('introductions.title')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('fields.startup')}</th>
							<th scope="col">{t('fields.purpose')}</th>
							<th scope="col">{t('fields.status')}</th>
							<th scope="col">{t('fields.introducedOn')}</th>
							<th scope="col">
								<span className="visually-hidden">{t('introductions.update')}</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{introductions.map((i) => (
							<tr key={i.id}>
								<th scope="row">
									<Link to={`/startups/${i.startupId}`}>{i.startupName}</Link>
								</th>
								<td>{t(`enums:introductionPurposes.${i.purpose}`)}</td>
								<td>
									<IntroductionStatusBadge status={i.status} />
									{i.dealValueCents != null && i.dealCurrency ? (
										<div className="cell-note">{f.money(i.dealValueCents, i.dealCurrency)}</div>
									) : null}
									<div className="cell-note">{f.date(i.statusOn)}</div>
								</td>
								<td>{f.date(i.introducedOn)}</td>
								<td>
									<Link
										to={`/startups/${i.startupId}/introductions/${i.id}?from=${encodeURIComponent(`/contacts/${contactId}`)}`}
										className="button button-small"
									>
										{t('introductions.update')}
									</Link>
								</td>
							</tr>
						))}
					</tbody>
				</Table>
			) : (
				<EmptyState title={t('introductions.empty')} />
			)}
			<IntroductionForm startups={startups} today={today} lastResult={lastResult} />
		</section>
	)
}

function IntroductionForm({
	startups,
	today,
	lastResult,
}: {
	startups: PickChoice[] | null
	today: string
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('contacts')
	const schema = useMemo(() => introductionSchema(today), [today])
	const [form, fields] = useForm({
		id: 'introduce',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema }),
		defaultValue: { purpose: 'customer', introducedOn: today },
	})
	return (
		<details className="contact-form-details" open={Boolean(lastResult)}>
			<summary>{t('introductions.add')}</summary>
			<Form method="post" {...getFormProps(form)} className="form contact-form">
				<input type="hidden" name="intent" value="introduce" />
				<div className="field-row">
					<RecordPicker
						label={t('fields.startup')}
						field={fields.startupId}
						kind="startups"
						options={
							startups && [
								{ value: '', label: t('introductions.chooseStartup') },
								...startups.map((s) => ({ value: String(s.id), label: s.label })),
							]
						}
					/>
					<SelectField
						label={t('fields.purpose')}
						selectProps={getSelectProps(fields.purpose)}
						options={INTRODUCTION_PURPOSES.map((p) => ({
							value: p,
							label: t(`enums:introductionPurposes.${p}`),
						}))}
						errors={fields.purpose.errors}
					/>
				</div>
				<Field
					label={t('fields.introducedOn')}
					inputProps={{ ...getInputProps(fields.introducedOn, { type: 'date' }), max: today }}
					errors={fields.introducedOn.errors}
				/>
				<TextareaField
					label={t('fields.note')}
					textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
					errors={fields.note.errors}
				/>
				<ErrorList id={form.errorId} errors={form.errors} />
				<button type="submit" className="button button-primary">
					{t('introductions.save')}
				</button>
			</Form>
		</details>
	)
}
