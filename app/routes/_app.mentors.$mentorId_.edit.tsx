import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MentorForm } from '~/components/mentor-form'
import { getMentor, listMentorVocabulary, updateMentor } from '~/models/mentor.server'
import { MentorSchema } from '~/schemas/mentor'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:mentor:any')
	const id = parseId(params.mentorId, 'mentor')
	const mentor = getMentor({ id, viewer: user })
	if (!mentor) throw notFound('mentor', id)
	return { mentor, vocabulary: listMentorVocabulary(user) }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:mentor:any')
	const id = parseId(params.mentorId, 'mentor')
	const submission = parseWithZod(await request.formData(), { schema: MentorSchema })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = updateMentor({ id, input: submission.value, viewer: user })
	if (!result?.ok) throw notFound('mentor', id)
	return redirectWithToast(`/mentors/${id}`, {
		type: 'success',
		messageKey: result.value.changed ? 'mentors:form.saved' : 'mentors:form.unchanged',
	})
}

export default function EditMentorPage() {
	const { mentor, vocabulary } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('mentors')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/mentors">{t('list.title')}</Link> ›{' '}
				<Link to={`/mentors/${mentor.id}`}>{mentor.name}</Link>
			</p>
			<h1>{t('form.editTitle', { name: mentor.name })}</h1>
			<MentorForm
				lastResult={lastResult}
				mentor={mentor}
				vocabulary={vocabulary}
				cancelTo={`/mentors/${mentor.id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('mentors:form.editTitle', { name: data.mentor.name }),
	t('nav.mentors'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
