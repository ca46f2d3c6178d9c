import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OrganisationForm } from '~/components/contact-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { createOrganisation, findOrganisationByName } from '~/models/organisation.server'
import { OrganisationSchema } from '~/schemas/contact'
import { requirePermission } from '~/utils/access.server'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:contact:any')
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const submission = parseWithZod(await request.formData(), {
		schema: OrganisationSchema.superRefine((value, ctx) => {
			if (findOrganisationByName(value.name)) {
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
	const result = createOrganisation({ input: submission.value, viewer: user })
	if (!result) throw forbidden('update:contact:any')
	const organisation = result.value
	return redirectWithToast(`/organisations/${organisation.id}`, {
		type: 'success',
		messageKey: 'contacts:organisations.created',
		values: { name: organisation.name },
	})
}

export default function NewOrganisationPage() {
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/organisations">{t('organisations.title')}</Link>
			</p>
			<h1>{t('organisations.newTitle')}</h1>
			<OrganisationForm lastResult={lastResult} cancelTo="/organisations" />
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('contacts:organisations.newTitle'), t('nav.contacts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
