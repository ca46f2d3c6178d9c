import { eq } from 'drizzle-orm'
import { contacts } from '#db/schema/index'
import { createContact, createOrganisation, createUser } from '#tests/factories'
import { viewerOf } from '#tests/factories-contacts'
import { fullScans, statementsDuring } from '#tests/query-plans'
import { getDb } from '~/utils/db.server'
import { analyseImport, WRITE_CHUNK, writeImport } from './pipeline.server'

/*
 * Issue 14 item 5, without a stopwatch: what keeps an import from holding the server or the
 * write lock at network scale is that every lookup it makes goes through an index (its cost
 * does not grow with the 100,000 contacts already there), and that it writes in chunks, each
 * its own transaction. How long that takes on a given machine is `npm run bench`'s business.
 */

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)

test('checking and writing a contact file finds stored people and organisations through indexes only', () => {
	const viewer = viewerOf(createUser({ role: 'manager' }))
	const port = createOrganisation({ name: 'Port de Douvres' })
	createContact({
		firstName: 'Hélène',
		lastName: 'Marchand',
		email: 'helene.marchand@douvres.example',
		organisationId: port.id,
	})
	createContact({ firstName: 'Paul', lastName: 'Caron', email: null })
	const file = csv([
		'first_name,last_name,email,organisation,country',
		// a known e-mail: an update
		'Hélène,Marchand,HELENE.MARCHAND@douvres.example,Port de Douvres,GB',
		// no e-mail, the one contact of that name: matched on it
		'Paul,Caron,,,FR',
		// new, in a known organisation (another case) and in a new one
		'Amy,Hart,amy.hart@douvres.example,port de douvres,GB',
		'Tom,Reed,tom.reed@ferries.example,Kent Ferries,GB',
	])
	let result: ReturnType<typeof analyseImport> | undefined
	const checking = statementsDuring(() => {
		result = analyseImport({
			kind: 'contacts',
			bytes: file,
			fileName: 'x.csv',
			settings: {},
			viewer,
		})
	})
	if (!result || 'problem' in result) throw new Error('the file was not read')
	expect(result.analysis.counts).toMatchObject({ total: 4, create: 2, update: 2, error: 0 })
	const plan = result.plan
	const writing = statementsDuring(() => {
		expect(writeImport({ kind: 'contacts', plan, viewer })).toMatchObject({
			created: 2,
			organisationsCreated: 1,
		})
	})
	const amy = getDb()
		.select()
		.from(contacts)
		.where(eq(contacts.email, 'amy.hart@douvres.example'))
		.get()
	expect(amy?.organisationId).toBe(port.id)

	expect(checking.some((s) => /"contacts"/.test(s))).toBe(true)
	expect(writing.some((s) => /"organisations"/.test(s))).toBe(true)
	expect(fullScans([...checking, ...writing])).toEqual([])
})

test('a large plan is written in transactions of WRITE_CHUNK rows, each committed before the next begins', () => {
	const viewer = viewerOf(createUser({ role: 'manager' }))
	const rows = WRITE_CHUNK * 2 + 7
	const file = csv([
		'first_name,last_name,email,country',
		...Array.from({ length: rows }, (_, i) => `Ana,Chunk ${i},ana.chunk${i}@chunks.example,FR`),
	])
	const result = analyseImport({
		kind: 'contacts',
		bytes: file,
		fileName: 'x.csv',
		settings: {},
		viewer,
	})
	if ('problem' in result) throw new Error('the file was not read')
	const client = getDb().$client
	const progress: { done: number; inTransaction: boolean; stored: number }[] = []
	const timings = { transactions: 0, longestMs: 0 }
	writeImport(
		{ kind: 'contacts', plan: result.plan, viewer },
		(done) =>
			progress.push({
				done,
				// between two chunks nothing is held: another user's save can go through
				inTransaction: client.inTransaction,
				stored: (
					client
						.prepare(`SELECT count(*) AS n FROM contacts WHERE email LIKE '%@chunks.example'`)
						.get() as { n: number }
				).n,
			}),
		timings,
	)
	expect(progress).toEqual([
		{ done: WRITE_CHUNK, inTransaction: false, stored: WRITE_CHUNK },
		{ done: WRITE_CHUNK * 2, inTransaction: false, stored: WRITE_CHUNK * 2 },
		{ done: rows, inTransaction: false, stored: rows },
	])
	expect(timings.transactions).toBe(3)
})

test('a worker’s chunks follow the pace of the last transaction: fewer rows when it was slow, up to WRITE_CHUNK when fast', () => {
	const viewer = viewerOf(createUser({ role: 'manager' }))
	const rows = 600
	const file = csv([
		'first_name,last_name,email,country',
		...Array.from({ length: rows }, (_, i) => `Léa,Pace ${i},lea.pace${i}@pace.example,FR`),
	])
	const result = analyseImport({
		kind: 'contacts',
		bytes: file,
		fileName: 'x.csv',
		settings: {},
		viewer,
	})
	if ('problem' in result) throw new Error('the file was not read')
	const chunks = (plan: typeof result.plan, msPerTransaction: number) => {
		// a clock read twice per transaction: each transaction "takes" msPerTransaction
		let t = 0
		const clock = () => (t += msPerTransaction)
		const done: number[] = []
		writeImport({ kind: 'contacts', plan, viewer }, (n) => done.push(n), undefined, {
			targetMs: 20,
			pauseMs: 0,
			clock,
		})
		return done.map((n, i) => n - (done[i - 1] ?? 0))
	}
	// slow (100 ms for the first 50 rows): ten rows at a time from then on
	const slow = chunks(result.plan.slice(0, 100), 100)
	expect(slow).toEqual([50, 10, 10, 10, 10, 10])
	// fast (1 ms for 50 rows): as many as WRITE_CHUNK allows
	const fast = chunks(result.plan.slice(100), 1)
	expect(fast).toEqual([50, WRITE_CHUNK, 500 - 50 - WRITE_CHUNK])
	expect(
		getDb()
			.select()
			.from(contacts)
			.all()
			.filter((c) => c.email?.endsWith('@pace.example')).length,
	).toBe(rows)
})
