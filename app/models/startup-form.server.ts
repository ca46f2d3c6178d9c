import type { z } from 'zod'
import { cohortExists, findCompanyNumberClash } from './startup.server'

type Numbers = { siren?: string; companiesHouseNumber?: string; cohortId?: number }

/**
 * The checks a form cannot make alone: company numbers already held by another
 * startup, a cohort id that does not exist (a tampered select).
 */
export function checkStartupAgainstDatabase(
	value: Numbers,
	ctx: z.RefinementCtx,
	exceptId?: number,
) {
	const clash = findCompanyNumberClash(value, exceptId)
	if (clash.siren) {
		ctx.addIssue({ code: 'custom', path: ['siren'], message: 'startups:errors.sirenTaken' })
	}
	if (clash.companiesHouseNumber) {
		ctx.addIssue({
			code: 'custom',
			path: ['companiesHouseNumber'],
			message: 'startups:errors.companiesHouseTaken',
		})
	}
	if (value.cohortId && !cohortExists(value.cohortId)) {
		ctx.addIssue({ code: 'custom', path: ['cohortId'], message: 'startups:errors.unknownCohort' })
	}
}
