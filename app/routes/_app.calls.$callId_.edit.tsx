import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useBilingual } from '~/components/application-view'
import { CallForm } from '~/components/call-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { cohortExists, getCall, updateCall } from '~/models/call.server'
import { pickerOf, resolvePicks } from '~/models/pickers.server'
import { CallSchema } from '~/schemas/call'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:call:any')
	const id = parseId(params.callId, 'call')
	const call = getCall({ id, viewer: user })
	if (!call) throw notFound('call', id)
	const { choices, label } = pickerOf({ kind: 'cohorts', viewer: user, currentId: call.cohortId })
	return { call, cohorts: choices, cohortLabel: label }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:call:any')
	const id = parseId(params.callId, 'call')
	if (!getCall({ id, viewer: user })) throw notFound('call', id)
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
	const result = updateCall({ id, input: submission.value, viewer: user })
	if (!result) throw notFound('call', id)
	return redirectWithToast(`/calls/${id}`, {
		type: 'success',
		messageKey: 'calls:toast.updated',
		values: { title: submission.value.titleFr },
	})
}

export default function EditCallPage() {
	const { call, cohorts, cohortLabel } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	const pick = useBilingual()
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/calls/${call.id}`}>{pick(call.titleFr, call.titleEn)}</Link>
			</p>
			<h1>{t('form.editTitle')}</h1>
			<CallForm
				lastResult={lastResult}
				call={call}
				cohorts={cohorts}
				cohortLabel={cohortLabel}
				locks={call.locks}
				cancelTo={`/calls/${call.id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, pick }) => [
	t('calls:form.editTitle'),
	data && pick(data.call.titleFr, data.call.titleEn),
	t('nav.calls'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
