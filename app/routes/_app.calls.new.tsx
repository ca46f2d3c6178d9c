import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CallForm } from '~/components/call-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { cohortExists, createCall } from '~/models/call.server'
import { pickerOf, resolvePicks } from '~/models/pickers.server'
import { CallSchema } from '~/schemas/call'
import { requirePermission } from '~/utils/access.server'
import { redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:call:any')
	const { choices, label } = pickerOf({ kind: 'cohorts', viewer: user })
	return { cohorts: choices, cohortLabel: label }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:call:any')
	const picks = resolvePicks(await request.formData(), user, { cohortId: { kind: 'cohorts' } })
	const submission = parseWithZod(picks.formData, {
		schema: CallSchema.superRefine((value, ctx) => {
			if (!cohortExists(value.cohortId)) {
				ctx.addIssue({ code: 'custom', path: ['cohortId'], message: 'errors.invalidChoice' })
			}
		}),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), {
			status: submission.status === 'error' || picks.errors ? 400 : 200,
		})
	}
	const call = createCall({ input: submission.value, viewer: user })
	if (!call) throw new Error('a manager could not create a call')
	return redirectWithToast(`/calls/${call.id}`, {
		type: 'success',
		messageKey: 'calls:toast.created',
		values: { title: submission.value.titleFr },
	})
}

export default function NewCallPage() {
	const { cohorts, cohortLabel } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/calls">{t('list.title')}</Link>
			</p>
			<h1>{t('form.newTitle')}</h1>
			<CallForm
				lastResult={lastResult}
				cohorts={cohorts}
				cohortLabel={cohortLabel}
				cancelTo="/calls"
			/>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('calls:form.newTitle'), t('nav.calls')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
