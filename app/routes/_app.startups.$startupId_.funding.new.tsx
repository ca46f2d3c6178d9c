import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FundingEventForm } from '~/components/funding-event-form'
import { createFundingEvent, listKnownSources, triggerProblem } from '~/models/funding.server'
import { resolvePicks, triggerPicker } from '~/models/pickers.server'
import { findStartupFor } from '~/models/startup.server'
import { FundingEventSchema, newFundingEventDefaults } from '~/schemas/funding'
import { requireStartupAccess } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

// a manager writes any startup's funding, a founder their own one's; another startup is a 404 for them
export async function loader({ request, params }: LoaderFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:funding')
	const startup = findStartupFor({ id: startupId, viewer: user, grant: 'update:funding' })
	if (!startup) throw notFound('startup', startupId)
	return {
		startup,
		...triggerPicker({ viewer: user, startupId }),
		sources: listKnownSources(user, startupId),
		defaults: newFundingEventDefaults(today()),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:funding')
	const picks = resolvePicks(await request.formData(), user, {
		triggeredById: { kind: 'triggers', context: { startupId } },
	})
	const submission = parseWithZod(picks.formData, {
		schema: FundingEventSchema.superRefine((value, ctx) => {
			if (!value.triggeredById) return
			const message = triggerProblem({
				viewer: user,
				startupId,
				eventId: null,
				triggeredById: value.triggeredById,
				dates: value,
			})
			if (message) ctx.addIssue({ code: 'custom', path: ['triggeredById'], message })
		}),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), { status: 400 })
	}
	const result = createFundingEvent({ viewer: user, startupId, input: submission.value })
	if (!result) throw notFound('startup', startupId)
	if (!result.ok) return data(picks.reply(replyTo(submission, result)), { status: 400 })
	return redirectWithToast(`/startups/${startupId}`, {
		type: 'success',
		messageKey: 'funding:event.created',
	})
}

export default function NewFundingEventPage() {
	const { startup, triggers, triggerLabel, sources, defaults } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('funding')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>{t('event.newTitle')}</h1>
			<p className="lead">{t('event.lead')}</p>
			<FundingEventForm
				startupId={startup.id}
				lastResult={lastResult}
				defaults={defaults}
				triggers={triggers}
				triggerLabel={triggerLabel}
				sources={sources}
				cancelTo={`/startups/${startup.id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	t('funding:event.newTitle'),
	data?.startup.name,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
