import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { PublicShell } from '~/components/public-shell'
import { getPasswordLink, setPasswordWithToken } from '~/models/password-token.server'
import { SetPasswordSchema } from '~/schemas/account'
import { signIn, signOut } from '~/utils/auth.server'
import { consumePublicAttempt, retryAfterSeconds } from '~/utils/rate-limit.server'
import { pageTitle } from '~/utils/meta'

/**
 * Setting a password from a link: an invitation (a founder whose application was accepted) or
 * a reset. A used, expired or unknown link says so, and offers a new one.
 */
export async function loader({ params }: LoaderFunctionArgs) {
	const link = getPasswordLink(params.token)
	return {
		link: link ? { purpose: link.purpose, name: link.name, email: link.email } : null,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: SetPasswordSchema })
	if (!(await consumePublicAttempt('password-token', context.ipAddress))) {
		return data(
			submission.reply({
				formErrors: ['account:errors.tooManyRequests'],
				hideFields: ['password', 'confirm'],
			}),
			{ status: 429, headers: { 'Retry-After': retryAfterSeconds('password-token') } },
		)
	}
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: ['password', 'confirm'] }), { status: 400 })
	}
	const result = await setPasswordWithToken({
		token: params.token ?? '',
		password: submission.value.password,
	})
	if (!result.ok) {
		return data(
			submission.reply({
				formErrors: ['account:errors.linkUsed'],
				hideFields: ['password', 'confirm'],
			}),
			{ status: 410 },
		)
	}
	// whoever was signed in on this browser is signed out: the link's owner signs in
	const headers = new Headers()
	headers.append('Set-Cookie', await signOut(request))
	headers.append(
		'Set-Cookie',
		await signIn({
			userId: result.userId,
			ipAddress: context.ipAddress,
			userAgent: request.headers.get('User-Agent') ?? undefined,
		}),
	)
	return redirect('/', { headers })
}

export default function SetPasswordPage() {
	const { link } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('account')
	const [form, fields] = useForm({
		id: 'set-password',
		lastResult,
		constraint: getZodConstraint(SetPasswordSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
	})
	if (!link) {
		return (
			<PublicShell>
				<h1>{t('setPassword.invalidTitle')}</h1>
				<p>{t('setPassword.invalidLead')}</p>
				<p>
					<Link to="/forgot-password" className="button button-primary">
						{t('setPassword.askAgain')}
					</Link>
				</p>
			</PublicShell>
		)
	}
	return (
		<PublicShell>
			<h1>{t(`setPassword.title.${link.purpose}`)}</h1>
			<p className="muted">{t(`setPassword.lead.${link.purpose}`, { name: link.name })}</p>
			<Form method="post" {...getFormProps(form)}>
				<input
					type="text"
					name="username"
					autoComplete="username"
					defaultValue={link.email}
					hidden
					readOnly
				/>
				<Field
					label={t('setPassword.password')}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						autoFocus: true,
					}}
					errors={fields.password.errors}
					hint={t('setPassword.hint')}
				/>
				<Field
					label={t('setPassword.confirm')}
					inputProps={{
						...getInputProps(fields.confirm, { type: 'password' }),
						autoComplete: 'new-password',
					}}
					errors={fields.confirm.errors}
				/>
				<div role="alert">
					<ErrorList id={form.errorId} errors={form.errors} />
				</div>
				<button type="submit" className="button button-primary">
					{t('setPassword.submit')}
				</button>
			</Form>
		</PublicShell>
	)
}

export const meta = pageTitle<typeof loader>(
	({ data, t }) => [
		data?.link
			? t(`account:setPassword.title.${data.link.purpose}`)
			: t('account:setPassword.invalidTitle'),
	],
	[{ name: 'robots', content: 'noindex, nofollow' }],
)

export function ErrorBoundary() {
	return (
		<PublicShell>
			<GeneralErrorBoundary />
		</PublicShell>
	)
}
