import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { LeaseForm, stepsToInput } from '~/components/nursery-lease-form'
import {
	findLeaseStartup,
	findLeaseUnit,
	getRenewalDraft,
	listLeaseFormOptions,
	signLease,
} from '~/models/lease.server'
import { pickLabel, resolvePicks } from '~/models/pickers.server'
import { LeaseSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { getLocale } from '~/utils/i18n.server'
import { forbidden, notFound, redirectWithToast } from '~/utils/http.server'
import { optionalParam } from '~/utils/list-params'
import { formatMoneyForForm } from '~/utils/money'
import { DEFAULT_SCHEDULES } from '~/utils/rent'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

const IdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const locale = await getLocale(request)
	const params = new URL(request.url).searchParams
	const options = listLeaseFormOptions({ viewer: user })
	const renewId = optionalParam(IdParam, params.get('renew'))
	if (params.get('renew') !== null) {
		const draft = renewId ? getRenewalDraft({ leaseId: renewId, viewer: user }) : null
		if (!draft) throw notFound('lease', params.get('renew') ?? '')
		return {
			...options,
			startupLabel: undefined,
			unitLabel: undefined,
			renewal: {
				leaseId: draft.renewsLeaseId,
				startupName: findLeaseStartup({ viewer: user, id: draft.startupId })?.name ?? '',
				unitCode: findLeaseUnit({ viewer: user, id: draft.unitId })?.code ?? '',
			},
			values: {
				startupId: String(draft.startupId),
				unitId: String(draft.unitId),
				startDate: draft.startDate,
				endDate: '',
				monthlyRent: formatMoneyForForm(draft.monthlyRentCents, locale),
				steps: stepsToInput(draft.steps, locale),
				renewsLeaseId: String(draft.renewsLeaseId),
			},
		}
	}
	// ?unitId= and ?startupId= preselect; the startup's programme picks the preset schedule
	const unit = findLeaseUnit({ viewer: user, id: optionalParam(IdParam, params.get('unitId')) })
	const startup = findLeaseStartup({
		viewer: user,
		id: optionalParam(IdParam, params.get('startupId')),
	})
	return {
		...options,
		// the field of a network's startups shows the one preselected by its name
		startupLabel: options.startups
			? undefined
			: pickLabel({ kind: 'startups', id: startup?.id, viewer: user }),
		unitLabel: options.units ? undefined : unit?.code,
		renewal: null,
		values: {
			startupId: startup ? String(startup.id) : '',
			unitId: unit ? String(unit.id) : '',
			startDate: '',
			endDate: '',
			monthlyRent: unit ? formatMoneyForForm(unit.marketRentCents, locale) : '',
			steps: stepsToInput(DEFAULT_SCHEDULES[startup?.programme ?? 'incubation'], locale),
			renewsLeaseId: '',
		},
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:lease:any')
	const picks = resolvePicks(await request.formData(), user, {
		startupId: { kind: 'startups' },
		unitId: { kind: 'units' },
	})
	const submission = parseWithZod(picks.formData, { schema: LeaseSchema })
	// a preset, an added or a removed step: the form comes back changed, nothing is written
	if (submission.status !== 'success' || picks.errors) {
		return data(picks.reply(submission.reply()), {
			status: submission.status === 'error' || picks.errors ? 400 : 200,
		})
	}
	const result = signLease({ input: submission.value, viewer: user })
	if (!result) throw forbidden('update:lease:any')
	if (!result.ok) return data(picks.reply(replyTo(submission, result)), { status: 400 })
	return redirectWithToast(`/nursery/leases/${result.value.id}`, {
		type: 'success',
		messageKey: submission.value.renewsLeaseId ? 'nursery:leases.renewed' : 'nursery:leases.signed',
	})
}

export default function NewLeasePage() {
	const { startups, startupLabel, units, unitLabel, renewal, values } =
		useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('nursery')
	// another ?unitId= or ?renew= is another form: start it afresh
	const { search } = useLocation()
	return (
		<>
			<p className="breadcrumb">
				<Link to={renewal ? `/nursery/leases/${renewal.leaseId}` : '/nursery'}>
					{renewal ? t('leases.backToLease') : t('title')}
				</Link>
			</p>
			<h1>{renewal ? t('leases.renewTitle') : t('leases.newTitle')}</h1>
			<LeaseForm
				key={search}
				lastResult={lastResult}
				values={values}
				startups={startups}
				startupLabel={startupLabel}
				units={units}
				unitLabel={unitLabel}
				renewal={renewal}
				cancelTo={renewal ? `/nursery/leases/${renewal.leaseId}` : '/nursery'}
			/>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data?.renewal ? t('nursery:leases.renewTitle') : t('nursery:leases.newTitle'),
	data?.renewal?.startupName,
	t('nav.nursery'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
