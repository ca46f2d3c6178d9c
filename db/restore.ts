/*
 * `npm run db:restore -- FILE`: puts a backup back at DATABASE_PATH (issue 11 §2).
 *
 * 1. refuses while a server holds the database (the pid file it writes beside it): stop it first;
 * 2. checks FILE: a SQLite file, integrity ok, TEKTOS tables, not from a newer version of the app;
 * 3. keeps a safety copy of the current database in the backup folder (when there is one);
 * 4. copies FILE beside the database, then renames it over it (never a half-copied database),
 *    removes the old -wal and -shm, and checks the result.
 *
 * An older backup is fine: the server migrates it at its next start (taking a copy first).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import {
	BackupError,
	backupDatabase,
	formatBytes,
	formatCounts,
	inspectDatabaseFile,
	type Inspection,
} from '#db/backup'
import { readMigrations } from '#db/migrate'
import { serverHolding } from '../server/pid-file'

export type RestoreResult = { restored: Inspection; safetyCopy: string | null }

function lastMigrationOf(file: string) {
	const sqlite = new Database(file, { readonly: true, fileMustExist: true })
	try {
		const row = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as {
			at: number | null
		}
		return Number(row.at ?? 0)
	} catch {
		return null
	} finally {
		sqlite.close()
	}
}

export function restoreDatabase({
	from,
	to,
	backupDir,
}: {
	from: string
	to: string
	backupDir?: string
}): RestoreResult {
	const source = path.resolve(from)
	const target = path.resolve(to)
	const holder = serverHolding(target)
	if (holder) {
		throw new BackupError(
			`The server (pid ${holder}) has ${target} open: stop it first (e.g. systemctl stop tektos), then restore`,
		)
	}
	if (source === target) throw new BackupError('The backup and the database are the same file')

	const incoming = inspectDatabaseFile(source)
	const applied = lastMigrationOf(source)
	if (applied === null) {
		throw new BackupError(`${source} is not a TEKTOS database (it has no migration history)`)
	}
	const known = Math.max(...readMigrations().map((m) => m.when))
	if (applied > known) {
		throw new BackupError(
			`${source} comes from a newer version of TEKTOS CRM (its schema is ahead of this code): restore it with that version`,
		)
	}

	let safetyCopy: string | null = null
	if (fs.existsSync(target)) {
		try {
			safetyCopy = backupDatabase({ source: target, label: 'before-restore', dir: backupDir }).file
		} catch (error) {
			// a current database that is missing its tables or damaged holds nothing to keep;
			// anything else (no room for the copy…) stops the restore
			if (!(error instanceof BackupError) || !/no tables|is empty|integrity/.test(error.message)) {
				throw error
			}
		}
	}

	const incomingCopy = `${target}.restoring`
	fs.mkdirSync(path.dirname(target), { recursive: true })
	fs.copyFileSync(source, incomingCopy)
	try {
		// the restored file belongs to whoever owned the database (a restore run as root must
		// not leave the server's user a file it cannot write)
		const previous = fs.statSync(target, { throwIfNoEntry: false })
		if (previous) {
			fs.chmodSync(incomingCopy, previous.mode & 0o777)
			try {
				fs.chownSync(incomingCopy, previous.uid, previous.gid)
			} catch {
				// not root: the file is already ours, as the database was
			}
		}
		const fd = fs.openSync(incomingCopy, 'r+')
		fs.fsyncSync(fd)
		fs.closeSync(fd)
		const restored = inspectDatabaseFile(incomingCopy)
		for (const [table, rows] of Object.entries(incoming.tables)) {
			if (restored.tables[table] !== rows) {
				throw new BackupError(
					`The copy of ${source} has ${restored.tables[table]} ${table} instead of ${rows}: nothing restored`,
				)
			}
		}
		// the old database's write-ahead log belongs to it, not to the restored one
		for (const suffix of ['-wal', '-shm']) {
			fs.rmSync(`${incomingCopy}${suffix}`, { force: true })
			fs.rmSync(`${target}${suffix}`, { force: true })
		}
		fs.renameSync(incomingCopy, target)
		return { restored: { ...restored, file: target }, safetyCopy }
	} finally {
		for (const suffix of ['', '-wal', '-shm'])
			fs.rmSync(`${incomingCopy}${suffix}`, { force: true })
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const { getBackupDir, getDatabasePath } = await import('~/utils/env.server')
	const args = process.argv.slice(2)
	try {
		if (args.length !== 1 || args[0]!.startsWith('--')) {
			throw new BackupError('Give the backup to restore: npm run db:restore -- /path/to/backup.db')
		}
		const target = getDatabasePath()
		const { restored, safetyCopy } = restoreDatabase({
			from: args[0]!,
			to: target,
			backupDir: getBackupDir(),
		})
		if (safetyCopy) console.log(`Kept the database as it was in ${safetyCopy}`)
		console.log(
			`Restored ${path.resolve(args[0]!)} to ${target} (${formatBytes(restored.bytes)}), integrity ok`,
		)
		console.log(`Rows: ${formatCounts(restored.tables)}`)
		console.log('Start the server: it applies any migration this backup lacks.')
	} catch (error) {
		console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`)
		process.exit(1)
	}
}
