import fs from 'node:fs'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { applicationFiles, applicationFounders, applications, outbox } from '#db/schema/index'
import { createUser } from '#tests/factories'
import { createApplication, createCall } from '#tests/factories-calls'
import { actionArgs, get, loaderArgs, post, settle, statusOf } from '#tests/request'
import { draftLinkExpiry } from '~/models/application.server'
import { getDb } from '~/utils/db.server'
import { getUploadsDir } from '~/utils/env.server'
import { hashToken } from '~/utils/tokens.server'
import { APPLICATION_FILE_MAX_BYTES, PUBLIC_FORM_MAX_BYTES, sha256 } from '~/utils/uploads.server'
import { action as applyAction, loader as applyLoader } from './apply.$callId'
import { action as draftAction, loader as draftLoader } from './application.$token'

const BASE = 'http://localhost:3000'
let ip = 0
/** Each test speaks from its own address, so throttling in one never blocks another. */
const nextIp = () => `10.16.${Math.floor(++ip / 250)}.${ip % 250}`

const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)
const PNG = new Uint8Array([
	0x89,
	0x50,
	0x4e,
	0x47,
	0x0d,
	0x0a,
	0x1a,
	0x0a,
	...new Array(64).fill(1),
])

function multipart(pathname: string, fields: Record<string, string | File>, headers = {}) {
	const body = new FormData()
	for (const [k, v] of Object.entries(fields)) body.append(k, v)
	return new Request(`${BASE}${pathname}`, { method: 'POST', body, headers })
}

const cookieless = { Cookie: '' }

async function start(callId: number, ipAddress = nextIp(), extra: Record<string, string> = {}) {
	return settle(() =>
		applyAction(
			actionArgs(
				post(`/apply/${callId}`, {
					intent: 'start',
					contactName: 'Emma Walsh',
					contactEmail: 'emma@doverdrones.example',
					projectName: 'Dover Drones',
					...extra,
				}),
				{ params: { callId: String(callId) }, ipAddress },
			),
		),
	)
}

function tokenOf(res: unknown) {
	const location = (res as Response).headers.get('Location') ?? ''
	return location.replace('/application/', '')
}

function fullForm(call: ReturnType<typeof createCall>, intent: 'save' | 'submit') {
	const [file, legal] = call.questions
	return {
		intent,
		contactName: 'Emma Walsh',
		contactEmail: 'emma@doverdrones.example',
		projectName: 'Dover Drones',
		origin: 'GB',
		sector: 'Drones',
		stage: 'prototype',
		pitch: 'Drones that inspect lorry seals before the crossing.',
		'founders[0].name': 'Emma Walsh',
		'founders[0].role': 'CEO',
		'founders[0].email': 'emma@doverdrones.example',
		[`q${legal!.id}`]: 'Limited company',
		privacy: 'on',
		...(file ? {} : {}),
	}
}

async function save(token: string, fields: Record<string, string | File>, ipAddress = nextIp()) {
	return settle(() =>
		draftAction(
			actionArgs(multipart(`/application/${token}`, fields, cookieless), {
				params: { token },
				ipAddress,
			}),
		),
	)
}

const applicationByToken = (token: string) =>
	getDb()
		.select()
		.from(applications)
		.where(eq(applications.tokenHash, hashToken(token)))
		.get()

test('uploads go to a folder beside the database unless UPLOADS_DIR says otherwise', () => {
	const configured = process.env.UPLOADS_DIR
	try {
		delete process.env.UPLOADS_DIR
		expect(getUploadsDir()).toBe(
			path.join(path.dirname(path.resolve(process.env.DATABASE_PATH!)), 'uploads'),
		)
		process.env.UPLOADS_DIR = 'elsewhere/files'
		expect(getUploadsDir()).toBe(path.resolve('elsewhere/files'))
	} finally {
		process.env.UPLOADS_DIR = configured
	}
})

test('a visitor starts an application without an account and gets an unguessable private link', async () => {
	const call = createCall()
	const page = await applyLoader(
		loaderArgs(get(`/apply/${call.id}?lng=en`), { params: { callId: String(call.id) } }),
	)
	expect(page.call.status).toBe('open')
	expect(page.call.questions.map((q) => q.labelEn)).toEqual(['Pitch deck (PDF)', 'Legal form'])

	const res = (await start(call.id)) as Response
	expect(res.status).toBe(302)
	const token = tokenOf(res)
	// 32 random bytes: 256 bits, far beyond the 128 that make guessing hopeless
	expect(Buffer.from(token, 'base64url').byteLength).toBeGreaterThanOrEqual(16)
	expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
	const row = applicationByToken(token)!
	expect(row).toMatchObject({
		status: 'draft',
		projectName: 'Dover Drones',
		contactEmail: 'emma@doverdrones.example',
	})
	// the database keeps only a hash: a copy of it opens no application
	expect(JSON.stringify(getDb().select().from(applications).all())).not.toContain(token)
	// the link went out by email, through the outbox
	const mail = getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.toAddress, 'emma@doverdrones.example'))
		.all()
	expect(mail).toHaveLength(1)
	expect(mail[0]!.kind).toBe('application_link')
	expect(mail[0]!.body).toContain(`/application/${token}`)

	// a guessed link, a malformed one, an expired one: the same 404
	for (const guess of [
		'x',
		token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
		'../../etc/passwd',
	]) {
		const r = await settle(() =>
			draftLoader(loaderArgs(get(`/application/${guess}`), { params: { token: guess } })),
		)
		expect(statusOf(r)).toBe(404)
	}
	const draft = await draftLoader(loaderArgs(get(`/application/${token}`), { params: { token } }))
	expect(draft.application.projectName).toBe('Dover Drones')
})

test('private links expire: at the latest when the call closes, and an expired link opens nothing', async () => {
	const call = createCall({ closesOn: '2026-12-05' })
	// the call closes before the 30 days are up: the link ends with the closing day, in Calais
	const from = new Date('2026-11-29T10:00:00Z')
	expect(draftLinkExpiry('2026-12-05', from).toISOString()).toBe('2026-12-05T23:00:00.000Z')
	// in summer Calais is two hours ahead of UTC
	expect(draftLinkExpiry('2027-06-30', new Date('2027-06-20T10:00:00Z')).toISOString()).toBe(
		'2027-06-30T22:00:00.000Z',
	)
	// a long call: 30 days, then a new link
	expect(draftLinkExpiry('2027-06-30', from).toISOString()).toBe('2026-12-29T10:00:00.000Z')
	const expired = createApplication({
		callId: call.id,
		status: 'draft',
		tokenExpiresAt: new Date('2026-11-29T09:59:00Z'),
	})
	const res = await settle(() =>
		draftLoader(
			loaderArgs(get(`/application/${expired.token}`), { params: { token: expired.token } }),
		),
	)
	expect(statusOf(res)).toBe(404)
	const write = await save(expired.token, fullForm(call, 'save'))
	expect(statusOf(write)).toBe(404)
})

test('a draft is saved with a PDF kept outside the database with its checksum, then submitted', async () => {
	const call = createCall()
	const token = tokenOf(await start(call.id))
	const fileQuestion = call.questions[0]!
	const deck = new File([PDF], 'Dover Drones deck.pdf', { type: 'application/pdf' })

	// submitting without the required pitch deck is refused, and nothing is submitted
	const missing = await save(token, fullForm(call, 'submit'))
	expect(statusOf(missing)).toBe(400)
	expect(JSON.stringify(missing)).toContain(`"q${fileQuestion.id}":["errors.required"]`)
	expect(applicationByToken(token)!.status).toBe('draft')

	const saved = (await save(token, {
		...fullForm(call, 'save'),
		[`q${fileQuestion.id}`]: deck,
	})) as Response
	expect(saved.status).toBe(302)
	const row = applicationByToken(token)!
	const file = getDb()
		.select()
		.from(applicationFiles)
		.where(eq(applicationFiles.applicationId, row.id))
		.get()!
	expect(file).toMatchObject({
		originalName: 'Dover Drones deck.pdf',
		sizeBytes: PDF.byteLength,
		sha256: sha256(PDF),
	})
	// the bytes live in the uploads folder, not in the database
	const onDisk = path.join(getUploadsDir(), 'applications', file.storedName)
	expect(fs.readFileSync(onDisk)).toEqual(Buffer.from(PDF))
	expect(file.storedName).toMatch(/^[a-f0-9]{32}\.pdf$/)

	const managerMailsBefore = getDb()
		.select({ n: count() })
		.from(outbox)
		.where(eq(outbox.kind, 'application_new'))
		.get()!.n
	createUser({ role: 'manager', email: 'claire.notified@tektos.example' })
	const submitted = (await save(token, fullForm(call, 'submit'))) as Response
	expect(submitted.status).toBe(302)
	expect(applicationByToken(token)).toMatchObject({ status: 'submitted', origin: 'GB' })
	expect(applicationByToken(token)!.submittedAt).toBeInstanceOf(Date)
	const founders = getDb()
		.select()
		.from(applicationFounders)
		.where(eq(applicationFounders.applicationId, row.id))
		.all()
	expect(founders.map((f) => f.email)).toEqual(['emma@doverdrones.example'])
	// the applicant is told, and so is every manager
	const kinds = getDb().select({ kind: outbox.kind, to: outbox.toAddress }).from(outbox).all()
	expect(kinds).toContainEqual({ kind: 'application_received', to: 'emma@doverdrones.example' })
	expect(kinds).toContainEqual({ kind: 'application_new', to: 'claire.notified@tektos.example' })
	expect(
		getDb().select({ n: count() }).from(outbox).where(eq(outbox.kind, 'application_new')).get()!.n,
	).toBeGreaterThan(managerMailsBefore)

	// once submitted, it cannot change
	const again = await save(token, { ...fullForm(call, 'save'), projectName: 'Changed' })
	expect(statusOf(again)).toBe(409)
	expect(applicationByToken(token)!.projectName).toBe('Dover Drones')
})

test('the public form judges files by their bytes: a picture named .pdf and a file over 10 MB are refused', async () => {
	const call = createCall()
	const token = tokenOf(await start(call.id))
	const q = `q${call.questions[0]!.id}`
	const fake = new File([PNG], 'deck.pdf', { type: 'application/pdf' })
	const res = await save(token, { ...fullForm(call, 'save'), [q]: fake })
	expect(statusOf(res)).toBe(400)
	expect(JSON.stringify(res)).toContain('calls:errors.notPdf')
	// what the visitor typed comes back with the message
	expect(JSON.stringify(res)).toContain('Drones that inspect lorry seals')

	const big = new Uint8Array(APPLICATION_FILE_MAX_BYTES + 1)
	big.set(PDF.subarray(0, 8))
	const tooBig = await save(token, {
		...fullForm(call, 'save'),
		[q]: new File([big], 'huge.pdf', { type: 'application/pdf' }),
	})
	expect(statusOf(tooBig)).toBe(413)
	expect(JSON.stringify(tooBig)).toContain('calls:errors.tooLarge')

	// a body announced bigger than the limit is not even read
	const announced = await settle(() =>
		draftAction(
			actionArgs(
				multipart(`/application/${token}`, fullForm(call, 'save'), {
					'Content-Length': String(PUBLIC_FORM_MAX_BYTES + 1),
				}),
				{ params: { token }, ipAddress: nextIp() },
			),
		),
	)
	expect(statusOf(announced)).toBe(413)

	const id = applicationByToken(token)!.id
	expect(
		getDb().select().from(applicationFiles).where(eq(applicationFiles.applicationId, id)).all(),
	).toEqual([])
	expect(applicationByToken(token)!.sector).toBeNull()
})

test('a robot that fills the hidden field is told all went well, and nothing is created', async () => {
	const call = createCall()
	const before = getDb().select({ n: count() }).from(applications).get()!.n
	const res = (await start(call.id, nextIp(), { fax: 'http://spam.example' })) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe(`/apply/${call.id}`)
	expect(getDb().select({ n: count() }).from(applications).get()!.n).toBe(before)
})

test('the public form is throttled per address: the sixth start in an hour gets a 429', async () => {
	const call = createCall()
	const address = nextIp()
	for (let i = 0; i < 5; i++) expect(statusOf(await start(call.id, address))).toBe(302)
	const blocked = await start(call.id, address)
	expect(statusOf(blocked)).toBe(429)
	expect(JSON.stringify(blocked)).toContain('calls:errors.tooManyRequests')
	// another address is not blocked
	expect(statusOf(await start(call.id, nextIp()))).toBe(302)

	// saving a draft has its own budget
	const token = tokenOf(await start(call.id, nextIp()))
	const saver = nextIp()
	let last: unknown
	for (let i = 0; i < 61; i++) last = await save(token, fullForm(call, 'save'), saver)
	expect(statusOf(last)).toBe(429)
})

test('a closed or unpublished call takes no application, and a bad form keeps what was typed', async () => {
	const closed = createCall({ opensOn: '2026-09-01', closesOn: '2026-10-31' })
	const res = await start(closed.id)
	expect(statusOf(res)).toBe(409)
	const hidden = createCall({ published: false })
	expect(
		statusOf(
			await settle(() =>
				applyLoader(
					loaderArgs(get(`/apply/${hidden.id}`), { params: { callId: String(hidden.id) } }),
				),
			),
		),
	).toBe(404)

	const open = createCall()
	const bad = await start(open.id, nextIp(), { contactEmail: 'not-an-email' })
	expect(statusOf(bad)).toBe(400)
	expect(JSON.stringify(bad)).toContain('errors.email')
	expect(JSON.stringify(bad)).toContain('Dover Drones')
})

test('"I lost my link": a new link replaces the old one; an unknown email gets the same answer', async () => {
	const call = createCall()
	const first = tokenOf(await start(call.id))
	const resend = (email: string) =>
		settle(() =>
			applyAction(
				actionArgs(post(`/apply/${call.id}`, { intent: 'resend', email }), {
					params: { callId: String(call.id) },
					ipAddress: nextIp(),
				}),
			),
		)
	const known = (await resend('EMMA@doverdrones.example')) as Response
	const unknown = (await resend('nobody@nowhere.example')) as Response
	expect(known.status).toBe(302)
	expect(unknown.status).toBe(302)
	expect(known.headers.get('Location')).toBe(unknown.headers.get('Location'))
	expect(applicationByToken(first)).toBeUndefined()
	const links = getDb().select().from(outbox).where(eq(outbox.kind, 'application_link')).all()
	const latest = links.filter((m) => m.toAddress === 'emma@doverdrones.example').at(-1)!
	const newToken = /\/application\/([A-Za-z0-9_-]{43})/.exec(latest.body)![1]!
	expect(newToken).not.toBe(first)
	expect(applicationByToken(newToken)!.projectName).toBe('Dover Drones')
	expect(links.some((m) => m.toAddress === 'nobody@nowhere.example')).toBe(false)
})
