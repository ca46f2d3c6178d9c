import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { listUsers } from '~/models/user.server'
import { requirePermission } from '~/utils/access.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request }: LoaderFunctionArgs) {
	const manager = await requirePermission(request, 'manage:user:any')
	return { users: listUsers({ viewer: manager }) }
}

export default function UsersPage() {
	const { users } = useLoaderData<typeof loader>()
	const { t } = useTranslation()
	const f = useFormat()
	return (
		<>
			<div className="page-header">
				<h1>{t('users.title')}</h1>
				<Link to="new" className="button button-primary">
					{t('users.new')}
				</Link>
			</div>
			{users.length ? (
				<Table caption={t('users.title')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('users.name')}</th>
							<th scope="col">{t('users.email')}</th>
							<th scope="col">{t('users.role')}</th>
							<th scope="col">{t('users.link')}</th>
							<th scope="col">{t('users.state')}</th>
							<th scope="col">{t('users.since')}</th>
						</tr>
					</thead>
					<tbody>
						{users.map((u) => (
							<tr key={u.id}>
								<th scope="row">
									<Link to={String(u.id)}>{u.name}</Link>
								</th>
								<td>{u.email}</td>
								<td>{t(`enums:roles.${u.role}`)}</td>
								<td>{u.startupName ?? u.mentorName ?? u.organisation ?? '—'}</td>
								<td>
									{u.disabledAt ? (
										<span className="badge badge-muted">{t('users.disabled')}</span>
									) : (
										<span className="badge badge-ok">{t('users.active')}</span>
									)}
								</td>
								<td>{f.date(u.createdAt)}</td>
							</tr>
						))}
					</tbody>
				</Table>
			) : (
				<EmptyState title={t('users.empty')}>{t('users.emptyHint')}</EmptyState>
			)}
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('users.title'), t('nav.users')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
