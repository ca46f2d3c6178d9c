import { Worker } from 'node:worker_threads'
import { enterWrites, holdForWorker, type WriteGate } from './write-gate.server'

/*
 * Issue 14 item 5, decision 0043: a submission waits for the import worker's transaction
 * without holding the server's thread, and the worker waits for the submissions inside.
 */
const newGate = (): WriteGate => new Int32Array(new SharedArrayBuffer(8))
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/**
 * A worker that takes the gate as holdForWorker does (the same two numbers, the same order) and
 * holds it until told to let go. Written out here because a worker cannot load the TypeScript
 * module without the app's loader.
 */
function workerHolding(gate: WriteGate) {
	const release = new Int32Array(new SharedArrayBuffer(4))
	const worker = new Worker(
		`const { workerData, parentPort } = require('node:worker_threads')
		const { gate, release } = workerData
		Atomics.store(gate, 1, 1)
		while (Atomics.compareExchange(gate, 0, 0, -1) !== 0) Atomics.wait(gate, 0, Atomics.load(gate, 0), 5)
		Atomics.store(gate, 1, 0)
		parentPort.postMessage('inside')
		Atomics.wait(release, 0, 0)
		Atomics.store(gate, 0, 0)
		Atomics.notify(gate, 0)
		parentPort.postMessage('left')`,
		{ eval: true, workerData: { gate, release } },
	)
	const next = () => new Promise((resolve) => worker.once('message', resolve))
	const inside = next()
	return {
		inside,
		letGo: async () => {
			const left = next()
			Atomics.store(release, 0, 1)
			Atomics.notify(release, 0)
			await left
			await worker.terminate()
		},
	}
}

test('a submission waits for the worker’s transaction, and the server answers others meanwhile', async () => {
	const gate = newGate()
	const worker = workerHolding(gate)
	await worker.inside
	let entered = false
	const entering = enterWrites(gate).then((leave) => {
		entered = true
		return leave
	})
	// the event loop keeps turning (timers fire) while the submission waits
	for (let turn = 0; turn < 10; turn++) await tick()
	expect(entered).toBe(false)
	await worker.letGo()
	;(await entering)()
	expect(entered).toBe(true)
})

test('the worker waits until the submissions inside have left, and new ones wait behind it', async () => {
	const gate = newGate()
	const leaveFirst = await enterWrites(gate)
	const worker = workerHolding(gate)
	let workerInside = false
	void worker.inside.then(() => (workerInside = true))
	// the worker has asked for the gate (however long its thread took to start)…
	while (Atomics.load(gate, 1) === 0) await tick()
	for (let turn = 0; turn < 10; turn++) await tick()
	// …and does not get it while a submission is inside
	expect(workerInside).toBe(false)
	// a submission arriving while the worker waits goes after it
	let secondEntered = false
	const second = enterWrites(gate).then((leave) => {
		secondEntered = true
		return leave
	})
	await tick()
	expect(secondEntered).toBe(false)
	leaveFirst()
	await worker.inside
	expect(secondEntered).toBe(false)
	await worker.letGo()
	;(await second)()
})

test('the worker goes in at once when no submission is inside, and lets them in after', async () => {
	const gate = newGate()
	const order: string[] = []
	holdForWorker(gate, () => order.push('worker'))
	const leave = await enterWrites(gate)
	order.push('submission')
	leave()
	leave() // leaving twice counts once
	expect(order).toEqual(['worker', 'submission'])
	expect(Array.from(gate)).toEqual([0, 0])
})

test('a submission that never leaves holds the worker back only for its patience', () => {
	const gate = newGate()
	void enterWrites(gate)
	const started = performance.now()
	expect(holdForWorker(gate, () => 'written', { patienceMs: 30 })).toBe('written')
	expect(performance.now() - started).toBeGreaterThanOrEqual(25)
	// the submission is still counted in: the worker did not take its place
	expect(gate[0]).toBe(1)
})
