import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { PublicShell } from '~/components/public-shell'
import { requestPasswordReset } from '~/models/password-token.server'
import { ForgotPasswordSchema } from '~/schemas/account'
import { requireAnonymous } from '~/utils/auth.server'
import { consumePublicAttempt, retryAfterSeconds } from '~/utils/rate-limit.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

/**
 * "I forgot my password": the same answer whether the address is known or not, so the page
 * tells nobody who has an account; a known, active address receives a link valid one hour.
 */
export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: ForgotPasswordSchema })
	if (!(await consumePublicAttempt('password-reset', context.ipAddress))) {
		return data(
			{ sent: false, result: submission.reply({ formErrors: ['account:errors.tooManyRequests'] }) },
			{ status: 429, headers: { 'Retry-After': retryAfterSeconds('password-reset') } },
		)
	}
	if (submission.status !== 'success') {
		return data({ sent: false, result: submission.reply() }, { status: 400 })
	}
	requestPasswordReset({ email: submission.value.email })
	return { sent: true, result: submission.reply({ resetForm: true }) }
}

export default function ForgotPasswordPage() {
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('account')
	const [form, fields] = useForm({
		id: 'forgot-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ForgotPasswordSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
	})
	return (
		<PublicShell>
			<h1>{t('forgot.title')}</h1>
			{actionData?.sent ? (
				<p className="lead" role="status">
					{t('forgot.sent')}
				</p>
			) : (
				<p className="muted">{t('forgot.lead')}</p>
			)}
			<Form method="post" {...getFormProps(form)}>
				<Field
					label={t('common:login.email')}
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'username',
						autoFocus: true,
					}}
					errors={fields.email.errors}
				/>
				<div role="alert">
					<ErrorList id={form.errorId} errors={form.errors} />
				</div>
				<button type="submit" className="button button-primary">
					{t('forgot.submit')}
				</button>
			</Form>
			<p>
				<Link to="/login">{t('backToLogin')}</Link>
			</p>
		</PublicShell>
	)
}

export const meta = pageTitle(({ t }) => [t('account:forgot.title')])

export function ErrorBoundary() {
	return (
		<PublicShell>
			<GeneralErrorBoundary />
		</PublicShell>
	)
}
