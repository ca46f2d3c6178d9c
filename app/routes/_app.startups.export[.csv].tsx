import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseStartupListParams } from '~/models/startup-list-params.server'
import { listStartupsForExport } from '~/models/startup.server'
import { requireGrant } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { formatMoneyForCsv } from '~/utils/money'

/** The current view of the portfolio table, as the accountant or a partner opens it in a spreadsheet. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireGrant(request, 'read:portfolio')
	const { filters, sort, dir } = parseStartupListParams(new URL(request.url))
	const rows = listStartupsForExport({ viewer: user, filters, sort, dir })
	const csv = toCsv(rows, [
		{ header: 'id', value: (r) => r.id },
		{ header: 'name', value: (r) => r.name },
		{ header: 'cohort', value: (r) => r.cohortName },
		{ header: 'status', value: (r) => r.status },
		{ header: 'stage', value: (r) => r.stage },
		{ header: 'sector', value: (r) => r.sector },
		{ header: 'uk_focus', value: (r) => (r.ukFocus ? 'yes' : 'no') },
		{ header: 'siren', value: (r) => r.siren },
		{ header: 'companies_house_number', value: (r) => r.companiesHouseNumber },
		{ header: 'entered_on', value: (r) => r.enteredOn },
		{ header: 'left_on', value: (r) => r.leftOn },
		{ header: 'months_in_nursery', value: (r) => r.monthsInNursery },
		// euros with a dot, as spreadsheets import them in any locale
		{ header: 'funds_secured_eur', value: (r) => formatMoneyForCsv(r.fundsSecuredEurCents) },
	])
	return csvResponse(`tektos-startups-${today()}.csv`, csv)
}
