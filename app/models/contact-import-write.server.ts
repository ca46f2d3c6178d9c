import type Database from 'better-sqlite3'

/*
 * Writing checked CSV rows into the contact base. This module runs inside the import worker
 * (app/models/contact-import.worker.ts) with the worker's own connection, so it imports no
 * app module and no path alias: plain better-sqlite3 with prepared statements, in one
 * BEGIN IMMEDIATE transaction — all the rows or none.
 */

export type ImportableContact = {
	/** The row in the spreadsheet: the header is line 1. */
	line: number
	firstName: string | null
	lastName: string | null
	email: string | null
	phone: string | null
	jobTitle: string | null
	organisationName: string | null
	organisationKind: string
	country: 'FR' | 'GB' | 'other'
	languages: string
	tags: string
	notes: string | null
	lawfulBasis: 'consent' | 'legitimate_interest' | 'contract'
	consentOn: string | null
	consentSource: string | null
	optedOutOn: string | null
	lastContactOn: string | null
}

/**
 * 'all': every row must still be importable, otherwise nothing is written.
 * 'valid': rows that became duplicates since the check are skipped, the others written.
 */
export type ImportMode = 'all' | 'valid'

export type ImportOutcome =
	| { ok: true; inserted: number; skippedLines: number[]; organisationsCreated: number }
	| { ok: false; conflictLines: number[] }

const PROGRESS_EVERY = 500

const orgKey = (name: string) => name.trim().toLowerCase()

export function writeContactRows(
	sqlite: Database.Database,
	{
		rows,
		mode,
		actorId,
		onProgress,
	}: {
		rows: ImportableContact[]
		mode: ImportMode
		actorId: number
		onProgress?: (processed: number) => void
	},
): ImportOutcome {
	const emailTaken = sqlite.prepare(
		'SELECT 1 FROM contacts WHERE lower(email) = ? AND erased_at IS NULL LIMIT 1',
	)
	const insertOrganisation = sqlite.prepare(
		'INSERT INTO organisations (name, country, kind) VALUES (?, ?, ?) RETURNING id',
	)
	const insertContact = sqlite.prepare(
		`INSERT INTO contacts (organisation_id, first_name, last_name, email, phone, job_title,
			country, languages, tags, notes, lawful_basis, consent_on, consent_source, opted_out_on,
			last_contact_on, owner_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	)
	const audit = sqlite.prepare(
		"INSERT INTO audit_log (user_id, action, entity, detail) VALUES (?, 'create', 'contact', ?)",
	)

	const run = sqlite.transaction((): ImportOutcome => {
		// another manager may have added one of these people since the file was checked
		const conflictLines: number[] = []
		const seen = new Set<string>()
		for (const row of rows) {
			if (!row.email) continue
			if (seen.has(row.email) || emailTaken.get(row.email)) conflictLines.push(row.line)
			seen.add(row.email)
		}
		if (conflictLines.length && mode === 'all') return { ok: false, conflictLines }
		const skipped = new Set(conflictLines)

		const organisationIds = new Map<string, number>()
		for (const o of sqlite.prepare('SELECT id, name FROM organisations ORDER BY id').all() as {
			id: number
			name: string
		}[]) {
			if (!organisationIds.has(orgKey(o.name))) organisationIds.set(orgKey(o.name), o.id)
		}

		let inserted = 0
		let organisationsCreated = 0
		rows.forEach((row, index) => {
			if (!skipped.has(row.line)) {
				let organisationId: number | null = null
				if (row.organisationName) {
					const key = orgKey(row.organisationName)
					organisationId = organisationIds.get(key) ?? null
					if (organisationId === null) {
						const created = insertOrganisation.get(
							row.organisationName,
							row.country,
							row.organisationKind,
						) as { id: number }
						organisationId = created.id
						organisationIds.set(key, organisationId)
						organisationsCreated++
					}
				}
				insertContact.run(
					organisationId,
					row.firstName,
					row.lastName,
					row.email,
					row.phone,
					row.jobTitle,
					row.country,
					row.languages,
					row.tags,
					row.notes,
					row.lawfulBasis,
					row.consentOn,
					row.consentSource,
					row.optedOutOn,
					row.lastContactOn,
					actorId,
				)
				inserted++
			}
			if ((index + 1) % PROGRESS_EVERY === 0) onProgress?.(index + 1)
		})
		// counts only: the audit log is append-only and must never hold a person's data
		// the structured detail of decision 0033, written out here: no app module in the worker
		audit.run(
			actorId,
			JSON.stringify({
				verb: 'import',
				subject: { contacts: inserted, organisations: organisationsCreated },
			}),
		)
		onProgress?.(rows.length)
		return { ok: true, inserted, skippedLines: conflictLines, organisationsCreated }
	})
	return run.immediate()
}
