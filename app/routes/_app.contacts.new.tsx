import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContactForm } from '~/components/contact-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	checkContactAgainstDatabase,
	createContact,
	listContactFormOptions,
} from '~/models/contact.server'
import { resolvePicks } from '~/models/pickers.server'
import { contactSchema } from '~/schemas/contact'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const organisation = new URL(request.url).searchParams.get('organisation')
	const organisationId = organisation && /^\d{1,9}$/.test(organisation) ? organisation : null
	return {
		...listContactFormOptions(user, organisationId ? Number(organisationId) : null),
		today: today(),
		organisationId,
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const picks = resolvePicks(await request.formData(), user, {
		organisationId: { kind: 'organisations' },
	})
	const submission = parseWithZod(picks.formData, {
		schema: contactSchema(today()).superRefine((value, ctx) =>
			checkContactAgainstDatabase(value, ctx),
		),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), { status: 400 })
	}
	const result = createContact({ input: submission.value, viewer: user })
	if (!result) throw forbidden('update:contact:any')
	const contact = result.value
	return redirectWithToast(`/contacts/${contact.id}`, {
		type: 'success',
		messageKey: 'contacts:form.created',
	})
}

export default function NewContactPage() {
	const { organisations, organisationLabel, owners, today, organisationId } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link>
			</p>
			<h1>{t('form.newTitle')}</h1>
			<ContactForm
				lastResult={lastResult}
				organisations={organisations}
				organisationLabel={organisationLabel}
				owners={owners}
				today={today}
				values={
					organisationId
						? { organisationId, country: 'FR', lawfulBasis: 'legitimate_interest' }
						: undefined
				}
				cancelTo="/contacts"
			/>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('contacts:form.newTitle'), t('nav.contacts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
