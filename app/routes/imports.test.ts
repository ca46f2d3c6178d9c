import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { contacts } from '#db/schema/index'
import { createStartup, createUser } from '#tests/factories'
import {
	actionArgs,
	dataOf,
	get,
	loaderArgs,
	post,
	sessionCookie,
	settle,
	statusOf,
} from '#tests/request'
import { pendingImportsDir, sweepStored } from '~/models/import/store.server'
import { now } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import { action, loader } from './_app.import.$kind'
import { loader as errorFile } from './_app.import.$kind.errors[.csv]'

/*
 * The import page through its real loader and action: upload, preview, confirm — and an
 * import waiting for its confirmation that outlives a restart of the server.
 */

const fixture = (name: string) => new Uint8Array(fs.readFileSync(`tests/fixtures/imports/${name}`))

function upload(kind: string, cookie: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
	const form = new FormData()
	form.set('intent', 'upload')
	form.set('file', new File([bytes], name, { type: 'text/csv' }))
	const request = new Request(`http://localhost:3000/import/${kind}`, {
		method: 'POST',
		body: form,
		headers: { Cookie: cookie },
	})
	return action(actionArgs(request, { params: { kind } }))
}

async function tokenOf(response: unknown) {
	expect(response).toBeInstanceOf(Response)
	const location = (response as Response).headers.get('Location') ?? ''
	const token = new URL(location, 'http://localhost').searchParams.get('s')
	expect(token).toMatch(/^[\w-]{24}$/)
	return token!
}

async function page(kind: string, cookie: string, token: string) {
	return dataOf(
		await loader(loaderArgs(get(`/import/${kind}?s=${token}`, cookie), { params: { kind } })),
	)
}

/** What a restart does to the server's memory. */
function restartServer() {
	globalThis.__importSessions = undefined
}

const storedFiles = (token: string) =>
	fs.readdirSync(pendingImportsDir()).filter((name) => name.startsWith(token))

test('a checked import waiting for its confirmation survives a restart, and is written on confirmation', async () => {
	const manager = createUser({ role: 'manager' })
	const cookie = await sessionCookie(manager.id)
	const token = await tokenOf(
		await upload('contacts', cookie, 'Kontakte.csv', fixture('german-headers.csv')),
	)
	const before = await page('contacts', cookie, token)
	expect(before.session?.analysis?.counts).toMatchObject({ total: 2, create: 2 })
	// the upload and what the page shows, readable by the server's user only
	expect(storedFiles(token).sort()).toEqual([`${token}.json`, `${token}.upload`])
	for (const name of storedFiles(token)) {
		expect(fs.statSync(path.join(pendingImportsDir(), name)).mode & 0o077).toBe(0)
	}

	restartServer()
	const after = await page('contacts', cookie, token)
	expect(after.expired).toBe(false)
	expect(after.session).toMatchObject({ fileName: 'Kontakte.csv', status: 'ready' })
	expect(after.session?.analysis).toEqual(before.session?.analysis)

	// nobody else may see it or confirm it
	const other = await sessionCookie(createUser({ role: 'manager' }).id)
	restartServer()
	expect((await page('contacts', other, token)).session).toBeNull()
	const stolen = await action(
		actionArgs(post('/import/contacts', { intent: 'import', token }, other), {
			params: { kind: 'contacts' },
		}),
	)
	expect(statusOf(stolen)).toBe(400)
	expect(
		getDb().select().from(contacts).where(eq(contacts.email, 'g.schaefer@deutsch.example')).all(),
	).toHaveLength(0)

	// the owner confirms after the restart: the file is checked again and written
	restartServer()
	await action(
		actionArgs(post('/import/contacts', { intent: 'import', token }, cookie), {
			params: { kind: 'contacts' },
		}),
	)
	const done = await page('contacts', cookie, token)
	expect(done.session).toMatchObject({ status: 'done', outcome: { created: 2 } })
	const gunther = getDb()
		.select()
		.from(contacts)
		.where(eq(contacts.email, 'g.schaefer@deutsch.example'))
		.get()
	expect(gunther).toMatchObject({ lastName: 'Schäfer', country: 'other', countryCode: 'DE' })
})

test('the error file comes back after a restart; a discarded import leaves nothing on disk', async () => {
	const cookie = await sessionCookie(createUser({ role: 'manager' }).id)
	const csv = 'Vorname;Nachname;E-Mail-Adresse;Land\nAnke;Großmann;pas-une-adresse;Österreich\n'
	const token = await tokenOf(
		await upload('contacts', cookie, 'fehler.csv', new TextEncoder().encode(csv)),
	)
	restartServer()
	const response = (await errorFile(
		loaderArgs(get(`/import/contacts/errors.csv?s=${token}`, cookie), {
			params: { kind: 'contacts' },
		}),
	)) as Response
	const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n')
	expect(lines[0]).toBe('Vorname,Nachname,E-Mail-Adresse,Land,Erreur d’import')
	expect(lines[1]).toMatch(/^Anke,Großmann,pas-une-adresse,Österreich,E-mail/)

	const discarded = await action(
		actionArgs(post('/import/contacts', { intent: 'discard', token }, cookie), {
			params: { kind: 'contacts' },
		}),
	)
	expect(statusOf(discarded)).toBe(302)
	expect(storedFiles(token)).toEqual([])
	restartServer()
	expect(await page('contacts', cookie, token)).toMatchObject({ session: null, expired: true })
})

test('an import left unconfirmed expires, and a write cut short by a restart says so', async () => {
	const founderStartup = createStartup({ name: 'Redémarrage SAS' })
	const founder = createUser({ role: 'founder', startupId: founderStartup.id })
	const cookie = await sessionCookie(founder.id)
	const token = await tokenOf(
		await upload('funding', cookie, 'financements.csv', fixture('funding-history.csv')),
	)
	const metaFile = path.join(pendingImportsDir(), `${token}.json`)
	const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'))

	// a restart in the middle of the write: what was committed stays, the page says what happened
	fs.writeFileSync(metaFile, JSON.stringify({ ...meta, status: 'writing' }))
	restartServer()
	const interrupted = await page('funding', cookie, token)
	expect(interrupted.session).toMatchObject({
		status: 'failed',
		problem: { key: 'import:errors.interrupted' },
	})

	// an hour after its last change, an import is gone — from the page and from the disk
	fs.writeFileSync(metaFile, JSON.stringify({ ...meta, expiresAt: now().getTime() - 1 }))
	restartServer()
	expect(await page('funding', cookie, token)).toMatchObject({ session: null, expired: true })
	expect(storedFiles(token)).toEqual([])

	const again = await tokenOf(
		await upload('funding', cookie, 'financements.csv', fixture('funding-history.csv')),
	)
	const againFile = path.join(pendingImportsDir(), `${again}.json`)
	fs.writeFileSync(
		againFile,
		JSON.stringify({ ...JSON.parse(fs.readFileSync(againFile, 'utf8')), expiresAt: 0 }),
	)
	expect(sweepStored(now().getTime())).toBeGreaterThanOrEqual(1)
	expect(storedFiles(again)).toEqual([])
})

test('whatever a token says, the page answers without touching another file', async () => {
	const cookie = await sessionCookie(createUser({ role: 'manager' }).id)
	for (const token of ['../../session-secret', '..%2F..%2Fx', 'x'.repeat(24), '']) {
		const result = await settle(() =>
			loader(
				loaderArgs(get(`/import/contacts?s=${encodeURIComponent(token)}`, cookie), {
					params: { kind: 'contacts' },
				}),
			),
		)
		expect(statusOf(result)).toBe(200)
		expect(dataOf(result as never)).toMatchObject({ session: null })
		const posted = await settle(() =>
			action(
				actionArgs(post('/import/contacts', { intent: 'import', token }, cookie), {
					params: { kind: 'contacts' },
				}),
			),
		)
		expect(statusOf(posted)).toBe(400)
	}
	const partner = await sessionCookie(createUser({ role: 'partner' }).id)
	expect(
		statusOf(
			await settle(() =>
				loader(loaderArgs(get('/import/contacts', partner), { params: { kind: 'contacts' } })),
			),
		),
	).toBe(403)
})
