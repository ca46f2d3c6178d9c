import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { listPaymentsForExport } from '~/models/statement.server'
import { MonthSchema } from '~/schemas/nursery'
import { requirePermission } from '~/utils/access.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { today } from '~/utils/clock'
import { optionalParam } from '~/utils/list-params'
import { formatMoneyForCsv } from '~/utils/money'
import { firstDayOf, lastDayOf } from '~/utils/calendar'

const YearParam = z.coerce.number().int().min(2000).max(2100)

/** Payments received in a month (?month=YYYY-MM) or a year (?year=YYYY, default this one). */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:lease:any')
	const params = new URL(request.url).searchParams
	const month = optionalParam(MonthSchema, params.get('month'))
	const year = optionalParam(YearParam, params.get('year')) ?? Number(today().slice(0, 4))
	const from = month ? firstDayOf(month) : `${year}-01-01`
	const to = month ? lastDayOf(month) : `${year}-12-31`
	const rows = listPaymentsForExport({ viewer: user, from, to })
	const csv = toCsv(rows, [
		{ header: 'id', value: (r) => r.id },
		{ header: 'paid_on', value: (r) => r.paidOn },
		{ header: 'payer', value: (r) => r.payer },
		{ header: 'amount_eur', value: (r) => formatMoneyForCsv(r.amountCents) },
		{ header: 'reference', value: (r) => r.reference },
		{ header: 'statement_id', value: (r) => r.statementId },
		{ header: 'statement_month', value: (r) => r.month },
		{ header: 'startup', value: (r) => r.startupName },
		{ header: 'unit', value: (r) => r.unitCode },
	])
	return csvResponse(`tektos-rent-payments-${month ?? year}.csv`, csv)
}
