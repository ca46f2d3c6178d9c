/*
 * `npm run user:create -- --role manager --email claire@tektos.fr [--name "Claire Delattre"]`
 *
 * Creates a manager or partner account from the command line: how a production deployment
 * gets its first manager (who then creates everyone else from the Users page; founders and
 * mentors are linked to a startup or a mentor record there). The password is generated and
 * printed once, or with `--password-stdin` read from the first line of standard input.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { users } from '#db/schema/index'
import { recordAudit } from '~/models/audit.server'
import { type Db } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { hashPassword } from '~/utils/password.server'

const ArgsSchema = z.object({
	role: z.enum(['manager', 'partner'], {
		errorMap: () => ({
			message:
				'--role must be manager or partner (founders and mentors are created from the Users page, linked to their startup or mentor record)',
		}),
	}),
	email: z
		.string({ required_error: '--email is required' })
		.trim()
		.email('--email is not an email address'),
	name: z.string().trim().min(1).max(120).optional(),
	organisation: z.string().trim().max(120).optional(),
})

export type UserCreateArgs = z.infer<typeof ArgsSchema>

export function parseUserCreateArgs(
	argv: readonly string[],
): UserCreateArgs & { passwordStdin: boolean } {
	const raw: Record<string, string> = {}
	let passwordStdin = false
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!
		if (arg === '--password-stdin') {
			passwordStdin = true
			continue
		}
		const match = /^--(role|email|name|organisation)(?:=(.*))?$/.exec(arg)
		if (!match)
			throw new Error(
				`Unknown argument ${arg} (user:create -- --role R --email E [--name N] [--organisation O])`,
			)
		const value = match[2] ?? argv[++i]
		if (value === undefined) throw new Error(`--${match[1]} needs a value`)
		raw[match[1]!] = value
	}
	const parsed = ArgsSchema.safeParse(raw)
	if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '))
	return { ...parsed.data, passwordStdin }
}

/** 20 characters from a 64-letter alphabet: 120 bits. */
export function generatePassword() {
	return crypto.randomBytes(15).toString('base64url')
}

export async function createUserFromCommandLine(
	db: Db,
	args: UserCreateArgs & { password: string },
) {
	if (args.password.length < 10) throw new Error('The password needs at least 10 characters')
	if (args.password.length > 200) throw new Error('The password is longer than 200 characters')
	const taken = db
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.email}) = lower(${args.email})`)
		.get()
	if (taken) throw new Error(`A user with the email ${args.email} already exists`)
	// awaited: whether hashing is synchronous or not (it may move off the main thread)
	const passwordHash = await hashPassword(args.password)
	return db.transaction(
		(tx) => {
			const name = args.name ?? args.email.split('@')[0]!
			const user = tx
				.insert(users)
				.values({
					email: args.email,
					name,
					passwordHash,
					role: args.role,
					// the incubator's own staff belong to TEKTOS
					organisation:
						args.organisation ?? (can({ role: args.role }, 'manage:user:any') ? 'TEKTOS' : null),
				})
				.returning({ id: users.id })
				.get()
			recordAudit(tx, {
				userId: null,
				action: 'create',
				entity: 'user',
				entityId: user.id,
				verb: 'command_line',
				subject: { name, role: args.role },
			})
			return user
		},
		{ behavior: 'immediate' },
	)
}

async function readPiped(): Promise<string> {
	const chunks: Buffer[] = []
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
	return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const { openCheckedDatabase } = await import('~/utils/db.server')
	const { migrateDatabase } = await import('#db/migrate')
	const { getDatabasePath, isProduction } = await import('~/utils/env.server')
	try {
		const args = parseUserCreateArgs(process.argv.slice(2))
		const db = openCheckedDatabase({ allowCreate: !isProduction() })
		const { applied } = migrateDatabase(db)
		if (applied.length) console.log(`Migrated ${getDatabasePath()}: ${applied.join(', ')}`)
		const password = args.passwordStdin ? await readPiped() : generatePassword()
		const user = await createUserFromCommandLine(db, { ...args, password })
		console.log(`Created ${args.role} ${args.email} (user ${user.id}) in ${getDatabasePath()}`)
		if (!args.passwordStdin) {
			console.log(`Password: ${password}`)
			console.log(
				'It is shown once: keep it in a password manager. A manager can set a new one from the Users page.',
			)
		}
		db.$client.close()
	} catch (error) {
		console.error(`No user created: ${error instanceof Error ? error.message : String(error)}`)
		process.exit(1)
	}
}
