/*
 * The freeze probe: while a 50,000-row contact file is checked and imported and 10 other users
 * save things, a trivial request (a static file) goes out every 50 ms. If anything holds the
 * event loop, the probe waits; if the import holds the write lock, the writers wait or fail.
 *
 * The import goes through the import pipeline's pages over HTTP (/import/contacts: upload,
 * the check's progress, the preview's confirmation, the write's progress), as a manager's
 * browser does; the rows it added are counted in the database at the end.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { type Answer, type CookieJar, form, request, stats, tokenFields } from './http'

const PROBE_EVERY_MS = 50
const WRITERS = 10
const ROWS = 50_000
const DOMAIN = 'freeze-probe.example'

export function contactFile(rows: number) {
	const lines = [
		'first_name,last_name,email,phone,job_title,organisation,country,languages,tags,lawful_basis',
	]
	for (let i = 0; i < rows; i++) {
		lines.push(
			`Sam,Probe ${i},probe${i}@${DOMAIN},+44 1304 ${String(240000 + (i % 760000)).padStart(6, '0')},Buyer,Probe Org ${i % 500},${i % 2 ? 'United Kingdom' : 'FR'},"en,fr","kent,port",legitimate_interest`,
		)
	}
	return `${lines.join('\n')}\n`
}

function multipart(
	fields: [string, string][],
	file: { name: string; field: string; text: string },
) {
	const boundary = `----tektosbench${Math.random().toString(16).slice(2)}`
	const parts: Buffer[] = []
	for (const [name, value] of fields) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
			),
		)
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
		),
		Buffer.from(file.text),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	)
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

type Session = { url: string; jar: CookieJar }

// a connection per request: a kept-alive socket the server has just closed would fail the
// next request with ECONNRESET, which says nothing about the app
const fresh = new http.Agent({ keepAlive: false })

async function get(s: Session, path: string) {
	const answer = await request(s.url + path, { agent: fresh, headers: { cookie: s.jar.header() } })
	s.jar.take(answer)
	return answer
}

async function post(s: Session, path: string, body: string | Buffer, contentType: string) {
	const answer = await request(s.url + path, {
		agent: fresh,
		method: 'POST',
		headers: { cookie: s.jar.header(), 'content-type': contentType },
		body,
	})
	s.jar.take(answer)
	return answer
}

const html = (a: Answer) => a.body.toString('utf8')

/** The import's state as its page shows it: a progress bar while it reads or writes. */
function importState(page: string) {
	const bar = /<progress[^>]*max="(\d+)"[^>]*value="(\d+)"/.exec(page)
	if (bar) return { running: true, done: Number(bar[2]), total: Number(bar[1]) }
	return {
		running: false,
		done: 0,
		total: 0,
		finished: page.includes('data-testid="import-outcome"'),
	}
}

/** Polls the import's page (as its own revalidation does) until it stops reading or writing. */
async function untilSettled(s: Session, location: string) {
	const deadline = performance.now() + 20 * 60_000
	for (;;) {
		if (performance.now() > deadline) throw new Error('the import did not finish in 20 minutes')
		const page = await get(s, location)
		if (page.status !== 200) throw new Error(`the import page answered ${page.status}`)
		const state = importState(html(page))
		if (!state.running) return { page: html(page), ...state }
		await new Promise((r) => setTimeout(r, 250))
	}
}

/**
 * The import pipeline over HTTP, as a manager does it (issue 15): upload the file on
 * /import/contacts, wait while the worker reads and checks it, confirm the preview ("import",
 * create and update), then follow the progress until the page says it is done.
 */
async function importOverHttp(s: Session, text: string) {
	const page = '/import/contacts'
	const tokens = tokenFields(html(await get(s, page)))
	const file = { name: 'freeze-probe.csv', field: 'file', text }
	const started = performance.now()
	const upload = multipart([['intent', 'upload'], ...tokens], file)
	const uploaded = await post(s, page, upload.body, upload.contentType)
	const location = String(uploaded.headers.location ?? '')
	const token = new URL(location || '/', s.url).searchParams.get('s')
	if (!token) throw new Error(`the upload answered ${uploaded.status} without an import`)
	const checked = await untilSettled(s, location)
	const checkMs = performance.now() - started
	if (!/name="intent" value="import"|value="import"[^>]*name="intent"/.test(checked.page)) {
		throw new Error('the checked import offers no confirmation')
	}
	const confirmed = performance.now()
	const answer = await post(
		s,
		location,
		form([
			['intent', 'import'],
			['token', token],
			['mode', 'create_update'],
			...tokenFields(checked.page).filter(([name]) => name !== 'token'),
		]),
		'application/x-www-form-urlencoded',
	)
	if (answer.status < 300 || answer.status >= 400) {
		throw new Error(`the confirmation answered ${answer.status}`)
	}
	const written = await untilSettled(s, location)
	if (!written.finished) throw new Error('the import ended without its outcome')
	return { checkMs, writeMs: performance.now() - confirmed }
}

export async function freezeProbe({
	url,
	cookieJar,
	databaseFile,
	today,
}: {
	url: string
	cookieJar: CookieJar
	databaseFile: string
	today: string
}) {
	const db = new Database(databaseFile, { readonly: true })
	const { last } = db.prepare(`SELECT coalesce(max(id), 0) AS last FROM contacts`).get() as {
		last: number
	}
	// the rows added since the start: a range of rowids, cheap to count every 250 ms
	const countNew = db.prepare(`SELECT count(*) AS n FROM contacts WHERE id > ?`)
	const imported = () => (countNew.get(last) as { n: number }).n
	const contactIds = (
		db
			.prepare(`SELECT id FROM contacts WHERE erased_at IS NULL ORDER BY id LIMIT ${WRITERS * 5}`)
			.all() as { id: number }[]
	).map((r) => r.id)
	const session: Session = { url, jar: cookieJar }
	let running = true

	// the probe: a static file every 50 ms, on its own connection
	const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 4 })
	const probeLatencies: number[] = []
	let probeErrors = 0
	const probes: Promise<void>[] = []
	// what counts is "while the file is checked and imported": from the upload to the page that
	// says it is done. The writers start 3 s before, while the fresh server warms up (its first
	// renders compile the code), and stop 2 s after; probes sent then are not counted.
	let counting = false
	const probeTimer = setInterval(() => {
		const counted = counting
		probes.push(
			request(`${url}/favicon.svg`, { agent: probeAgent })
				.then((a) => {
					if (!counted) return
					if (a.status === 200) probeLatencies.push(a.ms)
					else probeErrors++
				})
				.catch(() => void (counted && probeErrors++)),
		)
	}, PROBE_EVERY_MS)

	// ten users logging a call on a contact, one after the other, a breath apart
	const writeLatencies: number[] = []
	let failedWrites = 0
	const failures = new Map<string, number>()
	const writer = async (w: number) => {
		let tokens: [string, string][] | null = null
		for (let i = 0; running; i++) {
			const id = contactIds[(w * 5 + (i % 5)) % contactIds.length]!
			try {
				if (tokens === null || tokens.length)
					tokens = tokenFields(html(await get(session, `/contacts/${id}`)))
				const started = performance.now()
				const answer = await post(
					session,
					`/contacts/${id}`,
					form([
						['intent', 'log-interaction'],
						['kind', 'call'],
						['date', today],
						['summary', `Bench writer ${w}, call ${i}`],
						...tokens,
					]),
					'application/x-www-form-urlencoded',
				)
				writeLatencies.push(performance.now() - started)
				if (answer.status < 300 || answer.status >= 400) {
					failedWrites++
					failures.set(String(answer.status), (failures.get(String(answer.status)) ?? 0) + 1)
				}
			} catch (error) {
				failedWrites++
				const key = (error as Error).message.slice(0, 40)
				failures.set(key, (failures.get(key) ?? 0) + 1)
			}
			await new Promise((r) => setTimeout(r, 100))
		}
	}
	const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))

	await new Promise((r) => setTimeout(r, 3_000))
	const before = imported()
	const text = contactFile(ROWS)
	const importStarted = performance.now()
	let timing: { checkMs: number; writeMs: number } | null = null
	let failure: unknown = null
	counting = true
	try {
		timing = await importOverHttp(session, text)
	} catch (error) {
		failure = error
	}
	counting = false
	const importMs = performance.now() - importStarted
	const done = imported() - before
	await new Promise((r) => setTimeout(r, 2_000))
	running = false
	clearInterval(probeTimer)
	await Promise.all(writers)
	await Promise.all(probes)
	probeAgent.destroy()
	db.close()
	return {
		rows: ROWS,
		importedRows: done,
		checkMs: timing?.checkMs ?? null,
		writeMs: timing?.writeMs ?? null,
		importMs,
		failure: failure ? String(failure) : null,
		probe: { ...stats(probeLatencies), errors: probeErrors },
		writes: {
			...stats(writeLatencies),
			failed: failedWrites,
			failures: Object.fromEntries(failures),
		},
	}
}
