import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { UserForm } from '~/components/user-form'
import {
	countActiveManagers,
	getUser,
	isEmailTaken,
	linkPicks,
	linkTargetExists,
	listLinkTargets,
	resetPassword,
	setUserDisabled,
	updateUser,
} from '~/models/user.server'
import { resolvePicks } from '~/models/pickers.server'
import { UserIntentSchema, UserUpdateSchema } from '~/schemas/auth'
import { requirePermission } from '~/utils/access.server'
import { badRequest, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { pageTitle } from '~/utils/meta'

const ResetSchema = z.object({ password: UserIntentSchema.options[0].shape.password })

export async function loader({ request, params }: LoaderFunctionArgs) {
	const manager = await requirePermission(request, 'manage:user:any')
	const userId = parseId(params.userId, 'user')
	const user = getUser({ id: userId, viewer: manager })
	if (!user) throw notFound('user', userId)
	return {
		user,
		targets: listLinkTargets({
			viewer: manager,
			startupId: user.startupId,
			mentorId: user.mentorId,
		}),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const manager = await requirePermission(request, 'manage:user:any')
	const userId = parseId(params.userId, 'user')
	const user = getUser({ id: userId, viewer: manager })
	if (!user) throw notFound('user', userId)
	const formData = await request.formData()
	const intent = formData.get('intent')

	if (intent === 'update') {
		const picks = resolvePicks(formData, manager, linkPicks(formData.get('role')))
		const submission = parseWithZod(picks.formData, {
			schema: UserUpdateSchema.superRefine((value, ctx) => {
				if (isEmailTaken(value.email, userId)) {
					ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors.emailTaken' })
				}
				const missing = linkTargetExists(value)
				if (missing) {
					ctx.addIssue({
						code: 'custom',
						path: [missing],
						message: missing === 'startupId' ? 'errors.unknownStartup' : 'errors.unknownMentor',
					})
				}
				// a manager cannot take away their own right to manage users
				if (userId === manager.id && !can(value, 'manage:user:any')) {
					ctx.addIssue({ code: 'custom', path: ['role'], message: 'errors.ownRole' })
				}
			}),
		})
		if (submission.status !== 'success' || picks.errors) {
			return data(
				{ intent: 'update' as const, result: picks.reply(submission.reply()) },
				{ status: 400 },
			)
		}
		const { startupId, mentorId, intent: _intent, ...rest } = submission.value
		updateUser(
			userId,
			{ ...rest, startupId: startupId ?? null, mentorId: mentorId ?? null },
			manager.id,
		)
		return redirectWithToast(`/users/${userId}`, { type: 'success', messageKey: 'users.updated' })
	}

	const parsed = UserIntentSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		if (intent === 'reset-password') {
			const submission = parseWithZod(formData, { schema: ResetSchema })
			return data(
				{
					intent: 'reset-password' as const,
					result: submission.reply({ hideFields: ['password'] }),
				},
				{ status: 400 },
			)
		}
		throw badRequest('intent')
	}
	switch (parsed.data.intent) {
		case 'reset-password':
			await resetPassword(userId, parsed.data.password, manager.id)
			return redirectWithToast(`/users/${userId}`, {
				type: 'success',
				messageKey: 'users.passwordReset',
			})
		case 'disable':
			if (userId === manager.id) {
				return redirectWithToast(`/users/${userId}`, {
					type: 'error',
					messageKey: 'errors.disableSelf',
				})
			}
			if (can(user, 'manage:user:any') && countActiveManagers() <= 1) {
				return redirectWithToast(`/users/${userId}`, {
					type: 'error',
					messageKey: 'errors.lastManager',
				})
			}
			setUserDisabled(userId, true, manager.id)
			return redirectWithToast(`/users/${userId}`, {
				type: 'success',
				messageKey: 'users.disabledToast',
			})
		case 'enable':
			setUserDisabled(userId, false, manager.id)
			return redirectWithToast(`/users/${userId}`, {
				type: 'success',
				messageKey: 'users.enabledToast',
			})
	}
}

export default function UserPage() {
	const { user, targets } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation()
	const [resetForm, resetFields] = useForm({
		id: 'reset-password',
		lastResult: actionData?.intent === 'reset-password' ? actionData.result : undefined,
		constraint: getZodConstraint(ResetSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetSchema }),
	})
	return (
		<>
			<p className="breadcrumb">
				<Link to="/users">{t('users.title')}</Link>
			</p>
			<div className="page-header">
				<h1>{user.name}</h1>
				{user.disabledAt ? <span className="badge badge-muted">{t('users.disabled')}</span> : null}
			</div>
			<div className="columns">
				<section aria-labelledby="profile-heading">
					<h2 id="profile-heading">{t('users.profile')}</h2>
					<UserForm
						key={`${user.id}-${user.role}-${user.email}`}
						mode="update"
						lastResult={actionData?.intent === 'update' ? actionData.result : undefined}
						targets={targets}
						user={user}
					/>
				</section>
				<section aria-labelledby="access-heading">
					<h2 id="access-heading">{t('users.access')}</h2>
					<Form method="post" {...getFormProps(resetForm)} className="form">
						<input type="hidden" name="intent" value="reset-password" />
						<Field
							label={t('users.newPassword')}
							inputProps={{
								...getInputProps(resetFields.password, { type: 'password' }),
								autoComplete: 'new-password',
							}}
							errors={resetFields.password.errors}
							hint={t('users.passwordHint')}
						/>
						<ErrorList id={resetForm.errorId} errors={resetForm.errors} />
						<button type="submit" className="button">
							{t('users.resetPassword')}
						</button>
					</Form>
					<Form method="post" className="form">
						<input type="hidden" name="intent" value={user.disabledAt ? 'enable' : 'disable'} />
						<p className="muted">
							{user.disabledAt ? t('users.enableHint') : t('users.disableHint')}
						</p>
						<button type="submit" className={user.disabledAt ? 'button' : 'button button-danger'}>
							{user.disabledAt ? t('users.enable') : t('users.disable')}
						</button>
					</Form>
				</section>
			</div>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [data?.user.name, t('nav.users')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
