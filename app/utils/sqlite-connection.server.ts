import type Database from 'better-sqlite3'
import { now } from './clock'
import { contactEmailKey, contactNameKey, contactPhoneKey } from './contact-keys'
import { sortKeyOf } from './sort-key'

export const JOURNAL_SIZE_LIMIT = 4 * 1024 * 1024
export const CACHE_KIB = 32 * 1024

/** How every connection to the database is set up: the server's, the import worker's, the scripts'. */
export function configureConnection(sqlite: Database.Database) {
	sqlite.pragma('journal_mode = WAL')
	sqlite.pragma('foreign_keys = ON')
	sqlite.pragma('busy_timeout = 5000')
	// after a big write (an import) the WAL is cut back to 4 MiB at the next checkpoint and
	// write, instead of keeping its largest size for good
	sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
	// a payment recorded is a payment kept, even if the machine loses power
	sqlite.pragma('synchronous = FULL')
	// an erased person leaves no bytes behind in free pages of the file (GDPR erasure)
	sqlite.pragma('secure_delete = ON')
	// 32 MB of pages kept by each connection (SQLite's default is 2 MB): at network scale a page
	// that joins introductions to 100,000 contacts reads them from memory, not from the OS again
	sqlite.pragma(`cache_size = ${-CACHE_KIB}`)
	if (process.env.TEKTOS_CLOCK) followAppClock(sqlite)
	registerContactKeys(sqlite)
	registerSortKey(sqlite)
	cacheStatements(sqlite)
}

export const STATEMENT_CACHE_SIZE = 500

/**
 * drizzle prepares each query's SQL again at every call, and SQLite compiles it again: a page's
 * dozen queries spent more time being compiled than being run. The connection keeps the last
 * STATEMENT_CACHE_SIZE statements by their SQL text and gives them back ready, in the plain mode
 * a new statement has (objects, not arrays or single values). A statement still being iterated
 * is never handed out twice: the second caller gets a new one.
 */
export function cacheStatements(sqlite: Database.Database) {
	const prepare = sqlite.prepare.bind(sqlite)
	const cache = new Map<string, Database.Statement>()
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source)
		if (cached && !cached.busy) {
			// the most recently used last: the first is the one to drop
			cache.delete(source)
			cache.set(source, cached)
			if (cached.reader) cached.raw(false).pluck(false).expand(false)
			return cached
		}
		const statement = prepare(source)
		if (!cached) {
			cache.set(source, statement)
			if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
		}
		return statement
	}) as typeof sqlite.prepare
}

/**
 * The functions the contacts triggers call to keep the duplicate keys (migration
 * 0008_contact_duplicate_keys): every connection that writes contacts needs them, which is
 * every connection made here. A tool that writes contacts without them fails loudly ("no such
 * function"), it never stores a wrong key.
 */
function registerContactKeys(sqlite: Database.Database) {
	const fn = { deterministic: true }
	sqlite.function('tektos_name_key', fn, (first: unknown, last: unknown) =>
		contactNameKey(first, last),
	)
	sqlite.function('tektos_email_key', fn, (email: unknown) => contactEmailKey(email))
	sqlite.function('tektos_phone_key', fn, (phone: unknown, country: unknown) =>
		contactPhoneKey(phone, country),
	)
}

/**
 * The function the sort-key triggers call (migration 0006_sort_keys, decision 0035): every
 * connection that writes a name needs it. A tool that writes names without it fails loudly
 * ("no such function"), it never stores a wrong key; reading needs nothing.
 */
function registerSortKey(sqlite: Database.Database) {
	sqlite.function('tektos_sort_key', { deterministic: true, varargs: true }, (...parts) =>
		sortKeyOf(...parts),
	)
}

/**
 * Column defaults stamp rows with `unixepoch('subsec')`; when the app's clock is set
 * (TEKTOS_CLOCK), SQLite's must agree with it, or a row created "today" would carry the
 * machine's date. Only the forms the schema uses are served; anything else fails loudly.
 */
function followAppClock(sqlite: Database.Database) {
	sqlite.function('unixepoch', { varargs: true, deterministic: false }, (...args: unknown[]) => {
		const modifiers = args[0] === 'now' ? args.slice(1) : args
		if (modifiers.some((m) => m !== 'subsec')) {
			throw new Error(`unixepoch(${args.join(', ')}) is not served while TEKTOS_CLOCK is set`)
		}
		const ms = now().getTime()
		return modifiers.length ? ms / 1000 : Math.floor(ms / 1000)
	})
}
