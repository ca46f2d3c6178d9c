import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field } from '~/components/forms'
import { FundingNav } from '~/components/funding-nav'
import { EmptyState } from '~/components/stat'
import {
	deleteExchangeRate,
	listAmountsWithoutRate,
	listExchangeRates,
	saveExchangeRate,
} from '~/models/exchange-rate.server'
import { ExchangeRateSchema, rateInput } from '~/schemas/funding'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { badRequest, notFound, redirectWithToast } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

const RECENT_RATES = 24

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:funding:any')
	const rates = listExchangeRates({ viewer: user })
	const params = new URL(request.url).searchParams
	const editing = rates.find((r) => r.date === params.get('date')) ?? null
	// two years of monthly rates by default: older ones on demand
	const all = params.get('all') === '1'
	return {
		rates: all ? rates : rates.slice(0, RECENT_RATES),
		total: rates.length,
		withoutRate: listAmountsWithoutRate({ viewer: user }),
		editing,
		today: today(),
	}
}

const IdSchema = z.coerce.number().int().positive()

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:funding:any')
	const formData = await request.formData()
	if (formData.get('intent') === 'delete') {
		const id = IdSchema.safeParse(formData.get('id'))
		if (!id.success) throw badRequest('id')
		const deleted = deleteExchangeRate({ viewer: user, id: id.data })
		if (!deleted) throw notFound('exchangeRate', id.data)
		return redirectWithToast('/funding/rates', {
			type: 'success',
			messageKey: 'funding:rates.deleted',
			values: { date: deleted.value.date },
		})
	}
	const submission = parseWithZod(formData, { schema: ExchangeRateSchema })
	if (submission.status !== 'success') {
		return data(submission.reply(), { status: 400 })
	}
	const saved = saveExchangeRate({ viewer: user, input: submission.value })
	if (!saved) throw notFound('exchangeRate')
	return redirectWithToast('/funding/rates', {
		type: 'success',
		messageKey: `funding:rates.${saved.value.status}`,
		values: { date: submission.value.date },
	})
}

export default function ExchangeRatesPage() {
	const { rates, total, withoutRate, editing, today } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t, i18n } = useTranslation('funding')
	const f = useFormat()
	const [form, fields] = useForm({
		id: `rate-${editing?.date ?? 'new'}`,
		lastResult,
		constraint: getZodConstraint(ExchangeRateSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ExchangeRateSchema }),
		defaultValue: editing
			? { date: editing.date, rate: rateInput(editing.rateMicros, i18n.language) }
			: { date: today },
	})
	return (
		<>
			<div className="page-header">
				<h1>{t('rates.title')}</h1>
			</div>
			<FundingNav manager />
			<p className="lead">{t('rates.lead')}</p>

			{withoutRate.length ? (
				<section className="notice notice-warning" aria-labelledby="without-rate">
					<h2 id="without-rate">{t('rates.withoutTitle', { count: withoutRate.length })}</h2>
					<ul>
						{withoutRate.map((e) => (
							<li key={e.id}>
								<Link to={`/startups/${e.startupId}/funding/${e.id}`}>{e.startupName}</Link>:{' '}
								{f.money(e.amountCents, 'GBP')} — {e.date ? f.date(e.date) : '—'}
							</li>
						))}
					</ul>
					<p>{t('rates.withoutHint')}</p>
				</section>
			) : null}

			<section aria-labelledby="rate-form-heading">
				<h2 id="rate-form-heading">{editing ? t('rates.editTitle') : t('rates.addTitle')}</h2>
				<Form method="post" {...getFormProps(form)} className="form form-compact rate-form">
					<div className="field-row">
						<Field
							label={t('rates.date')}
							inputProps={getInputProps(fields.date, { type: 'date' })}
							errors={fields.date.errors}
						/>
						<Field
							label={t('rates.rate')}
							inputProps={{ ...getInputProps(fields.rate, { type: 'text' }), inputMode: 'decimal' }}
							errors={fields.rate.errors}
							hint={t('rates.rateHint')}
						/>
					</div>
					<ErrorList id={form.errorId} errors={form.errors} />
					<div className="form-buttons">
						<button type="submit" className="button button-primary" name="intent" value="save">
							{t('rates.save')}
						</button>
						{editing ? (
							<Link to="/funding/rates" className="button">
								{t('common:common.cancel')}
							</Link>
						) : null}
					</div>
				</Form>
			</section>

			<section aria-labelledby="rates-heading">
				<h2 id="rates-heading">{t('rates.listTitle')}</h2>
				{rates.length ? (
					<Table caption={t('rates.listTitle')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('rates.date')}</th>
								<th scope="col" className="num">
									{t('rates.rate')}
								</th>
								<th scope="col" className="num">
									{t('rates.eventsConverted')}
								</th>
								<th scope="col">
									<span className="visually-hidden">{t('rates.actions')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{rates.map((r) => (
								<tr key={r.id}>
									<th scope="row">{f.date(r.date)}</th>
									<td className="num">{rateInput(r.rateMicros, i18n.language)}</td>
									<td className="num">{f.number(r.eventsConverted)}</td>
									<td>
										<span className="row-actions">
											<Link to={`?date=${r.date}`} className="button button-small">
												{t('common:common.edit')}
												<span className="visually-hidden"> {f.date(r.date)}</span>
											</Link>
											<Form method="post" className="inline">
												<input type="hidden" name="id" value={r.id} />
												<button
													type="submit"
													name="intent"
													value="delete"
													className="button button-small button-danger"
													onClick={(e) => {
														if (
															!confirm(
																t('rates.confirmDelete', {
																	date: f.date(r.date),
																	count: r.eventsConverted,
																}),
															)
														)
															e.preventDefault()
													}}
												>
													{t('common:common.delete')}
													<span className="visually-hidden"> {f.date(r.date)}</span>
												</button>
											</Form>
										</span>
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('rates.none')} />
				)}
				{total > rates.length ? (
					<p>
						<Link to="?all=1">{t('rates.showAll', { count: total })}</Link>
					</p>
				) : null}
			</section>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('funding:rates.title'), t('nav.funding')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
