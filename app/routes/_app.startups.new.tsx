import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StartupForm } from '~/components/startup-form'
import { pickerOf, resolvePicks } from '~/models/pickers.server'
import { checkStartupAgainstDatabase } from '~/models/startup-form.server'
import { createStartup } from '~/models/startup.server'
import { StartupManagerSchema } from '~/schemas/startup'
import { requirePermission } from '~/utils/access.server'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import type { Viewer } from '~/models/viewer'

/** The cohort field: a select of the cohorts while there are few, else a name to type. */
function cohortPicker(user: Viewer, cohortId: number | null | undefined) {
	const { choices, label } = pickerOf({ kind: 'cohorts', viewer: user, currentId: cohortId })
	return { cohorts: choices, cohortLabel: label }
}

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:startup:any')
	const cohortParam = new URL(request.url).searchParams.get('cohort')
	const cohortId = cohortParam && /^\d{1,9}$/.test(cohortParam) ? cohortParam : null
	return { ...cohortPicker(user, cohortId ? Number(cohortId) : null), cohortId }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:startup:any')
	const picks = resolvePicks(await request.formData(), user, { cohortId: { kind: 'cohorts' } })
	const submission = parseWithZod(picks.formData, {
		schema: StartupManagerSchema.superRefine((value, ctx) =>
			checkStartupAgainstDatabase(value, ctx),
		),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), { status: 400 })
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
	const { cohorts, cohortLabel, cohortId } = useLoaderData<typeof loader>()
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
				cohortLabel={cohortLabel}
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
