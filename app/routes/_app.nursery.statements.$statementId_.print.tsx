import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getStatement } from '~/models/statement.server'
import { requireGrant } from '~/utils/access.server'
import { formatDate, formatMonth } from '~/utils/format'
import { notFound, parseId } from '~/utils/http.server'
import { formatMoney } from '~/utils/money'
import { can } from '~/utils/permissions'
import { statementLanguage } from '~/utils/rent'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

/**
 * The statement as it is printed or saved as PDF, in the startup's language (English for a UK
 * company with no SIREN, French otherwise), whatever the reader's. Managers print any; a
 * founder their own startup's (another startup's is simply not there).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireGrant(request, 'read:statement')
	const id = parseId(params.statementId, 'statement')
	const detail = getStatement({ id, viewer: user })
	if (!detail) throw notFound('statement', id)
	return {
		...detail,
		language: statementLanguage(detail.lease),
		backTo: can(user, 'read:lease:any')
			? `/nursery/statements/${id}`
			: `/startups/${detail.statement.startupId}/rent`,
	}
}

export default function PrintStatementPage() {
	const {
		statement: s,
		lease,
		period,
		creditNotes,
		payments,
		paymentTotals,
		language,
		backTo,
	} = useLoaderData<typeof loader>()
	const { t: uiT } = useTranslation('nursery')
	// the document's own language, not the reader's: the browser has only the reader's messages,
	// so it fetches the document's (and waits for them) before it draws the page again
	const { t } = useTranslation(['nursery', 'enums'], { lng: language })
	const money = (cents: number) => formatMoney(cents, 'EUR', language)
	const date = (d: string) => formatDate(d, language)
	const creditedTotal = s.creditedSubsidyCents + s.creditedStartupCents
	return (
		<>
			<div className="print-tools">
				<Link to={backTo} className="button">
					{uiT('print.back')}
				</Link>
				<button type="button" className="button button-primary" onClick={() => window.print()}>
					{uiT('print.print')}
				</button>
				<span className="muted">
					{uiT('print.languageNote', { language: uiT(`print.languages.${language}`) })}
				</span>
			</div>
			<article className="printable-statement" lang={language}>
				<header className="printable-header">
					<p className="printable-issuer">
						<strong>TEKTOS</strong>
						<br />
						{t('print.issuer')}
					</p>
					<div>
						<h1>{t('print.title', { month: formatMonth(s.month, language) })}</h1>
						<p>
							{t('print.number', { id: s.id })}
							<br />
							{t('print.issuedOn', { date: date(s.issuedOn) })}
							<br />
							<strong>{t('print.dueOn', { date: date(s.dueOn) })}</strong>
						</p>
					</div>
				</header>

				<section className="printable-parties">
					<h2>{t('print.to')}</h2>
					<p>
						<strong>{lease.startupLegalName ?? s.startupName}</strong>
						{lease.siren ? (
							<>
								<br />
								{t('print.siren', { siren: lease.siren })}
							</>
						) : null}
						{lease.companiesHouseNumber ? (
							<>
								<br />
								{t('print.companiesHouse', { number: lease.companiesHouseNumber })}
							</>
						) : null}
					</p>
					<p>
						{t('print.unit', {
							code: s.unitCode,
							kind: t(`enums:unitKinds.${lease.unitKind}`),
							floor: lease.unitFloor,
							area: lease.unitArea,
						})}
						<br />
						{t('print.monthlyRent', { amount: money(lease.monthlyRentCents) })}
						{period ? (
							<>
								<br />
								{t('print.period', {
									from: date(period.from),
									to: date(period.to),
									days: period.daysOccupied,
									of: period.daysInMonth,
								})}
							</>
						) : null}
					</p>
				</section>

				<Table className="printable-table" caption={t('print.sharesCaption')}>
					<thead>
						<tr>
							<th scope="col">{t('print.line')}</th>
							<th scope="col" className="num">
								{t('enums:payers.cap_calaisis')}
							</th>
							<th scope="col" className="num">
								{t('print.startupShare')}
							</th>
							<th scope="col" className="num">
								{t('columns.total')}
							</th>
						</tr>
					</thead>
					<tbody>
						<tr>
							<th scope="row">{t('print.rentForPeriod')}</th>
							<td className="num">{money(s.subsidyCents)}</td>
							<td className="num">{money(s.startupShareCents)}</td>
							<td className="num">{money(s.rentCents)}</td>
						</tr>
						{creditedTotal ? (
							<tr>
								<th scope="row">{t('print.credited', { count: creditNotes.length })}</th>
								<td className="num">−{money(s.creditedSubsidyCents)}</td>
								<td className="num">−{money(s.creditedStartupCents)}</td>
								<td className="num">−{money(creditedTotal)}</td>
							</tr>
						) : null}
						<tr>
							<th scope="row">{t('print.paid', { count: payments.length })}</th>
							<td className="num">−{money(paymentTotals.capCalaisis)}</td>
							<td className="num">−{money(paymentTotals.startup)}</td>
							<td className="num">−{money(paymentTotals.capCalaisis + paymentTotals.startup)}</td>
						</tr>
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t('print.balance')}</th>
							<td className="num">{money(s.outstandingSubsidyCents)}</td>
							<td className="num">
								<strong>{money(s.outstandingStartupCents)}</strong>
							</td>
							<td className="num">
								{money(s.outstandingSubsidyCents + s.outstandingStartupCents)}
							</td>
						</tr>
					</tfoot>
				</Table>

				<p className="printable-note">
					{s.outstandingStartupCents > 0
						? t('print.toPay', { amount: money(s.outstandingStartupCents), date: date(s.dueOn) })
						: t('print.nothingToPay')}
				</p>
				<p className="printable-note muted">{t('print.subsidyNote')}</p>
			</article>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t, f }) => [
	data &&
		t('nursery:statement.title', {
			month: f.month(data.statement.month),
			startup: data.statement.startupName,
		}),
	t('nav.nursery'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
