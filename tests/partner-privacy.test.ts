/**
 * A partner never receives a person's data — not on a page, not in the data sent to a page,
 * not in a CSV. This sweep calls every loader of the app as a partner on the demo data and
 * looks for every name, email and phone number the database holds about people.
 */
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { DEMO_LOGINS, seedDemo } from '#db/seed'
import { createReportView } from '~/models/reports/views.server'
import { getDb } from '~/utils/db.server'
import { get, sessionCookie, settle } from './request'

seedDemo({ today: new Date('2026-11-29T12:00:00Z') })
const db = getDb()
const one = (query: ReturnType<typeof sql>) => db.get<{ id: number }>(query)?.id ?? 1
const partner = db.get<{ id: number; name: string }>(
	sql`SELECT id, name FROM users WHERE email = ${DEMO_LOGINS.find((l) => l.role === 'partner')!.email}`,
)!
const manager = db.get<{ id: number }>(sql`SELECT id FROM users WHERE role = 'manager'`)!
createReportView({ name: 'Bilan', query: 'year=2025', actorId: manager.id })

const personal = [
	...db.all<{ v: string }>(
		sql`SELECT name AS v FROM team_members UNION SELECT email FROM team_members`,
	),
	...db.all<{ v: string }>(sql`SELECT first_name || ' ' || last_name AS v FROM contacts
		UNION SELECT email FROM contacts UNION SELECT phone FROM contacts`),
	...db.all<{ v: string }>(sql`SELECT name AS v FROM mentors UNION SELECT email FROM mentors`),
	...db.all<{ v: string }>(sql`SELECT name AS v FROM users WHERE id <> ${partner.id}
		UNION SELECT email FROM users WHERE id <> ${partner.id}`),
	// applicants: their contact details never; their names and team only to a committee member,
	// on the calls they sit on (the demo partner sits on the open call's committee)
	...db.all<{ v: string }>(sql`SELECT contact_email AS v FROM applications
		UNION SELECT contact_phone FROM applications UNION SELECT email FROM application_founders`),
	...db.all<{ v: string }>(sql`SELECT a.contact_name AS v FROM applications a
		WHERE a.call_id NOT IN (SELECT call_id FROM call_committee WHERE user_id = ${partner.id})
		UNION SELECT f.name FROM application_founders f JOIN applications a ON a.id = f.application_id
		WHERE a.call_id NOT IN (SELECT call_id FROM call_committee WHERE user_id = ${partner.id})`),
]
	.map((r) => r.v)
	.filter((v): v is string => typeof v === 'string' && v.length > 3)

const params: Record<string, number | string> = {
	startupId: one(sql`SELECT id FROM startups WHERE name = 'Fretmanche'`),
	cohortId: one(sql`SELECT id FROM cohorts`),
	contactId: one(sql`SELECT id FROM contacts`),
	organisationId: one(sql`SELECT id FROM organisations`),
	mentorId: one(sql`SELECT id FROM mentors`),
	userId: manager.id,
	leaseId: one(sql`SELECT id FROM leases`),
	statementId: one(sql`SELECT id FROM rent_statements`),
	unitId: one(sql`SELECT id FROM units`),
	eventId: one(sql`SELECT id FROM funding_events`),
	milestoneId: one(sql`SELECT id FROM milestones`),
	introductionId: one(sql`SELECT id FROM introductions`),
	sessionId: one(sql`SELECT id FROM mentoring_sessions`),
	section: 'portfolio.csv',
	token: 'x',
	// the call whose committee the partner sits on, and one of its applications
	callId: one(sql`SELECT call_id AS id FROM call_committee WHERE user_id = ${partner.id}`),
	applicationId:
		one(sql`SELECT a.id FROM applications a JOIN call_committee m ON m.call_id = a.call_id
		WHERE m.user_id = ${partner.id} AND a.status = 'submitted'`),
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

function urlFor(file: string) {
	const route = file.replace(/\/route\.tsx$/, '').replace(/\.tsx?$/, '')
	const segments = route
		.split('.')
		.filter((s) => s !== '_app' && s !== '_index' && s !== '$')
		.map((s) => s.replace(/_$/, '').replace(/\[|\]/g, ''))
		.map((s) => (s.startsWith('$') ? String(params[s.slice(1)] ?? 1) : s))
	return `/${segments.join('/')}`
		.replace('/csv', '.csv')
		.replace('/json', '.json')
		.replace('/xlsx', '.xlsx')
}

/** What a response says: an Excel file's every cell, or the text. */
async function textOf(response: Response) {
	if (!response.headers.get('Content-Type')?.includes('spreadsheetml')) return response.text()
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(await response.arrayBuffer())
	const cells: string[] = []
	workbook.eachSheet((sheet) =>
		sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
	)
	return cells.join('\n')
}

test.each(routeFiles)('a partner gets no personal data from %s', async (file) => {
	const module = (await import(path.join(routesDir, file))) as {
		loader?: (args: LoaderFunctionArgs) => Promise<unknown>
	}
	if (!module.loader) return
	const cookie = await sessionCookie(partner.id)
	const routeParams = Object.fromEntries(
		[...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => [m[1]!, String(params[m[1]!] ?? 1)]),
	)
	const result = await settle(() =>
		module.loader!({ request: get(urlFor(file), cookie), params: routeParams, context: {} }),
	)
	const body =
		result instanceof Response
			? result.status < 300
				? await textOf(result)
				: ''
			: JSON.stringify(result)
	const leaks = personal.filter((value) => body.includes(value))
	expect(leaks).toEqual([])
})
