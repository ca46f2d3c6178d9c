import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { ErasurePlan } from '~/components/contact-erasure'
import { personName } from '~/components/contact-ui'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import { eraseContact, previewErasure } from '~/models/contact-gdpr.server'
import { EraseSchema } from '~/schemas/contact'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

/**
 * Erasure in two steps: this page shows everything the erasure will empty or rewrite — her
 * record, and every other record that mentions her, as it will read — and only then asks for
 * the confirmation.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.contactId, 'contact')
	const preview = previewErasure({ id, viewer: user })
	if (!preview) throw notFound('contact', id)
	return { preview }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.contactId, 'contact')
	const submission = parseWithZod(await request.formData(), { schema: EraseSchema })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const result = eraseContact({ id, viewer: user })
	if (!result.ok) throw notFound('contact', id)
	return redirectWithToast('/contacts', { type: 'success', messageKey: 'contacts:gdpr.erased' })
}

export default function EraseContactPage() {
	const { preview } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	const [form, fields] = useForm<{ confirm: string }>({ id: 'erase', lastResult })
	const { contact } = preview
	const name = personName(contact, t('erasedContact'))
	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link> ›{' '}
				<Link to={`/contacts/${contact.id}`}>{name}</Link>
			</p>
			<h1>{t('erasure.title', { name })}</h1>
			<p className="field-hint">{t('erasure.lead')}</p>
			<ErasurePlan preview={preview} />
			<Form method="post" {...getFormProps(form)} className="panel">
				<input type="hidden" name="intent" value="erase" />
				<div className="field field-checkbox">
					<input
						type="checkbox"
						id={fields.confirm.id}
						name="confirm"
						aria-invalid={fields.confirm.errors ? true : undefined}
					/>
					<label htmlFor={fields.confirm.id}>{t('gdpr.eraseConfirm', { name })}</label>
				</div>
				<ErrorList errors={fields.confirm.errors} />
				<div className="form-buttons">
					<button type="submit" className="button button-danger">
						{t('gdpr.erase')}
					</button>
					<Link to={`/contacts/${contact.id}`} className="button">
						{t('common:common.cancel')}
					</Link>
				</div>
			</Form>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data &&
		t('contacts:erasure.title', {
			name: personName(data.preview.contact, t('contacts:erasedContact')),
		}),
	t('nav.contacts'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
