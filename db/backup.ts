/*
 * Backups that prove themselves (issue 11 §2).
 *
 * `npm run db:backup [-- FILE] [--keep N]`: a consistent copy of DATABASE_PATH while the app
 * runs (SQLite's VACUUM INTO: one read snapshot, writers carry on), written beside its final
 * name then renamed, so a half-written copy never looks like a backup. The copy is opened and
 * checked (integrity_check, every table counted) before it is kept. It refuses a source that is
 * missing, not a database, or without tables, instead of copying an empty file.
 * `--keep N` keeps the N newest dated copies in the backup folder and deletes older ones.
 *
 * The migrator takes the same kind of copy before it changes a database that holds data.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { now } from '~/utils/clock'
import { backupDirFor } from '~/utils/env.server'

export class BackupError extends Error {
	override name = 'BackupError'
}

const SQLITE_HEADER = 'SQLite format 3\0'

/** `tektos-2026-11-29T100000Z.db`: sorts by date, says when the copy was taken (UTC). */
export function stampedName(base: string, label?: string) {
	const iso = now().toISOString()
	const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 19).replace(/:/g, '')}Z`
	return `${base}-${label ? `${label}-` : ''}${stamp}`
}

/** A file name in `dir` not taken yet: name.db, name-2.db… */
function freeFile(dir: string, name: string) {
	for (let n = 1; ; n++) {
		const file = path.join(dir, n === 1 ? `${name}.db` : `${name}-${n}.db`)
		if (!fs.existsSync(file)) return file
	}
}

function databaseBase(file: string) {
	return path.basename(file).replace(/\.(db|sqlite3?)$/i, '')
}

export type Inspection = { file: string; bytes: number; tables: Record<string, number> }

/**
 * Opens `file` read-only (never creating it) and proves it is a usable TEKTOS database:
 * a SQLite file, integrity_check ok, at least one table. Returns every table's row count.
 */
export function inspectDatabaseFile(file: string): Inspection {
	const resolved = path.resolve(file)
	let stat: fs.Stats
	try {
		stat = fs.statSync(resolved)
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code
		throw new BackupError(
			code === 'ENOENT'
				? `${resolved} does not exist`
				: `Cannot read ${resolved}: ${(error as Error).message}`,
		)
	}
	if (!stat.isFile()) throw new BackupError(`${resolved} is not a file`)
	if (stat.size === 0) throw new BackupError(`${resolved} is empty (0 bytes): no database in it`)
	const header = Buffer.alloc(16)
	const fd = fs.openSync(resolved, 'r')
	try {
		fs.readSync(fd, header, 0, 16, 0)
	} finally {
		fs.closeSync(fd)
	}
	if (header.toString('latin1') !== SQLITE_HEADER) {
		throw new BackupError(`${resolved} is not a SQLite database`)
	}
	const sqlite = new Database(resolved, { readonly: true, fileMustExist: true })
	try {
		const integrity = sqlite.pragma('integrity_check', { simple: true })
		if (integrity !== 'ok') {
			throw new BackupError(`${resolved} fails SQLite's integrity check: ${String(integrity)}`)
		}
		const names = (
			sqlite.prepare('PRAGMA main.table_list').all() as { name: string; type: string }[]
		)
			.filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
			.map((t) => t.name)
			.sort()
		if (names.filter((n) => n !== '__drizzle_migrations').length === 0) {
			throw new BackupError(`${resolved} has no tables: it is not a TEKTOS database`)
		}
		const tables = Object.fromEntries(
			names.map((t) => [
				t,
				(sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
			]),
		)
		return { file: resolved, bytes: stat.size, tables }
	} finally {
		sqlite.close()
	}
}

/**
 * VACUUM INTO a temporary name, check the copy, then give it its name. Synchronous: the
 * migrator needs its copy before it goes on.
 */
function copyVerified(sqlite: Database.Database, target: string): Inspection {
	fs.mkdirSync(path.dirname(target), { recursive: true })
	const partial = `${target}.partial`
	fs.rmSync(partial, { force: true })
	try {
		sqlite.prepare('VACUUM INTO ?').run(partial)
		const inspection = inspectDatabaseFile(partial)
		fs.renameSync(partial, target)
		return { ...inspection, file: target }
	} catch (error) {
		fs.rmSync(partial, { force: true })
		throw error
	}
}

/** The copy the migrator takes before it changes a database that holds data; returns its path. */
export function backupBeforeMigrating(
	sqlite: Database.Database,
	{ dir, before }: { dir?: string; before: string },
) {
	const folder = dir ?? backupDirFor(sqlite.name)
	const target = freeFile(folder, stampedName(databaseBase(sqlite.name), `before-${before}`))
	return copyVerified(sqlite, target).file
}

/** A verified copy of the database at `source` (which must exist and hold tables). */
export function backupDatabase({
	source,
	target,
	label,
	dir,
}: {
	source: string
	/** a file; default: a dated file in `dir` */
	target?: string
	label?: string
	/** default: the backup folder (BACKUP_DIR) */
	dir?: string
}): Inspection & { source: Inspection } {
	// checked before anything is opened: opening a missing path would create an empty database
	const sourceInspection = inspectDatabaseFile(source)
	const file =
		target !== undefined
			? path.resolve(target)
			: freeFile(dir ?? backupDirFor(source), stampedName(databaseBase(source), label))
	if (file === sourceInspection.file) throw new BackupError('A backup cannot overwrite its source')
	if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose another name`)
	const sqlite = new Database(sourceInspection.file, { readonly: true, fileMustExist: true })
	try {
		const copy = copyVerified(sqlite, file)
		const missing = Object.keys(sourceInspection.tables).filter((t) => !(t in copy.tables))
		if (missing.length > 0) {
			fs.rmSync(file, { force: true })
			throw new BackupError(`The copy lacks table(s) ${missing.join(', ')}: removed it`)
		}
		return { ...copy, source: sourceInspection }
	} finally {
		sqlite.close()
	}
}

const DATED = /^(?<base>.+)-(?<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(?<n>\d+))?\.db$/

/**
 * Keeps the `keep` newest dated backups of `base` in `dir` (the ones `db:backup` names itself;
 * the copies taken before a migration or a restore are left alone) and deletes the others.
 */
export function rotateBackups({ dir, base, keep }: { dir: string; base: string; keep: number }) {
	// oldest first: by time, then by the -2, -3… of copies taken within the same second
	const dated = fs
		.readdirSync(dir)
		.map((name) => ({ name, groups: DATED.exec(name)?.groups }))
		.filter((f) => f.groups?.base === base)
		.sort(
			(a, b) =>
				a.groups!.stamp!.localeCompare(b.groups!.stamp!) ||
				Number(a.groups!.n ?? 1) - Number(b.groups!.n ?? 1),
		)
		.map((f) => f.name)
	const removed = dated.slice(0, Math.max(0, dated.length - keep))
	for (const name of removed) fs.rmSync(path.join(dir, name), { force: true })
	return removed.map((name) => path.join(dir, name))
}

export function formatCounts(tables: Record<string, number>) {
	return Object.entries(tables)
		.filter(([t]) => t !== '__drizzle_migrations')
		.map(([t, n]) => `${t} ${n}`)
		.join(', ')
}

export function formatBytes(bytes: number) {
	return bytes >= 1024 * 1024
		? `${(bytes / 1024 / 1024).toFixed(1)} MB`
		: `${Math.ceil(bytes / 1024)} KB`
}

export function parseBackupArgs(argv: readonly string[]) {
	let target: string | undefined
	let keep: number | undefined
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!
		if (arg === '--keep' || arg.startsWith('--keep=')) {
			const raw = arg.includes('=') ? arg.split('=')[1] : argv[++i]
			keep = Number(raw)
			if (!Number.isInteger(keep) || keep < 1) {
				throw new BackupError(
					`--keep expects a whole number of backups to keep (1 or more), got ${raw ?? 'nothing'}`,
				)
			}
		} else if (arg.startsWith('--')) {
			throw new BackupError(`Unknown option ${arg} (db:backup [FILE] [--keep N])`)
		} else if (target === undefined) {
			target = arg
		} else {
			throw new BackupError(`One target file only (got ${target} and ${arg})`)
		}
	}
	if (target !== undefined && keep !== undefined) {
		throw new BackupError(
			'--keep rotates the dated backups of the backup folder: give no FILE with it',
		)
	}
	return { target, keep }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const { getBackupDir, getDatabasePath } = await import('~/utils/env.server')
	try {
		const { target, keep } = parseBackupArgs(process.argv.slice(2))
		const source = getDatabasePath()
		const dir = getBackupDir()
		const copy = backupDatabase({ source, target, dir })
		console.log(`Backed up ${source} to ${copy.file} (${formatBytes(copy.bytes)}), integrity ok`)
		console.log(`Rows: ${formatCounts(copy.tables)}`)
		if (keep !== undefined) {
			const removed = rotateBackups({ dir, base: databaseBase(source), keep })
			for (const file of removed) console.log(`Removed old backup ${file}`)
		}
	} catch (error) {
		console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
		process.exit(1)
	}
}
