import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SessionForm } from '~/components/mentor-session-form'
import { getSessionForEdit, updateSession } from '~/models/mentoring.server'
import type { Viewer } from '~/models/viewer'
import { EditSessionSchema } from '~/schemas/mentor'
import { requireGrant } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

/** Back to the mentor's page for who reads mentors (the TEKTOS team), to their own space for the mentor. */
const backTo = (user: Viewer, mentorId: number) =>
	can(user, 'read:mentor:any') ? `/mentors/${mentorId}` : '/mentoring'

export async function loader({ request, params }: LoaderFunctionArgs) {
	// a mentor edits their own sessions, a manager anyone's; a founder or partner none (403)
	const user = await requireGrant(request, 'update:session')
	const id = parseId(params.sessionId, 'session')
	// another mentor's session is simply not there
	const session = getSessionForEdit({ viewer: user, sessionId: id })
	if (!session) throw notFound('session', id)
	return { session, back: backTo(user, session.mentorId), asOf: today() }
}

export async function action({ request, params }: ActionFunctionArgs) {
	// a mentor edits their own sessions, a manager anyone's; a founder or partner none (403)
	const user = await requireGrant(request, 'update:session')
	const id = parseId(params.sessionId, 'session')
	const session = getSessionForEdit({ viewer: user, sessionId: id })
	if (!session) throw notFound('session', id)
	const submission = parseWithZod(await request.formData(), { schema: EditSessionSchema })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = updateSession({ viewer: user, sessionId: id, input: submission.value })
	if (!result) throw notFound('session', id)
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	return redirectWithToast(backTo(user, session.mentorId), {
		type: 'success',
		messageKey: result.value.changed ? 'mentors:session.saved' : 'mentors:session.unchanged',
	})
}

export default function EditSessionPage() {
	const { session, back, asOf } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('mentors')
	return (
		<>
			<p className="breadcrumb">
				<Link to={back}>{back === '/mentoring' ? t('space.title') : session.mentorName}</Link>
			</p>
			<h1>{t('session.editTitle')}</h1>
			<p className="lead">
				{t('session.editLead', { startup: session.startupName, focus: session.focus })}
			</p>
			<SessionForm lastResult={lastResult} session={session} today={asOf} cancelTo={back} />
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	t('mentors:session.editTitle'),
	data?.session.startupName,
	data?.back === '/mentoring' ? t('nav.mySessions') : t('nav.mentors'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
