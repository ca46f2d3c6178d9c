import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/*
 * Every page of the app, read from app/routes (so that a new route is swept the day it lands),
 * with ids taken from the demo data as each role would reach them.
 */

export type Route = {
	/** the route's file, relative to app/routes */
	file: string
	/** the URL pattern, e.g. /startups/$startupId/funding/$eventId */
	pattern: string
	/** the dynamic segments, in the order of the URL */
	params: string[]
}

const ROUTES = path.resolve(import.meta.dirname, '../../app/routes')

/** "_app.calls.$callId_.edit" → "/calls/$callId/edit" (Remix v2 flat routes). */
export function patternOf(routeId: string): string {
	const segments: string[] = []
	// dots inside [] are part of a segment's name ("export[.csv]")
	for (const raw of routeId.match(/(?:\[[^\]]*\]|[^.])+/g) ?? []) {
		if (raw.startsWith('_') && raw !== '_index') continue // a pathless layout ("_app")
		if (raw === '_index') continue
		const segment = raw.replace(/_$/, '').replace(/\[([^\]]*)\]/g, '$1')
		segments.push(segment === '$' ? '*' : segment)
	}
	return `/${segments.join('/')}`
}

function routeFiles(): { id: string; file: string }[] {
	return fs
		.readdirSync(ROUTES, { withFileTypes: true })
		.flatMap((entry) => {
			if (entry.isDirectory()) {
				const file = ['route.tsx', 'route.ts'].find((f) =>
					fs.existsSync(path.join(ROUTES, entry.name, f)),
				)
				return file ? [{ id: entry.name, file: `${entry.name}/${file}` }] : []
			}
			if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return []
			return [{ id: entry.name.replace(/\.tsx?$/, ''), file: entry.name }]
		})
		.sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * The routes that draw a page: those with a component, but not a pathless layout ("_app",
 * whose page at its own address is its index route's).
 */
export function pageRoutes(): Route[] {
	const files = routeFiles()
	return files
		.filter(({ file }) =>
			/^export default /m.test(fs.readFileSync(path.join(ROUTES, file), 'utf8')),
		)
		.map(({ id, file }) => ({ id, file, pattern: patternOf(id) }))
		.filter(
			(route, _, all) =>
				!all.some(
					(other) => other.id.startsWith(`${route.id}.`) && other.pattern === route.pattern,
				),
		)
		.map(({ file, pattern }) => ({
			file,
			pattern,
			params: [...pattern.matchAll(/\$(\w+)/g)].map((m) => m[1]!),
		}))
}

export const ROLES = ['manager', 'founder', 'mentor', 'partner'] as const
export type Role = (typeof ROLES)[number]
export type Visitor = Role | 'anonymous'

/** The public pages: what a visitor without an account reaches. */
export function isPublic(route: Route) {
	return !route.file.startsWith('_app')
}

/**
 * How to find a value for each dynamic segment, as the demo's users would: the founder's own
 * startup (the one its mentor is assigned to, which partners and managers also read), a
 * session of the demo mentor, the open call whose committee the demo partner sits on… A query
 * reads the values already chosen (`:startupId`) and the visitor's account (`:userId`).
 * A route with a segment not listed here fails the sweep: say here how to find one.
 */
const FIND: Record<string, string> = {
	startupId: `SELECT startup_id FROM users WHERE email = 'founder@tektos.example'`,
	eventId: `SELECT id FROM funding_events WHERE startup_id = :startupId AND triggered_by_id IS NOT NULL ORDER BY id`,
	milestoneId: `SELECT id FROM milestones WHERE startup_id = :startupId ORDER BY id`,
	introductionId: `SELECT id FROM introductions WHERE startup_id = :startupId ORDER BY id`,
	cohortId: `SELECT cohort_id FROM startups WHERE id = (SELECT startup_id FROM users WHERE email = 'founder@tektos.example')`,
	mentorId: `SELECT mentor_id FROM users WHERE email = 'mentor@tektos.example'`,
	sessionId: `SELECT s.id FROM mentoring_sessions s JOIN mentor_assignments a ON a.id = s.assignment_id
		JOIN users u ON u.mentor_id = a.mentor_id WHERE u.email = 'mentor@tektos.example' ORDER BY s.date DESC`,
	leaseId: `SELECT id FROM leases WHERE startup_id = (SELECT startup_id FROM users WHERE email = 'founder@tektos.example') ORDER BY start_date DESC`,
	statementId: `SELECT s.id FROM rent_statements s JOIN leases l ON l.id = s.lease_id
		WHERE l.startup_id = (SELECT startup_id FROM users WHERE email = 'founder@tektos.example') ORDER BY s.month DESC`,
	unitId: `SELECT unit_id FROM leases WHERE startup_id = (SELECT startup_id FROM users WHERE email = 'founder@tektos.example')`,
	contactId: `SELECT contact_id FROM introductions WHERE startup_id = (SELECT startup_id FROM users WHERE email = 'founder@tektos.example') ORDER BY id`,
	organisationId: `SELECT c.organisation_id FROM introductions i JOIN contacts c ON c.id = i.contact_id
		WHERE i.startup_id = (SELECT startup_id FROM users WHERE email = 'founder@tektos.example') AND c.organisation_id IS NOT NULL ORDER BY i.id`,
	userId: `SELECT id FROM users WHERE email = 'founder@tektos.example'`,
	// the call open today, with submitted applications, whose committee everyone sits on
	callId: `SELECT c.id FROM calls c JOIN call_committee m ON m.call_id = c.id
		JOIN users u ON u.id = m.user_id WHERE u.email = 'partner@tektos.example' ORDER BY c.closes_on DESC`,
	applicationId: `SELECT id FROM applications WHERE call_id = :callId AND status = 'submitted' ORDER BY id`,
}

/** The open call's draft: the sweep asks for its private link again, as its applicant would. */
export function draftApplicant(databasePath: string) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true })
	try {
		const callId = db.prepare(FIND.callId!).pluck().get() as number
		const email = db
			.prepare(
				`SELECT contact_email FROM applications WHERE call_id = ? AND status = 'draft' AND erased_at IS NULL ORDER BY id`,
			)
			.pluck()
			.get(callId) as string
		return { callId, email }
	} finally {
		db.close()
	}
}

/** The link of the last email of a kind sent to an address, read where the server keeps it. */
export function linkInLastEmail(databasePath: string, to: string, kind: string) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true })
	try {
		const body = db
			.prepare('SELECT body FROM outbox WHERE to_address = ? AND kind = ? ORDER BY id DESC LIMIT 1')
			.pluck()
			.get(to, kind) as string | undefined
		const link = /https?:\/\/\S+\/(?:password|application)\/[A-Za-z0-9_-]{43}/.exec(body ?? '')
		if (!link) throw new Error(`No ${kind} email with a link for ${to}`)
		return new URL(link[0]).pathname
	} finally {
		db.close()
	}
}

/** Segments whose value is not a row's id: found by the sweep itself (a link sent by email). */
export const FOUND_BY_VISITING = ['token'] as const

/** Segments that name one of a few kinds of page: each of them is swept. */
export const CHOICES: Record<string, readonly string[]> = {
	kind: ['contacts', 'startups', 'funding', 'kpis'],
}

/** The values of a route's segments, once for each of its choices ("/import/contacts", …). */
export function valuesFor(route: Route, ids: Record<string, string>): Record<string, string>[] {
	return route.params.reduce<Record<string, string>[]>(
		(all, param) =>
			CHOICES[param] ? all.flatMap((v) => CHOICES[param]!.map((c) => ({ ...v, [param]: c }))) : all,
		[ids],
	)
}

export function findIds(databasePath: string, params: readonly string[]) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true })
	try {
		const values: Record<string, string> = {}
		for (const param of params) {
			if ((FOUND_BY_VISITING as readonly string[]).includes(param) || CHOICES[param]) continue
			const sql = FIND[param]
			if (!sql)
				throw new Error(
					`The page sweep does not know how to find a $${param}: add it to FIND in tests/e2e/pages.ts`,
				)
			const named = Object.fromEntries(
				[...sql.matchAll(/:(\w+)/g)].map(([, name]) => [name, values[name!]]),
			)
			const row = db.prepare(sql).pluck().get(named) as number | string | undefined
			if (row === undefined || row === null)
				throw new Error(`The demo data has no $${param} for the sweep`)
			values[param] = String(row)
		}
		return values
	} finally {
		db.close()
	}
}

export function fill(pattern: string, values: Record<string, string>) {
	return pattern
		.replace(/\$(\w+)/g, (_, name: string) => {
			const value = values[name]
			if (value === undefined) throw new Error(`no value for $${name} in ${pattern}`)
			return value
		})
		.replace('*', 'no-such-page')
}
