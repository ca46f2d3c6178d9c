import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MilestoneForm } from '~/components/funding-milestone-form'
import { deleteMilestone, getMilestoneForEdit, updateMilestone } from '~/models/milestone.server'
import { findStartupFor } from '~/models/startup.server'
import { milestoneSchema } from '~/schemas/funding'
import { requireStartupAccess } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:milestone')
	const milestoneId = parseId(params.milestoneId, 'milestone')
	const startup = findStartupFor({ id: startupId, viewer: user, grant: 'update:milestone' })
	const milestone = getMilestoneForEdit({ viewer: user, startupId, milestoneId })
	if (!startup || !milestone) throw notFound('milestone', milestoneId)
	return { startup, milestone }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:milestone')
	const milestoneId = parseId(params.milestoneId, 'milestone')
	const formData = await request.formData()
	const back = `/startups/${startupId}`
	if (formData.get('intent') === 'delete') {
		if (!deleteMilestone({ viewer: user, startupId, milestoneId })) {
			throw notFound('milestone', milestoneId)
		}
		return redirectWithToast(back, { type: 'success', messageKey: 'funding:milestone.deleted' })
	}
	if (!getMilestoneForEdit({ viewer: user, startupId, milestoneId })) {
		throw notFound('milestone', milestoneId)
	}
	const submission = parseWithZod(formData, { schema: milestoneSchema(today()) })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = updateMilestone({ viewer: user, startupId, milestoneId, input: submission.value })
	if (!result) throw notFound('milestone', milestoneId)
	return redirectWithToast(back, {
		type: 'success',
		messageKey: result.value.changed ? 'funding:milestone.saved' : 'funding:milestone.unchanged',
	})
}

export default function EditMilestonePage() {
	const { startup, milestone } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('funding')
	const values = {
		kind: milestone.kind,
		title: milestone.title,
		dueOn: milestone.dueOn ?? '',
		status: milestone.status,
		doneOn: milestone.doneOn ?? '',
		note: milestone.note ?? '',
	}
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>{t('milestone.editTitle', { title: milestone.title })}</h1>
			<MilestoneForm lastResult={lastResult} values={values} cancelTo={`/startups/${startup.id}`} />
			<section aria-labelledby="delete-heading" className="danger-zone">
				<h2 id="delete-heading">{t('milestone.deleteTitle')}</h2>
				<p>{t('milestone.deleteHint')}</p>
				<Form method="post">
					<button
						type="submit"
						name="intent"
						value="delete"
						className="button button-danger"
						onClick={(e) => {
							if (!confirm(t('milestone.confirmDelete'))) e.preventDefault()
						}}
					>
						{t('milestone.delete')}
					</button>
				</Form>
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('funding:milestone.editTitle', { title: data.milestone.title }),
	data?.startup.name,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
