import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { Honeypot, PrivacyNotice } from '~/components/application-form'
import { PublicShell } from '~/components/public-shell'
import { resendApplicationLink, startApplication } from '~/models/application.server'
import { getPublicCall } from '~/models/call.server'
import { HONEYPOT_FIELD, ResendLinkSchema, StartApplicationSchema } from '~/schemas/application'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { getLocale } from '~/utils/i18n.server'
import { consumePublicAttempt, retryAfterSeconds } from '~/utils/rate-limit.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/** A call's public page: its text, then "start my application" — no account, a private link. */
export async function loader({ params }: LoaderFunctionArgs) {
	const id = parseId(params.callId, 'call')
	const call = getPublicCall(id)
	if (!call) throw notFound('call', id)
	return { call }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const id = parseId(params.callId, 'call')
	const call = getPublicCall(id)
	if (!call) throw notFound('call', id)
	const formData = await request.formData()
	const intent = formData.get('intent') === 'resend' ? 'resend' : 'start'
	const schema = intent === 'resend' ? ResendLinkSchema : StartApplicationSchema
	if (!(await consumePublicAttempt('application-start', context.ipAddress))) {
		const submission = parseWithZod(formData, { schema })
		return data(
			{ intent, result: submission.reply({ formErrors: ['calls:errors.tooManyRequests'] }) },
			{ status: 429, headers: { 'Retry-After': retryAfterSeconds('application-start') } },
		)
	}
	// a robot filled the field no person sees: it is told all went well, and nothing happens
	if (String(formData.get(HONEYPOT_FIELD) ?? '') !== '') {
		return redirectWithToast(`/apply/${id}`, {
			type: 'success',
			messageKey: 'calls:toast.linkSent',
		})
	}
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') {
		return data({ intent, result: submission.reply() }, { status: 400 })
	}
	if (call.status !== 'open') {
		return data(
			{ intent, result: submission.reply({ formErrors: ['calls:errors.closed'] }) },
			{ status: 409 },
		)
	}
	if ('email' in submission.value) {
		resendApplicationLink({ callId: id, email: submission.value.email })
		return redirectWithToast(`/apply/${id}`, {
			type: 'success',
			messageKey: 'calls:toast.linkSent',
		})
	}
	const started = startApplication({
		callId: id,
		input: submission.value,
		locale: await getLocale(request),
	})
	if (!started.ok) {
		return data(
			{ intent, result: submission.reply({ formErrors: ['calls:errors.closed'] }) },
			{ status: 409 },
		)
	}
	return redirectWithToast(`/application/${started.token}`, {
		type: 'success',
		messageKey: 'calls:toast.started',
	})
}

export default function PublicCallPage() {
	const { call } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	return (
		<PublicShell wide>
			<p className="eyebrow">{call.cohortName}</p>
			<h1>{pick(call.titleFr, call.titleEn)}</h1>
			<p className="lead">
				{t(`public.status.${call.status}`, {
					opens: f.date(call.opensOn),
					closes: f.date(call.closesOn),
				})}
			</p>
			<div className="pitch">{pick(call.textFr, call.textEn)}</div>
			{call.questions.length ? (
				<>
					<h2>{t('public.whatWeAsk')}</h2>
					<ul>
						{call.questions.map((q) => (
							<li key={q.id}>
								{pick(q.labelFr, q.labelEn)}
								{q.required ? <span className="muted"> · {t('form.required')}</span> : null}
							</li>
						))}
					</ul>
				</>
			) : null}
			{call.status === 'open' ? (
				<div className="columns">
					<StartForm />
					<ResendForm />
				</div>
			) : null}
			<PrivacyNotice call={call} />
		</PublicShell>
	)
}

function StartForm() {
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	const [form, fields] = useForm({
		id: 'start-application',
		lastResult: actionData?.intent === 'start' ? actionData.result : undefined,
		constraint: getZodConstraint(StartApplicationSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: StartApplicationSchema }),
	})
	return (
		<section aria-labelledby="start-title" className="panel">
			<h2 id="start-title">{t('public.start')}</h2>
			<p className="muted">{t('public.startLead')}</p>
			<Form method="post" {...getFormProps(form)} className="form">
				<input type="hidden" name="intent" value="start" />
				<Honeypot />
				<Field
					label={t('fields.contactName')}
					inputProps={{
						...getInputProps(fields.contactName, { type: 'text' }),
						autoComplete: 'name',
					}}
					errors={fields.contactName.errors}
				/>
				<Field
					label={t('fields.contactEmail')}
					inputProps={{
						...getInputProps(fields.contactEmail, { type: 'email' }),
						autoComplete: 'email',
					}}
					errors={fields.contactEmail.errors}
				/>
				<Field
					label={t('fields.projectName')}
					inputProps={getInputProps(fields.projectName, { type: 'text' })}
					errors={fields.projectName.errors}
				/>
				<div role="alert">
					<ErrorList id={form.errorId} errors={form.errors} />
				</div>
				<button type="submit" className="button button-primary">
					{t('public.startButton')}
				</button>
			</Form>
		</section>
	)
}

function ResendForm() {
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	const [form, fields] = useForm({
		id: 'resend-link',
		lastResult: actionData?.intent === 'resend' ? actionData.result : undefined,
		constraint: getZodConstraint(ResendLinkSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResendLinkSchema }),
	})
	return (
		<section aria-labelledby="resend-title" className="panel">
			<h2 id="resend-title">{t('public.resend')}</h2>
			<p className="muted">{t('public.resendLead')}</p>
			<Form method="post" {...getFormProps(form)} className="form">
				<input type="hidden" name="intent" value="resend" />
				<Honeypot />
				<Field
					label={t('fields.contactEmail')}
					inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }}
					errors={fields.email.errors}
				/>
				<div role="alert">
					<ErrorList id={form.errorId} errors={form.errors} />
				</div>
				<button type="submit" className="button">
					{t('public.resendButton')}
				</button>
			</Form>
		</section>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, pick }) => [
	data && pick(data.call.titleFr, data.call.titleEn),
	t('calls:public.openCalls'),
])

export function ErrorBoundary() {
	return (
		<PublicShell>
			<GeneralErrorBoundary />
		</PublicShell>
	)
}
