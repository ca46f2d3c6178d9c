import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { UserForm } from '~/components/user-form'
import { createUser, isEmailTaken, listLinkTargets } from '~/models/user.server'
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
	const targets = listLinkTargets({ viewer: manager })
	const submission = parseWithZod(formData, {
		schema: UserCreateSchema.superRefine((value, ctx) => {
			if (isEmailTaken(value.email)) {
				ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors.emailTaken' })
			}
			if (value.startupId && !targets.startups.some((s) => s.id === value.startupId)) {
				ctx.addIssue({ code: 'custom', path: ['startupId'], message: 'errors.unknownStartup' })
			}
			if (value.mentorId && !targets.mentors.some((m) => m.id === value.mentorId)) {
				ctx.addIssue({ code: 'custom', path: ['mentorId'], message: 'errors.unknownMentor' })
			}
		}),
	})
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
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
