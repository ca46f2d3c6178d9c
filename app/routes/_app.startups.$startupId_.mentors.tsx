import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AssignForm, AssignmentTable } from '~/components/mentor-assignments'
import { SuggestionList } from '~/components/mentor-suggestions'
import { EmptyState } from '~/components/stat'
import {
	assignMentor,
	endAssignment,
	getMentorSuggestions,
	listAssignments,
} from '~/models/mentoring.server'
import { pickLabel, resolvePicks } from '~/models/pickers.server'
import { AssignMentorSchema, EndAssignmentSchema } from '~/schemas/mentor'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { badRequest, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { optionalParam } from '~/utils/list-params'
import { PICKER_LIMIT } from '~/utils/picker'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

// assigning mentors is the incubator team's decision
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:assignment:any')
	const id = parseId(params.startupId, 'startup')
	const match = getMentorSuggestions({ viewer: user, startupId: id })
	if (!match) throw notFound('startup', id)
	const preselected = optionalParam(
		z.coerce.number().int().positive(),
		new URL(request.url).searchParams.get('mentor'),
	)
	const chosen = match.assignable.some((m) => m.id === preselected) ? preselected : undefined
	// a network's mentors are a name to type, not a select of hundreds (decision 0044)
	const many = match.assignable.length > PICKER_LIMIT
	return {
		...match,
		assignable: many ? null : match.assignable,
		anyAssignable: match.assignable.length > 0,
		assignments: listAssignments({ viewer: user, startupId: id }),
		preselected: chosen,
		preselectedLabel: many ? pickLabel({ kind: 'mentors', id: chosen, viewer: user }) : undefined,
		asOf: today(),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:assignment:any')
	const id = parseId(params.startupId, 'startup')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const back = `/startups/${id}/mentors`
	switch (intent) {
		case 'assign': {
			const picks = resolvePicks(formData, user, { mentorId: { kind: 'mentors' } })
			const submission = parseWithZod(picks.formData, { schema: AssignMentorSchema })
			if (submission.status !== 'success' || picks.errors) {
				return data(
					{ intent, assignmentId: null, result: picks.reply(submission.reply()) },
					{ status: 400 },
				)
			}
			const { intent: _intent, ...input } = submission.value
			const result = assignMentor({ viewer: user, startupId: id, input })
			if (!result) throw notFound('startup', id)
			if (!result.ok) {
				return data(
					{
						intent,
						assignmentId: null,
						result: picks.reply(replyTo(submission, result)),
					},
					{ status: 400 },
				)
			}
			return redirectWithToast(back, { type: 'success', messageKey: 'mentors:assign.assigned' })
		}
		case 'end': {
			const submission = parseWithZod(formData, { schema: EndAssignmentSchema })
			const assignmentId =
				submission.status === 'success'
					? submission.value.assignmentId
					: Number(formData.get('assignmentId')) || null
			if (submission.status !== 'success') {
				return data({ intent, assignmentId, result: submission.reply() }, { status: 400 })
			}
			const result = endAssignment({
				viewer: user,
				startupId: id,
				assignmentId: submission.value.assignmentId,
				endDate: submission.value.endDate,
			})
			// an assignment of another startup is not on this page
			if (!result) throw notFound('assignment', submission.value.assignmentId)
			if (!result.ok) {
				return data({ intent, assignmentId, result: replyTo(submission, result) }, { status: 400 })
			}
			return redirectWithToast(back, { type: 'success', messageKey: 'mentors:assign.endedToast' })
		}
		default:
			throw badRequest('intent')
	}
}

export default function StartupMentorsPage() {
	const {
		startup,
		needs,
		suggestions,
		atCapacity,
		assignable,
		anyAssignable,
		assignments,
		preselected,
		preselectedLabel,
		asOf,
	} = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('mentors')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${startup.id}`}>{startup.name}</Link>
			</p>
			<h1>{t('suggest.title', { name: startup.name })}</h1>
			<p className="lead">
				{t('suggest.needs', {
					sector: needs.sector,
					stage: t(`enums:startupStages.${needs.stage}`),
				})}{' '}
				{needs.ukFocus ? t('suggest.needsUk') : null}{' '}
				{needs.openMilestoneKinds.length
					? t('suggest.needsMilestones', {
							kinds: needs.openMilestoneKinds.map((k) => t(`enums:milestoneKinds.${k}`)).join(', '),
						})
					: t('suggest.noOpenMilestones')}
			</p>

			<section aria-labelledby="current-heading">
				<h2 id="current-heading">{t('assign.current')}</h2>
				{assignments.length ? (
					<AssignmentTable
						assignments={assignments}
						asOf={asOf}
						show="mentor"
						caption={t('assign.current')}
						endResult={actionData?.intent === 'end' ? actionData : undefined}
					/>
				) : (
					<EmptyState title={t('assign.none')} />
				)}
			</section>

			<div className="columns">
				<section aria-labelledby="suggestions-heading">
					<h2 id="suggestions-heading">{t('suggest.heading')}</h2>
					<p className="muted">{t('suggest.how')}</p>
					{suggestions.length ? (
						<SuggestionList suggestions={suggestions} startupId={startup.id} />
					) : (
						<EmptyState title={t('suggest.none')}>{t('suggest.noneHint')}</EmptyState>
					)}
					{atCapacity.length ? (
						<details className="at-capacity">
							<summary>{t('suggest.atCapacity', { count: atCapacity.length })}</summary>
							<SuggestionList suggestions={atCapacity} startupId={startup.id} full />
						</details>
					) : null}
				</section>
				<section aria-labelledby="assign-heading" id="assign">
					<h2 id="assign-heading">{t('assign.heading')}</h2>
					{anyAssignable ? (
						<AssignForm
							key={preselected ?? 'none'}
							mentors={assignable}
							preselected={preselected}
							preselectedLabel={preselectedLabel}
							asOf={asOf}
							lastResult={actionData?.intent === 'assign' ? actionData.result : undefined}
						/>
					) : (
						<EmptyState title={t('assign.noneAvailable')} />
					)}
				</section>
			</div>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('mentors:suggest.title', { name: data.startup.name }),
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
