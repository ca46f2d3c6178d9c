import type { LoaderFunctionArgs } from '@remix-run/node'
import { listFundingEvents, parseFundingListParams } from '~/models/funding.server'
import { isPublicMoney } from '~/models/leverage'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { formatMoneyForCsv } from '~/utils/money'

const euros = (cents: number | null) => (cents === null ? '' : formatMoneyForCsv(cents))

/** The current /funding view, one line per event, for the accountant's spreadsheet. Managers only. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:funding:any')
	const { filters, sort, dir } = parseFundingListParams(new URL(request.url))
	const rows = listFundingEvents({ viewer: user, filters, sort, dir })
	const csv = toCsv(rows, [
		{ header: 'id', value: (r) => r.id },
		{ header: 'startup', value: (r) => r.startupName },
		{ header: 'cohort', value: (r) => r.cohortName },
		{ header: 'kind', value: (r) => r.kind },
		{ header: 'source', value: (r) => r.source },
		// who gives: a public body or not; public money is the pages' figure (a public bank's
		// loan comes from a public body but is bank money)
		{ header: 'public_funder', value: (r) => (r.isPublic ? 'yes' : 'no') },
		{ header: 'public_money', value: (r) => (isPublicMoney(r) ? 'yes' : 'no') },
		// amounts with a dot, as spreadsheets import them in any locale
		{ header: 'amount', value: (r) => euros(r.amountCents) },
		{ header: 'currency', value: (r) => r.currency },
		{ header: 'amount_eur', value: (r) => euros(r.amountEurCents) },
		{
			header: 'gbp_eur_rate',
			value: (r) => (r.rateMicros === null ? '' : (r.rateMicros / 1_000_000).toFixed(6)),
		},
		{ header: 'rate_date', value: (r) => r.rateOn },
		{ header: 'status', value: (r) => r.status },
		{ header: 'date', value: (r) => r.date },
		{ header: 'planned_on', value: (r) => r.plannedOn },
		{ header: 'applied_on', value: (r) => r.appliedOn },
		{ header: 'secured_on', value: (r) => r.securedOn },
		{ header: 'received_on', value: (r) => r.receivedOn },
		{ header: 'declined_on', value: (r) => r.declinedOn },
		{ header: 'triggered_by_id', value: (r) => r.triggeredById },
		{ header: 'note', value: (r) => r.note },
	])
	return csvResponse(`tektos-funding-${today()}.csv`, csv)
}
