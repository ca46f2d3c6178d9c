import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StartupForm } from '~/components/startup-form'
import { checkStartupAgainstDatabase } from '~/models/startup-form.server'
import { createStartup, listStartupFilterOptions } from '~/models/startup.server'
import { StartupManagerSchema } from '~/schemas/startup'
import { requirePermission } from '~/utils/access.server'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:startup:any')
	const cohortParam = new URL(request.url).searchParams.get('cohort')
	return { cohorts: listStartupFilterOptions(user).cohorts, cohortId: cohortParam }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:startup:any')
	const submission = parseWithZod(await request.formData(), {
		schema: StartupManagerSchema.superRefine((value, ctx) =>
			checkStartupAgainstDatabase(value, ctx),
		),
	})
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = createStartup({ input: submission.value, viewer: user })
	if (!result) throw forbidden('update:startup:any')
	const startup = result.value
	return redirectWithToast(`/startups/${startup.id}`, {
		type: 'success',
		messageKey: 'startups:form.created',
		values: { name: startup.name },
	})
}

export default function NewStartupPage() {
	const { cohorts, cohortId } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('startups')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/startups">{t('list.title')}</Link>
			</p>
			<h1>{t('form.newTitle')}</h1>
			<StartupForm
				mode="manager"
				lastResult={lastResult}
				cohorts={cohorts}
				values={cohortId ? { cohortId, stage: 'idea', status: 'applicant' } : undefined}
				cancelTo="/startups"
			/>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('startups:form.newTitle'), t('nav.startups')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
