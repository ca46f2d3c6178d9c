import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { listStatementsForExport } from '~/models/statement.server'
import { MonthSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { today } from '~/utils/clock'
import { optionalParam } from '~/utils/list-params'
import { formatMoneyForCsv } from '~/utils/money'

const YearParam = z.coerce.number().int().min(2000).max(2100)
// euros with a dot, as spreadsheets import them in any locale
const eur = formatMoneyForCsv

/**
 * Statements and credit notes of a month (?month=YYYY-MM) or a year (?year=YYYY, default this
 * one), for the accountant.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	const params = new URL(request.url).searchParams
	const month = optionalParam(MonthSchema, params.get('month'))
	const year = optionalParam(YearParam, params.get('year')) ?? Number(today().slice(0, 4))
	const from = month ?? `${year}-01`
	const to = month ?? `${year}-12`
	const rows = listStatementsForExport({ viewer: user, from, to })
	const csv = toCsv(rows, [
		{ header: 'id', value: (r) => r.id },
		{ header: 'kind', value: (r) => r.kind },
		{ header: 'corrects_id', value: (r) => r.correctsId },
		{ header: 'month', value: (r) => r.month },
		{ header: 'startup', value: (r) => r.startupName },
		{ header: 'unit', value: (r) => r.unitCode },
		{ header: 'lease_id', value: (r) => r.leaseId },
		// a credit note (kind) carries positive amounts that cancel those of the statement it
		// corrects: toCsv would turn a leading "-" into text (formula guard), so no negative here
		{ header: 'rent_eur', value: (r) => eur(r.rentCents) },
		{ header: 'cap_calaisis_share_eur', value: (r) => eur(r.subsidyCents) },
		{ header: 'startup_share_eur', value: (r) => eur(r.startupShareCents) },
		{ header: 'issued_on', value: (r) => r.issuedOn },
		{ header: 'due_on', value: (r) => r.dueOn },
		{ header: 'paid_by_cap_calaisis_eur', value: (r) => eur(r.paidSubsidyCents) },
		{ header: 'paid_by_startup_eur', value: (r) => eur(r.paidStartupCents) },
	])
	return csvResponse(`tektos-rent-statements-${month ?? year}.csv`, csv)
}
