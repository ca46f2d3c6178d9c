/*
 * The freeze probe: while a 50,000-row contact file is checked and imported and 10 other users
 * save things, a trivial request (a static file) goes out every 50 ms. If anything holds the
 * event loop, the probe waits; if the import holds the write lock, the writers wait or fail.
 *
 * The import goes through whatever import endpoint the app has: the contact import page of
 * issue 7 (/contacts/import: check, then import), or the import pipeline (/import/contacts:
 * upload, then import once the analysis is ready). When it is over is read from the database.
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

async function get(s: Session, path: string) {
	const answer = await request(s.url + path, { headers: { cookie: s.jar.header() } })
	s.jar.take(answer)
	return answer
}

async function post(s: Session, path: string, body: string | Buffer, contentType: string) {
	const answer = await request(s.url + path, {
		method: 'POST',
		headers: { cookie: s.jar.header(), 'content-type': contentType },
		body,
	})
	s.jar.take(answer)
	return answer
}

const html = (a: Answer) => a.body.toString('utf8')

/** Starts the import of `text` and resolves once the app has accepted to write it. */
async function startImport(s: Session, text: string) {
	const pipeline = (await get(s, '/import/contacts')).status === 200
	const page = pipeline ? '/import/contacts' : '/contacts/import'
	const tokens = tokenFields(html(await get(s, page)))
	const file = { name: 'freeze-probe.csv', field: 'file', text }
	const checkStarted = performance.now()
	if (pipeline) {
		const upload = multipart([['intent', 'upload'], ...tokens], file)
		const uploaded = await post(s, page, upload.body, upload.contentType)
		const location = String(uploaded.headers.location ?? '')
		const token = new URL(location, s.url).searchParams.get('s')
		if (!token) throw new Error(`upload answered ${uploaded.status} without a session`)
		// the analysis runs in the background: "import" is refused (400) until it is ready
		for (;;) {
			const fresh = tokenFields(html(await get(s, location)))
			const started = await post(
				s,
				location,
				form([['intent', 'import'], ['token', token], ['mode', 'create_update'], ...fresh]),
				'application/x-www-form-urlencoded',
			)
			if (started.status >= 300 && started.status < 400) break
			if (started.status !== 400) throw new Error(`import answered ${started.status}`)
			await new Promise((r) => setTimeout(r, 500))
		}
		return { endpoint: page, checkMs: performance.now() - checkStarted }
	}
	const upload = multipart([['intent', 'check'], ...tokens], file)
	const checked = await post(s, page, upload.body, upload.contentType)
	const checkMs = performance.now() - checkStarted
	const token = /name="token"[^>]*value="([^"]+)"/.exec(html(checked))?.[1]
	if (!token) throw new Error(`the check answered ${checked.status} without a token`)
	const fresh = tokenFields(html(checked)).filter(([name]) => name !== 'token')
	const started = await post(
		s,
		page,
		form([['intent', 'import'], ['token', token], ['mode', 'valid'], ...fresh]),
		'application/x-www-form-urlencoded',
	)
	if (started.status < 300 || started.status >= 400) {
		throw new Error(`the import answered ${started.status}`)
	}
	return { endpoint: page, checkMs }
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
	const probeTimer = setInterval(() => {
		probes.push(
			request(`${url}/favicon.svg`, { agent: probeAgent })
				.then((a) => {
					if (a.status === 200) probeLatencies.push(a.ms)
					else probeErrors++
				})
				.catch(() => void probeErrors++),
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
			if (tokens === null || tokens.length)
				tokens = tokenFields(html(await get(session, `/contacts/${id}`)))
			const started = performance.now()
			try {
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
	const { endpoint, checkMs } = await startImport(session, text)
	let done = imported() - before
	const deadline = performance.now() + 15 * 60_000
	while (done < ROWS && performance.now() < deadline) {
		await new Promise((r) => setTimeout(r, 250))
		done = imported() - before
	}
	const importMs = performance.now() - importStarted
	await new Promise((r) => setTimeout(r, 2_000))
	running = false
	clearInterval(probeTimer)
	await Promise.all(writers)
	await Promise.all(probes)
	probeAgent.destroy()
	db.close()
	return {
		endpoint,
		rows: ROWS,
		importedRows: done,
		checkMs,
		importMs,
		probe: { ...stats(probeLatencies), errors: probeErrors },
		writes: {
			...stats(writeLatencies),
			failed: failedWrites,
			failures: Object.fromEntries(failures),
		},
	}
}
