import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { StatusBadge, useBilingual } from '~/components/application-view'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { eraseApplications, listApplicationsForReview } from '~/models/application.server'
import { EraseApplicationsSchema } from '~/schemas/application'
import { requirePermission } from '~/utils/access.server'
import { badRequest, redirectWithToast } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

/** Applications past their retention period: refused or waitlisted long ago, abandoned drafts. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'erase:application:any')
	return { rows: listApplicationsForReview({ viewer: user }) }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'erase:application:any')
	const parsed = EraseApplicationsSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) throw badRequest('erase')
	// only what is due: an id that is not on the list erases nothing
	const due = listApplicationsForReview({ viewer: user }).map((r) => r.id)
	const ids = parsed.data.id ? due.filter((id) => id === parsed.data.id) : due
	const count = eraseApplications({ viewer: user, ids })
	return redirectWithToast('/calls/review', {
		type: 'success',
		messageKey: 'calls:toast.erasedCount',
		values: { count: String(count) },
	})
}

export default function ApplicationReviewPage() {
	const { rows } = useLoaderData<typeof loader>()
	const { t } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/calls">{t('list.title')}</Link>
			</p>
			<h1>{t('review.title')}</h1>
			<p className="lead">{t('review.lead')}</p>
			{rows.length ? (
				<>
					<Table caption={t('review.title')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.projectName')}</th>
								<th scope="col">{t('fields.call')}</th>
								<th scope="col">{t('fields.status')}</th>
								<th scope="col">{t('review.due')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('committee.actions')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.id}>
									<th scope="row">
										<Link to={`/calls/${r.callId}/applications/${r.id}`}>
											{r.projectName ?? '—'}
										</Link>
									</th>
									<td>{pick(r.titleFr, r.titleEn)}</td>
									<td>
										<StatusBadge status={r.status} />
									</td>
									<td>{f.date(r.dueOn)}</td>
									<td>
										<Form method="post">
											<input type="hidden" name="intent" value="erase" />
											<input type="hidden" name="id" value={r.id} />
											<button type="submit" className="button button-small button-danger">
												{t('erase.button')}
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</Table>
					<Form method="post">
						<input type="hidden" name="intent" value="erase" />
						<button type="submit" className="button button-danger">
							{t('review.eraseAll', { count: rows.length })}
						</button>
					</Form>
				</>
			) : (
				<EmptyState title={t('review.empty')} />
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('calls:review.title'), t('nav.calls')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
