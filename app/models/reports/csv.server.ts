import { toCsv } from '~/utils/csv.server'
import type { Report, ReportSection } from './index.server'

type Line = { table: string; category: string | number; measure: string; value: number }

/**
 * A section of the report as CSV, in long form (one figure a line: table, category, measure,
 * value), so that any spreadsheet can pivot it. Money is in euros with a dot; mentoring time in
 * whole minutes, exact (hours would need rounding, and rounded rows no longer add up).
 */
export function reportSectionCsv(section: ReportSection, report: Report) {
	return toCsv(reportSectionLines(section, report), [
		{ header: 'table', value: (l) => l.table },
		{ header: 'category', value: (l) => l.category },
		{ header: 'measure', value: (l) => l.measure },
		{ header: 'value', value: (l) => (Number.isInteger(l.value) ? l.value : l.value.toFixed(2)) },
	])
}

/** The figures of a section, one a line, for the CSV and the Excel file alike. */
export function reportSectionLines(section: ReportSection, report: Report): Line[] {
	const lines: Line[] = []
	const push = (table: string, category: string | number, measures: Record<string, number>) => {
		for (const [measure, value] of Object.entries(measures))
			lines.push({ table, category, measure, value })
	}
	switch (section) {
		case 'portfolio': {
			const p = report.portfolio
			for (const y of p.byYear)
				push('by_year', y.year, { entries: y.entries, graduated: y.graduated, left: y.left })
			push('by_year', 'total', p.totals)
			for (const s of p.byStatus) push('by_status', s.label, { startups: s.n })
			for (const c of p.byCohort) push('by_cohort', c.label, { startups: c.n })
			push('hosted', 'total', { startups: p.hosted })
			for (const s of p.survival)
				push('survival', `${s.years}y`, { eligible: s.eligible, survived: s.survived })
			break
		}
		case 'jobs':
			for (const q of report.jobs.series)
				push('by_quarter', q.quarter, { employees: q.employees, startups: q.startups })
			for (const r of report.jobs.current)
				push('latest_by_startup', r.name, { employees: r.employees })
			push('latest_by_startup', 'total', { employees: report.jobs.total })
			break
		case 'funding': {
			const fu = report.funding
			const eur = (cents: number) => cents / 100
			for (const y of fu.byYear) {
				push('by_year', y.year, {
					public_eur: eur(y.publicCents),
					private_and_bank_eur: eur(y.privateCents),
				})
				if (y.leverage !== null) push('by_year', y.year, { leverage: y.leverage })
			}
			push('by_year', 'total', {
				public_eur: eur(fu.totals.publicCents),
				private_and_bank_eur: eur(fu.totals.privateCents),
			})
			for (const k of fu.byKind) push('by_kind', k.kind, { eur: eur(k.cents) })
			push('by_kind', 'total', { eur: eur(fu.totals.securedCents) })
			for (const y of fu.fundByYear) {
				push('innovation_fund', y.year, {
					grants: y.grants,
					granted_eur: eur(y.grantedCents),
					triggered_eur: eur(y.triggeredCents),
				})
			}
			push('innovation_fund', 'total', {
				grants: fu.totals.grants,
				granted_eur: eur(fu.totals.grantedCents),
				triggered_eur: eur(fu.totals.triggeredCents),
			})
			break
		}
		case 'rent-subsidy': {
			const r = report.rentSubsidy
			for (const y of r.byYear) {
				push('by_year', y.year, {
					subsidy_eur: y.subsidyCents / 100,
					rent_eur: y.rentCents / 100,
					...(y.budgetCents === null ? {} : { budget_eur: y.budgetCents / 100 }),
				})
			}
			push('by_year', 'total', {
				subsidy_eur: r.totals.subsidyCents / 100,
				rent_eur: r.totals.rentCents / 100,
			})
			for (const m of r.occupancy)
				push('occupancy', m.month, { units_occupied: m.occupied, units: r.totalUnits })
			break
		}
		case 'mentoring':
			for (const m of report.mentoring.byMonth)
				push('by_month', m.month, { minutes: m.minutes, sessions: m.sessions })
			push('by_month', 'total', {
				minutes: report.mentoring.totalMinutes,
				sessions: report.mentoring.totalSessions,
			})
			for (const o of report.mentoring.byOrganisation)
				push('by_organisation', o.organisation, { minutes: o.minutes, sessions: o.sessions })
			push('by_organisation', 'total', {
				minutes: report.mentoring.totalMinutes,
				sessions: report.mentoring.totalSessions,
			})
			break
		case 'franco-british': {
			const fb = report.francoBritish
			for (const y of fb.byYear) {
				push('by_year', y.year, {
					uk_introductions: y.introductions,
					uk_deals: y.deals,
					uk_market_entries: y.ukEntries,
					new_uk_contacts: y.newUkContacts,
				})
			}
			push('by_year', 'total', {
				uk_introductions: fb.totals.ukIntroductions,
				uk_deals: fb.totals.ukDeals,
				uk_market_entries: fb.totals.ukEntries,
				new_uk_contacts: fb.totals.newUkContacts,
			})
			for (const f of fb.funnel) push('funnel', f.stage, { all: f.all, uk: f.uk })
			push('uk_contacts', 'total', { contacts: fb.ukContacts })
			break
		}
		case 'selection': {
			const se = report.selection
			const counts = (c: (typeof se)['totals']) => ({
				submitted: c.submitted,
				accepted: c.accepted,
				waitlisted: c.waitlisted,
				rejected: c.rejected,
				pending: c.pending,
				...(c.acceptanceRate === null ? {} : { acceptance_rate_percent: c.acceptanceRate }),
			})
			for (const c of se.byCall) push('by_call', c.titleEn, counts(c))
			push('by_call', 'total', counts(se.totals))
			for (const o of se.byOrigin) push('by_origin', o.origin, counts(o))
			if (se.medianDaysToDecision !== null) {
				push('days_to_decision', 'median', { days: se.medianDaysToDecision })
				push('days_to_decision', 'average', { days: se.averageDaysToDecision ?? 0 })
			}
			break
		}
	}
	return lines
}
