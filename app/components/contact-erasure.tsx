import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ErasurePreview } from '~/models/contact-gdpr.server'
import { Table } from './data-table'

/** At most this many records are listed: beyond that the count says how many more. */
export const LISTED_RECORDS = 200

/** A long text shown around its first […]: the part that changes. */
function excerpt(text: string, width = 160) {
	if (text.length <= width) return text
	const at = Math.max(0, text.indexOf('[…]') - width / 2)
	const end = Math.min(text.length, at + width)
	return `${at > 0 ? '…' : ''}${text.slice(at, end)}${end < text.length ? '…' : ''}`
}

/** What an erasure will do: her fields, the history kept, every mention taken out elsewhere. */
export function ErasurePlan({ preview }: { preview: ErasurePreview }) {
	const { t } = useTranslation('contacts')
	const { contact, erasedFields, kept, plan } = preview
	const listed = plan.changes.slice(0, LISTED_RECORDS)
	return (
		<>
			<section aria-labelledby="own-heading" className="panel">
				<h2 id="own-heading">{t('erasure.ownTitle')}</h2>
				<p>{t('erasure.ownLead')}</p>
				<dl className="facts">
					{erasedFields.map((field) => (
						<div key={field}>
							<dt>{t(`fields.${field}`)}</dt>
							<dd>{String(contact[field])}</dd>
						</div>
					))}
				</dl>
				<h3>{t('erasure.keptTitle')}</h3>
				<p>
					{t('erasure.keptInteractions', { count: kept.interactions })},{' '}
					{t('erasure.keptIntroductions', { count: kept.introductions })} {t('erasure.keptLead')}
				</p>
			</section>

			<section aria-labelledby="mentions-heading" className="panel">
				<h2 id="mentions-heading">{t('erasure.mentionsTitle')}</h2>
				{plan.changes.length === 0 ? (
					<p>{t('erasure.noMentions')}</p>
				) : (
					<>
						<p>{t('erasure.mentionsLead')}</p>
						<Table caption={t('erasure.mentionsTitle')} captionHidden>
							<thead>
								<tr>
									<th scope="col">{t('erasure.record')}</th>
									<th scope="col">{t('erasure.field')}</th>
									<th scope="col">{t('erasure.afterwards')}</th>
								</tr>
							</thead>
							<tbody>
								{listed.flatMap((change) =>
									Object.entries(change.fields).map(([column, text], i) => (
										<tr key={`${change.table}-${change.id}-${column}`}>
											{i === 0 ? (
												<th scope="row" rowSpan={Object.keys(change.fields).length}>
													{t(`erasure.tables.${change.table}`)}
													{change.label ? ' · ' : ' '}
													{change.link ? (
														<Link to={change.link}>{change.label ?? `#${change.id}`}</Link>
													) : (
														(change.label ?? `#${change.id}`)
													)}
												</th>
											) : null}
											<td>{t(`erasure.columns.${column}`)}</td>
											<td>{excerpt(text)}</td>
										</tr>
									)),
								)}
							</tbody>
						</Table>
						{plan.changes.length > listed.length ? (
							<p className="muted">
								{t('erasure.more', { count: plan.changes.length - listed.length })}
							</p>
						) : null}
					</>
				)}
				{plan.ambiguous.length || plan.identities.length ? (
					<>
						<h3>{t('erasure.leftTitle')}</h3>
						<ul className="list">
							{plan.ambiguous.map((name) => (
								<li key={name}>{t('erasure.ambiguous', { name })}</li>
							))}
							{plan.identities.map((found) => (
								<li key={`${found.table}-${found.id}-${found.column}`}>
									{found.link ? (
										<Link to={found.link}>{t(`erasure.tables.${found.table}`)}</Link>
									) : (
										t(`erasure.tables.${found.table}`)
									)}{' '}
									{t('erasure.identity', { column: t(`erasure.columns.${found.column}`) })}
								</li>
							))}
						</ul>
					</>
				) : null}
			</section>
		</>
	)
}
