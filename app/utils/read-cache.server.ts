import type Database from 'better-sqlite3'
import { getDb } from './db.server'

/*
 * Figures computed from the whole database (the report's sections, the innovation fund's
 * chains), kept until the next write to it — decision 0031. Any write invalidates: the
 * connection's total_changes() moves with every row this process inserts, updates or deletes
 * (triggers included), and PRAGMA data_version with every commit of another connection (the
 * import worker's). Nothing is kept inside a transaction, whose writes may still roll back.
 */

const MAX_ENTRIES = 200

type Entry = { version: string; value: unknown }
const caches = new WeakMap<Database.Database, Map<string, Entry>>()

/** This connection's writes and other connections' commits, in one compiled statement (`pragma()` compiles at every call). */
function versionOf(sqlite: Database.Database) {
	return sqlite
		.prepare("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
		.pluck()
		.get() as string
}

/** `compute()`, or what it returned last time for `key` if the database has not changed since. */
export function cachedRead<T>(key: string, compute: () => T): T {
	const sqlite = getDb().$client
	if (sqlite.inTransaction) return compute()
	let cache = caches.get(sqlite)
	if (!cache) caches.set(sqlite, (cache = new Map()))
	const version = versionOf(sqlite)
	const hit = cache.get(key)
	if (hit && hit.version === version) {
		// most recently used last: the oldest entry is the first to go
		cache.delete(key)
		cache.set(key, hit)
		return hit.value as T
	}
	const value = compute()
	cache.delete(key)
	cache.set(key, { version, value })
	if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
	return value
}

/** Forgets everything kept for the current database (the benchmark times cold computations). */
export function clearReadCache() {
	caches.delete(getDb().$client)
}
