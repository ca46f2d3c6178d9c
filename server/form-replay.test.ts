import { FormReplayStore, type ResponseSnapshot } from './form-replay'

const page = (text: string): ResponseSnapshot => ({
	status: 302,
	headers: [['location', text]],
	body: Buffer.from(text),
	nonce: 'n',
})

function storeAt(options: { keepResponsesMs?: number; maxEntries?: number } = {}) {
	const clock = { now: 0 }
	const store = new FormReplayStore({ keepTokensMs: 60_000, ...options, clock: () => clock.now })
	return { store, clock }
}

async function submit(store: FormReplayStore, key: string, response = page(`/${key}`)) {
	const claim = await store.claim(key)
	if (claim.kind === 'first') claim.complete(response)
	return claim.kind
}

test('a token sent again gets the first response while it is kept, then is refused as spent', async () => {
	const { store, clock } = storeAt({ keepResponsesMs: 10_000 })
	expect(await submit(store, 'a')).toBe('first')
	clock.now = 9_999
	const again = await store.claim('a')
	expect(again.kind === 'replay' && again.snapshot.body.toString()).toBe('/a')
	// past its time by a few milliseconds only: not replayed, whenever the store last tidied up
	clock.now = 10_050
	expect((await store.claim('a')).kind).toBe('spent')
})

test('a rejected submission does not spend its token', async () => {
	const { store } = storeAt()
	const claim = await store.claim('b')
	expect(claim.kind).toBe('first')
	if (claim.kind === 'first') claim.release()
	expect(await submit(store, 'b')).toBe('first')
})

test('the memory keeps at most maxEntries tokens, the oldest go first', async () => {
	const { store, clock } = storeAt({ maxEntries: 3 })
	for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
		clock.now += 10
		await submit(store, key)
	}
	// each new token finds the memory full and makes room: never more than one over the cap
	expect(store.size).toBeLessThanOrEqual(4)
	expect((await store.claim('k5')).kind).toBe('replay')
	expect((await store.claim('k1')).kind).toBe('first')
})

test('tokens past their time are forgotten', async () => {
	const { store, clock } = storeAt()
	await submit(store, 'old')
	clock.now = 61_000
	await submit(store, 'new')
	expect(store.size).toBe(1)
})
