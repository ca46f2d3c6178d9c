import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContactForm } from '~/components/contact-form'
import { personName } from '~/components/contact-ui'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	checkContactAgainstDatabase,
	getContactForEdit,
	listContactFormOptions,
	updateContact,
} from '~/models/contact.server'
import { resolvePicks } from '~/models/pickers.server'
import { contactSchema } from '~/schemas/contact'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.contactId, 'contact')
	const contact = getContactForEdit({ id, viewer: user })
	if (!contact) throw notFound('contact', id)
	return { id, contact, ...listContactFormOptions(user, contact.organisationId), today: today() }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.contactId, 'contact')
	const picks = resolvePicks(await request.formData(), user, {
		organisationId: { kind: 'organisations' },
	})
	const submission = parseWithZod(picks.formData, {
		schema: contactSchema(today()).superRefine((value, ctx) =>
			checkContactAgainstDatabase(value, ctx, id),
		),
	})
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), { status: 400 })
	}
	const result = updateContact({ id, input: submission.value, viewer: user })
	if (!result) throw notFound('contact', id)
	return redirectWithToast(`/contacts/${id}`, {
		type: 'success',
		messageKey: result.value.changed ? 'contacts:form.saved' : 'contacts:form.unchanged',
	})
}

export default function EditContactPage() {
	const { id, contact, organisations, organisationLabel, owners, today } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	const name = personName(contact, t('erasedContact'))
	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link> › <Link to={`/contacts/${id}`}>{name}</Link>
			</p>
			<h1>{t('form.editTitle', { name })}</h1>
			<ContactForm
				lastResult={lastResult}
				organisations={organisations}
				organisationLabel={organisationLabel}
				owners={owners}
				today={today}
				values={contact}
				editing
				cancelTo={`/contacts/${id}`}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data &&
		t('contacts:form.editTitle', { name: personName(data.contact, t('contacts:erasedContact')) }),
	t('nav.contacts'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
