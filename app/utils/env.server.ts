import path from 'node:path'
import { z } from 'zod'

const EnvSchema = z.object({
	NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
	DATABASE_PATH: z.string().min(1).default('data/tektos.db'),
	/** where `db:backup` and the copy taken before migrating go; default `<database folder>/backups` */
	BACKUP_DIR: z.string().min(1).optional(),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
	/**
	 * the reverse proxy's address(es) — `loopback`, an address, a subnet, comma-separated — whose
	 * X-Forwarded-For/-Host/-Proto are believed; never `true` or a hop count, which would let any
	 * client pick its own address and dodge sign-in throttling
	 */
	TRUST_PROXY: z
		.string()
		.trim()
		.optional()
		.refine(
			(value) => !value || !/^(true|yes|\d+)$/i.test(value),
			'give the proxy\'s address (loopback, 10.0.0.2, 10.0.0.0/8…), not "true" or a number of hops, which would trust any client',
		),
	/** `1`: the server may create a new, empty database where none is (production refuses otherwise) */
	DB_INIT: z.enum(['0', '1', '']).optional(),
	// smtp://user:pass@host:587 or smtps://…: without it, emails wait in the outbox
	SMTP_URL: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.string().url('SMTP_URL must be a URL such as smtps://user:pass@mail.example:465').optional(),
	),
	MAIL_FROM: z.string().min(3).default('TEKTOS <no-reply@tektos.example>'),
	// the address written in emails' links; never taken from the request's Host header
	PUBLIC_URL: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.string().url('PUBLIC_URL must be a URL such as https://crm.tektos.fr').optional(),
	),
	// where uploaded files live; default: an uploads/ folder beside the database
	UPLOADS_DIR: z.string().min(1).optional(),
})

export type Env = z.infer<typeof EnvSchema>

const ENV_KEYS = Object.keys(EnvSchema.shape) as (keyof Env)[]
let parsedEnv: { fingerprint: string; env: Env } | undefined

/**
 * Read on each call so that tests can point a worker at its own database; parsed again only
 * when one of its variables changed (a page asks for the database many times).
 */
export function getEnv(): Env {
	const fingerprint = ENV_KEYS.map((key) => process.env[key] ?? '\u0000').join('\u0001')
	if (parsedEnv?.fingerprint === fingerprint) return parsedEnv.env
	const parsed = EnvSchema.safeParse(process.env)
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
		throw new Error(`Invalid environment:\n${problems.join('\n')}`)
	}
	parsedEnv = { fingerprint, env: parsed.data }
	return parsed.data
}

let databasePath: { raw: string; file: string } | undefined

export function getDatabasePath() {
	const raw = process.env.DATABASE_PATH ?? ''
	if (databasePath?.raw !== raw) databasePath = { raw, file: path.resolve(getEnv().DATABASE_PATH) }
	return databasePath.file
}

/** BACKUP_DIR, or `backups` beside the database */
export function backupDirFor(databaseFile: string) {
	const { BACKUP_DIR } = getEnv()
	return BACKUP_DIR
		? path.resolve(BACKUP_DIR)
		: path.join(path.dirname(path.resolve(databaseFile)), 'backups')
}

export const getBackupDir = () => backupDirFor(getDatabasePath())

export const isProduction = () => getEnv().NODE_ENV === 'production'

/** The app's own address for links in emails: PUBLIC_URL, or this machine in development. */
export function getPublicUrl() {
	const env = getEnv()
	return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
}

/** Uploaded files sit outside the database, by default in an uploads/ folder beside it. */
export function getUploadsDir() {
	const env = getEnv()
	return env.UPLOADS_DIR
		? path.resolve(env.UPLOADS_DIR)
		: path.join(path.dirname(getDatabasePath()), 'uploads')
}
