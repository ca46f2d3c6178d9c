import fs from 'node:fs'
import path from 'node:path'

export const TEST_DB_DIR = path.resolve('tests/.tmp')

export function setup() {
	fs.rmSync(TEST_DB_DIR, { recursive: true, force: true })
	fs.mkdirSync(TEST_DB_DIR, { recursive: true })
}

export function teardown() {
	fs.rmSync(TEST_DB_DIR, { recursive: true, force: true })
}
