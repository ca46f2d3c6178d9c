import { eq } from 'drizzle-orm'
import { startups } from '#db/schema/index'
import { createStartup, createUser, nextId, sirenFor } from '#tests/factories'
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
import { getDb } from '~/utils/db.server'
import { action, loader } from './_app.startups.import'
import { loader as templateLoader } from './_app.startups.import.template[.csv]'

const BASE = 'http://localhost:3000'

async function signedIn(role: 'manager' | 'founder' | 'mentor' | 'partner') {
	const user = createUser({ role })
	return { user, cookie: await sessionCookie(user.id) }
}

/** A multipart POST as the browser sends it: FormData sets the boundary itself. */
function upload(fields: Record<string, string | File>, cookie: string) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) body.append(name, value)
	return new Request(`${BASE}/startups/import`, {
		method: 'POST',
		body,
		headers: { Cookie: cookie },
	})
}

const csvFile = (text: string, name = 'startups.csv') =>
	new File([text], name, { type: 'text/csv' })
const countStartups = () => getDb().select({ id: startups.id }).from(startups).all().length

type ActionResult = {
	result: { status?: string; error?: Record<string, string[] | null> }
	preview: {
		summary: { rows: number; valid: number; invalid: number }
		importable: boolean
		rows: { line: number; errors: { key: string }[] }[]
	} | null
	csv?: string
}
const actionData = (result: unknown) => dataOf(result) as ActionResult

test('founders, mentors and partners get 403 on the page, the template and the action', async () => {
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		const { cookie } = await signedIn(role)
		expect(statusOf(await settle(() => loader(loaderArgs(get('/startups/import', cookie)))))).toBe(
			403,
		)
		expect(
			statusOf(
				await settle(() =>
					templateLoader(loaderArgs(get('/startups/import/template.csv', cookie))),
				),
			),
		).toBe(403)
		const before = countStartups()
		const text = `name,sector\nSneaky ${role},logistics\n`
		const attempts: Record<string, string | File>[] = [
			{ intent: 'preview', file: csvFile(text) },
			{ intent: 'import', csv: text },
		]
		for (const fields of attempts) {
			expect(statusOf(await settle(() => action(actionArgs(upload(fields, cookie)))))).toBe(403)
		}
		expect(countStartups()).toBe(before)
	}
	// signed out: to the sign-in page, not a 403
	const res = (await settle(() => loader(loaderArgs(get('/startups/import'))))) as Response
	expect(res.status).toBe(302)
})

test('a manager downloads the template: the columns and two example rows', async () => {
	const { cookie } = await signedIn('manager')
	const res = await templateLoader(loaderArgs(get('/startups/import/template.csv', cookie)))
	expect(res.headers.get('Content-Type')).toContain('text/csv')
	expect(res.headers.get('Content-Disposition')).toContain('.csv')
	const lines = (await res.text())
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
	expect(lines[0]).toBe(
		'name,legal_name,siren,companies_house_number,sector,stage,status,cohort,entered_on,left_on,website,pitch_fr,pitch_en,uk_focus,target_markets',
	)
	expect(lines).toHaveLength(3)
	// the page documents the same columns
	const page = await loader(loaderArgs(get('/startups/import', cookie)))
	expect(page.columns.map((c) => c.name).join(',')).toBe(lines[0])
	expect(page.columns.filter((c) => c.required).map((c) => c.name)).toEqual(['name', 'sector'])
})

test('a manager previews a file, nothing is written, then imports it and is told how many', async () => {
	const { cookie } = await signedIn('manager')
	const siren = sirenFor(nextId())
	const text = [
		'name,siren,sector,stage,status,uk_focus,pitch_en',
		`Calais Cargo Cloud,${siren},logistics,prototype,incubated,yes,"Freight data.\nBoth sides."`,
		'Douvres Design,,design,Idée,Candidate,non,',
	].join('\r\n')
	const before = countStartups()

	const preview = await action(
		actionArgs(upload({ intent: 'preview', file: csvFile(text) }, cookie)),
	)
	expect(statusOf(preview)).toBe(200)
	const data = actionData(preview)
	expect(data.preview).toMatchObject({
		summary: { rows: 2, valid: 2, invalid: 0 },
		importable: true,
	})
	expect(countStartups()).toBe(before)
	expect(data.csv).toBe(text)

	const res = (await settle(() =>
		action(actionArgs(upload({ intent: 'import', csv: data.csv! }, cookie))),
	)) as Response
	expect(res.status).toBe(302)
	expect(res.headers.get('Location')).toBe('/startups')
	expect(res.headers.get('Set-Cookie')).toContain('tektos_toast')
	expect(countStartups()).toBe(before + 2)
	expect(getDb().select().from(startups).where(eq(startups.siren, siren)).get()).toMatchObject({
		name: 'Calais Cargo Cloud',
		stage: 'prototype',
		ukFocus: true,
		// the same line break as in the file, whatever the form did to it on the way back
		pitchEn: 'Freight data.\nBoth sides.',
	})
})

test('a preview with errors offers no import; an import sent anyway writes nothing (400)', async () => {
	const { cookie } = await signedIn('manager')
	const taken = createStartup({ name: 'Already Here' })
	const text = `name,siren,sector\nNew One,${taken.siren},logistics\nOther,,\n`
	const before = countStartups()

	const preview = actionData(
		await action(actionArgs(upload({ intent: 'preview', file: csvFile(text) }, cookie))),
	)
	expect(preview.preview).toMatchObject({
		summary: { rows: 2, valid: 0, invalid: 2 },
		importable: false,
	})
	expect(preview.csv).toBeUndefined()
	expect(preview.preview?.rows[0]?.errors.map((e) => e.key)).toEqual([
		'startups:import.errors.sirenTaken',
	])

	// the server never trusts the preview: the text posted for import is checked again
	const forced = await settle(() =>
		action(actionArgs(upload({ intent: 'import', csv: text }, cookie))),
	)
	expect(statusOf(forced)).toBe(400)
	expect(actionData(forced).preview?.summary.invalid).toBe(2)
	expect(countStartups()).toBe(before)
})

test('a valid preview that a colleague makes stale is refused at import, writing nothing', async () => {
	const { cookie } = await signedIn('manager')
	const siren = sirenFor(nextId())
	const text = `name,siren,sector\nFirst Come,${siren},logistics\nSecond,,energy\n`
	const preview = actionData(
		await action(actionArgs(upload({ intent: 'preview', file: csvFile(text) }, cookie))),
	)
	expect(preview.preview?.importable).toBe(true)
	createStartup({ name: 'Faster Colleague', siren })
	const before = countStartups()

	const res = await settle(() =>
		action(actionArgs(upload({ intent: 'import', csv: preview.csv! }, cookie))),
	)
	expect(statusOf(res)).toBe(400)
	expect(actionData(res).result.error?.['']).toEqual(['startups:import.notImported'])
	expect(countStartups()).toBe(before)
})

test('a malformed, oversized or non-CSV upload is a 400 with a message, never a 500', async () => {
	const { cookie } = await signedIn('manager')
	const before = countStartups()
	const fileErrorOf = async (request: Request) => {
		const result = await settle(() => action(actionArgs(request)))
		expect(statusOf(result)).toBe(400)
		return actionData(result).result.error?.file
	}

	// an Excel workbook is a zip archive
	const xlsx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], 'startups.xlsx')
	expect(await fileErrorOf(upload({ intent: 'preview', file: xlsx }, cookie))).toEqual([
		'startups:import.errors.workbook',
	])
	const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00])], 'logo.png')
	expect(await fileErrorOf(upload({ intent: 'preview', file: image }, cookie))).toEqual([
		'startups:import.errors.notCsv',
	])
	const pdf = new File(['%PDF-1.7 text only'], 'startups.pdf', { type: 'application/pdf' })
	expect(await fileErrorOf(upload({ intent: 'preview', file: pdf }, cookie))).toEqual([
		'startups:import.errors.notCsv',
	])
	// 1.5 MB of Windows-1252 accents weigh 3 MB once sent back as UTF-8 for the import
	const accents = new File(
		[Buffer.from('name,sector,pitch_fr\nA,x,'), new Uint8Array(1_500_000).fill(0xe9)],
		'accents.csv',
	)
	expect(await fileErrorOf(upload({ intent: 'preview', file: accents }, cookie))).toEqual([
		'startups:import.errors.tooBig',
	])
	const huge = csvFile(`name,sector\n${'Big Startup,logistics\n'.repeat(100_000)}`)
	expect(huge.size).toBeGreaterThan(2_000_000)
	expect(await fileErrorOf(upload({ intent: 'preview', file: huge }, cookie))).toEqual([
		'startups:import.errors.tooBig',
	])
	// no file chosen: the browser sends an empty part with no name
	expect(await fileErrorOf(upload({ intent: 'preview', file: new File([], '') }, cookie))).toEqual([
		'startups:import.errors.fileMissing',
	])
	// not multipart at all, or a multipart body cut short
	expect(
		await fileErrorOf(post('/startups/import', { intent: 'import', csv: 'name,sector' }, cookie)),
	).toEqual(['startups:import.errors.unreadable'])
	const broken = new Request(`${BASE}/startups/import`, {
		method: 'POST',
		body: '--xyz\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview',
		headers: { Cookie: cookie, 'Content-Type': 'multipart/form-data; boundary=xyz' },
	})
	const brokenResult = await settle(() => action(actionArgs(broken)))
	expect(statusOf(brokenResult)).toBe(400)
	// an unknown intent
	const weird = await settle(() =>
		action(actionArgs(upload({ intent: 'launch-rocket', csv: 'x' }, cookie))),
	)
	expect(statusOf(weird)).toBe(400)
	expect(countStartups()).toBe(before)
})
