import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { lazyPart } from '~/components/lazy'
import { getStartupPage } from '~/models/startup-page.server'
import {
	addTeamMember,
	changeStartupStatus,
	removeTeamMember,
	updateTeamMember,
} from '~/models/startup.server'
import { holdsOn, requireStartupAccess } from '~/utils/access.server'
import { requireUser } from '~/utils/auth.server'
import { badRequest, forbidden, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { parseWithZod, StatusChangeSchema, TeamMemberSchema, z } from '~/utils/validation.server'
import { replyTo } from '~/utils/write-result'
import { FundingSection } from './funding-section'
import { LeaseSection } from './lease-section'
import { MentoringSection } from './mentoring-section'
import { MilestonesSection } from './milestones-section'
import { ProfileSection } from './sections'
import { pageTitle } from '~/utils/meta'

// the forms of the side column load after the page (their zod schemas with them)
const StatusForm = lazyPart(() => import('./status-form').then((m) => m.StatusForm))
const TeamSection = lazyPart(() => import('./team-section').then((m) => m.TeamSection))
// so do the parts at the bottom of each column
const IntroductionsSection = lazyPart(() =>
	import('./introductions-section').then((m) => m.IntroductionsSection),
)
const ActivitySection = lazyPart(() => import('./activity-section').then((m) => m.ActivitySection))

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const id = parseId(params.startupId, 'startup')
	const fundingPage = Number(new URL(request.url).searchParams.get('fundingPage')) || 1
	const page = getStartupPage({ id, viewer: user, fundingPage })
	// another startup's page is simply not there for a founder or a mentor
	if (!page) throw notFound('startup', id)
	return page
}

export async function action({ request, params }: ActionFunctionArgs) {
	const MemberIdSchema = z.coerce.number().int().positive()
	const id = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, id, 'read:startup')
	const mayEditTeam = holdsOn(user, 'update:team', id)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const back = `/startups/${id}`

	switch (intent) {
		case 'change-status': {
			if (!can(user, 'update:programme:any')) throw forbidden('update:programme:any')
			const submission = parseWithZod(formData, { schema: StatusChangeSchema })
			if (submission.status !== 'success') {
				return data({ intent, result: submission.reply() }, { status: 400 })
			}
			// which moves are allowed, and when, is the model's rule
			const result = changeStartupStatus({
				id,
				status: submission.value.status,
				date: submission.value.date,
				viewer: user,
			})
			if (!result) throw notFound('startup', id)
			if (!result.ok) {
				return data({ intent, result: replyTo(submission, result) }, { status: 400 })
			}
			return redirectWithToast(back, { type: 'success', messageKey: 'startups:page.statusChanged' })
		}
		case 'add-member':
		case 'update-member': {
			if (!mayEditTeam) throw forbidden('update:team:own')
			const submission = parseWithZod(formData, { schema: TeamMemberSchema })
			const memberId = MemberIdSchema.safeParse(formData.get('memberId'))
			if (submission.status !== 'success') {
				return data(
					{ intent, memberId: memberId.success ? memberId.data : null, result: submission.reply() },
					{ status: 400 },
				)
			}
			if (intent === 'add-member') {
				addTeamMember({ startupId: id, input: submission.value, viewer: user })
				return redirectWithToast(back, { type: 'success', messageKey: 'startups:team.added' })
			}
			if (!memberId.success) throw badRequest('memberId')
			// the member must belong to this startup: an id from another startup changes nothing
			if (
				!updateTeamMember({
					startupId: id,
					memberId: memberId.data,
					input: submission.value,
					viewer: user,
				})
			) {
				throw notFound('teamMember', memberId.data)
			}
			return redirectWithToast(back, { type: 'success', messageKey: 'startups:team.updated' })
		}
		case 'remove-member': {
			if (!mayEditTeam) throw forbidden('update:team:own')
			const memberId = MemberIdSchema.safeParse(formData.get('memberId'))
			if (!memberId.success) throw badRequest('memberId')
			if (!removeTeamMember({ startupId: id, memberId: memberId.data, viewer: user })) {
				throw notFound('teamMember', memberId.data)
			}
			return redirectWithToast(back, { type: 'success', messageKey: 'startups:team.removed' })
		}
		default:
			throw badRequest('intent')
	}
}

export default function StartupPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('startups')
	const { startup, sections } = page
	return (
		<>
			{sections.changeStatus ? (
				<p className="breadcrumb">
					<Link to="/startups">{t('list.title')}</Link>
				</p>
			) : null}
			<div className="page-header">
				<div>
					<h1>{startup.name}</h1>
					<p className="muted">
						<span className={`badge status-${startup.status}`}>
							{t(`enums:startupStatuses.${startup.status}`)}
						</span>{' '}
						{t(`enums:startupStages.${startup.stage}`)} · {startup.sector}
						{startup.cohortName ? ` · ${startup.cohortName}` : ''}
					</p>
				</div>
				{sections.edit ? (
					<Link to={`/startups/${startup.id}/edit`} className="button">
						{t('page.edit')}
					</Link>
				) : null}
			</div>
			<div className="startup-grid">
				<div>
					<ProfileSection page={page} />
					<MilestonesSection page={page} />
					<FundingSection page={page} />
					<IntroductionsSection page={page} />
					{sections.mentoring ? <MentoringSection page={page} /> : null}
				</div>
				<aside>
					{sections.changeStatus ? (
						<StatusForm
							status={startup.status}
							lastResult={actionData?.intent === 'change-status' ? actionData.result : undefined}
						/>
					) : null}
					{sections.lease ? <LeaseSection page={page} /> : null}
					{sections.team ? (
						<TeamSection
							team={page.team}
							editable={sections.edit}
							actionData={actionData && 'memberId' in actionData ? actionData : undefined}
						/>
					) : null}
					{sections.timeline ? <ActivitySection page={page} /> : null}
				</aside>
			</div>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data?.startup.name,
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
