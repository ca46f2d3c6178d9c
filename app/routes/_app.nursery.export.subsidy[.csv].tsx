import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getSubsidyOverview } from '~/models/subsidy.server'
import { requirePermission } from '~/utils/access.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { notFound } from '~/utils/http.server'
import { optionalParam } from '~/utils/list-params'
import { formatMoneyForCsv } from '~/utils/money'

const YearParam = z.coerce.number().int().min(2000).max(2100)
// never negative: toCsv turns a leading "-" into text (formula guard)
const eur = (cents: number | null) => (cents === null ? '' : formatMoneyForCsv(cents))

/**
 * The subsidy summary for Cap Calaisis and the accountant: one row per year, or with ?year=
 * one row per startup of that year. Totals and names only, no payment (partners download it).
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:subsidy:any')
	const overview = getSubsidyOverview({ viewer: user }) ?? []
	const yearParam = new URL(request.url).searchParams.get('year')
	if (yearParam) {
		const year = optionalParam(YearParam, yearParam)
		const selected = overview.find((y) => y.year === year)
		if (!selected) throw notFound('year', yearParam)
		const csv = toCsv(selected.startups, [
			{ header: 'year', value: () => selected.year },
			{ header: 'startup', value: (r) => r.startupName },
			{ header: 'committed_eur', value: (r) => eur(r.committedCents) },
			{ header: 'scheduled_eur', value: (r) => eur(r.scheduledCents) },
			{ header: 'forecast_eur', value: (r) => eur(r.forecastCents) },
		])
		return csvResponse(`tektos-rent-subsidy-${selected.year}.csv`, csv)
	}
	const csv = toCsv(overview, [
		{ header: 'year', value: (r) => r.year },
		{ header: 'budget_eur', value: (r) => eur(r.budgetCents) },
		{ header: 'voted_on', value: (r) => r.votedOn },
		{ header: 'committed_eur', value: (r) => eur(r.committedCents) },
		{ header: 'scheduled_eur', value: (r) => eur(r.scheduledCents) },
		{ header: 'forecast_eur', value: (r) => eur(r.forecastCents) },
		{
			header: 'remaining_eur',
			value: (r) => eur(r.marginCents === null ? null : Math.max(0, r.marginCents)),
		},
		{
			header: 'over_budget_by_eur',
			value: (r) => eur(r.marginCents === null ? null : Math.max(0, -r.marginCents)),
		},
	])
	return csvResponse('tektos-rent-subsidy-by-year.csv', csv)
}
