import { type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '~/utils/db.server'
import {
	mentionRules,
	type MentionRules,
	type Person,
	scrubJsonMentions,
	scrubMentions,
} from './erasure-mentions'

/*
 * Where a person erased from the contact base may still be written, and taking her out of it
 * (docs/decisions/0016-erasure-scrub.md). Every text column of every table is in exactly one
 * of the three lists below — a test holds the lists to db/schema, so a new column needs a
 * decision here before it lands.
 */

type Row = Record<string, unknown> & { id: number; label: string | null; about: number }

type FreeTextSource = {
	/** free text written by people: scrubbed */
	columns: string[]
	/** of those, the ones holding JSON (an audit row's changes) */
	json?: string[]
	/** what the manager reads to recognise the record (an SQL expression on the row) */
	label: string
	/** more columns the link needs */
	extra?: string[]
	link?: (row: Row) => string | null
	/** rows that belong to her own history, where a name that is also a word is still hers */
	aboutHer?: (contactId: number) => SQL
}

export const FREE_TEXT: Record<string, FreeTextSource> = {
	interactions: {
		columns: ['summary'],
		label: 'date',
		extra: ['contact_id'],
		link: (r) => `/contacts/${r.contact_id}`,
		aboutHer: (id) => sql`contact_id = ${id}`,
	},
	introductions: {
		columns: ['note'],
		label: 'introduced_on',
		extra: ['startup_id'],
		link: (r) => `/startups/${r.startup_id}/introductions/${r.id}`,
		aboutHer: (id) => sql`contact_id = ${id}`,
	},
	contacts: {
		columns: ['job_title', 'tags', 'notes', 'consent_source'],
		label: "trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))",
		link: (r) => `/contacts/${r.id}`,
	},
	organisations: {
		columns: ['notes'],
		label: 'name',
		link: (r) => `/organisations/${r.id}`,
	},
	audit_log: {
		// summary and changes: rows written before decision 0033; detail: the ones since
		columns: ['summary', 'changes', 'detail'],
		json: ['changes', 'detail'],
		label: "strftime('%Y-%m-%d %H:%M', at / 1000, 'unixepoch') || ' · ' || entity",
		aboutHer: (id) => sql`(entity = 'contact' AND entity_id = ${id})
			OR (entity = 'interaction' AND entity_id IN (SELECT id FROM interactions WHERE contact_id = ${id}))
			OR (entity = 'introduction' AND entity_id IN (SELECT id FROM introductions WHERE contact_id = ${id}))`,
	},
	startups: {
		columns: ['pitch_fr', 'pitch_en', 'target_markets'],
		label: 'name',
		link: (r) => `/startups/${r.id}`,
	},
	team_members: {
		columns: ['role'],
		label: 'name',
		extra: ['startup_id'],
		link: (r) => `/startups/${r.startup_id}`,
	},
	funding_events: {
		columns: ['source', 'note'],
		label: 'source',
		extra: ['startup_id'],
		link: (r) => `/startups/${r.startup_id}/funding/${r.id}`,
	},
	milestones: {
		columns: ['title', 'note'],
		label: 'title',
		extra: ['startup_id'],
		link: (r) => `/startups/${r.startup_id}/milestones/${r.id}`,
	},
	kpi_reports: {
		columns: ['comment'],
		label: 'quarter',
		extra: ['startup_id'],
		link: (r) => `/startups/${r.startup_id}/kpis`,
	},
	mentors: { columns: ['bio'], label: 'name', link: (r) => `/mentors/${r.id}` },
	mentor_assignments: {
		columns: ['focus'],
		label: 'focus',
		extra: ['startup_id'],
		link: (r) => `/startups/${r.startup_id}/mentors`,
	},
	mentoring_sessions: {
		columns: ['topic', 'notes', 'next_steps'],
		label: "date || ' · ' || topic",
		link: (r) => `/mentoring/sessions/${r.id}`,
	},
	payments: {
		columns: ['reference'],
		label: 'paid_on',
		extra: ['statement_id'],
		link: (r) => `/nursery/statements/${r.statement_id}`,
	},
	subsidy_budgets: { columns: ['note'], label: 'year', link: () => '/nursery/subsidy' },
	report_views: { columns: ['name'], label: 'name', link: () => '/reports' },
	calls: {
		columns: ['title_fr', 'title_en', 'text_fr', 'text_en'],
		label: 'title_fr',
		link: (r) => `/calls/${r.id}`,
	},
	call_questions: {
		columns: ['label_fr', 'label_en', 'help_fr', 'help_en'],
		label: 'label_fr',
		extra: ['call_id'],
		link: (r) => `/calls/${r.call_id}`,
	},
	call_criteria: {
		columns: ['label_fr', 'label_en'],
		label: 'label_fr',
		extra: ['call_id'],
		link: (r) => `/calls/${r.call_id}`,
	},
	applications: {
		columns: ['pitch', 'decision_reason'],
		label: 'project_name',
		extra: ['call_id'],
		link: (r) => `/calls/${r.call_id}/applications/${r.id}`,
	},
	application_founders: { columns: ['role'], label: 'name' },
	application_answers: {
		columns: ['value'],
		label: '(SELECT project_name FROM applications a WHERE a.id = application_id)',
	},
	application_files: { columns: ['original_name'], label: 'original_name' },
	review_scores: { columns: ['comment'], label: 'comment' },
	outbox: { columns: ['subject', 'body'], label: 'subject', link: () => '/outbox' },
}

/**
 * Names of other people and businesses: never rewritten (a company called after its founder is
 * still that company), but where her full name, email or phone turns up, the preview says so for
 * the manager to decide.
 */
export const IDENTITIES: Record<string, { columns: string[]; link: (row: Row) => string | null }> =
	{
		contacts: {
			columns: ['first_name', 'last_name', 'email', 'phone'],
			link: (r) => `/contacts/${r.id}`,
		},
		organisations: { columns: ['name', 'website'], link: (r) => `/organisations/${r.id}` },
		startups: { columns: ['name', 'legal_name', 'website'], link: (r) => `/startups/${r.id}` },
		team_members: { columns: ['name', 'email'], link: (r) => `/startups/${r.startup_id}` },
		mentors: { columns: ['name', 'organisation', 'email'], link: (r) => `/mentors/${r.id}` },
		users: { columns: ['name', 'email', 'organisation'], link: (r) => `/users/${r.id}` },
		cohorts: { columns: ['name'], link: (r) => `/cohorts/${r.id}` },
		applications: {
			columns: ['contact_name', 'contact_email', 'contact_phone', 'project_name', 'website'],
			link: () => null,
		},
		application_founders: { columns: ['name', 'email'], link: () => null },
		outbox: { columns: ['to_address'], link: () => '/outbox' },
	}

/**
 * Text columns that hold codes, dates, numbers, hashes or technical values: nobody writes prose
 * there. `sort_key` is a name folded by triggers (decision 0035): it follows the name it comes
 * from, and an erased contact's is nulled with her names.
 */
export const STRUCTURED: Record<string, string[]> = {
	audit_log: ['entity'],
	cohorts: ['start_date', 'end_date', 'sort_key'],
	// the *_key columns are the contact's own name, email and phone folded by triggers, which
	// null them when she is erased
	contacts: [
		'languages',
		'consent_on',
		'opted_out_on',
		'last_contact_on',
		'name_key',
		'email_key',
		'phone_key',
		'country_code',
		'sort_key',
	],
	exchange_rates: ['date'],
	funding_events: ['planned_on', 'applied_on', 'secured_on', 'received_on', 'declined_on'],
	interactions: ['date'],
	introductions: ['introduced_on', 'status_on'],
	kpi_reports: ['quarter', 'submitted_on'],
	leases: ['start_date', 'end_date'],
	mentor_assignments: ['start_date', 'end_date'],
	mentoring_sessions: ['date'],
	mentors: ['expertise', 'languages', 'sort_key'],
	milestones: ['due_on', 'done_on'],
	organisations: ['sector', 'country_code', 'sort_key'],
	payments: ['paid_on'],
	rent_statements: ['month', 'issued_on', 'due_on'],
	report_views: ['token', 'query'],
	sessions: ['id', 'ip_address', 'user_agent'],
	startups: ['siren', 'companies_house_number', 'sector', 'entered_on', 'left_on', 'sort_key'],
	subsidy_budgets: ['voted_on'],
	units: ['code'],
	users: ['password_hash', 'sort_key'],
	calls: ['opens_on', 'closes_on'],
	call_questions: ['options'],
	applications: ['token_hash', 'sector'],
	application_files: ['stored_name', 'content_type', 'sha256'],
	outbox: ['last_error'],
	password_tokens: ['token_hash'],
	// normalised column headers and field keys; remembered values are codes only (no free text)
	import_mappings: ['kind', 'shape', 'settings'],
	team_members: ['sort_key'],
}

export type ScrubChange = {
	table: string
	id: number
	label: string | null
	link: string | null
	/** column → the text after the scrub */
	fields: Record<string, string>
}

export type IdentityMention = { table: string; id: number; column: string; link: string | null }

export type ScrubPlan = {
	changes: ScrubChange[]
	identities: IdentityMention[]
	/** names alone left where they are written: someone else bears them */
	ambiguous: string[]
}

/** Everyone else the CRM knows by name: who makes a first or last name ambiguous. */
function otherNames(db: Db | Tx, contactId: number) {
	return db
		.all<{ name: string }>(
			sql`SELECT first_name AS name FROM contacts WHERE id <> ${contactId} AND erased_at IS NULL AND first_name IS NOT NULL
				UNION SELECT last_name FROM contacts WHERE id <> ${contactId} AND erased_at IS NULL AND last_name IS NOT NULL
				UNION SELECT name FROM users
				UNION SELECT name FROM mentors
				UNION SELECT name FROM team_members`,
		)
		.map((r) => r.name)
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * What erasing the contact would take out of the rest of the database: every record and field
 * where she is mentioned, with the text as it would read afterwards. Read only.
 */
export function planScrub(db: Db | Tx, contactId: number, person: Person): ScrubPlan {
	const rules = mentionRules(person, otherNames(db, contactId))
	const changes: ScrubChange[] = []
	for (const [table, source] of Object.entries(FREE_TEXT)) {
		const columns = [...source.columns, ...(source.extra ?? [])].map(ident).join(', ')
		const about = source.aboutHer ? source.aboutHer(contactId) : sql`0`
		// her own row is emptied by the erasure itself
		const where = table === 'contacts' ? sql`WHERE id <> ${contactId}` : sql``
		const rows = db.all<Row>(
			// rowid: the same as id where there is one, and there for tables keyed on two columns
			sql`SELECT rowid AS id, ${sql.raw(source.label)} AS label, (${about}) AS about, ${sql.raw(columns)}
				FROM ${sql.raw(ident(table))} ${where}`,
		)
		for (const row of rows) {
			const fields: Record<string, string> = {}
			for (const column of source.columns) {
				const text = row[column]
				if (typeof text !== 'string' || text === '') continue
				const scrub = source.json?.includes(column) ? scrubJsonMentions : scrubMentions
				const after = scrub(text, rules, Boolean(row.about))
				if (after !== text) fields[column] = after
			}
			if (Object.keys(fields).length) {
				changes.push({
					table,
					id: row.id,
					label: row.label === null ? null : String(row.label),
					link: source.link?.(row) ?? null,
					fields,
				})
			}
		}
	}
	return { changes, identities: findIdentities(db, contactId, rules), ambiguous: rules.ambiguous }
}

function findIdentities(db: Db | Tx, contactId: number, rules: MentionRules) {
	// names of others are checked against what identifies her for sure, not her first name alone
	const strict: MentionRules = { ...rules, alone: [] }
	const found: IdentityMention[] = []
	for (const [table, { columns, link }] of Object.entries(IDENTITIES)) {
		const extra = table === 'team_members' ? ', startup_id' : ''
		const where = table === 'contacts' ? sql`WHERE id <> ${contactId} AND erased_at IS NULL` : sql``
		const rows = db.all<Row>(
			sql`SELECT id, ${sql.raw(columns.map(ident).join(', ') + extra)} FROM ${sql.raw(ident(table))} ${where}`,
		)
		for (const row of rows) {
			for (const column of columns) {
				const text = row[column]
				if (typeof text === 'string' && scrubMentions(text, strict) !== text) {
					found.push({ table, id: row.id, column, link: link(row) })
				}
			}
		}
	}
	return found
}

/**
 * Writes the plan, inside the erasure's transaction. The audit log is append-only (a trigger
 * refuses any UPDATE); her mentions in it are the one rewrite allowed: the trigger is set aside
 * for these updates and put back as it was before the transaction commits, so no other
 * connection ever sees the log without it.
 */
export function applyScrub(tx: Tx, plan: ScrubPlan) {
	const touchesAudit = plan.changes.some((c) => c.table === 'audit_log')
	const guard = touchesAudit
		? tx.get<{ sql: string } | undefined>(
				sql`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'`,
			)
		: undefined
	if (guard) tx.run(sql`DROP TRIGGER audit_log_no_update`)
	for (const change of plan.changes) {
		const sets = Object.entries(change.fields).map(
			([column, text]) => sql`${sql.raw(ident(column))} = ${text}`,
		)
		tx.run(
			sql`UPDATE ${sql.raw(ident(change.table))} SET ${sql.join(sets, sql`, `)} WHERE rowid = ${change.id}`,
		)
	}
	if (guard) tx.run(sql.raw(guard.sql))
}
