import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CURRENCIES, FUNDING_KINDS, FUNDING_STATUSES } from '#db/schema/enums'
import { rateInput } from '~/schemas/funding-fields'
import { useFormat } from '~/utils/use-format'
import { Leverage } from './funding-leverage'
import { Table } from './data-table'

type EventRow = {
	id: number
	startupId: number
	startupName: string
	cohortName: string | null
	kind: (typeof FUNDING_KINDS)[number]
	source: string
	isPublic: boolean
	amountCents: number
	currency: (typeof CURRENCIES)[number]
	amountEurCents: number | null
	rateMicros: number | null
	rateOn: string | null
	status: (typeof FUNDING_STATUSES)[number]
	date: string | null
	triggeredById: number | null
	triggerKind: (typeof FUNDING_KINDS)[number] | null
	triggerStartupId: number | null
	note: string | null
}

/**
 * Every event of the view with its euro value; the footer total is the sum of the euro column.
 * `header` lets the page make the columns sortable through the URL.
 */
export function FundingEventsTable({
	rows,
	totalEurCents,
	missingRates,
	header,
}: {
	rows: EventRow[]
	totalEurCents: number
	missingRates: number
	header: (column: string, label: string, className?: string) => ReactNode
}) {
	const { t, i18n } = useTranslation('funding')
	const f = useFormat()
	return (
		<Table className="funding-table" caption={t('portfolio.eventsCaption')} captionHidden>
			<thead>
				<tr>
					{header('date', t('fields.date'))}
					{header('startup', t('common:fields.startup'))}
					{header('kind', t('fields.kind'))}
					<th scope="col">{t('fields.source')}</th>
					<th scope="col" className="num">
						{t('fields.amount')}
					</th>
					{header('amount', t('portfolio.amountEur'), 'num')}
					{header('status', t('fields.status'))}
					<th scope="col">{t('fields.triggeredBy')}</th>
					<th scope="col">{t('fields.note')}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((r) => (
					<tr key={r.id} id={`event-${r.id}`}>
						<td>{r.date ? f.date(r.date) : '—'}</td>
						<th scope="row">
							<Link to={`/startups/${r.startupId}`}>{r.startupName}</Link>
						</th>
						<td>
							<Link to={`/startups/${r.startupId}/funding/${r.id}`}>
								{t(`enums:fundingKinds.${r.kind}`)}
							</Link>
						</td>
						<td>
							{r.source}{' '}
							<span className="muted">({r.isPublic ? t('page.public') : t('page.private')})</span>
						</td>
						<td className="num">
							{f.money(r.amountCents, r.currency)}
							{r.currency !== 'EUR' && r.rateMicros && r.rateOn ? (
								<span className="rate-used">
									{t('rates.used', {
										rate: rateInput(r.rateMicros, i18n.language),
										date: f.date(r.rateOn),
									})}
								</span>
							) : null}
						</td>
						<td className="num">
							{r.amountEurCents === null ? (
								<span className="badge badge-warning">{t('rates.missing')}</span>
							) : (
								f.money(r.amountEurCents)
							)}
						</td>
						<td>
							<span className={`badge funding-${r.status}`}>
								{t(`enums:fundingStatuses.${r.status}`)}
							</span>
						</td>
						<td>
							{r.triggeredById && r.triggerKind ? (
								<a href={`#event-${r.triggeredById}`}>
									{t(`enums:fundingKinds.${r.triggerKind}`)}
									{r.triggerStartupId !== r.startupId ? ` (${t('portfolio.otherStartup')})` : ''}
								</a>
							) : (
								'—'
							)}
						</td>
						<td className="note">{r.note ?? ''}</td>
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<th scope="row" colSpan={5}>
						{t('portfolio.total', { count: rows.length })}
						{missingRates ? (
							<span className="muted"> {t('portfolio.withoutRate', { count: missingRates })}</span>
						) : null}
					</th>
					<td className="num total">{f.money(totalEurCents)}</td>
					<td colSpan={3} />
				</tr>
			</tfoot>
		</Table>
	)
}

type StartupSums = {
	startupId: number
	startupName: string
	cohortName: string | null
	events: number
	publicCents: number
	privateAndBankCents: number
	totalCents: number
	leverage: number | null
}

/** Secured money by startup; the footer is the sum of the rows. */
export function FundingByStartupTable({
	rows,
	totals,
}: {
	rows: StartupSums[]
	totals: Omit<StartupSums, 'startupId' | 'startupName' | 'cohortName'>
}) {
	const { t } = useTranslation('funding')
	const f = useFormat()
	return (
		<Table caption={t('portfolio.byStartupCaption')} captionHidden>
			<thead>
				<tr>
					<th scope="col">{t('common:fields.startup')}</th>
					<th scope="col">{t('common:fields.cohort')}</th>
					<th scope="col" className="num">
						{t('portfolio.securedEvents')}
					</th>
					<th scope="col" className="num">
						{t('portfolio.public')}
					</th>
					<th scope="col" className="num">
						{t('portfolio.privateAndBank')}
					</th>
					<th scope="col" className="num">
						{t('portfolio.secured')}
					</th>
					<th scope="col" className="num">
						{t('portfolio.leverage')}
					</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((r) => (
					<tr key={r.startupId}>
						<th scope="row">
							<Link to={`/startups/${r.startupId}`}>{r.startupName}</Link>
						</th>
						<td>{r.cohortName ?? '—'}</td>
						<td className="num">{f.number(r.events)}</td>
						<td className="num">{f.money(r.publicCents)}</td>
						<td className="num">{f.money(r.privateAndBankCents)}</td>
						<td className="num">{f.money(r.totalCents)}</td>
						<td className="num">
							<Leverage value={r.leverage} />
						</td>
					</tr>
				))}
			</tbody>
			<tfoot>
				<tr>
					<th scope="row" colSpan={2}>
						{t('portfolio.totalStartups', { count: rows.length })}
					</th>
					<td className="num">{f.number(totals.events)}</td>
					<td className="num">{f.money(totals.publicCents)}</td>
					<td className="num">{f.money(totals.privateAndBankCents)}</td>
					<td className="num total">{f.money(totals.totalCents)}</td>
					<td className="num">
						<Leverage value={totals.leverage} />
					</td>
				</tr>
			</tfoot>
		</Table>
	)
}
