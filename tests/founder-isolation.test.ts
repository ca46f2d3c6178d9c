/**
 * A founder never reads another startup's data, whatever address or id they try. This sweep
 * calls every loader of the app as the demo founder (Fretmanche) with the ids of another
 * startup's records, and looks for that startup's name and its people in what comes back.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { DEMO_LOGINS, seedDemo } from '#db/seed'
import { getDb } from '~/utils/db.server'
import { get, sessionCookie, settle } from './request'

seedDemo({ today: new Date('2026-11-29T12:00:00Z') })
const db = getDb()
const founder = db.get<{ id: number; startupId: number }>(
	sql`SELECT id, startup_id AS startupId FROM users WHERE email = ${DEMO_LOGINS.find((l) => l.role === 'founder')!.email}`,
)!
const other = db.get<{ id: number; name: string }>(
	sql`SELECT id, name FROM startups WHERE name = 'Opale Fibre Lab'`,
)!
const ofOther = (query: ReturnType<typeof sql>) => db.get<{ id: number }>(query)?.id ?? 999_999

const secrets = [
	other.name,
	...db
		.all<{ v: string }>(
			sql`SELECT name AS v FROM team_members WHERE startup_id = ${other.id}
			UNION SELECT email FROM team_members WHERE startup_id = ${other.id}`,
		)
		.map((r) => r.v),
].filter(Boolean)

const params: Record<string, number | string> = {
	startupId: other.id,
	leaseId: ofOther(sql`SELECT id FROM leases WHERE startup_id = ${other.id}`),
	statementId: ofOther(
		sql`SELECT rs.id FROM rent_statements rs JOIN leases l ON l.id = rs.lease_id WHERE l.startup_id = ${other.id}`,
	),
	eventId: ofOther(sql`SELECT id FROM funding_events WHERE startup_id = ${other.id}`),
	milestoneId: ofOther(sql`SELECT id FROM milestones WHERE startup_id = ${other.id}`),
	introductionId: ofOther(sql`SELECT id FROM introductions WHERE startup_id = ${other.id}`),
	sessionId: ofOther(
		sql`SELECT ms.id FROM mentoring_sessions ms JOIN mentor_assignments a ON a.id = ms.assignment_id WHERE a.startup_id = ${other.id}`,
	),
	cohortId: ofOther(sql`SELECT cohort_id AS id FROM startups WHERE id = ${other.id}`),
	contactId: 1,
	organisationId: 1,
	mentorId: 1,
	userId: 1,
	unitId: 1,
	section: 'portfolio.csv',
	token: 'x',
	// the application that brought the other startup in
	callId: ofOther(sql`SELECT call_id AS id FROM applications WHERE startup_id = ${other.id}`),
	applicationId: ofOther(sql`SELECT id FROM applications WHERE startup_id = ${other.id}`),
	fileId: 1,
}

const routesDir = path.resolve('app/routes')
const routeFiles = fs
	.readdirSync(routesDir, { withFileTypes: true })
	.flatMap((entry) =>
		entry.isDirectory()
			? [path.join(entry.name, 'route.tsx')]
			: /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')
				? [entry.name]
				: [],
	)

test('the sweep looks for real records of the other startup', () => {
	expect(secrets.length).toBeGreaterThan(1)
	for (const key of [
		'leaseId',
		'statementId',
		'eventId',
		'milestoneId',
		'sessionId',
		'applicationId',
	] as const) {
		expect(params[key], key).not.toBe(999_999)
	}
})

test.each(routeFiles)('a founder reads nothing of another startup through %s', async (file) => {
	const module = (await import(path.join(routesDir, file))) as {
		loader?: (args: LoaderFunctionArgs) => Promise<unknown>
	}
	if (!module.loader) return
	const cookie = await sessionCookie(founder.id)
	const routeParams = Object.fromEntries(
		[...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => [m[1]!, String(params[m[1]!] ?? 1)]),
	)
	const url = `/${file.replace(/\/route\.tsx$|\.tsx?$/g, '').replace(/\$([A-Za-z0-9]+)/g, (_, k: string) => String(params[k] ?? 1))}`
	const result = await settle(() =>
		module.loader!({ request: get(url, cookie), params: routeParams, context: {} }),
	)
	const body =
		result instanceof Response
			? result.status < 300
				? await result.text()
				: ''
			: JSON.stringify(result)
	expect(secrets.filter((s) => body.includes(s))).toEqual([])
})
