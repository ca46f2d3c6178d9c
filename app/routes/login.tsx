import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { LanguageSwitch } from '~/components/language-switch'
import { verifyLogin } from '~/models/user.server'
import {
	logSignInFailure,
	requireAnonymous,
	signIn,
	signInSucceeded,
	takeSignInAttempt,
} from '~/utils/auth.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { LoginSchema, parseWithZod } from '~/utils/validation.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const ipAddress = context.ipAddress ?? 'unknown'
	const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	const attempt = { ipAddress, email }

	const allowed = await takeSignInAttempt(attempt)
	if (!allowed.ok) {
		logSignInFailure({ ...attempt, reason: 'throttled' })
		return data(
			submission.reply({ formErrors: ['errors.tooManyAttempts'], hideFields: ['password'] }),
			{ status: 429, headers: { 'Retry-After': String(allowed.retryAfter) } },
		)
	}

	const user = await verifyLogin(email, password)
	if (!user) {
		logSignInFailure({ ...attempt, reason: 'wrong-credentials' })
		// one message whether the email is unknown, the password wrong or the account disabled
		return data(
			submission.reply({ formErrors: ['errors.invalidLogin'], hideFields: ['password'] }),
			{ status: 400 },
		)
	}

	await signInSucceeded(attempt)
	// where to go is settled before the session exists: nothing can fail after it is made
	const target = safeRedirect(redirectTo)
	const cookie = await signIn({
		userId: user.id,
		ipAddress,
		userAgent: request.headers.get('User-Agent') ?? undefined,
	})
	return redirect(target, { headers: { 'Set-Cookie': cookie } })
}

export default function LoginPage() {
	const { t } = useTranslation()
	const lastResult = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	// checked on the server when sent: no zod nor Conform in the sign-in page's JavaScript
	// (decision 0032), and no request to the server on every blur
	const typed = (lastResult?.initialValue ?? {}) as Record<string, unknown>
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
	const errors = lastResult?.error ?? {}
	const formErrors = errors[''] ?? undefined

	return (
		<div className="auth-layout">
			<header className="auth-header">
				<span className="brand">
					TEKTOS <span className="brand-sub">CRM</span>
				</span>
				<LanguageSwitch />
			</header>
			<main className="auth-card" id="main">
				<h1>{t('login.title')}</h1>
				<p className="muted">{t('login.intro')}</p>
				<Form
					method="post"
					id="login"
					noValidate
					aria-describedby={formErrors?.length ? 'login-form-error' : undefined}
				>
					<input
						type="hidden"
						name="redirectTo"
						value={text(typed.redirectTo) ?? searchParams.get('redirectTo') ?? ''}
					/>
					<Field
						label={t('login.email')}
						inputProps={{
							id: 'login-email',
							name: 'email',
							type: 'email',
							defaultValue: text(typed.email),
							autoComplete: 'username',
							required: true,
							autoFocus: true,
						}}
						errors={errors.email}
					/>
					<Field
						label={t('login.password')}
						inputProps={{
							id: 'login-password',
							name: 'password',
							type: 'password',
							autoComplete: 'current-password',
							required: true,
						}}
						errors={errors.password}
					/>
					<div role="alert">
						<ErrorList id="login-form-error" errors={formErrors} />
					</div>
					<button
						type="submit"
						className="button button-primary"
						disabled={navigation.state === 'submitting'}
					>
						{t('login.submit')}
					</button>
				</Form>
				<p>
					<Link to="/forgot-password">{t('login.forgot')}</Link>
				</p>
			</main>
		</div>
	)
}

export const meta = pageTitle(({ t }) => [t('login.title')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
