import fs from 'node:fs'
import path from 'node:path'

export const TEST_DB_DIR = path.resolve('tests/.tmp')

// Each test file removes its own database when it ends; several runs may share this folder at once.
export function setup() {
	fs.mkdirSync(TEST_DB_DIR, { recursive: true })
}
