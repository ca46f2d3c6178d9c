import path from 'node:path'
import { today } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import { getDatabasePath } from '~/utils/env.server'

// SQLite's online backup: a consistent copy while the app keeps running.
const target = process.argv[2] ?? path.join('backup', `tektos-${today()}.db`)
const { mkdirSync } = await import('node:fs')
mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
await getDb().$client.backup(target)
console.log(`Backed up ${getDatabasePath()} to ${path.resolve(target)}`)
