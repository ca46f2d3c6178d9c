import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	CountryName,
	IntroductionStatusBadge,
	OptedOutBadge,
	personName,
} from '~/components/contact-ui'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmptyState } from '~/components/stat'
import { getOrganisationPage } from '~/models/organisation.server'
import { requirePermission } from '~/utils/access.server'
import { notFound, parseId } from '~/utils/http.server'
import { useFormat } from '~/utils/use-format'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const id = parseId(params.organisationId, 'organisation')
	const page = getOrganisationPage({ id, viewer: user })
	if (!page) throw notFound('organisation', id)
	return page
}

export default function OrganisationPage() {
	const { organisation, contacts, introductions } = useLoaderData<typeof loader>()
	const { t } = useTranslation('contacts')
	const f = useFormat()
	return (
		<>
			<p className="breadcrumb">
				<Link to="/organisations">{t('organisations.title')}</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>{organisation.name}</h1>
					<p className="muted">
						<CountryName code={organisation.country} iso={organisation.countryCode} /> ·{' '}
						{t(`enums:organisationKinds.${organisation.kind}`)}
						{organisation.sector ? ` · ${organisation.sector}` : ''}
					</p>
				</div>
				<div className="actions">
					<Link to={`/contacts/new?organisation=${organisation.id}`} className="button">
						{t('organisations.addContact')}
					</Link>
					<Link to={`/organisations/${organisation.id}/edit`} className="button">
						{t('page.edit')}
					</Link>
				</div>
			</div>
			{organisation.website ? (
				<p>
					<a href={organisation.website} rel="noopener noreferrer" target="_blank">
						{organisation.website.replace(/^https?:\/\//, '')}
					</a>
				</p>
			) : null}
			{organisation.notes ? <p className="contact-notes">{organisation.notes}</p> : null}
			<section aria-labelledby="org-contacts-heading">
				<h2 id="org-contacts-heading">{t('organisations.people')}</h2>
				{contacts.length ? (
					<Table caption={t('organisations.people')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.name')}</th>
								<th scope="col">{t('fields.jobTitle')}</th>
								<th scope="col">{t('fields.country')}</th>
								<th scope="col">{t('fields.lastContactOn')}</th>
							</tr>
						</thead>
						<tbody>
							{contacts.map((c) => (
								<tr key={c.id}>
									<th scope="row">
										<Link to={`/contacts/${c.id}`}>{personName(c, t('erasedContact'))}</Link>{' '}
										<OptedOutBadge on={c.optedOutOn} />
									</th>
									<td>{c.jobTitle ?? '—'}</td>
									<td>
										<CountryName code={c.country} iso={c.countryCode} />
									</td>
									<td>{c.lastContactOn ? f.date(c.lastContactOn) : '—'}</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('organisations.noPeople')} />
				)}
			</section>
			<section aria-labelledby="org-introductions-heading">
				<h2 id="org-introductions-heading">{t('introductions.title')}</h2>
				{introductions.length ? (
					<Table caption={t('introductions.title')} captionHidden>
						<thead>
							<tr>
								<th scope="col">{t('fields.startup')}</th>
								<th scope="col">{t('fields.purpose')}</th>
								<th scope="col">{t('fields.status')}</th>
								<th scope="col">{t('fields.introducedOn')}</th>
							</tr>
						</thead>
						<tbody>
							{introductions.map((i) => (
								<tr key={i.id}>
									<th scope="row">
										<Link to={`/startups/${i.startupId}`}>{i.startupName}</Link>
									</th>
									<td>{t(`enums:introductionPurposes.${i.purpose}`)}</td>
									<td>
										<IntroductionStatusBadge status={i.status} />
									</td>
									<td>{f.date(i.introducedOn)}</td>
								</tr>
							))}
						</tbody>
					</Table>
				) : (
					<EmptyState title={t('introductions.empty')} />
				)}
			</section>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data?.organisation.name,
	t('nav.contacts'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
