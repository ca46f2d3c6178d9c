import { eq } from 'drizzle-orm'
import { cohorts, startups } from '#db/schema/index'
import { recordAudit, diffFields } from '~/models/audit.server'
import { insertStartup } from '~/models/startup.server'
import { CompaniesHouseSchema, SirenSchema, StartupManagerSchema } from '~/schemas/startup'
import { getDb } from '~/utils/db.server'
import { IMPORT_FIELDS } from '../fields'
import { normaliseName, readRow, schemaIssues } from '../interpret'
import type { Issue, Stored } from '../types'
import type { Importer } from './types'

/*
 * Startups. A row is the startup with its SIREN, else its Companies House number, else its
 * name once normalised ("Marée Numérique SAS" = "maree numerique"); a match on the name alone
 * is flagged so the manager can check it is the same company. Known startups get the row's
 * non-empty cells; the result goes through the manager's startup form schema either way.
 */

const COLUMNS = {
	id: startups.id,
	name: startups.name,
	legalName: startups.legalName,
	siren: startups.siren,
	companiesHouseNumber: startups.companiesHouseNumber,
	sector: startups.sector,
	stage: startups.stage,
	status: startups.status,
	cohortId: startups.cohortId,
	enteredOn: startups.enteredOn,
	leftOn: startups.leftOn,
	website: startups.website,
	pitchFr: startups.pitchFr,
	pitchEn: startups.pitchEn,
	ukFocus: startups.ukFocus,
	targetMarkets: startups.targetMarkets,
}
type Existing = { [K in keyof typeof COLUMNS]: Stored }

type State = {
	all: Existing[]
	bySiren: Map<string, Existing>
	byCompaniesHouse: Map<string, Existing>
	byName: Map<string, Existing>
	cohorts: { id: number; name: string }[]
	seen: Map<string, number>
}

const FIELDS = [
	'name',
	'legalName',
	'siren',
	'companiesHouseNumber',
	'sector',
	'stage',
	'status',
	'cohortId',
	'enteredOn',
	'leftOn',
	'website',
	'pitchFr',
	'pitchEn',
	'ukFocus',
	'targetMarkets',
] as const

function findCohort(all: State['cohorts'], name: string) {
	const exact = all.find((c) => c.name === name)
	if (exact) return exact
	const matches = all.filter((c) => c.name.toLowerCase() === name.trim().toLowerCase())
	return matches.length === 1 ? matches[0] : undefined
}

export const startupImporter: Importer<State> = {
	kind: 'startups',
	permission: 'update:startup:any',
	fields: () => IMPORT_FIELDS.startups,

	load() {
		const db = getDb()
		const all = db.select(COLUMNS).from(startups).all() as Existing[]
		const state: State = {
			all,
			bySiren: new Map(),
			byCompaniesHouse: new Map(),
			byName: new Map(),
			cohorts: db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).all(),
			seen: new Map(),
		}
		for (const s of all) {
			if (s.siren) state.bySiren.set(String(s.siren), s)
			if (s.companiesHouseNumber) state.byCompaniesHouse.set(String(s.companiesHouseNumber), s)
			const key = normaliseName(String(s.name))
			if (!state.byName.has(key)) state.byName.set(key, s)
		}
		return state
	},

	checkRow(cells, state, ctx, line) {
		const { values, errors } = readRow(IMPORT_FIELDS.startups, cells, ctx.dateOrder)
		const flags: Issue[] = []
		const flagged = new Set(errors.map((e) => e.field))
		let cohortId: number | null = null
		if (values.cohort) {
			const cohort = findCohort(state.cohorts, String(values.cohort))
			if (cohort) cohortId = cohort.id
			else
				errors.push({
					key: 'import:errors.unknownCohort',
					field: 'cohort',
					values: { value: String(values.cohort) },
				})
		}
		const siren = SirenSchema.safeParse(cells.siren ?? '').data ?? null
		const companiesHouseNumber =
			CompaniesHouseSchema.safeParse(cells.companiesHouseNumber ?? '').data ?? null
		const nameKey = values.name ? normaliseName(String(values.name)) : ''

		// which known startup this row is
		const bySiren = siren ? state.bySiren.get(siren) : undefined
		const byCh = companiesHouseNumber ? state.byCompaniesHouse.get(companiesHouseNumber) : undefined
		if (bySiren && byCh && bySiren.id !== byCh.id) {
			errors.push({
				key: 'import:errors.numbersDisagree',
				field: 'companiesHouseNumber',
				values: { value: companiesHouseNumber!, startup: String(byCh.name) },
			})
		}
		let existing = bySiren ?? byCh
		const byName = nameKey ? state.byName.get(nameKey) : undefined
		if (!existing && byName) {
			// a different company number on the look-alike means another company of the same name
			const otherNumber =
				(siren && byName.siren && byName.siren !== siren) ||
				(companiesHouseNumber &&
					byName.companiesHouseNumber &&
					byName.companiesHouseNumber !== companiesHouseNumber)
			if (otherNumber) {
				flags.push({
					key: 'import:flags.sameNameOtherNumber',
					field: 'name',
					values: { value: String(values.name), startup: String(byName.name) },
				})
			} else {
				existing = byName
				flags.push({
					key: 'import:flags.nameOnly',
					field: 'name',
					values: { value: String(values.name), startup: String(byName.name) },
				})
			}
		}
		// the same startup twice in the file
		for (const key of [
			siren && `s:${siren}`,
			companiesHouseNumber && `c:${companiesHouseNumber}`,
			nameKey && `n:${nameKey}`,
		]) {
			if (!key) continue
			const first = state.seen.get(key)
			if (first !== undefined) {
				errors.push({
					key: 'import:errors.sameStartup',
					field: key.startsWith('n:')
						? 'name'
						: key.startsWith('s:')
							? 'siren'
							: 'companiesHouseNumber',
					values: { value: key.slice(2), line: first },
				})
				break
			}
		}
		for (const key of [
			siren && `s:${siren}`,
			companiesHouseNumber && `c:${companiesHouseNumber}`,
			nameKey && `n:${nameKey}`,
		]) {
			if (key && !state.seen.has(key)) state.seen.set(key, line)
		}

		// the form's values: the known startup's, overwritten by the row's non-empty cells
		const raw: Record<string, unknown> = {}
		for (const field of FIELDS) {
			const known = existing?.[field]
			raw[field] = known === null || known === undefined ? '' : known
		}
		if (!existing) {
			raw.stage = 'idea'
			raw.status = 'applicant'
			raw.ukFocus = false
		}
		const fromRow: Record<string, Stored | undefined> = {
			name: values.name,
			legalName: values.legalName,
			siren: values.siren,
			companiesHouseNumber: values.companiesHouseNumber,
			sector: values.sector,
			stage: values.stage,
			status: values.status,
			cohortId: cohortId ?? undefined,
			enteredOn: values.enteredOn,
			leftOn: values.leftOn,
			website: values.website,
			pitchFr: values.pitchFr,
			pitchEn: values.pitchEn,
			ukFocus: cells.ukFocus?.trim() ? values.ukFocus : undefined,
			targetMarkets: values.targetMarkets,
		}
		for (const [field, value] of Object.entries(fromRow)) {
			if (value !== null && value !== undefined && value !== '') raw[field] = value
		}
		if (raw.ukFocus === true) raw.ukFocus = 'on'
		const parsed = StartupManagerSchema.safeParse(raw)
		if (!parsed.success) {
			const fieldOf = (path: string) => (path === 'cohortId' ? 'cohort' : path)
			errors.push(...schemaIssues(parsed.error.issues, fieldOf, cells, flagged))
		}
		if (errors.length || !parsed.success) {
			return {
				action: 'error',
				existingId: null,
				record: { ...values, siren, companiesHouseNumber },
				errors,
				flags,
			}
		}
		const input = parsed.data
		const record: Record<string, Stored> = {}
		for (const field of FIELDS) record[field] = (input[field] as Stored | undefined) ?? null
		record.ukFocus = input.ukFocus
		record.cohort = values.cohort ?? null
		if (!existing) {
			// numbers held by no startup we know, but check again at write time
			return { action: 'create', existingId: null, record, errors, flags }
		}
		const changed = FIELDS.some((f) => (existing![f] ?? null) !== record[f])
		return {
			action: changed ? 'update' : 'unchanged',
			existingId: existing.id as number,
			record,
			errors,
			flags,
		}
	},

	writeRows(tx, rows, { actorId }) {
		let created = 0
		let updated = 0
		let conflicts = 0
		for (const row of rows) {
			const r = row.record
			const values = {
				name: String(r.name),
				legalName: r.legalName as string | null,
				siren: r.siren as string | null,
				companiesHouseNumber: r.companiesHouseNumber as string | null,
				sector: String(r.sector),
				stage: r.stage as 'idea',
				status: r.status as 'applicant',
				cohortId: r.cohortId as number | null,
				enteredOn: r.enteredOn as string | null,
				leftOn: r.leftOn as string | null,
				website: r.website as string | null,
				pitchFr: r.pitchFr as string | null,
				pitchEn: r.pitchEn as string | null,
				ukFocus: Boolean(r.ukFocus),
				targetMarkets: r.targetMarkets as string | null,
			}
			const taken = (
				column: typeof startups.siren | typeof startups.companiesHouseNumber,
				value: string | null,
			) =>
				value
					? tx.select({ id: startups.id }).from(startups).where(eq(column, value)).get()
					: undefined
			const clash = [
				taken(startups.siren, values.siren),
				taken(startups.companiesHouseNumber, values.companiesHouseNumber),
			]
			if (clash.some((c) => c && c.id !== row.existingId)) {
				conflicts++
				continue
			}
			if (row.action === 'create') {
				insertStartup(
					tx,
					{
						...values,
						legalName: values.legalName ?? undefined,
						siren: values.siren ?? undefined,
						companiesHouseNumber: values.companiesHouseNumber ?? undefined,
						cohortId: values.cohortId ?? undefined,
						enteredOn: values.enteredOn ?? undefined,
						leftOn: values.leftOn ?? undefined,
						website: values.website ?? undefined,
						pitchFr: values.pitchFr ?? undefined,
						pitchEn: values.pitchEn ?? undefined,
						targetMarkets: values.targetMarkets ?? undefined,
					},
					actorId,
				)
				created++
			} else if (row.existingId) {
				const before = tx
					.select(COLUMNS)
					.from(startups)
					.where(eq(startups.id, row.existingId))
					.get()
				if (!before) continue
				const changes = diffFields(before as Record<string, unknown>, values)
				if (!Object.keys(changes).length) continue
				tx.update(startups).set(values).where(eq(startups.id, row.existingId)).run()
				recordAudit(tx, {
					userId: actorId,
					action: 'update',
					entity: 'startup',
					entityId: row.existingId,
					startupId: row.existingId,
					verb: 'importUpdate',
					changes,
				})
				updated++
			}
		}
		return { created, updated, conflicts }
	},
}
