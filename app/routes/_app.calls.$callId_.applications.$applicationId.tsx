import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { DECISIONS } from '#db/schema/enums'
import {
	AnswerList,
	ProjectFacts,
	ReviewsTable,
	score,
	StatusBadge,
} from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, TextareaField } from '~/components/forms'
import {
	decideApplication,
	eraseApplications,
	getApplicationForManager,
} from '~/models/application.server'
import { DecisionSchema } from '~/schemas/application'
import { requirePermission } from '~/utils/access.server'
import { badRequest, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:call:any')
	const callId = parseId(params.callId, 'call')
	const applicationId = parseId(params.applicationId, 'application')
	// a manager who declared a conflict on it does not see it either
	const page = getApplicationForManager({ viewer: user, callId, applicationId })
	if (!page) throw notFound('application', applicationId)
	return { ...page, callId, canDecide: can(user, 'decide:application:any') }
}

/** The decision (accepted, waiting list, refused, with the reason the applicant will read), or erasure. */
export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'decide:application:any')
	const callId = parseId(params.callId, 'call')
	const applicationId = parseId(params.applicationId, 'application')
	const page = getApplicationForManager({ viewer: user, callId, applicationId })
	if (!page) throw notFound('application', applicationId)
	const formData = await request.formData()
	if (formData.get('intent') === 'erase') {
		if (page.application.status === 'accepted') throw badRequest('erase-accepted')
		eraseApplications({ viewer: user, ids: [applicationId] })
		return redirectWithToast(`/calls/${callId}`, {
			type: 'success',
			messageKey: 'calls:toast.erased',
		})
	}
	const submission = parseWithZod(formData, { schema: DecisionSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const result = await decideApplication({
		viewer: user,
		callId,
		applicationId,
		decision: submission.value.decision,
		reason: submission.value.reason ?? null,
	})
	if (!result.ok) {
		return data(submission.reply({ formErrors: [`calls:errors.${result.error}`] }), {
			status: result.error === 'notFound' ? 404 : 409,
		})
	}
	return redirectWithToast(`/calls/${callId}/applications/${applicationId}`, {
		type: 'success',
		messageKey: `calls:toast.decided.${submission.value.decision}`,
		values: { invited: String(result.invited) },
	})
}

export default function ManagerApplicationPage() {
	const page = useLoaderData<typeof loader>()
	const { application, founders, answers, files, questions, criteria, reviews, ranking, callId } =
		page
	const { t, i18n } = useTranslation('calls')
	const f = useFormat()
	const decidable = ['submitted', 'waitlisted'].includes(application.status)
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/calls/${callId}`}>{t('call.back')}</Link>
			</p>
			<h1>
				{application.projectName ?? t('view.erased')} <StatusBadge status={application.status} />
			</h1>
			{application.erasedAt ? (
				<p className="lead">{t('view.erasedOn', { date: f.dateTime(application.erasedAt) })}</p>
			) : (
				<>
					<dl className="facts">
						<div>
							<dt>{t('fields.contactName')}</dt>
							<dd>{application.contactName}</dd>
						</div>
						<div>
							<dt>{t('fields.contactEmail')}</dt>
							<dd>
								<a href={`mailto:${application.contactEmail}`}>{application.contactEmail}</a>
							</dd>
						</div>
						<div>
							<dt>{t('fields.contactPhone')}</dt>
							<dd>{application.contactPhone ?? '—'}</dd>
						</div>
						<div>
							<dt>{t('fields.language')}</dt>
							<dd>{t(`common:language.${application.locale}`)}</dd>
						</div>
						<div>
							<dt>{t('fields.submittedAt')}</dt>
							<dd>
								{application.submittedAt ? f.dateTime(application.submittedAt) : t('view.draft')}
							</dd>
						</div>
					</dl>
					<ProjectFacts application={application} founders={founders} />
					<h2>{t('view.answers')}</h2>
					<AnswerList
						questions={questions}
						answers={answers}
						files={files}
						fileHref={(id) => `/calls/${callId}/files/${id}`}
					/>
				</>
			)}

			<section aria-labelledby="scores-title">
				<h2 id="scores-title">{t('scores.title')}</h2>
				{ranking ? (
					<p>
						{t('scores.summary', {
							average: score(ranking.average, i18n.language),
							count: ranking.scored,
						})}{' '}
						{ranking.missing.length
							? t('scores.missing', {
									names: ranking.missing
										.map((m) => m.name ?? t(`enums:roles.${m.role}`))
										.join(', '),
								})
							: null}
					</p>
				) : null}
				<ReviewsTable criteria={criteria} reviews={reviews} />
			</section>

			<section aria-labelledby="decision-title">
				<h2 id="decision-title">{t('decision.title')}</h2>
				{application.decidedAt ? (
					<>
						<p>
							{t('decision.taken', {
								decision: t(`applicationStatuses.${application.status}`),
								date: f.dateTime(application.decidedAt),
								name: application.decidedByName ?? '—',
							})}
						</p>
						{application.decisionReason ? (
							<blockquote className="pitch">{application.decisionReason}</blockquote>
						) : null}
						{application.startupId ? (
							<p>
								<Link to={`/startups/${application.startupId}`} className="button">
									{t('decision.openStartup')}
								</Link>
							</p>
						) : null}
					</>
				) : null}
				{decidable && page.canDecide ? <DecisionForm /> : null}
				{!decidable && !application.decidedAt ? (
					<p className="muted">{t('decision.notYet')}</p>
				) : null}
			</section>

			{page.canDecide && application.status !== 'accepted' && !application.erasedAt ? (
				<section aria-labelledby="erase-title">
					<h2 id="erase-title">{t('erase.title')}</h2>
					<p className="muted">{t('erase.lead')}</p>
					<Form method="post">
						<input type="hidden" name="intent" value="erase" />
						<button type="submit" className="button button-danger">
							{t('erase.button')}
						</button>
					</Form>
				</section>
			) : null}
		</>
	)
}

function DecisionForm() {
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	const [form, fields] = useForm({
		id: 'decision',
		lastResult,
		constraint: getZodConstraint(DecisionSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form">
			<input type="hidden" name="intent" value="decide" />
			<fieldset>
				<legend>{t('decision.choose')}</legend>
				{DECISIONS.map((d) => (
					<label key={d} className="field-checkbox">
						<input
							type="radio"
							name={fields.decision.name}
							value={d}
							defaultChecked={fields.decision.initialValue === d}
							required
						/>{' '}
						{t(`decision.options.${d}`)}
					</label>
				))}
				<ErrorList errors={fields.decision.errors} />
			</fieldset>
			<TextareaField
				label={t('decision.reason')}
				textareaProps={{ ...getTextareaProps(fields.reason), rows: 5 }}
				errors={fields.reason.errors}
			/>
			<p className="field-hint">{t('decision.reasonHint')}</p>
			<div role="alert">
				<ErrorList id={form.errorId} errors={form.errors} />
			</div>
			<button type="submit" className="button button-primary">
				{t('decision.submit')}
			</button>
		</Form>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && (data.application.projectName ?? t('calls:view.erased')),
	t('nav.calls'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
