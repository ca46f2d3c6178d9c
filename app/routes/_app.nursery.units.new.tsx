import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { UnitForm } from '~/components/nursery-unit-form'
import { createUnit } from '~/models/nursery.server'
import { UnitSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { forbidden, redirectWithToast } from '~/utils/http.server'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:lease:any')
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const submission = parseWithZod(await request.formData(), { schema: UnitSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const result = createUnit({ input: submission.value, viewer: user })
	if (!result) throw forbidden('update:lease:any')
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	return redirectWithToast('/nursery', {
		type: 'success',
		messageKey: 'nursery:units.created',
		values: { code: result.value.code },
	})
}

export default function NewUnitPage() {
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('nursery')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/nursery">{t('title')}</Link>
			</p>
			<h1>{t('units.newTitle')}</h1>
			<UnitForm lastResult={lastResult} submitLabel={t('units.create')} />
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('nursery:units.newTitle'), t('nav.nursery')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
