import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OrganisationForm } from '~/components/contact-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	findOrganisationByName,
	getOrganisationForEdit,
	updateOrganisation,
} from '~/models/organisation.server'
import { OrganisationSchema } from '~/schemas/contact'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.organisationId, 'organisation')
	const organisation = getOrganisationForEdit({ id, viewer: user })
	if (!organisation) throw notFound('organisation', id)
	return { id, organisation }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.organisationId, 'organisation')
	const submission = parseWithZod(await request.formData(), {
		schema: OrganisationSchema.superRefine((value, ctx) => {
			if (findOrganisationByName(value.name, id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['name'],
					message: 'contacts:errors.organisationTaken',
				})
			}
		}),
	})
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = updateOrganisation({ id, input: submission.value, viewer: user })
	if (!result) throw notFound('organisation', id)
	return redirectWithToast(`/organisations/${id}`, {
		type: 'success',
		messageKey: result.value.changed ? 'contacts:form.saved' : 'contacts:form.unchanged',
	})
}

export default function EditOrganisationPage() {
	const { id, organisation } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/organisations">{t('organisations.title')}</Link> ›{' '}
				<Link to={`/organisations/${id}`}>{organisation.name}</Link>
			</p>
			<h1>{t('organisations.editTitle', { name: organisation.name })}</h1>
			<OrganisationForm
				lastResult={lastResult}
				values={organisation}
				cancelTo={`/organisations/${id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('contacts:organisations.editTitle', { name: data.organisation.name }),
	t('nav.contacts'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
