import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MilestoneForm } from '~/components/funding-milestone-form'
import { createMilestone } from '~/models/milestone.server'
import { findStartupFor } from '~/models/startup.server'
import { milestoneSchema } from '~/schemas/funding'
import { requireStartupAccess } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

// a manager sets any startup's milestones, a founder their own one's; another startup is a 404 for them
export async function loader({ request, params }: LoaderFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:milestone')
	const startup = findStartupFor({ id: startupId, viewer: user, grant: 'update:milestone' })
	if (!startup) throw notFound('startup', startupId)
	return { startup }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:milestone')
	const submission = parseWithZod(await request.formData(), { schema: milestoneSchema(today()) })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	if (!createMilestone({ viewer: user, startupId, input: submission.value })) {
		throw notFound('startup', startupId)
	}
	return redirectWithToast(`/startups/${startupId}`, {
		type: 'success',
		messageKey: 'funding:milestone.created',
	})
}

export default function NewMilestonePage() {
	const { startup } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('funding')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>{t('milestone.newTitle')}</h1>
			<MilestoneForm lastResult={lastResult} cancelTo={`/startups/${startup.id}`} />
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	t('funding:milestone.newTitle'),
	data?.startup.name,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
