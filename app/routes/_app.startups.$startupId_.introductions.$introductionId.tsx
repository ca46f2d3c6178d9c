import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CURRENCIES } from '#db/schema/enums'
import { CountryName, IntroductionStatusBadge } from '~/components/contact-ui'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, SelectField, TextareaField } from '~/components/forms'
import {
	getIntroduction,
	nextStatuses,
	updateIntroductionStatus,
} from '~/models/introduction.server'
import { introductionStatusSchema } from '~/schemas/contact'
import { requireStartupAccess } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast, safeRedirect } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

/*
 * The status and outcome of one introduction: the TEKTOS team's, and the founder's of the
 * startup it was made to. Another startup's introduction is not there (404), even by URL.
 */

function backTo(request: Request, startupId: number) {
	return safeRedirect(new URL(request.url).searchParams.get('from'), `/startups/${startupId}`)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const introductionId = parseId(params.introductionId, 'introduction')
	const user = await requireStartupAccess(request, startupId, 'update:introduction')
	const introduction = getIntroduction({ startupId, introductionId, viewer: user })
	if (!introduction) throw notFound('introduction', introductionId)
	return {
		introduction,
		statuses: nextStatuses(user, introduction.status),
		today: today(),
		back: backTo(request, startupId),
		showContactLink: can(user, 'read:contact:any'),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const introductionId = parseId(params.introductionId, 'introduction')
	const user = await requireStartupAccess(request, startupId, 'update:introduction')
	const submission = parseWithZod(await request.formData(), {
		schema: introductionStatusSchema(today()),
	})
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = updateIntroductionStatus({
		startupId,
		introductionId,
		input: submission.value,
		viewer: user,
	})
	if (!result) throw notFound('introduction', introductionId)
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	return redirectWithToast(backTo(request, startupId), {
		type: 'success',
		messageKey: result.value.changed ? 'contacts:introductions.updated' : 'contacts:form.unchanged',
	})
}

export default function IntroductionStatusPage() {
	const { introduction, statuses, today, back, showContactLink } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const schema = useMemo(() => introductionStatusSchema(today), [today])
	const [form, fields] = useForm({
		id: 'introduction-status',
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		defaultValue: {
			// the new status is chosen, never pre-selected (issue 13 §12)
			statusOn: today,
			dealValue:
				introduction.dealValueCents != null ? f.moneyInput(introduction.dealValueCents) : '',
			dealCurrency: introduction.dealCurrency ?? 'EUR',
			note: introduction.note ?? '',
		},
	})
	const who = introduction.erased ? t('erasedContact') : (introduction.contactName ?? '—')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${introduction.startupId}`}>{introduction.startupName}</Link>
			</p>
			<h1>{t('introductions.statusTitle')}</h1>
			<dl className="facts">
				<div>
					<dt>{t('fields.contact')}</dt>
					<dd>
						{showContactLink && !introduction.erased ? (
							<Link to={`/contacts/${introduction.contactId}`}>{who}</Link>
						) : (
							who
						)}
						{introduction.organisationName ? `, ${introduction.organisationName}` : ''} (
						<CountryName code={introduction.country} />)
					</dd>
				</div>
				<div>
					<dt>{t('fields.purpose')}</dt>
					<dd>{t(`enums:introductionPurposes.${introduction.purpose}`)}</dd>
				</div>
				<div>
					<dt>{t('fields.introducedOn')}</dt>
					<dd>{f.date(introduction.introducedOn)}</dd>
				</div>
				<div>
					<dt>{t('introductions.currentStatus')}</dt>
					<dd>
						<IntroductionStatusBadge status={introduction.status} /> (
						{f.date(introduction.statusOn)})
					</dd>
				</div>
			</dl>
			<Form method="post" {...getFormProps(form)} className="form contact-form">
				<div className="field-row">
					<SelectField
						label={t('introductions.newStatus')}
						selectProps={getSelectProps(fields.status)}
						options={[
							{ value: '', label: t('common:common.chooseStatus') },
							...statuses.map((s) => ({
								value: s,
								label: t(`enums:introductionStatuses.${s}`),
							})),
						]}
						errors={fields.status.errors}
					/>
					<Field
						label={t('fields.statusOn')}
						inputProps={{
							...getInputProps(fields.statusOn, { type: 'date' }),
							min: introduction.introducedOn,
							max: today,
						}}
						errors={fields.statusOn.errors}
					/>
				</div>
				<fieldset>
					<legend>{t('introductions.dealLegend')}</legend>
					<p className="field-hint">{t('introductions.dealHint')}</p>
					<div className="field-row">
						<Field
							label={t('fields.dealValue')}
							inputProps={{
								...getInputProps(fields.dealValue, { type: 'text' }),
								inputMode: 'decimal',
							}}
							errors={fields.dealValue.errors}
						/>
						<SelectField
							label={t('fields.dealCurrency')}
							selectProps={getSelectProps(fields.dealCurrency)}
							options={CURRENCIES.map((c) => ({ value: c, label: c }))}
							errors={fields.dealCurrency.errors}
						/>
					</div>
				</fieldset>
				<TextareaField
					label={t('fields.outcome')}
					textareaProps={{ ...getTextareaProps(fields.note), rows: 3 }}
					errors={fields.note.errors}
				/>
				<ErrorList id={form.errorId} errors={form.errors} />
				<div className="form-buttons">
					<button type="submit" className="button button-primary">
						{t('common:common.save')}
					</button>
					<Link to={back} className="button">
						{t('common:common.cancel')}
					</Link>
				</div>
			</Form>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	t('contacts:introductions.statusTitle'),
	data?.introduction.startupName,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
