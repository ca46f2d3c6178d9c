import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CohortForm } from '~/components/cohort-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { createCohort, isCohortNameTaken } from '~/models/cohort.server'
import { CohortSchema } from '~/schemas/cohort'
import { requirePermission } from '~/utils/access.server'
import { redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:cohort:any')
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	const manager = await requirePermission(request, 'update:cohort:any')
	const formData = await request.formData()
	const submission = parseWithZod(formData, {
		schema: CohortSchema.superRefine((value, ctx) => {
			if (isCohortNameTaken({ name: value.name, viewer: manager })) {
				ctx.addIssue({ code: 'custom', path: ['name'], message: 'cohorts:errors.nameTaken' })
			}
		}),
	})
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = createCohort({ input: submission.value, viewer: manager })
	if (!result) throw new Error('a manager could not create a cohort')
	const cohort = result.value
	return redirectWithToast(`/cohorts/${cohort.id}`, {
		type: 'success',
		messageKey: 'cohorts:toast.created',
		values: { name: cohort.name },
	})
}

export default function NewCohortPage() {
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('cohorts')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/cohorts">{t('title')}</Link>
			</p>
			<h1>{t('form.newTitle')}</h1>
			<CohortForm lastResult={lastResult} cancelTo="/cohorts" />
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('cohorts:form.newTitle'), t('nav.cohorts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
