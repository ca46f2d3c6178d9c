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
import { INTERACTION_KINDS } from '#db/schema/enums'
import type { ContactPageData } from '~/models/contact.server'
import { interactionSchema, LIMITS } from '~/schemas/contact'
import { namesAsIds, type PickChoice } from '~/utils/picker'
import { useFormat } from '~/utils/use-format'
import { ErrorList, Field, SelectField, TextareaField } from './forms'
import { NameField } from './record-picker'
import { Pagination } from './data-table'
import { EmptyState } from './stat'

/** The contact's history of meetings, calls, emails, events and trade missions, and the form to log one. */
export function InteractionsPanel({
	interactions,
	history,
	startups,
	linkedStartups,
	today,
	lastResult,
}: {
	interactions: ContactPageData['interactions']
	/** which page of the history this is (the newest first) */
	history: ContactPageData['history']
	/** Every startup the viewer may pick, or null when there are too many to list. */
	startups: PickChoice[] | null
	linkedStartups: { id: number; name: string }[]
	today: string
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	return (
		<section aria-labelledby="interactions-heading" className="panel">
			<h2 id="interactions-heading">{t('interactions.title')}</h2>
			{interactions.length ? (
				<ol className="contact-history">
					{interactions.map((i) => (
						<li key={i.id}>
							<p>
								<strong>{t(`enums:interactionKinds.${i.kind}`)}</strong> ·{' '}
								<time dateTime={i.date}>{f.date(i.date)}</time>
								{i.userName ? <span className="muted"> · {i.userName}</span> : null}
							</p>
							<p>{i.summary}</p>
							{i.startups.length ? (
								<p className="cell-note">
									{t('interactions.concerning')}{' '}
									{i.startups.map((s, index) => (
										<span key={s.id}>
											{index ? ', ' : ''}
											<Link to={`/startups/${s.id}`}>{s.name}</Link>
										</span>
									))}
								</p>
							) : null}
						</li>
					))}
				</ol>
			) : (
				<EmptyState title={t('interactions.empty')} />
			)}
			{history.pageCount > 1 ? (
				<Pagination
					page={history.page}
					pageCount={history.pageCount}
					total={history.total}
					perPage={history.perPage}
					param="historyPage"
					perPageChoice={false}
				/>
			) : null}
			<InteractionForm
				startups={startups ?? linkedStartups.map((s) => ({ id: s.id, label: s.name }))}
				another={!startups}
				today={today}
				lastResult={lastResult}
			/>
		</section>
	)
}

function InteractionForm({
	startups,
	another,
	today,
	lastResult,
}: {
	startups: PickChoice[]
	/** A field to name a startup not in the list. */
	another: boolean
	today: string
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('contacts')
	const schema = useMemo(() => interactionSchema(today), [today])
	const [form, fields] = useForm({
		id: 'log-interaction',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema }),
		defaultValue: { kind: 'meeting', date: today },
	})
	const chosen = fields.startupIds.initialValue
	const checked = new Set(Array.isArray(chosen) ? chosen : chosen ? [chosen] : [])
	return (
		<details className="contact-form-details" open={Boolean(lastResult)}>
			<summary>{t('interactions.add')}</summary>
			<Form method="post" {...getFormProps(form)} className="form contact-form">
				<input type="hidden" name="intent" value="log-interaction" />
				<div className="field-row">
					<SelectField
						label={t('interactions.kind')}
						selectProps={getSelectProps(fields.kind)}
						options={INTERACTION_KINDS.map((k) => ({
							value: k,
							label: t(`enums:interactionKinds.${k}`),
						}))}
						errors={fields.kind.errors}
					/>
					<Field
						label={t('interactions.date')}
						inputProps={{ ...getInputProps(fields.date, { type: 'date' }), max: today }}
						errors={fields.date.errors}
					/>
				</div>
				<TextareaField
					label={t('interactions.summary')}
					textareaProps={{
						...getTextareaProps(fields.summary),
						rows: 3,
						maxLength: LIMITS.summary,
					}}
					errors={fields.summary.errors}
				/>
				<fieldset className="contact-startup-choices">
					<legend>{t('interactions.startups')}</legend>
					<div className="contact-checkbox-list">
						{startups.map((s) => (
							<label key={s.id} className="field-checkbox">
								<input
									type="checkbox"
									name="startupIds"
									value={s.id}
									defaultChecked={checked.has(String(s.id))}
								/>{' '}
								{s.label}
							</label>
						))}
					</div>
					<ErrorList errors={fields.startupIds.errors} />
					{another ? (
						<NameField
							label={t('interactions.anotherStartup')}
							name={fields.otherStartup.name}
							id={fields.otherStartup.id}
							kind="startups"
							defaultValue={
								typeof fields.otherStartup.initialValue === 'string'
									? fields.otherStartup.initialValue
									: undefined
							}
							errors={fields.otherStartup.errors}
						/>
					) : null}
				</fieldset>
				<ErrorList id={form.errorId} errors={form.errors} />
				<button type="submit" className="button button-primary">
					{t('interactions.save')}
				</button>
			</Form>
		</details>
	)
}
