import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { verifyLogin } from '~/models/user.server'
import { getDb } from '~/utils/db.server'
import { createUserFromCommandLine, parseUserCreateArgs } from './user-create'
import { activityText } from '#tests/activity'

/* Issue 11 §3.10: a production deployment gets its first manager from the command line. */

test('the arguments say who to create; founders and mentors are created from the app', () => {
	expect(
		parseUserCreateArgs([
			'--role',
			'manager',
			'--email',
			'claire@tektos.fr',
			'--name=Claire Delattre',
		]),
	).toEqual({
		role: 'manager',
		email: 'claire@tektos.fr',
		name: 'Claire Delattre',
		passwordStdin: false,
	})
	expect(() => parseUserCreateArgs(['--role', 'founder', '--email', 'a@b.fr'])).toThrow(
		/--role must be manager or partner/,
	)
	expect(() => parseUserCreateArgs(['--role', 'manager', '--email', 'nope'])).toThrow(
		'--email is not an email address',
	)
	expect(() => parseUserCreateArgs(['--role', 'manager'])).toThrow('--email is required')
	expect(() => parseUserCreateArgs(['--admin'])).toThrow(/Unknown argument --admin/)
})

test('the manager created can sign in; the same email cannot be taken twice', async () => {
	const db = getDb()
	const args = {
		role: 'manager' as const,
		email: 'Claire@Tektos.fr',
		name: 'Claire Delattre',
		password: 'a long enough secret',
	}
	const user = await createUserFromCommandLine(db, args)
	expect(await verifyLogin('claire@tektos.fr', 'a long enough secret')).toMatchObject({
		id: user.id,
		role: 'manager',
	})
	await expect(
		createUserFromCommandLine(db, { ...args, email: 'claire@tektos.fr' }),
	).rejects.toThrow('A user with the email claire@tektos.fr already exists')
	await expect(
		createUserFromCommandLine(db, { ...args, email: 'x@tektos.fr', password: 'short' }),
	).rejects.toThrow(/at least 10/)
	const audit = db.$client
		.prepare(`SELECT entity, action, detail FROM audit_log WHERE entity = 'user' AND entity_id = ?`)
		.all(user.id) as { entity: string; action: string; detail: string }[]
	expect(audit.map((a) => activityText(a))).toEqual([
		"created Claire Delattre's account (incubator manager) from the command line",
	])
})

test('npm run user:create on a production database prints a password that works, once', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tektos-user-'))
	try {
		const file = path.join(dir, 'tektos.db')
		const env = { ...process.env, NODE_ENV: 'production' as const, DATABASE_PATH: file }
		const tsx = path.resolve('node_modules/.bin/tsx')
		// production never creates the database by itself…
		const refused = spawnSync(
			tsx,
			['db/user-create.ts', '--role', 'manager', '--email', 'claire@tektos.fr'],
			{ env, encoding: 'utf8' },
		)
		expect(refused.status).toBe(1)
		expect(refused.stderr.trim()).toMatch(
			/^No user created: No database at .*tektos\.db: check DATABASE_PATH/,
		)
		// …db:migrate -- --init does, then the first manager
		expect(spawnSync(tsx, ['db/migrate.ts', '--init'], { env, encoding: 'utf8' }).status).toBe(0)
		const run = spawnSync(
			tsx,
			['db/user-create.ts', '--role', 'manager', '--email', 'claire@tektos.fr'],
			{ env, encoding: 'utf8' },
		)
		expect(run.stderr).toBe('')
		const password = /^Password: (\S{20})$/m.exec(run.stdout)?.[1]
		expect(password).toBeDefined()
		const piped = spawnSync(
			tsx,
			[
				'db/user-create.ts',
				'--role',
				'partner',
				'--email',
				'antoine@capcalaisis.fr',
				'--password-stdin',
			],
			{
				env,
				input: 'cap-calaisis-2026\n',
				encoding: 'utf8',
			},
		)
		expect(piped.stdout).not.toContain('Password:')

		const original = process.env.DATABASE_PATH
		process.env.DATABASE_PATH = file
		try {
			expect(await verifyLogin('claire@tektos.fr', password!)).toMatchObject({ role: 'manager' })
			expect(await verifyLogin('antoine@capcalaisis.fr', 'cap-calaisis-2026')).toMatchObject({
				role: 'partner',
			})
		} finally {
			getDb().$client.close()
			globalThis.__tektosDb = undefined
			process.env.DATABASE_PATH = original
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true })
	}
})
