import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '#db/schema/enums'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StartupForm } from '~/components/startup-form'
import { pickerOf, resolvePicks } from '~/models/pickers.server'
import { checkStartupAgainstDatabase } from '~/models/startup-form.server'
import { getStartupForEdit, updateStartup } from '~/models/startup.server'
import { StartupManagerSchema, StartupProfileSchema } from '~/schemas/startup'
import { requireStartupAccess } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { pageTitle } from '~/utils/meta'
import type { Viewer } from '~/models/viewer'

/*
 * A manager edits any startup; a founder their own one's profile (another startup is a 404
 * for them); nobody else. The programme fields (status, cohort, dates) are the manager's form.
 */
const modeOf = (user: { role: Role }) =>
	can(user, 'update:programme:any') ? ('manager' as const) : ('founder' as const)

/** The cohort field: a select of the cohorts while there are few, else a name to type. */
function cohortPicker(user: Viewer, cohortId: number | null | undefined) {
	const { choices, label } = pickerOf({ kind: 'cohorts', viewer: user, currentId: cohortId })
	return { cohorts: choices, cohortLabel: label }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const id = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, id, 'update:startup')
	const mode = modeOf(user)
	const startup = getStartupForEdit({ id, viewer: user })
	if (!startup) throw notFound('startup', id)
	return {
		id,
		mode,
		startup,
		...(mode === 'manager'
			? cohortPicker(user, startup.cohortId)
			: { cohorts: [], cohortLabel: undefined }),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const id = parseId(params.startupId, 'startup')
	const user = await requireStartupAccess(request, id, 'update:startup')
	const mode = modeOf(user)
	const schema = mode === 'manager' ? StartupManagerSchema : StartupProfileSchema
	// a cohort named in the manager's form (a founder's post never changes the cohort)
	const picks = resolvePicks(await request.formData(), user, {
		...(mode === 'manager' ? { cohortId: { kind: 'cohorts' as const } } : {}),
	})
	const submission = parseWithZod(picks.formData, {
		// status, cohort and dates in a founder's post are not in their schema: dropped, never written
		schema: schema.superRefine((value, ctx) => checkStartupAgainstDatabase(value, ctx, id)),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), { status: 400 })
	}
	const result = updateStartup({ id, viewer: user, input: submission.value })
	if (!result) throw notFound('startup', id)
	return redirectWithToast(`/startups/${id}`, {
		type: 'success',
		messageKey: result.value.changed ? 'startups:form.saved' : 'startups:form.unchanged',
	})
}

export default function EditStartupPage() {
	const { id, mode, startup, cohorts, cohortLabel } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('startups')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/startups/${id}`}>{startup.name}</Link>
			</p>
			<h1>{t('form.editTitle', { name: startup.name })}</h1>
			{mode === 'founder' ? <p className="muted">{t('form.founderNote')}</p> : null}
			<StartupForm
				mode={mode}
				lastResult={lastResult}
				cohorts={cohorts}
				cohortLabel={cohortLabel}
				values={startup}
				cancelTo={`/startups/${id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('startups:form.editTitle', { name: data.startup.name }),
	t('nav.startups'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
