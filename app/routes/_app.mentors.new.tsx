import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MentorForm } from '~/components/mentor-form'
import { createMentor, listMentorVocabulary } from '~/models/mentor.server'
import { MentorSchema } from '~/schemas/mentor'
import { requirePermission } from '~/utils/access.server'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:mentor:any')
	return { vocabulary: listMentorVocabulary(user) }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:mentor:any')
	const submission = parseWithZod(await request.formData(), { schema: MentorSchema })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = createMentor({ input: submission.value, viewer: user })
	if (!result?.ok) throw forbidden('update:mentor:any')
	const mentor = result.value
	return redirectWithToast(`/mentors/${mentor.id}`, {
		type: 'success',
		messageKey: 'mentors:form.created',
		values: { name: mentor.name },
	})
}

export default function NewMentorPage() {
	const { vocabulary } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('mentors')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/mentors">{t('list.title')}</Link>
			</p>
			<h1>{t('form.newTitle')}</h1>
			<MentorForm lastResult={lastResult} vocabulary={vocabulary} cancelTo="/mentors" />
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('mentors:form.newTitle'), t('nav.mentors')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
