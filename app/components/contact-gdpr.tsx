import { Link } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import type { findLikelyDuplicates } from '~/models/contact-duplicates.server'
import type { ContactPageData } from '~/models/contact.server'
import { useFormat } from '~/utils/use-format'
import { CountryName, OptedOutBadge, personName } from './contact-ui'
import { TagList } from './tag-list'

type Contact = ContactPageData['contact']

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
	return (
		<div>
			<dt>{label}</dt>
			<dd>{children}</dd>
		</div>
	)
}

/** What TEKTOS holds about the person, at a glance. */
export function ContactFacts({ contact }: { contact: Contact }) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	return (
		<section aria-labelledby="facts-heading" className="panel">
			<h2 id="facts-heading">{t('page.details')}</h2>
			<dl className="facts">
				<Fact label={t('fields.email')}>
					{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}
				</Fact>
				<Fact label={t('fields.phone')}>
					{contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : '—'}
				</Fact>
				<Fact label={t('fields.organisation')}>
					{contact.organisationId ? (
						<Link to={`/organisations/${contact.organisationId}`}>{contact.organisationName}</Link>
					) : (
						'—'
					)}
					{contact.organisationKind
						? ` (${t(`enums:organisationKinds.${contact.organisationKind}`)})`
						: ''}
				</Fact>
				<Fact label={t('fields.country')}>
					<CountryName code={contact.country} iso={contact.countryCode} withCode />
				</Fact>
				<Fact label={t('fields.languages')}>
					<TagList tags={contact.languages} />
				</Fact>
				<Fact label={t('fields.tags')}>
					<TagList tags={contact.tags} />
				</Fact>
				<Fact label={t('fields.owner')}>{contact.ownerName ?? '—'}</Fact>
				<Fact label={t('fields.lastContactOn')}>
					{contact.lastContactOn ? f.date(contact.lastContactOn) : t('page.never')}
				</Fact>
				<Fact label={t('fields.lawfulBasis')}>{t(`enums:lawfulBases.${contact.lawfulBasis}`)}</Fact>
				{contact.consentOn ? (
					<Fact label={t('fields.consentOn')}>
						{f.date(contact.consentOn)}
						{contact.consentSource ? (
							<div className="cell-note">{contact.consentSource}</div>
						) : null}
					</Fact>
				) : null}
				{contact.optedOutOn ? (
					<Fact label={t('fields.optedOutOn')}>{f.date(contact.optedOutOn)}</Fact>
				) : null}
			</dl>
			{contact.notes ? <p className="contact-notes">{contact.notes}</p> : null}
		</section>
	)
}

/** The person's rights: a copy of their data, no more contact, erasure (on a page of its own). */
export function GdprPanel({ contact }: { contact: Contact }) {
	const { t } = useTranslation('contacts')
	return (
		<section aria-labelledby="gdpr-heading" className="panel">
			<h2 id="gdpr-heading">{t('gdpr.title')}</h2>
			<p>{t('gdpr.exportLead')}</p>
			<p className="actions">
				<a href={`/contacts/${contact.id}/export.json`} className="button button-small" download>
					{t('gdpr.exportJson')}
				</a>
				<a href={`/contacts/${contact.id}/export.csv`} className="button button-small" download>
					{t('gdpr.exportCsv')}
				</a>
			</p>
			{contact.optedOutOn ? (
				<p>
					<OptedOutBadge on={contact.optedOutOn} /> {t('gdpr.optedOutLead')}
				</p>
			) : (
				<Form method="post">
					<input type="hidden" name="intent" value="opt-out" />
					<p className="field-hint">{t('gdpr.optOutLead')}</p>
					<button type="submit" className="button button-small">
						{t('gdpr.optOut')}
					</button>
				</Form>
			)}
			<h3>{t('gdpr.eraseTitle')}</h3>
			<p className="field-hint">{t('gdpr.eraseLead')}</p>
			<p>
				<Link to={`/contacts/${contact.id}/erase`} className="button button-small button-danger">
					{t('gdpr.reviewErase')}
				</Link>
			</p>
		</section>
	)
}

/** Likely the same person twice: merge the other record into this one. */
export function DuplicatesPanel({
	contactId,
	duplicates,
}: {
	contactId: number
	duplicates: ReturnType<typeof findLikelyDuplicates>
}) {
	const { t } = useTranslation('contacts')
	return (
		<section aria-labelledby="duplicates-heading" className="panel contact-duplicates" role="note">
			<h2 id="duplicates-heading">{t('duplicates.title', { count: duplicates.length })}</h2>
			<p>{t('duplicates.lead')}</p>
			<ul className="list">
				{duplicates.map((d) => (
					<li key={d.id}>
						<Link to={`/contacts/${d.id}`}>{personName(d, t('erasedContact'))}</Link>
						{d.organisationName ? ` · ${d.organisationName}` : ''}
						{d.email ? ` · ${d.email}` : ''}{' '}
						<span className="badge badge-muted">{t(`duplicates.reasons.${d.reason}`)}</span>
						<Form method="post" className="contact-inline-form">
							<input type="hidden" name="intent" value="merge" />
							<input type="hidden" name="otherId" value={d.id} />
							<button type="submit" className="button button-small">
								{t('duplicates.merge', { id: d.id, into: contactId })}
							</button>
						</Form>
					</li>
				))}
			</ul>
		</section>
	)
}
