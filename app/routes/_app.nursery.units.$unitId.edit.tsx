import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { UnitForm } from '~/components/nursery-unit-form'
import { getUnit, updateUnit } from '~/models/nursery.server'
import { UnitSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { formatMoneyForForm } from '~/utils/money'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const id = parseId(params.unitId, 'unit')
	const unit = getUnit({ id, viewer: user })
	if (!unit) throw notFound('unit', id)
	return { unit }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const id = parseId(params.unitId, 'unit')
	const submission = parseWithZod(await request.formData(), { schema: UnitSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const result = updateUnit({ id, input: submission.value, viewer: user })
	if (!result) throw notFound('unit', id)
	if (!result.ok) return data(replyTo(submission, result), { status: 400 })
	return redirectWithToast('/nursery', {
		type: 'success',
		messageKey: result.value.changed ? 'nursery:units.saved' : 'nursery:units.unchanged',
		values: { code: result.value.unit.code },
	})
}

export default function EditUnitPage() {
	const { unit } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t, i18n } = useTranslation('nursery')
	return (
		<>
			<p className="breadcrumb">
				<Link to="/nursery">{t('title')}</Link>
			</p>
			<h1>{t('units.editTitle', { code: unit.code })}</h1>
			<UnitForm
				lastResult={lastResult}
				submitLabel={t('common:common.save')}
				values={{
					code: unit.code,
					floor: String(unit.floor),
					kind: unit.kind,
					areaM2: String(unit.areaM2).replace('.', i18n.language === 'en' ? '.' : ','),
					desks: String(unit.desks),
					marketRent: formatMoneyForForm(unit.marketRentCents, i18n.language),
				}}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && t('nursery:units.editTitle', { code: data.unit.code }),
	t('nav.nursery'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
