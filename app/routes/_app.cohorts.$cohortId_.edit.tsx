import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CohortForm } from '~/components/cohort-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getCohort, isCohortNameTaken, updateCohort } from '~/models/cohort.server'
import { CohortSchema } from '~/schemas/cohort'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const manager = await requirePermission(request, 'update:cohort:any')
	const id = parseId(params.cohortId, 'cohort')
	const cohort = getCohort({ id, viewer: manager })
	if (!cohort) throw notFound('cohort', id)
	return { cohort }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const manager = await requirePermission(request, 'update:cohort:any')
	const id = parseId(params.cohortId, 'cohort')
	if (!getCohort({ id, viewer: manager })) throw notFound('cohort', id)
	const formData = await request.formData()
	const submission = parseWithZod(formData, {
		schema: CohortSchema.superRefine((value, ctx) => {
			if (isCohortNameTaken({ name: value.name, exceptId: id, viewer: manager })) {
				ctx.addIssue({ code: 'custom', path: ['name'], message: 'cohorts:errors.nameTaken' })
			}
		}),
	})
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = updateCohort({ id, input: submission.value, viewer: manager })
	// deleted between the check above and the write
	if (!result) throw notFound('cohort', id)
	return redirectWithToast(`/cohorts/${id}`, {
		type: 'success',
		messageKey: result.value.changed ? 'cohorts:toast.updated' : 'cohorts:toast.unchanged',
		values: { name: result.value.name },
	})
}

export default function EditCohortPage() {
	const { cohort } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('cohorts')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
			</p>
			<h1>{t('form.editTitle', { name: cohort.name })}</h1>
			<CohortForm lastResult={lastResult} cohort={cohort} cancelTo={`/cohorts/${cohort.id}`} />
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('cohorts:form.editTitle', { name: data.cohort.name }),
	t('nav.cohorts'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
