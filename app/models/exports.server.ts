import { z } from 'zod'
import { parseContactListParams } from '~/models/contact-list-params.server'
import { listContactsForOutreach } from '~/models/contact.server'
import { listFundingEvents, parseFundingListParams } from '~/models/funding.server'
import { countryName, isoCountryOf } from '~/models/import/values'
import { isPublicMoney } from '~/models/leverage'
import { parseStartupListParams } from '~/models/startup-list-params.server'
import { listStartupsForExport } from '~/models/startup.server'
import { listPaymentsForExport, listStatementsForExport } from '~/models/statement.server'
import { getSubsidyOverview } from '~/models/subsidy.server'
import type { Viewer } from '~/models/viewer'
import { MonthSchema } from '~/schemas/nursery'
import { today } from '~/utils/clock'
import { notFound } from '~/utils/http.server'
import { optionalParam } from '~/utils/list-params'
import { firstDayOf, lastDayOf } from '~/utils/calendar'
import type { Export, ExportColumn } from '~/utils/spreadsheet.server'

/*
 * What each export holds, once for its two files (utils/spreadsheet.server.ts): the CSV keeps
 * codes and dot decimals for machines and re-imports, the Excel file speaks the reader's
 * language with real numbers and dates. Every list is the model's, scoped by the viewer.
 */

const columns = <T>(list: ExportColumn<T>[]) => list

// ---------------------------------------------------------------- contacts

/** The current view of the contact list, for a mailing: opted-out and erased people never. */
export function contactsExport(viewer: Viewer, url: URL) {
	const { filters, sort, dir } = parseContactListParams(url)
	const rows = listContactsForOutreach({ viewer, filters, sort, dir })
	type Row = (typeof rows)[number]
	return {
		name: `tektos-contacts-${today()}`,
		sheet: 'common:nav.contacts',
		rows,
		columns: columns<Row>([
			{ code: 'first_name', label: 'import:fields.firstName', value: (r) => r.firstName },
			{ code: 'last_name', label: 'import:fields.lastName', value: (r) => r.lastName },
			{ code: 'email', label: 'import:fields.email', value: (r) => r.email },
			// text in both files: "+44 1304…" is neither a number nor a formula
			{ code: 'phone', label: 'import:fields.phone', value: (r) => r.phone },
			{ code: 'job_title', label: 'import:fields.jobTitle', value: (r) => r.jobTitle },
			{
				code: 'organisation',
				label: 'import:fields.organisation',
				value: (r) => r.organisationName,
			},
			{
				code: 'country',
				label: 'import:fields.country',
				value: (r) => r.country,
				excel: (r, t, lang) => {
					const code = isoCountryOf(r)
					return code ? countryName(code, lang) : t(`enums:countries.${r.country}`)
				},
			},
			{ code: 'country_code', label: 'import:export.countryCode', value: isoCountryOf },
			{ code: 'languages', label: 'import:fields.languages', value: (r) => r.languages },
			{ code: 'tags', label: 'import:fields.tags', value: (r) => r.tags },
			{
				code: 'lawful_basis',
				label: 'import:fields.lawfulBasis',
				value: (r) => r.lawfulBasis,
				labels: (v, t) => t(`enums:lawfulBases.${v}`),
			},
			{
				code: 'last_contact_on',
				label: 'import:fields.lastContactOn',
				value: (r) => r.lastContactOn,
				type: 'date',
			},
		]),
	} satisfies Export<Row>
}

// ---------------------------------------------------------------- startups

/** The current view of the portfolio table. */
export function startupsExport(viewer: Viewer, url: URL) {
	const { filters, sort, dir } = parseStartupListParams(url)
	const rows = listStartupsForExport({ viewer, filters, sort, dir })
	type Row = (typeof rows)[number]
	return {
		name: `tektos-startups-${today()}`,
		sheet: 'common:nav.startups',
		rows,
		columns: columns<Row>([
			{ code: 'id', label: 'import:export.id', value: (r) => r.id, only: 'csv' },
			{ code: 'name', label: 'import:fields.name', value: (r) => r.name },
			{ code: 'cohort', label: 'import:fields.cohort', value: (r) => r.cohortName },
			{
				code: 'status',
				label: 'import:fields.status',
				value: (r) => r.status,
				labels: (v, t) => t(`enums:startupStatuses.${v}`),
			},
			{
				code: 'stage',
				label: 'import:fields.stage',
				value: (r) => r.stage,
				labels: (v, t) => t(`enums:startupStages.${v}`),
			},
			{ code: 'sector', label: 'import:fields.sector', value: (r) => r.sector },
			{
				code: 'uk_focus',
				label: 'import:fields.ukFocus',
				value: (r) => r.ukFocus,
				type: 'boolean',
			},
			{ code: 'siren', label: 'import:fields.siren', value: (r) => r.siren },
			{
				code: 'companies_house_number',
				label: 'import:fields.companiesHouseNumber',
				value: (r) => r.companiesHouseNumber,
			},
			{
				code: 'entered_on',
				label: 'import:fields.enteredOn',
				value: (r) => r.enteredOn,
				type: 'date',
			},
			{ code: 'left_on', label: 'import:fields.leftOn', value: (r) => r.leftOn, type: 'date' },
			{
				code: 'months_in_nursery',
				label: 'import:export.monthsInNursery',
				value: (r) => r.monthsInNursery,
				type: 'number',
			},
			{
				code: 'funds_secured_eur',
				label: 'import:export.fundsSecured',
				value: (r) => r.fundsSecuredEurCents,
				type: 'money',
			},
		]),
	} satisfies Export<Row>
}

// ---------------------------------------------------------------- funding

/** The current /funding view, one line per event, for the accountant's spreadsheet. */
export function fundingExport(viewer: Viewer, url: URL) {
	const { filters, sort, dir } = parseFundingListParams(url)
	const rows = listFundingEvents({ viewer, filters, sort, dir })
	type Row = (typeof rows)[number]
	const date = (code: string, key: string, value: (r: Row) => string | null) =>
		({ code, label: `import:fields.${key}`, value, type: 'date' }) as const
	return {
		name: `tektos-funding-${today()}`,
		sheet: 'common:nav.funding',
		rows,
		columns: columns<Row>([
			{ code: 'id', label: 'import:export.id', value: (r) => r.id, type: 'number' },
			{ code: 'startup', label: 'import:fields.startup', value: (r) => r.startupName },
			{ code: 'cohort', label: 'import:fields.cohort', value: (r) => r.cohortName },
			{
				code: 'kind',
				label: 'import:fields.kind',
				value: (r) => r.kind,
				labels: (v, t) => t(`enums:fundingKinds.${v}`),
			},
			{ code: 'source', label: 'import:fields.source', value: (r) => r.source },
			// who gives: a public body or not; public money is the pages' figure (a public bank's
			// loan comes from a public body but is bank money)
			{
				code: 'public_funder',
				label: 'import:export.publicFunder',
				value: (r) => r.isPublic,
				type: 'boolean',
			},
			{
				code: 'public_money',
				label: 'import:export.publicMoney',
				value: (r) => isPublicMoney(r),
				type: 'boolean',
			},
			// in the event's own currency: a plain number, the next column says which
			{
				code: 'amount',
				label: 'import:fields.amount',
				value: (r) => r.amountCents,
				type: 'amount',
			},
			{ code: 'currency', label: 'import:fields.currency', value: (r) => r.currency },
			{
				code: 'amount_eur',
				label: 'import:export.amountEur',
				value: (r) => r.amountEurCents,
				type: 'money',
			},
			{
				code: 'gbp_eur_rate',
				label: 'import:export.rate',
				value: (r) => r.rateMicros,
				type: 'rate',
			},
			{ code: 'rate_date', label: 'import:export.rateOn', value: (r) => r.rateOn, type: 'date' },
			{
				code: 'status',
				label: 'import:fields.status',
				value: (r) => r.status,
				labels: (v, t) => t(`enums:fundingStatuses.${v}`),
			},
			{ code: 'date', label: 'import:export.date', value: (r) => r.date, type: 'date' },
			date('planned_on', 'plannedOn', (r) => r.plannedOn),
			date('applied_on', 'appliedOn', (r) => r.appliedOn),
			date('secured_on', 'securedOn', (r) => r.securedOn),
			date('received_on', 'receivedOn', (r) => r.receivedOn),
			date('declined_on', 'declinedOn', (r) => r.declinedOn),
			{
				code: 'triggered_by_id',
				label: 'import:export.triggeredById',
				value: (r) => r.triggeredById,
				type: 'number',
			},
			{ code: 'note', label: 'import:fields.note', value: (r) => r.note },
		]),
	} satisfies Export<Row>
}

// ---------------------------------------------------------------- nursery

const YearParam = z.coerce.number().int().min(2000).max(2100)

/** ?month=YYYY-MM, or ?year=YYYY (this year by default). */
function monthOrYear(url: URL) {
	const month = optionalParam(MonthSchema, url.searchParams.get('month'))
	const year = optionalParam(YearParam, url.searchParams.get('year')) ?? Number(today().slice(0, 4))
	return { month, year, label: month ?? String(year) }
}

/** Statements and credit notes of a month or a year, for the accountant. */
export function statementsExport(viewer: Viewer, url: URL) {
	const { month, year, label } = monthOrYear(url)
	const rows = listStatementsForExport({
		viewer,
		from: month ?? `${year}-01`,
		to: month ?? `${year}-12`,
	})
	type Row = (typeof rows)[number]
	const money = (code: string, key: string, value: (r: Row) => number) =>
		({ code, label: `nursery:columns.${key}`, value, type: 'money' }) as const
	return {
		name: `tektos-rent-statements-${label}`,
		sheet: 'import:export.sheets.statements',
		rows,
		columns: columns<Row>([
			{ code: 'id', label: 'import:export.id', value: (r) => r.id, type: 'number' },
			{
				code: 'kind',
				label: 'import:export.statementKind',
				value: (r) => r.kind,
				labels: (v, t) => t(`import:export.statementKinds.${v}`),
			},
			{
				code: 'corrects_id',
				label: 'import:export.correctsId',
				value: (r) => r.correctsId,
				type: 'number',
			},
			{ code: 'month', label: 'nursery:columns.month', value: (r) => r.month, type: 'month' },
			{ code: 'startup', label: 'nursery:columns.startup', value: (r) => r.startupName },
			{ code: 'unit', label: 'nursery:columns.unit', value: (r) => r.unitCode },
			{ code: 'lease_id', label: 'import:export.leaseId', value: (r) => r.leaseId, type: 'number' },
			// a credit note carries positive amounts that cancel those of the statement it corrects
			money('rent_eur', 'rent', (r) => r.rentCents),
			money('cap_calaisis_share_eur', 'subsidyShare', (r) => r.subsidyCents),
			money('startup_share_eur', 'startupShare', (r) => r.startupShareCents),
			{
				code: 'issued_on',
				label: 'nursery:columns.issuedOn',
				value: (r) => r.issuedOn,
				type: 'date',
			},
			{ code: 'due_on', label: 'nursery:columns.dueOn', value: (r) => r.dueOn, type: 'date' },
			money('paid_by_cap_calaisis_eur', 'paidByCap', (r) => r.paidSubsidyCents),
			money('paid_by_startup_eur', 'paidByStartup', (r) => r.paidStartupCents),
		]),
	} satisfies Export<Row>
}

/** Payments received in a month or a year (by payment date). */
export function paymentsExport(viewer: Viewer, url: URL) {
	const { month, year, label } = monthOrYear(url)
	const rows = listPaymentsForExport({
		viewer,
		from: month ? firstDayOf(month) : `${year}-01-01`,
		to: month ? lastDayOf(month) : `${year}-12-31`,
	})
	type Row = (typeof rows)[number]
	return {
		name: `tektos-rent-payments-${label}`,
		sheet: 'import:export.sheets.payments',
		rows,
		columns: columns<Row>([
			{ code: 'id', label: 'import:export.id', value: (r) => r.id, type: 'number' },
			{ code: 'paid_on', label: 'nursery:columns.paidOn', value: (r) => r.paidOn, type: 'date' },
			{
				code: 'payer',
				label: 'nursery:columns.payer',
				value: (r) => r.payer,
				labels: (v, t) => t(`enums:payers.${v}`),
			},
			{
				code: 'amount_eur',
				label: 'nursery:columns.amount',
				value: (r) => r.amountCents,
				type: 'money',
			},
			{ code: 'reference', label: 'nursery:columns.reference', value: (r) => r.reference },
			{
				code: 'statement_id',
				label: 'import:export.statementId',
				value: (r) => r.statementId,
				type: 'number',
			},
			{
				code: 'statement_month',
				label: 'import:export.statementMonth',
				value: (r) => r.month,
				type: 'month',
			},
			{ code: 'startup', label: 'nursery:columns.startup', value: (r) => r.startupName },
			{ code: 'unit', label: 'nursery:columns.unit', value: (r) => r.unitCode },
		]),
	} satisfies Export<Row>
}

const subsidyMoney = <T>(code: string, key: string, value: (r: T) => number | null) =>
	({
		code,
		label: key === 'overBudgetBy' ? 'import:export.overBudgetBy' : `nursery:subsidy.${key}`,
		value,
		type: 'money',
	}) as const

/** The subsidy summary for Cap Calaisis and the accountant, one row per year (partners too). */
export function subsidyByYearExport(viewer: Viewer) {
	const rows = getSubsidyOverview({ viewer }) ?? []
	type Row = (typeof rows)[number]
	const money = subsidyMoney<Row>
	return {
		name: 'tektos-rent-subsidy-by-year',
		sheet: 'import:export.sheets.subsidyByYear',
		rows,
		columns: columns<Row>([
			{ code: 'year', label: 'nursery:subsidy.year', value: (r) => r.year, type: 'number' },
			money('budget_eur', 'budget', (r) => r.budgetCents),
			{
				code: 'voted_on',
				label: 'nursery:subsidy.votedOnLabel',
				value: (r) => r.votedOn,
				type: 'date',
			},
			money('committed_eur', 'committed', (r) => r.committedCents),
			money('scheduled_eur', 'scheduled', (r) => r.scheduledCents),
			money('forecast_eur', 'forecast', (r) => r.forecastCents),
			// never negative: one column for what is left, one for the overrun
			money('remaining_eur', 'margin', (r) =>
				r.marginCents === null ? null : Math.max(0, r.marginCents),
			),
			money('over_budget_by_eur', 'overBudgetBy', (r) =>
				r.marginCents === null ? null : Math.max(0, -r.marginCents),
			),
		]),
	} satisfies Export<Row>
}

/** One year's subsidy per startup (?year=YYYY): totals and names only (partners download it). */
export function subsidyByStartupExport(viewer: Viewer, yearParam: string) {
	const year = optionalParam(YearParam, yearParam)
	const selected = (getSubsidyOverview({ viewer }) ?? []).find((y) => y.year === year)
	if (!selected) throw notFound('year', yearParam)
	type Row = (typeof selected.startups)[number]
	const money = subsidyMoney<Row>
	return {
		name: `tektos-rent-subsidy-${selected.year}`,
		sheet: 'import:export.sheets.subsidyByStartup',
		rows: selected.startups,
		columns: columns<Row>([
			{ code: 'year', label: 'nursery:subsidy.year', value: () => selected.year, type: 'number' },
			{ code: 'startup', label: 'nursery:columns.startup', value: (r) => r.startupName },
			money('committed_eur', 'committed', (r) => r.committedCents),
			money('scheduled_eur', 'scheduled', (r) => r.scheduledCents),
			money('forecast_eur', 'forecast', (r) => r.forecastCents),
		]),
	} satisfies Export<Row>
}
