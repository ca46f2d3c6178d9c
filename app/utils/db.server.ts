import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '#db/schema/index'
import { getDatabasePath } from './env.server'
import { configureConnection } from './sqlite-connection.server'
import { isRefusal } from './write-result'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export function openDatabase(file: string): Db {
	fs.mkdirSync(path.dirname(file), { recursive: true })
	const sqlite = new Database(file)
	configureConnection(sqlite)
	return drizzle(sqlite, { schema })
}

declare global {
	var __tektosDb: { file: string; db: Db } | undefined
}

/** One connection per process (and per database file, for tests), kept across dev rebuilds. */
export function getDb(): Db {
	const file = getDatabasePath()
	if (globalThis.__tektosDb?.file !== file) {
		globalThis.__tektosDb?.db.$client.close()
		globalThis.__tektosDb = { file, db: openDatabase(file) }
	}
	return globalThis.__tektosDb.db
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

const ROLLBACK = Symbol('refused write')

/**
 * Every write goes through here: IMMEDIATE takes the write lock at BEGIN, so two
 * writers queue on busy_timeout instead of failing half-way with SQLITE_BUSY. A write that
 * returns a refusal (`{ ok: false, fieldErrors }`, app/utils/write-result.ts) is rolled back:
 * whatever it wrote before finding the rule broken is undone.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
	let refusal: T | undefined
	try {
		return getDb().transaction(
			(tx) => {
				const result = fn(tx)
				if (isRefusal(result)) {
					refusal = result
					throw ROLLBACK
				}
				return result
			},
			{ behavior: 'immediate' },
		)
	} catch (error) {
		if (error === ROLLBACK) return refusal as T
		throw error
	}
}
