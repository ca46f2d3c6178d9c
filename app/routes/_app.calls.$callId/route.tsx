import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	CallStatusBadge,
	RankingTable,
	StatusBadge,
	useBilingual,
} from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Stat, StatGrid } from '~/components/stat'
import { listCallApplications } from '~/models/application.server'
import {
	addCommitteeMember,
	getCall,
	listCommittee,
	listCommitteeCandidates,
	removeCommitteeMember,
} from '~/models/call.server'
import { CommitteeSchema } from '~/schemas/call'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { CommitteePanel } from './committee-panel'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:call:any')
	const id = parseId(params.callId, 'call')
	const call = getCall({ id, viewer: user })
	if (!call) throw notFound('call', id)
	return {
		call,
		applications: listCallApplications({ viewer: user, callId: id }),
		committee: listCommittee({ callId: id, viewer: user }),
		candidates: listCommitteeCandidates({ callId: id, viewer: user }),
	}
}

/** The committee: a manager adds a member (manager, mentor, partner representative) or removes one. */
export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:call:any')
	const id = parseId(params.callId, 'call')
	if (!getCall({ id, viewer: user })) throw notFound('call', id)
	const submission = parseWithZod(await request.formData(), { schema: CommitteeSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const { intent, userId } = submission.value
	const result =
		intent === 'add-member'
			? addCommitteeMember({ callId: id, userId, viewer: user })
			: removeCommitteeMember({ callId: id, userId, viewer: user })
	if (!result.ok) {
		return data(submission.reply({ formErrors: [result.error] }), { status: 400 })
	}
	return redirectWithToast(`/calls/${id}#committee`, {
		type: 'success',
		messageKey: intent === 'add-member' ? 'calls:toast.memberAdded' : 'calls:toast.memberRemoved',
	})
}

export default function CallPage() {
	const { call, applications, committee, candidates } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	const submitted = applications.rows.filter((a) => a.status !== 'draft')
	const drafts = applications.rows.filter((a) => a.status === 'draft' && !a.erasedAt)
	return (
		<>
			<p className="breadcrumb">
				<Link to="/calls">{t('list.title')}</Link>
			</p>
			<div className="page-header">
				<h1>
					{pick(call.titleFr, call.titleEn)} <CallStatusBadge status={call.status} />
				</h1>
				<p className="actions">
					{call.published ? (
						<a className="button" href={`/apply/${call.id}`}>
							{t('call.publicPage')}
						</a>
					) : null}{' '}
					<Link className="button button-primary" to={`/calls/${call.id}/edit`}>
						{t('common:common.edit')}
					</Link>
				</p>
			</div>
			<dl className="facts">
				<div>
					<dt>{t('common:fields.cohort')}</dt>
					<dd>{call.cohortName}</dd>
				</div>
				<div>
					<dt>{t('fields.dates')}</dt>
					<dd>
						{f.date(call.opensOn)} → {f.date(call.closesOn)}
					</dd>
				</div>
				<div>
					<dt>{t('fields.retentionMonths')}</dt>
					<dd>{t('call.retention', { count: call.retentionMonths })}</dd>
				</div>
			</dl>
			<StatGrid>
				<Stat label={t('list.submitted')} value={submitted.length} />
				<Stat label={t('list.drafts')} value={drafts.length} />
				<Stat
					label={t('list.decided')}
					value={submitted.filter((a) => a.decidedAt !== null).length}
				/>
			</StatGrid>

			<section aria-labelledby="ranking-title">
				<h2 id="ranking-title">{t('ranking.title')}</h2>
				<p className="muted">
					{t('ranking.lead', {
						criteria: call.criteria
							.map((c) => `${pick(c.labelFr, c.labelEn)} ×${c.weight}`)
							.join(', '),
					})}
				</p>
				<RankingTable
					rows={applications.ranking}
					caption={t('ranking.title')}
					href={(id) => `/calls/${call.id}/applications/${id}`}
				/>
				{applications.hidden ? (
					<p className="muted">{t('ranking.hidden', { count: applications.hidden })}</p>
				) : null}
			</section>

			<section aria-labelledby="applications-title">
				<h2 id="applications-title">{t('call.applications')}</h2>
				{applications.rows.length ? (
					<Table caption={t('call.applications')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.projectName')}</th>
								<th scope="col">{t('fields.contactName')}</th>
								<th scope="col">{t('fields.origin')}</th>
								<th scope="col">{t('fields.submittedAt')}</th>
								<th scope="col">{t('fields.status')}</th>
							</tr>
						</thead>
						<tbody>
							{applications.rows.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										<Link to={`/calls/${call.id}/applications/${a.id}`}>
											{a.projectName ?? t('view.erased')}
										</Link>
									</th>
									<td>{a.contactName ?? '—'}</td>
									<td>{a.origin ? t(`origins.${a.origin}`) : '—'}</td>
									<td>{a.submittedAt ? f.dateTime(a.submittedAt) : '—'}</td>
									<td>
										<StatusBadge status={a.status} />
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<p className="muted">{t('call.noApplications')}</p>
				)}
			</section>

			<CommitteePanel committee={committee} candidates={candidates} lastResult={lastResult} />

			<section aria-labelledby="questions-title">
				<h2 id="questions-title">{t('form.questions')}</h2>
				<ol>
					{call.questions.map((q) => (
						<li key={q.id}>
							{pick(q.labelFr, q.labelEn)} <span className="muted">· {t(`kinds.${q.kind}`)}</span>
							{q.required ? <span className="muted"> · {t('form.required')}</span> : null}
						</li>
					))}
				</ol>
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, pick }) => [
	data && pick(data.call.titleFr, data.call.titleEn),
	t('nav.calls'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
