/*
 * The one place migrations run: the server calls it before it listens, `npm run db:migrate`,
 * the seed and reset scripts, and each test worker.
 *
 * Why not drizzle's own migrator: it applies the migrations inside a transaction on a
 * connection with foreign keys ON, where the `PRAGMA foreign_keys=OFF` that drizzle-kit writes
 * into a table rebuild is ignored. `DROP TABLE` of the old table then fires every ON DELETE
 * CASCADE / SET NULL of its children: rebuilding `mentor_assignments` emptied
 * `mentoring_sessions`. Here foreign keys are switched off *before* the transaction, and the
 * result is checked (foreign_key_check, integrity_check, no trigger or view lost) before it
 * commits; anything wrong rolls back and throws a MigrationError that says what and where.
 *
 * The bookkeeping is drizzle's (`__drizzle_migrations`, hash and `when` of meta/_journal.json),
 * so databases migrated before keep working and drizzle-kit stays the generator.
 * How to write a migration that rebuilds a table: docs/migrations.md.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import { backupBeforeMigrating } from '#db/backup'
import type { Db } from '~/utils/db.server'

export const migrationsFolder = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'migrations',
)

const MIGRATIONS_TABLE = '__drizzle_migrations'

export class MigrationError extends Error {
	override name = 'MigrationError'
}

export type Migration = {
	tag: string
	/** meta/_journal.json's `when`: what drizzle records as created_at */
	when: number
	hash: string
	statements: string[]
}

export function readMigrations(folder = migrationsFolder): Migration[] {
	const journalFile = path.join(folder, 'meta', '_journal.json')
	const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
		entries: { tag: string; when: number }[]
	}
	return journal.entries.map(({ tag, when }) => {
		const text = fs.readFileSync(path.join(folder, `${tag}.sql`), 'utf8')
		return {
			tag,
			when,
			// the same hash as drizzle's migrator writes
			hash: crypto.createHash('sha256').update(text).digest('hex'),
			statements: text.split('--> statement-breakpoint').filter((s) => s.trim() !== ''),
		}
	})
}

function ensureMigrationsTable(sqlite: Database.Database) {
	sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
		id SERIAL PRIMARY KEY,
		hash text NOT NULL,
		created_at numeric
	)`)
}

/** The migrations not applied yet to this database, in order (drizzle's rule: newer than the last one applied). */
export function pendingMigrations(db: Db, folder = migrationsFolder): Migration[] {
	const sqlite = db.$client
	const hasTable = sqlite
		.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`)
		.get(MIGRATIONS_TABLE)
	const last = hasTable
		? (sqlite
				.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`)
				.get() as { created_at: number } | undefined)
		: undefined
	return readMigrations(folder).filter((m) => !last || Number(last.created_at) < m.when)
}

/** Ordinary tables (not FTS shadow tables, not SQLite's or drizzle's bookkeeping). */
export function userTables(sqlite: Database.Database): string[] {
	return (sqlite.prepare(`PRAGMA main.table_list`).all() as { name: string; type: string }[])
		.filter(
			(t) => t.type === 'table' && !t.name.startsWith('sqlite_') && t.name !== MIGRATIONS_TABLE,
		)
		.map((t) => t.name)
		.sort()
}

export function tableCounts(sqlite: Database.Database): Record<string, number> {
	return Object.fromEntries(
		userTables(sqlite).map((t) => [
			t,
			(sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
		]),
	)
}

export function hasRows(sqlite: Database.Database) {
	return userTables(sqlite).some((t) => sqlite.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get())
}

export type MigrateOptions = {
	migrationsFolder?: string
	/**
	 * Where the copy taken before migrating a database that holds data goes (default: the
	 * backup folder, BACKUP_DIR); `false` only for throw-away databases.
	 */
	backupDir?: string | false
	log?: (line: string) => void
}

export type MigrateResult = { applied: string[]; backup: string | null }

export function migrateDatabase(db: Db, options: MigrateOptions = {}): MigrateResult {
	const sqlite = db.$client
	const folder = options.migrationsFolder ?? migrationsFolder
	const log = options.log ?? (() => {})
	if (sqlite.inTransaction) {
		throw new MigrationError('Migrations cannot run inside a transaction.')
	}
	ensureMigrationsTable(sqlite)
	const pending = pendingMigrations(db, folder)
	if (pending.length === 0) return { applied: [], backup: null }

	let backup: string | null = null
	if (options.backupDir !== false && hasRows(sqlite)) {
		backup = backupBeforeMigrating(sqlite, { dir: options.backupDir, before: pending[0]!.tag })
		log(`Backed up the database to ${backup} before migrating`)
	}

	// Outside any transaction, or SQLite ignores it: while a table is rebuilt, dropping the old
	// one must not cascade to its children. foreign_key_check below proves nothing dangles.
	const foreignKeys = sqlite.pragma('foreign_keys', { simple: true })
	sqlite.pragma('foreign_keys = OFF')
	try {
		sqlite.exec('BEGIN IMMEDIATE')
		try {
			for (const migration of pending) {
				applyMigration(sqlite, migration)
				log(`Applied migration ${migration.tag}`)
			}
			const integrity = sqlite.pragma('integrity_check', { simple: true })
			if (integrity !== 'ok') {
				throw new MigrationError(
					`After migrating, the integrity check reports: ${String(integrity)}. Rolled back.`,
				)
			}
			sqlite.exec('COMMIT')
		} catch (error) {
			if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
			if (error instanceof MigrationError) throw error
			throw new MigrationError(`${(error as Error).message}. Rolled back.`, { cause: error })
		}
	} finally {
		sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
	}
	return { applied: pending.map((m) => m.tag), backup }
}

type SchemaObject = { type: string; name: string; tbl_name: string }

function applyMigration(sqlite: Database.Database, migration: Migration) {
	const before = sqlite
		.prepare(`SELECT type, name, tbl_name FROM sqlite_schema WHERE type IN ('trigger', 'view')`)
		.all() as SchemaObject[]
	migration.statements.forEach((statement, i) => {
		try {
			sqlite.exec(statement)
		} catch (error) {
			throw new MigrationError(describeFailure(migration, i, error as Error), { cause: error })
		}
	})

	// DROP TABLE takes the table's triggers with it and drizzle-kit does not know them: a rebuild
	// that forgets to create them again would silently stop, say, the search index or the audit
	// log's protection. Only what the migration drops by name may go.
	const after = new Set(
		(
			sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('trigger', 'view')`).all() as {
				name: string
			}[]
		).map((o) => o.name),
	)
	const text = migration.statements.join('\n')
	const lost = before.filter(
		(o) =>
			!after.has(o.name) &&
			!new RegExp(`DROP\\s+${o.type}\\s+(IF\\s+EXISTS\\s+)?[\`"']?${o.name}\\b`, 'i').test(text),
	)
	if (lost.length > 0) {
		const list = lost.map((o) => `${o.type} ${o.name} (on ${o.tbl_name})`).join(', ')
		throw new MigrationError(
			`Migration ${migration.tag} lost ${list}: a migration that rebuilds a table must create ` +
				`its triggers again (docs/migrations.md). Rolled back, nothing changed.`,
		)
	}

	const violations = sqlite.pragma('foreign_key_check') as {
		table: string
		rowid: number
		parent: string
	}[]
	if (violations.length > 0) {
		const examples = violations
			.slice(0, 5)
			.map((v) => `${v.table} row ${v.rowid} → ${v.parent}`)
			.join(', ')
		throw new MigrationError(
			`Migration ${migration.tag} leaves ${violations.length} row(s) pointing at nothing ` +
				`(${examples}). Rolled back, nothing changed.`,
		)
	}

	sqlite
		.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`)
		.run(migration.hash, migration.when)
}

function describeFailure(migration: Migration, index: number, error: Error) {
	const where = `Migration ${migration.tag} failed at statement ${index + 1}: ${error.message}`
	const trigger = /^error in trigger (\S+): no such table: (?:main\.)?(\S+)/.exec(error.message)
	if (trigger) {
		return (
			`${where}. The trigger ${trigger[1]} mentions ${trigger[2]}: a migration that rebuilds ` +
			`${trigger[2]} must drop such triggers first and create them again after ` +
			`(docs/migrations.md). Rolled back, nothing changed.`
		)
	}
	return `${where}. Rolled back, nothing changed.`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const { openCheckedDatabase } = await import('~/utils/db.server')
	const { getDatabasePath, getEnv } = await import('~/utils/env.server')
	try {
		const env = getEnv()
		// as the server: in production a database that is not there is created only on request
		const allowCreate =
			env.NODE_ENV !== 'production' || process.argv.includes('--init') || env.DB_INIT === '1'
		const db = openCheckedDatabase({ allowCreate })
		const { applied } = migrateDatabase(db, { log: (line) => console.log(line) })
		console.log(
			applied.length
				? `Migrated ${getDatabasePath()}: ${applied.join(', ')}`
				: `${getDatabasePath()} is up to date`,
		)
		db.$client.close()
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error))
		process.exit(1)
	}
}
