import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import {
	AnswerList,
	ProjectFacts,
	ReviewsTable,
	score,
	useBilingual,
} from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import {
	declareConflict,
	getJuryApplication,
	requireCommitteeMember,
	saveReview,
} from '~/models/jury.server'
import { commentField, reviewSchema, scoreField } from '~/schemas/application'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

async function context(request: Request, params: LoaderFunctionArgs['params']) {
	const user = await requirePermission(request, 'score:application:committee')
	const callId = parseId(params.callId, 'call')
	const applicationId = parseId(params.applicationId, 'application')
	requireCommitteeMember(user, callId)
	return { user, callId, applicationId }
}

/** An application for a committee member; a conflict of interest makes it a 404 for them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, callId, applicationId } = await context(request, params)
	const page = getJuryApplication({ viewer: user, callId, applicationId })
	if (!page) throw notFound('application', applicationId)
	return { ...page, callId }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, callId, applicationId } = await context(request, params)
	const page = getJuryApplication({ viewer: user, callId, applicationId })
	if (!page) throw notFound('application', applicationId)
	const formData = await request.formData()
	if (formData.get('intent') === 'declare-conflict') {
		const result = declareConflict({ viewer: user, callId, applicationId })
		if (!result.ok) throw notFound('application', applicationId)
		return redirectWithToast(`/jury/${callId}`, {
			type: 'success',
			messageKey: 'calls:toast.conflictDeclared',
		})
	}
	const submission = parseWithZod(formData, { schema: reviewSchema(page.criteria) })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const value = submission.value as Record<string, unknown>
	const submit = value.intent === 'submit-review'
	const result = saveReview({
		viewer: user,
		callId,
		applicationId,
		submit,
		scores: page.criteria.map((c) => ({
			criterionId: c.id,
			score: value[scoreField(c.id)] as number | undefined,
			comment: value[commentField(c.id)] as string | undefined,
		})),
	})
	if (!result.ok) {
		return data(submission.reply({ formErrors: [`calls:errors.${result.error}`] }), {
			status: result.error === 'notFound' ? 404 : 409,
		})
	}
	return redirectWithToast(`/jury/${callId}/${applicationId}`, {
		type: 'success',
		messageKey: submit ? 'calls:toast.reviewSubmitted' : 'calls:toast.reviewSaved',
	})
}

export default function JuryApplicationPage() {
	const page = useLoaderData<typeof loader>()
	const { application, questions, criteria, mine, others, ranking, callId } = page
	const { t, i18n } = useTranslation('calls')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/jury/${callId}`}>{t('call.back')}</Link>
			</p>
			<h1>{application.projectName}</h1>
			<ProjectFacts application={application} founders={application.founders} />
			<h2>{t('view.answers')}</h2>
			<AnswerList
				questions={questions}
				answers={application.answers}
				files={application.files}
				fileHref={(id) => `/calls/${callId}/files/${id}`}
			/>

			<section aria-labelledby="my-scores-title">
				<h2 id="my-scores-title">{t('scores.mine')}</h2>
				{page.scorable ? (
					<ReviewForm criteria={criteria} mine={mine} />
				) : mine?.submittedAt ? (
					<ReviewsTable criteria={criteria} reviews={[mine]} />
				) : (
					<p className="muted">{t('scores.closed')}</p>
				)}
			</section>

			<section aria-labelledby="others-title">
				<h2 id="others-title">{t('scores.others')}</h2>
				{others ? (
					<>
						{ranking ? (
							<p>
								{t('scores.summary', {
									average: score(ranking.average, i18n.language),
									count: ranking.scored,
								})}
							</p>
						) : null}
						<ReviewsTable criteria={criteria} reviews={others} />
					</>
				) : (
					<p className="muted" data-testid="others-hidden">
						{t('scores.othersHidden')}
					</p>
				)}
			</section>

			{!mine?.submittedAt ? (
				<section aria-labelledby="conflict-title">
					<h2 id="conflict-title">{t('conflict.title')}</h2>
					<p className="muted">{t('conflict.lead')}</p>
					<Form method="post">
						<input type="hidden" name="intent" value="declare-conflict" />
						<button type="submit" className="button button-danger">
							{t('conflict.declare')}
						</button>
					</Form>
				</section>
			) : null}
		</>
	)
}

function ReviewForm({
	criteria,
	mine,
}: {
	criteria: readonly { id: number; labelFr: string; labelEn: string; weight: number }[]
	mine: { scores: { criterionId: number; score: number; comment: string | null }[] } | null
}) {
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('calls')
	const pick = useBilingual()
	const schema = reviewSchema(criteria)
	const defaultValue = Object.fromEntries(
		(mine?.scores ?? []).flatMap((s) => [
			[scoreField(s.criterionId), String(s.score)],
			[commentField(s.criterionId), s.comment ?? ''],
		]),
	)
	const [form, fields] = useForm({
		id: 'review',
		lastResult,
		defaultValue,
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	const field = (name: string) =>
		(
			fields as unknown as Record<
				string,
				{ name: string; errors?: string[]; initialValue?: unknown }
			>
		)[name]!
	return (
		<Form method="post" {...getFormProps(form)} className="form form-wide">
			<p className="field-hint">{t('scores.scale')}</p>
			{criteria.map((c) => {
				const s = field(scoreField(c.id))
				const comment = field(commentField(c.id))
				return (
					<fieldset key={c.id} className="score-row">
						<legend>
							{pick(c.labelFr, c.labelEn)} <span className="muted">×{c.weight}</span>
						</legend>
						<div className="score-options">
							{[0, 1, 2, 3, 4, 5].map((n) => (
								<label key={n}>
									<input
										type="radio"
										name={s.name}
										value={n}
										defaultChecked={s.initialValue === String(n)}
									/>{' '}
									{n}
								</label>
							))}
						</div>
						<ErrorList errors={s.errors} />
						<div className="field">
							<label htmlFor={`comment-${c.id}`}>{t('scores.comment')}</label>
							<textarea
								id={`comment-${c.id}`}
								name={comment.name}
								rows={2}
								maxLength={2000}
								defaultValue={typeof comment.initialValue === 'string' ? comment.initialValue : ''}
							/>
						</div>
					</fieldset>
				)
			})}
			<div role="alert">
				<ErrorList id={form.errorId} errors={form.errors} />
			</div>
			<p className="form-actions">
				<button type="submit" name="intent" value="save-review" className="button">
					{t('scores.save')}
				</button>{' '}
				<button type="submit" name="intent" value="submit-review" className="button button-primary">
					{t('scores.submit')}
				</button>
			</p>
			<p className="field-hint">{t('scores.submitHint')}</p>
		</Form>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data?.application.projectName,
	t('nav.jury'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
