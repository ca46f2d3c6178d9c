import { parseWithZod } from '@conform-to/zod'
import {
	type ActionFunctionArgs,
	data,
	type LoaderFunctionArgs,
	MaxPartSizeExceededError,
} from '@remix-run/node'
import {
	isRouteErrorResponse,
	Link,
	useActionData,
	useLoaderData,
	useRouteError,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ApplicationForm, PrivacyNotice } from '~/components/application-form'
import { AnswerList, ProjectFacts, useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PublicShell } from '~/components/public-shell'
import { getApplicationByToken, type NewFile, saveApplication } from '~/models/application.server'
import { applicationSchema, HONEYPOT_FIELD, questionField } from '~/schemas/application'
import { notFound, redirectWithToast } from '~/utils/http.server'
import { consumePublicAttempt, retryAfterSeconds } from '~/utils/rate-limit.server'
import {
	APPLICATION_FILE_MAX_BYTES,
	isPdf,
	readLimitedMultipart,
	RequestTooLargeError,
} from '~/utils/uploads.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'

/** The applicant's own application, behind their private link: no account, no cookie. */
export async function loader({ params }: LoaderFunctionArgs) {
	const page = getApplicationByToken(params.token)
	// unknown, expired or erased: the same answer, so a link reveals nothing
	if (!page) throw notFound('applicationLink')
	return page
}

const formError = (key: string, status: number) =>
	data({ status: 'error' as const, error: { '': [key] } }, { status })

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const page = getApplicationByToken(token)
	if (!page) throw notFound('applicationLink')
	if (!(await consumePublicAttempt('application-save', context.ipAddress))) {
		return data(
			{ status: 'error' as const, error: { '': ['calls:errors.tooManyRequests'] } },
			{ status: 429, headers: { 'Retry-After': retryAfterSeconds('application-save') } },
		)
	}
	let formData: FormData
	try {
		formData = await readLimitedMultipart(request)
	} catch (error) {
		if (error instanceof RequestTooLargeError || error instanceof MaxPartSizeExceededError) {
			return formError('calls:errors.tooLarge', 413)
		}
		return formError('calls:errors.unreadable', 400)
	}
	if (String(formData.get(HONEYPOT_FIELD) ?? '') !== '') {
		return redirectWithToast(`/application/${token}`, {
			type: 'success',
			messageKey: 'calls:toast.saved',
		})
	}
	const { questions } = page
	const fileQuestions = questions.filter((q) => q.kind === 'file')
	const fileFields = fileQuestions.map((q) => questionField(q.id))
	const intent = formData.get('intent') === 'submit' ? 'submit' : 'save'
	const submission = parseWithZod(formData, { schema: applicationSchema(questions, intent) })

	// files are judged by their bytes: "%PDF-" at the start, whatever the name or type says
	const fileErrors: Record<string, string[]> = {}
	const newFiles: NewFile[] = []
	for (const q of fileQuestions) {
		const value = formData.get(questionField(q.id))
		if (!(value instanceof File) || value.size === 0) continue
		const bytes = new Uint8Array(await value.arrayBuffer())
		if (bytes.byteLength > APPLICATION_FILE_MAX_BYTES) {
			fileErrors[questionField(q.id)] = ['calls:errors.fileTooBig']
		} else if (!isPdf(bytes)) {
			fileErrors[questionField(q.id)] = ['calls:errors.notPdf']
		} else {
			newFiles.push({ questionId: q.id, bytes, name: value.name })
		}
	}
	if (submission.status !== 'success' || Object.keys(fileErrors).length) {
		return data(
			submission.reply({
				fieldErrors: submission.status === 'success' ? fileErrors : undefined,
				hideFields: fileFields,
			}),
			{ status: 400 },
		)
	}
	const result = saveApplication({
		token,
		value: submission.value,
		questions,
		newFiles,
		removeFiles: fileQuestions
			.filter((q) => formData.get(`remove_${questionField(q.id)}`) === 'on')
			.map((q) => q.id),
	})
	if (!result.ok) {
		if (result.error === 'missingFiles') {
			return data(
				submission.reply({
					fieldErrors: Object.fromEntries(
						result.questionIds.map((id) => [questionField(id), ['errors.required']]),
					),
					hideFields: fileFields,
				}),
				{ status: 400 },
			)
		}
		return data(
			submission.reply({ formErrors: [`calls:errors.${result.error}`], hideFields: fileFields }),
			{ status: 409 },
		)
	}
	return redirectWithToast(`/application/${token}`, {
		type: 'success',
		messageKey: result.submitted ? 'calls:toast.submitted' : 'calls:toast.saved',
	})
}

export default function ApplicationPage() {
	const page = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { application, call, questions, founders, answers, files } = page
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	const draft = application.status === 'draft'
	return (
		<PublicShell wide>
			<p className="eyebrow">
				<Link to={`/apply/${call.id}`}>{pick(call.titleFr, call.titleEn)}</Link>
			</p>
			<h1>{application.projectName}</h1>
			{draft ? (
				call.status === 'open' ? (
					<>
						<p className="lead">
							{t('public.draftLead', { date: f.date(call.closesOn) })}
							{application.tokenExpiresAt
								? ` ${t('public.linkExpires', { date: f.dateTime(application.tokenExpiresAt) })}`
								: ''}
						</p>
						<ApplicationForm
							lastResult={lastResult}
							application={application}
							founders={founders}
							questions={questions}
							answers={answers}
							files={files}
							call={call}
						/>
					</>
				) : (
					<p className="lead">{t('public.closedDraft')}</p>
				)
			) : (
				<>
					<p className="lead" data-testid="submitted">
						{t('public.submittedLead', {
							date: application.submittedAt ? f.dateTime(application.submittedAt) : '',
							email: application.contactEmail,
						})}
					</p>
					<ProjectFacts application={application} founders={founders} />
					<AnswerList questions={questions} answers={answers} files={files} />
					<PrivacyNotice call={call} />
				</>
			)}
		</PublicShell>
	)
}

export const meta = pageTitle<typeof loader>(
	({ data, pick }) => [
		data?.application.projectName,
		data && pick(data.call.titleFr, data.call.titleEn),
	],
	// a private link: never in a search engine
	[{ name: 'robots', content: 'noindex, nofollow' }],
)

export function ErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation('calls')
	return (
		<PublicShell>
			{isRouteErrorResponse(error) && error.status === 404 ? (
				<section className="error-page" aria-labelledby="error-title">
					<h1 id="error-title">{t('public.linkInvalid')}</h1>
					<p>{t('public.linkInvalidLead')}</p>
					<p>
						<Link to="/apply" className="button">
							{t('public.openCalls')}
						</Link>
					</p>
				</section>
			) : (
				<GeneralErrorBoundary />
			)}
		</PublicShell>
	)
}
