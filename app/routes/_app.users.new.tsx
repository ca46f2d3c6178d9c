import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { UserForm } from '~/components/user-form'
import { resolvePicks } from '~/models/pickers.server'
import {
	createUser,
	isEmailTaken,
	linkPicks,
	linkTargetExists,
	listLinkTargets,
} from '~/models/user.server'
import { UserCreateSchema } from '~/schemas/auth'
import { requirePermission } from '~/utils/access.server'
import { redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const manager = await requirePermission(request, 'manage:user:any')
	return { targets: listLinkTargets({ viewer: manager }) }
}

export async function action({ request }: ActionFunctionArgs) {
	const manager = await requirePermission(request, 'manage:user:any')
	const formData = await request.formData()
	const picks = resolvePicks(formData, manager, linkPicks(formData.get('role')))
	const submission = parseWithZod(picks.formData, {
		schema: UserCreateSchema.superRefine((value, ctx) => {
			if (isEmailTaken(value.email)) {
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
		}),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply({ hideFields: ['password'] })), { status: 400 })
	}
	const { startupId, mentorId, ...rest } = submission.value
	const user = await createUser(
		{ ...rest, startupId: startupId ?? null, mentorId: mentorId ?? null },
		manager.id,
	)
	return redirectWithToast(`/users/${user.id}`, {
		type: 'success',
		messageKey: 'users.created',
		values: { email: rest.email },
	})
}

export default function NewUserPage() {
	const { targets } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/users">{t('users.title')}</Link>
			</p>
			<h1>{t('users.new')}</h1>
			<UserForm mode="create" lastResult={lastResult} targets={targets} />
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('users.new'), t('nav.users')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
