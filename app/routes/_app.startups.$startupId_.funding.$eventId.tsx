import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FundingEventForm } from '~/components/funding-event-form'
import {
	countTriggered,
	deleteFundingEvent,
	firstDateField,
	getFundingEventForEdit,
	listKnownSources,
	triggeredEarlierProblem,
	triggerProblem,
	updateFundingEvent,
} from '~/models/funding.server'
import { resolvePicks, triggerPicker } from '~/models/pickers.server'
import { findStartupFor } from '~/models/startup.server'
import { FundingEventSchema } from '~/schemas/funding'
import { requireStartupAccess } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { formatMoneyForForm } from '~/utils/money'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:funding')
	const eventId = parseId(params.eventId, 'fundingEvent')
	const startup = findStartupFor({ id: startupId, viewer: user, grant: 'update:funding' })
	// an event of another startup is not there, even for a manager typing the wrong address
	const event = getFundingEventForEdit({ viewer: user, startupId, eventId })
	if (!startup || !event) throw notFound('fundingEvent', eventId)
	return {
		startup,
		event,
		triggered: countTriggered(eventId),
		...triggerPicker({ viewer: user, startupId, eventId, currentId: event.triggeredById }),
		sources: listKnownSources(user, startupId),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const startupId = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, startupId, 'update:funding')
	const eventId = parseId(params.eventId, 'fundingEvent')
	const formData = await request.formData()
	const back = `/startups/${startupId}`

	if (formData.get('intent') === 'delete') {
		const deleted = deleteFundingEvent({ viewer: user, startupId, eventId })
		if (!deleted) throw notFound('fundingEvent', eventId)
		return redirectWithToast(back, { type: 'success', messageKey: 'funding:event.deleted' })
	}

	const existing = getFundingEventForEdit({ viewer: user, startupId, eventId })
	if (!existing) throw notFound('fundingEvent', eventId)
	const picks = resolvePicks(formData, user, {
		triggeredById: {
			kind: 'triggers',
			context: { startupId, eventId, currentId: existing.triggeredById },
		},
	})
	const submission = parseWithZod(picks.formData, {
		schema: FundingEventSchema.superRefine((value, ctx) => {
			if (value.triggeredById) {
				const message = triggerProblem({
					viewer: user,
					startupId,
					eventId,
					triggeredById: value.triggeredById,
					dates: value,
					currentTriggerId: existing.triggeredById,
				})
				if (message) ctx.addIssue({ code: 'custom', path: ['triggeredById'], message })
			}
			const message = triggeredEarlierProblem(eventId, value)
			if (message) ctx.addIssue({ code: 'custom', path: [firstDateField(value)], message })
		}),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), { status: 400 })
	}
	const result = updateFundingEvent({ viewer: user, startupId, eventId, input: submission.value })
	if (!result) throw notFound('fundingEvent', eventId)
	if (!result.ok) return data(picks.reply(replyTo(submission, result)), { status: 400 })
	return redirectWithToast(back, {
		type: 'success',
		messageKey: result.value.changed ? 'funding:event.saved' : 'funding:event.unchanged',
	})
}

export default function EditFundingEventPage() {
	const { startup, event, triggered, triggers, triggerLabel, sources } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t, i18n } = useTranslation('funding')
	const values = {
		kind: event.kind,
		source: event.source,
		origin: event.isPublic ? 'public' : 'private',
		amount: formatMoneyForForm(event.amountCents, i18n.language),
		currency: event.currency,
		status: event.status,
		plannedOn: event.plannedOn ?? '',
		appliedOn: event.appliedOn ?? '',
		securedOn: event.securedOn ?? '',
		receivedOn: event.receivedOn ?? '',
		declinedOn: event.declinedOn ?? '',
		triggeredById: event.triggeredById ? String(event.triggeredById) : '',
		note: event.note ?? '',
	}
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>
				{t('event.editTitle', {
					kind: t(`enums:fundingKinds.${event.kind}`),
					source: event.source,
				})}
			</h1>
			<FundingEventForm
				startupId={startup.id}
				eventId={event.id}
				lastResult={lastResult}
				values={values}
				triggers={triggers}
				triggerLabel={triggerLabel}
				sources={sources}
				cancelTo={`/startups/${startup.id}`}
			/>
			<section aria-labelledby="delete-heading" className="danger-zone">
				<h2 id="delete-heading">{t('event.deleteTitle')}</h2>
				<p>{triggered ? t('event.deleteUnlinks', { count: triggered }) : t('event.deleteHint')}</p>
				<Form method="post">
					<button
						type="submit"
						name="intent"
						value="delete"
						className="button button-danger"
						onClick={(e) => {
							if (!confirm(t('event.confirmDelete'))) e.preventDefault()
						}}
					>
						{t('event.delete')}
					</button>
				</Form>
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data &&
		t('funding:event.editTitle', {
			kind: t(`enums:fundingKinds.${data.event.kind}`),
			source: data.event.source,
		}),
	data?.startup.name,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
