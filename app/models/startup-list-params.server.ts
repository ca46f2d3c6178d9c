import { z } from 'zod'
import { STARTUP_STAGES, STARTUP_STATUSES } from '#db/schema/enums'
import { optionalParam, parseListParams } from '~/utils/list-params'
import { STARTUP_SORTS, type StartupFilters } from './startup.server'

/** The portfolio view as the URL describes it: shared by the page and its CSV export. */
export function parseStartupListParams(url: URL) {
	const sp = url.searchParams
	const list = parseListParams(sp, STARTUP_SORTS, { sort: 'name' })
	const ukFocus = sp.get('uk')
	const filters: StartupFilters = {
		q: list.q || undefined,
		// an id (links from the dashboard and elsewhere), else a cohort's name as typed
		cohortId: optionalParam(z.coerce.number().int().positive(), sp.get('cohort')),
		cohortName: /^\d+$/.test(sp.get('cohort') ?? '')
			? undefined
			: optionalParam(z.string().trim().min(1).max(80), sp.get('cohort')),
		status: optionalParam(z.enum(STARTUP_STATUSES), sp.get('status')),
		stage: optionalParam(z.enum(STARTUP_STAGES), sp.get('stage')),
		sector: optionalParam(z.string().max(80), sp.get('sector')),
		ukFocus: ukFocus === 'yes' ? true : ukFocus === 'no' ? false : undefined,
	}
	return { ...list, filters }
}
