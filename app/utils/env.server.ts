import path from 'node:path'
import { z } from 'zod'

const EnvSchema = z.object({
	NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
	DATABASE_PATH: z.string().min(1).default('data/tektos.db'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
})

export type Env = z.infer<typeof EnvSchema>

/** Read on each call so that tests can point a worker at its own database. */
export function getEnv(): Env {
	const parsed = EnvSchema.safeParse(process.env)
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
		throw new Error(`Invalid environment:\n${problems.join('\n')}`)
	}
	return parsed.data
}

export function getDatabasePath() {
	return path.resolve(getEnv().DATABASE_PATH)
}

export const isProduction = () => getEnv().NODE_ENV === 'production'
